"""Flips: the smallest change to one answer that changes the recommendation."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .answers import Answers
from .fields import FIELDS, Field
from .scoring import decide

__all__ = ["candidates", "find_flips"]

_FLIP_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f.flips)


def candidates(field: Field) -> tuple[object, ...]:
    """The values tried for a field, in its natural order."""
    if field.kind == "choice":
        return field.choices
    return field.ladder


def _position(ladder: tuple[object, ...], value: object) -> float:
    """Where the current value sits in the ladder; between rungs when it is not on one."""
    if value in ladder:
        return float(ladder.index(value))
    if not isinstance(value, int | float):
        return float(len(ladder))
    below = [
        i for i, rung in enumerate(ladder) if isinstance(rung, int | float) and rung < value
    ]
    return (below[-1] if below else -1) + 0.5


def _with(a: Answers, name: str, value: object) -> Answers:
    changes: dict[str, Any] = {name: value}
    return replace(a, **changes)


def find_flips(a: Answers, recommendation: str) -> list[dict[str, object]]:
    """For each field, the nearest values on either side that change the recommendation."""
    flips: list[dict[str, object]] = []
    for field in _FLIP_FIELDS:
        current = getattr(a, field.name)
        ladder = candidates(field)
        if not field.ordered:
            for value in ladder:
                if value == current:
                    continue
                new = decide(_with(a, field.name, value))
                if new != recommendation:
                    flips.append({"field": field.name, "value": value, "recommendation": new})
            continue
        here = _position(ladder, current)
        downward = [i for i in range(len(ladder)) if i < here][::-1]
        upward = [i for i in range(len(ladder)) if i > here]
        for side in (downward, upward):
            for i in side:
                value = ladder[i]
                new = decide(_with(a, field.name, value))
                if new != recommendation:
                    flips.append({"field": field.name, "value": value, "recommendation": new})
                    break
    return flips
