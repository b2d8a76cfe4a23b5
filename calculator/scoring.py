"""Applying the rule table: scores per option, the options ruled out, and the winner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .answers import Answers
from .rules import OPTIONS, RULES, Rule

__all__ = ["TIE_ORDER", "Scored", "decide", "score"]

# On equal scores, prefer the option with fewer moving parts.
TIE_ORDER: tuple[str, ...] = ("rag", "prompt-engineering", "fine-tuning", "hybrid")

_INDEX = {option: i for i, option in enumerate(OPTIONS)}
_TIE_RANK = tuple(TIE_ORDER.index(option) for option in OPTIONS)


def _compile(rule: Rule) -> tuple[Callable[[Answers], bool], tuple[float, ...], int]:
    deltas = [0.0] * len(OPTIONS)
    for option, delta in rule.effects:
        deltas[_INDEX[option]] += delta
    mask = 0
    for option in rule.excludes:
        mask |= 1 << _INDEX[option]
    return rule.applies, tuple(deltas), mask


# Flips score the answers dozens of times per result, so the table is pre-digested into
# index-based deltas and bit masks once at import.
_COMPILED = tuple(_compile(rule) for rule in RULES)


@dataclass(frozen=True, kw_only=True, slots=True)
class Scored:
    """Raw points per option (in OPTIONS order), options ruled out, rules applied, the winner."""

    raw: tuple[float, ...]
    excluded: tuple[str, ...]
    applied: tuple[Rule, ...]
    recommendation: str
    runner_up: str | None


def _rank(raw: list[float], mask: int) -> list[int]:
    allowed = [i for i in range(len(OPTIONS)) if not mask >> i & 1]
    return sorted(allowed, key=lambda i: (-raw[i], _TIE_RANK[i]))


def decide(a: Answers) -> str:
    """The recommendation alone, as cheaply as possible."""
    s0 = s1 = s2 = s3 = 0.0
    mask = 0
    for applies, d, m in _COMPILED:
        if applies(a):
            s0 += d[0]
            s1 += d[1]
            s2 += d[2]
            s3 += d[3]
            mask |= m
    best, best_key = 0, (float("inf"), 0)
    for i, s in enumerate((s0, s1, s2, s3)):
        if mask >> i & 1:
            continue
        key = (-s, _TIE_RANK[i])
        if key < best_key:
            best, best_key = i, key
    return OPTIONS[best]


def score(a: Answers) -> Scored:
    """Apply every rule and rank the options that are not ruled out."""
    raw = [0.0] * len(OPTIONS)
    mask = 0
    applied: list[Rule] = []
    for rule, (applies, deltas, m) in zip(RULES, _COMPILED, strict=True):
        if applies(a):
            applied.append(rule)
            for i, d in enumerate(deltas):
                raw[i] += d
            mask |= m
    ranked = _rank(raw, mask)
    return Scored(
        raw=tuple(raw),
        excluded=tuple(o for i, o in enumerate(OPTIONS) if mask >> i & 1),
        applied=tuple(applied),
        recommendation=OPTIONS[ranked[0]],
        runner_up=OPTIONS[ranked[1]] if len(ranked) > 1 else None,
    )
