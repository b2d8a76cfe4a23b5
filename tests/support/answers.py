"""Hypothesis strategies for valid answers, built from the engine's field table."""

from __future__ import annotations

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


def answers_strategy(*, economics: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """A dict of answers with any subset of the fields set to valid values.

    Without `economics`, only the fields that can change the recommendation are drawn: about a
    third of the cost per case, for laws about the decision alone.
    """
    fields = [f for f in FIELDS if economics or f.group != "economics"]
    return st.fixed_dictionaries({}, optional={f.name: value_strategy(f) for f in fields})
