"""Flips: the smallest change to one answer that changes the recommendation."""

from __future__ import annotations

import functools
import math
from operator import add
from typing import cast

from .answers import Answers
from .contract import OPTIONS, Flip
from .fields import FIELDS, FIELDS_BY_NAME, Field
from .framework import CRITICAL_SHARE
from .rules import RULES
from .scoring import COMPILED, CompiledRule, pick

__all__ = ["candidates", "find_flips"]

_FLIP_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f.flips)
_MAX_BUDGET = FIELDS_BY_NAME["latency_budget_ms"].maximum or math.inf
_MAX_OVERHEAD = FIELDS_BY_NAME["retrieval_overhead_ms"].maximum or math.inf
_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
# For each field, the rules whose condition reads it: only these can change with it.
_READER_INDEX: dict[str, frozenset[int]] = {
    f.name: frozenset(i for i, rule in enumerate(RULES) if f.name in rule.reads) for f in FIELDS
}
_READERS: dict[str, tuple[CompiledRule, ...]] = {
    name: tuple(COMPILED[i] for i in sorted(index)) for name, index in _READER_INDEX.items()
}


class _Draft:
    """A mutable copy of the answers, so that trying a value costs one attribute assignment."""

    __slots__ = (*_NAMES, "given")

    def __init__(self, a: Answers) -> None:
        for name in _NAMES:
            setattr(self, name, getattr(a, name))
        self.given = a.given

    # The same test as Answers.known, which the rules call on the draft.
    known = Answers.known


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


def _latency_edges(a: Answers) -> dict[str, tuple[int, ...]]:
    """Round values on either side of question 3's edge, which moves with the other answer.

    The question turns on a ratio, so no fixed ladder can hold its edge: for a budget the
    edge is overhead / CRITICAL_SHARE, for an overhead it is budget * CRITICAL_SHARE.
    """
    edges: dict[str, tuple[int, ...]] = {}
    overhead = a.retrieval_overhead_ms
    if overhead is not None and overhead > 0:
        edge = overhead / CRITICAL_SHARE
        step = 50
        below = math.floor(edge / step) * step
        above = below + step
        edges["latency_budget_ms"] = tuple(v for v in (below, above) if 0 < v <= _MAX_BUDGET)
    if a.latency_budget_ms is not None:
        edge = a.latency_budget_ms * CRITICAL_SHARE
        step = 10
        at_or_above = math.ceil(edge / step) * step
        edges["retrieval_overhead_ms"] = tuple(
            v for v in (at_or_above - step, at_or_above) if 0 <= v <= _MAX_OVERHEAD
        )
    return edges


def _order(
    field: Field, current: object, extra: tuple[int, ...] = ()
) -> tuple[tuple[object, ...], ...]:
    """Candidate values in the order they are tried: each side nearest first, or all of them."""
    # The type goes into the key because True == 1 and 1 == 1.0 as dictionary keys.
    return _ordered(field.name, type(current).__name__, current, extra)


@functools.lru_cache(maxsize=4096)
def _ordered(
    name: str, kind: str, current: object, extra: tuple[int, ...]
) -> tuple[tuple[object, ...], ...]:
    # Flips ask for the same few orders over and over, so each is worked out once.
    field = FIELDS_BY_NAME[name]
    ladder = candidates(field)
    if extra:
        rungs = {v for v in ladder if isinstance(v, int | float)} | set(extra)
        ladder = (*sorted(rungs), *((None,) if None in ladder else ()))
    if not field.ordered:
        return tuple((v,) for v in ladder if v != current)
    here = _position(ladder, current)
    down = tuple(ladder[i] for i in range(len(ladder)) if i < here)[::-1]
    up = tuple(ladder[i] for i in range(len(ladder)) if i > here)
    return (down, up)


def find_flips(a: Answers, recommendation: str) -> list[Flip]:
    """For each field, the nearest values on either side that change the recommendation.

    Rules that do not read a field keep their verdict when only that field changes, so their
    points are summed once and only the field's readers are re-tested for each candidate.
    """
    hits = [k for k, (applies, _, _) in enumerate(COMPILED) if applies(a)]
    total = [0.0] * len(OPTIONS)
    for k in hits:
        for i, d in enumerate(COMPILED[k][1]):
            total[i] += d
    draft = _Draft(a)
    view = cast(Answers, draft)
    edges = _latency_edges(a)
    flips: list[Flip] = []
    for field in _FLIP_FIELDS:
        name = field.name
        readers = _READERS[name]
        reader_index = _READER_INDEX[name]
        rest = list(total)
        rest_mask = 0
        for k in hits:
            _, deltas, m = COMPILED[k]
            if k in reader_index:
                # Deltas are multiples of a half, so subtracting them back is exact.
                for i, d in enumerate(deltas):
                    rest[i] -= d
            else:
                rest_mask |= m
        current = getattr(a, name)
        # A flip is a value the reader gives, so the field counts as given while it is tried.
        draft.given = None if a.given is None else a.given | {name}
        for side in _order(field, current, edges.get(name, ())):
            for value in side:
                setattr(draft, name, value)
                scores = rest
                mask = rest_mask
                for applies, deltas, m in readers:
                    if applies(view):
                        # As many options as the table holds; map() keeps the sum in C.
                        scores = list(map(add, scores, deltas))
                        mask |= m
                new = pick(scores, mask)
                if new != recommendation:
                    flips.append({"field": name, "value": value, "recommendation": new})
                    break
        setattr(draft, name, current)
        draft.given = a.given
    return flips
