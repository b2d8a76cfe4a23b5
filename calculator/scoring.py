"""Applying the rule table: scores per option, the options ruled out, and the winner."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .answers import Answers
from .contract import OPTIONS, TIE_ORDER, Option
from .rules import RULES, Rule

__all__ = [
    "COMPILED",
    "TIE_ORDER",
    "CompiledRule",
    "Scored",
    "allowed_mask",
    "decide",
    "pick",
    "score",
]

_INDEX: dict[str, int] = {option: i for i, option in enumerate(OPTIONS)}
_TIE_RANK = tuple(TIE_ORDER.index(option) for option in OPTIONS)
_TIE_VISIT = tuple(_INDEX[option] for option in TIE_ORDER)
_ALL = (1 << len(OPTIONS)) - 1
# When every option is ruled out, prompting with what each request needs is what remains: it
# keeps nothing standing and trains nothing.
_LAST_RESORT = 1 << _INDEX["prompt-engineering"]


def allowed_mask(mask: int) -> int:
    """The exclusion mask actually applied: never every option, prompting is the last resort."""
    return mask & ~_LAST_RESORT if mask == _ALL else mask

CompiledRule = tuple[Callable[[Answers], bool], tuple[float, ...], int]


def _compile(rule: Rule) -> CompiledRule:
    deltas = [0.0] * len(OPTIONS)
    for option, delta in rule.effects:
        deltas[_INDEX[option]] += delta
    mask = 0
    for option in rule.excludes:
        mask |= 1 << _INDEX[option]
    return rule.applies, tuple(deltas), mask


# Flips score the answers dozens of times per result, so the table is pre-digested into
# index-based deltas and bit masks once, at import.
COMPILED: tuple[CompiledRule, ...] = tuple(_compile(rule) for rule in RULES)


@dataclass(frozen=True, kw_only=True, slots=True)
class Scored:
    """Raw points per option (in OPTIONS order), options ruled out, rules applied, the winner.

    `last_resort` is true when the rules ruled out every option and prompting was kept anyway.
    """

    raw: tuple[float, ...]
    excluded: tuple[str, ...]
    applied: tuple[Rule, ...]
    recommendation: Option
    runner_up: Option | None
    last_resort: bool = False


def _rank(raw: Sequence[float], mask: int) -> list[int]:
    allowed = [i for i in range(len(OPTIONS)) if not mask >> i & 1]
    return sorted(allowed, key=lambda i: (-raw[i], _TIE_RANK[i]))


def pick(raw: Sequence[float], mask: int) -> Option:
    """The highest-scoring option not ruled out by `mask`; ties go by TIE_ORDER."""
    mask = allowed_mask(mask)
    # Visiting options in tie order and replacing only on a strictly higher score breaks ties
    # without sorting, which matters because flips call this dozens of times per result.
    best = -1
    best_score = 0.0
    for i in _TIE_VISIT:
        if not mask >> i & 1 and (best < 0 or raw[i] > best_score):
            best, best_score = i, raw[i]
    return OPTIONS[best]


def decide(a: Answers) -> Option:
    """The recommendation alone, without the bookkeeping of score()."""
    raw = [0.0] * len(OPTIONS)
    mask = 0
    for applies, deltas, m in COMPILED:
        if applies(a):
            for i, d in enumerate(deltas):
                raw[i] += d
            mask |= m
    return pick(raw, mask)


def score(a: Answers) -> Scored:
    """Apply every rule and rank the options that are not ruled out."""
    raw = [0.0] * len(OPTIONS)
    mask = 0
    applied: list[Rule] = []
    for rule, (applies, deltas, m) in zip(RULES, COMPILED, strict=True):
        if applies(a):
            applied.append(rule)
            for i, d in enumerate(deltas):
                raw[i] += d
            mask |= m
    last_resort = mask == _ALL
    mask = allowed_mask(mask)
    ranked = _rank(raw, mask)
    return Scored(
        raw=tuple(raw),
        excluded=tuple(o for i, o in enumerate(OPTIONS) if mask >> i & 1),
        applied=tuple(applied),
        recommendation=OPTIONS[ranked[0]],
        runner_up=OPTIONS[ranked[1]] if len(ranked) > 1 else None,
        last_resort=last_resort,
    )
