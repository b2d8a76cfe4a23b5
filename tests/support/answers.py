"""Hypothesis strategies for valid answers, built from the engine's field table."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

from calculator.fields import FIELDS, Field
from calculator.patterns import HIGH_VOLUME, SMALL_CORPUS
from calculator.rules import FEW_EXAMPLES, LARGE_CORPUS, MIN_EXAMPLES, VERY_HIGH_VOLUME

# Values on either side of each threshold the rules test, so that every edge is tried often.
EDGES: dict[str, tuple[int, ...]] = {
    "corpus_tokens": (SMALL_CORPUS, SMALL_CORPUS + 1, LARGE_CORPUS, LARGE_CORPUS + 1),
    "calls_per_day": (
        99, 100, HIGH_VOLUME - 1, HIGH_VOLUME, VERY_HIGH_VOLUME - 1, VERY_HIGH_VOLUME,
    ),
    "labeled_examples": (MIN_EXAMPLES - 1, MIN_EXAMPLES, FEW_EXAMPLES - 1, FEW_EXAMPLES, 999, 1000),
}


def value_strategy(field: Field) -> st.SearchStrategy[Any]:
    """Any valid value of one field, leaning towards the values rules and flips care about."""
    if field.kind == "choice":
        base: st.SearchStrategy[Any] = st.sampled_from(field.choices)
    elif field.kind == "bool":
        base = st.booleans()
    else:
        low = field.minimum if field.minimum is not None else 0
        high = field.maximum if field.maximum is not None else 1e7
        rungs = [v for v in (*field.ladder, *EDGES.get(field.name, ())) if v is not None]
        if field.kind == "int":
            numbers: st.SearchStrategy[Any] = st.integers(int(low), int(high))
        else:
            numbers = st.floats(
                low, high, allow_nan=False, allow_infinity=False,
                exclude_min=field.exclusive_minimum,
            )
        base = st.one_of(st.sampled_from(rungs), numbers) if rungs else numbers
    return st.one_of(st.none(), base) if field.nullable else base


def _pool(field: Field) -> tuple[Any, ...]:
    """The values of a field the rules care about: choices, ladder rungs, edges and bounds."""
    if field.kind == "choice":
        return field.choices
    if field.kind == "bool":
        return (False, True)
    low = field.minimum if field.minimum is not None else 0
    values: set[Any] = {v for v in (*field.ladder, *EDGES.get(field.name, ())) if v is not None}
    values |= {field.maximum if field.maximum is not None else 1e7}
    values |= {low} if not field.exclusive_minimum else set()
    if field.default is not None:
        values.add(field.default)
    return ((None,) if field.nullable else ()) + tuple(sorted(values, key=float))


def _any_value(field: Field, rng: random.Random) -> Any:
    pool = _pool(field)
    if field.kind in ("choice", "bool") or rng.random() < 0.7:
        return rng.choice(pool)
    low = field.minimum if field.minimum is not None else 0
    high = field.maximum if field.maximum is not None else 1e7
    # Spread over orders of magnitude, as real answers are, rather than evenly.
    value = low + (high - low) * rng.random() ** 8
    if field.kind == "int":
        return int(value)
    return value if value > low or not field.exclusive_minimum else high


def values_from(fields: list[Field], mask: int, seed: int) -> dict[str, Any]:
    """Values for the fields whose bit is set in `mask`, drawn from a generator seeded `seed`."""
    rng = random.Random(seed)
    drawn = {f.name: _any_value(f, rng) for f in fields}
    return {f.name: drawn[f.name] for i, f in enumerate(fields) if mask >> i & 1}


def answers_strategy(
    *, economics: bool = True, fields: list[Field] | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    """A dict of answers with any subset of the fields set to valid values.

    Two draws make a case: a mask of the fields given and a seed for their values. The laws run
    2,000 cases each, and a draw per field made Hypothesis's own bookkeeping the larger part of
    the run. Shrinking still reads well: the mask shrinks towards the fewest fields that fail.
    Without `economics`, only the fields that can change the recommendation are drawn.
    """
    chosen = fields if fields is not None else [
        f for f in FIELDS if economics or f.group != "economics"
    ]
    return _answers(chosen)


@st.composite
def _answers(draw: st.DrawFn, fields: list[Field]) -> dict[str, Any]:
    # A composite, so that a failing case prints as the answers themselves.
    mask = draw(st.integers(0, (1 << len(fields)) - 1))
    return values_from(fields, mask, draw(st.integers(0, 2**32 - 1)))
