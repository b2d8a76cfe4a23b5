"""The pattern table: each source example triggers its own pattern, and the triggers hold."""

from __future__ import annotations

import pytest

from calculator import PATTERN_IDS, validate
from calculator.answers import normalise
from calculator.patterns import HIGH_VOLUME, PATTERNS, Pattern, match_patterns

IDS = (
    "proprietary-tone", "critical-latency", "closed-terminology", "consistency-at-scale",
    "sensitive-data", "narrow-domain",
)


def test_the_six_ids() -> None:
    assert PATTERN_IDS == IDS


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.id)
def test_example_triggers_exactly_its_pattern(pattern: Pattern) -> None:
    assert validate(dict(pattern.example_answers)) == []
    assert match_patterns(normalise(pattern.example_answers)) == [pattern.id]
    assert set(pattern.trigger_fields) <= set(normalise({}).to_dict())
    assert pattern.trigger.endswith(".") and pattern.example


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"tone": "proprietary", "calls_per_day": HIGH_VOLUME - 1}, []),
        ({"tone": "proprietary", "calls_per_day": HIGH_VOLUME}, ["proprietary-tone"]),
        ({"consistency": "strict", "calls_per_day": 999}, []),
        ({"terminology": "closed", "calls_per_day": 0}, ["closed-terminology"]),
        # A volume nobody gave triggers nothing; the default of 1,000 a day is no fact.
        ({"task_shape": "extraction", "corpus_change": "monthly"}, []),
        (
            {"task_shape": "extraction", "corpus_change": "monthly", "calls_per_day": 1000},
            ["narrow-domain"],
        ),
        ({"task_shape": "extraction", "corpus_change": "weekly", "calls_per_day": 1000}, []),
        # A behaviour gap is not judged on how its knowledge changes.
        (
            {"need": "behavior", "task_shape": "extraction", "corpus_change": "weekly",
             "calls_per_day": 1000},
            ["narrow-domain"],
        ),
        (
            {"task_shape": "question-answering", "corpus_change": "yearly", "calls_per_day": 1000},
            [],
        ),
        (
            {"task_shape": "question-answering", "corpus_change": "yearly", "corpus_tokens": 40000,
             "calls_per_day": 1000},
            ["narrow-domain"],
        ),
        # Question 3 needs the time retrieval adds; without it no latency pattern is claimed.
        (
            {"latency_budget_ms": 400, "sensitive_data": "no-persistent-index"},
            ["sensitive-data"],
        ),
        (
            {"latency_budget_ms": 400, "retrieval_overhead_ms": 250,
             "sensitive_data": "no-persistent-index"},
            ["critical-latency", "sensitive-data"],
        ),
    ],
)
def test_triggers(answers: dict[str, object], expected: list[str]) -> None:
    assert match_patterns(normalise(answers)) == expected
