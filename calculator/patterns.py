"""The six patterns where fine-tuning wins: what triggers each, and the source's example case."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .answers import Answers
from .conditions import Condition, answer_is, at_volume, calls_at_least
from .framework import FAST_CHANGES, knowledge_rate, latency_critical

__all__ = [
    "HIGH_VOLUME",
    "PATTERNS",
    "PATTERNS_BY_ID",
    "PATTERN_IDS",
    "SMALL_CORPUS",
    "Pattern",
    "at_volume",
    "corpus_size",
    "match_patterns",
]

# "Thousands of calls a day" in the source: the volume at which per-call savings add up.
HIGH_VOLUME = 1000
# Knowledge this small fits in a prompt with room to spare (a few dozen pages).
SMALL_CORPUS = 50_000


@dataclass(frozen=True, kw_only=True, slots=True)
class Pattern:
    """A pattern: its id and title, the answers that trigger it, and the source's example."""

    id: str
    title: str
    trigger: str
    trigger_fields: tuple[str, ...]
    predicate: Callable[[Answers], bool]
    example: str
    example_answers: Mapping[str, object]


def corpus_size(a: Answers) -> float | None:
    """The size of the knowledge the reader gave, infinite for "unknown or large"; else None.

    None also for a behaviour-only gap, which has no knowledge to size.
    """
    if a.need == "behavior" or not a.known("corpus_tokens"):
        return None
    return float("inf") if a.corpus_tokens is None else float(a.corpus_tokens)


def _narrow(a: Answers) -> bool:
    rate = knowledge_rate(a)
    if not at_volume(a, HIGH_VOLUME):
        return False
    # Knowledge, if the gap has any, must be known to hold still for a month or more.
    if a.need != "behavior" and (rate is None or rate in FAST_CHANGES):
        return False
    if a.task_shape in ("classification", "extraction"):
        return True
    size = corpus_size(a)
    return a.task_shape == "question-answering" and size is not None and size <= SMALL_CORPUS


def _pattern(
    pattern_id: str,
    title: str,
    condition: Condition,
    example: str,
    *,
    note: str = "",
    **example_answers: object,
) -> Pattern:
    """A pattern triggered by `condition`; `note` follows its words in the trigger."""
    return Pattern(
        id=pattern_id,
        title=title,
        trigger=f"{condition.words}{note}.",
        trigger_fields=condition.reads,
        predicate=condition.test,
        example=example,
        example_answers=MappingProxyType(example_answers),
    )


PATTERNS: tuple[Pattern, ...] = (
    _pattern(
        "proprietary-tone", "Proprietary tone at scale",
        answer_is("tone", "proprietary") & calls_at_least(HIGH_VOLUME),
        "Support replies written in an approved company voice, thousands a day.",
        need="behavior", tone="proprietary", task_shape="styled-generation",
        calls_per_day=5000, labeled_examples=2000,
        # Reviewers who keep correcting the prompted voice: the saving training brings.
        prompted_review_monthly_cost=3000,
    ),
    _pattern(
        "critical-latency", "Critical latency",
        Condition(
            "`latency_budget_ms` is set and `retrieval_overhead_ms` is at least a quarter of it",
            latency_critical,
            ("latency_budget_ms", "retrieval_overhead_ms"),
        ),
        "A real-time voice agent: retrieval would add 250 ms to a 400 ms budget.",
        note=" (question 3)",
        need="knowledge", corpus_change="quarterly", latency_budget_ms=400,
        retrieval_overhead_ms=250, calls_per_day=20000, labeled_examples=1000,
    ),
    _pattern(
        "closed-terminology", "Closed terminology",
        answer_is("terminology", "closed"),
        "An insurer or drug maker whose internal codes appear in no public text.",
        need="behavior", corpus_change="monthly", terminology="closed",
        calls_per_day=3000, labeled_examples=800,
        # A glossary of internal terms sent with every prompt.
        prompt_tokens=6000,
    ),
    _pattern(
        "consistency-at-scale", "Consistency at scale",
        answer_is("consistency", "strict") & calls_at_least(HIGH_VOLUME),
        "Thousands of calls a day that must come back in the same form every time.",
        need="behavior", consistency="strict", task_shape="styled-generation",
        calls_per_day=5000, labeled_examples=1500, prompted_review_monthly_cost=2000,
    ),
    _pattern(
        "sensitive-data", "Sensitive data",
        answer_is("sensitive_data", "no-persistent-index"),
        "Clinical protocols that may be used for training but may not stay in an index.",
        note=" (question 4)",
        need="knowledge", corpus_change="yearly", sensitive_data="no-persistent-index",
        # A protocol library far larger than a prompt.
        corpus_tokens=2_000_000,
        calls_per_day=2000, labeled_examples=600,
    ),
    _pattern(
        "narrow-domain", "Narrow high-frequency domain",
        Condition(
            f"`calls_per_day` is at least {HIGH_VOLUME:,}, `task_shape` is `classification` or "
            "`extraction`, or `question-answering` over a knowledge of at most "
            f"{SMALL_CORPUS:,} `corpus_tokens`, and any knowledge in the gap changes `monthly` "
            "or slower",
            _narrow,
            ("need", "task_shape", "calls_per_day", "corpus_change", "corpus_tokens"),
        ),
        "Sorting support tickets into 15 fixed categories, many thousands a day.",
        need="behavior", corpus_change="static", corpus_tokens=2000,
        task_shape="classification", calls_per_day=20000, labeled_examples=5000,
        # Category descriptions and worked examples in, one label out.
        prompt_tokens=3000, output_tokens=10,
    ),
)

PATTERNS_BY_ID: dict[str, Pattern] = {p.id: p for p in PATTERNS}
PATTERN_IDS: tuple[str, ...] = tuple(p.id for p in PATTERNS)


def match_patterns(answers: Answers) -> list[str]:
    """Ids of the patterns the answers trigger, in table order."""
    return [p.id for p in PATTERNS if p.predicate(answers)]
