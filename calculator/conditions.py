"""Conditions on the answers, each stated once: in words, as a test, and the fields the test reads.

Rules and patterns are built from them, so the sentence a page shows, the code that decides and
the fields flips re-test cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .answers import Answers

__all__ = ["Condition", "answer_is", "at_volume", "calls_at_least", "calls_below"]


@dataclass(frozen=True, slots=True)
class Condition:
    """A test on the answers with its wording and every field it may read."""

    words: str
    test: Callable[[Answers], bool]
    reads: tuple[str, ...]

    def __and__(self, other: Condition) -> Condition:
        first, second = self.test, other.test
        return Condition(
            f"{self.words} and {other.words}",
            lambda a: first(a) and second(a),
            tuple(dict.fromkeys((*self.reads, *other.reads))),
        )


def answer_is(field: str, value: str | bool) -> Condition:
    """The answer to `field` is `value`: "`tone` is `proprietary`", "`can_fine_tune` is false"."""
    shown = f"`{value}`" if isinstance(value, str) else str(value).lower()
    return Condition(f"`{field}` is {shown}", lambda a: getattr(a, field) == value, (field,))


def at_volume(a: Answers, calls: int) -> bool:
    """The reader gave a daily volume of at least `calls` (a default volume is no fact)."""
    return a.known("calls_per_day") and a.calls_per_day >= calls


def calls_at_least(calls: int) -> Condition:
    """The reader gave a daily volume of at least `calls`."""
    return Condition(
        f"`calls_per_day` is at least {calls:,}",
        lambda a: at_volume(a, calls),
        ("calls_per_day",),
    )


def calls_below(calls: int) -> Condition:
    """The reader gave a daily volume below `calls`."""
    return Condition(
        f"`calls_per_day` is below {calls:,}",
        lambda a: a.known("calls_per_day") and a.calls_per_day < calls,
        ("calls_per_day",),
    )
