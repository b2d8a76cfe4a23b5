"""Hypothesis strategies for valid answers, built from the engine's field table."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from calculator.fields import FIELDS, Field


def value_strategy(field: Field) -> st.SearchStrategy[Any]:
    """Any valid value of one field, leaning towards the values rules and flips care about."""
    if field.kind == "choice":
        base: st.SearchStrategy[Any] = st.sampled_from(field.choices)
    elif field.kind == "bool":
        base = st.booleans()
    else:
        low = field.minimum if field.minimum is not None else 0
        high = field.maximum if field.maximum is not None else 1e7
        rungs = [v for v in field.ladder if v is not None]
        if field.kind == "int":
            numbers: st.SearchStrategy[Any] = st.integers(int(low), int(high))
        else:
            numbers = st.floats(
                low, high, allow_nan=False, allow_infinity=False,
                exclude_min=field.exclusive_minimum,
            )
        base = st.one_of(st.sampled_from(rungs), numbers) if rungs else numbers
    return st.one_of(st.none(), base) if field.nullable else base


def answers_strategy() -> st.SearchStrategy[dict[str, Any]]:
    """A dict of answers with any subset of the fields set to valid values."""
    return st.fixed_dictionaries({}, optional={f.name: value_strategy(f) for f in FIELDS})
