"""The caveat table: well formed, in the order results show it, and every condition reachable."""

from __future__ import annotations

from typing import Any

import pytest

from calculator import recommend
from calculator.caveats import CAVEATS, Caveat
from calculator.patterns import PATTERNS_BY_ID
from calculator.rules import RULES

# Passed for a field to leave it out of a pattern's example.
_LEFT_OUT = object()


def _example(pattern_id: str, **changes: Any) -> dict[str, Any]:
    """A pattern's example answers with some changed or left out."""
    answers = {**PATTERNS_BY_ID[pattern_id].example_answers, **changes}
    return {name: value for name, value in answers.items() if value is not _LEFT_OUT}

_FRESH_AND_SLOW = {
    "need": "knowledge", "corpus_change": "weekly", "citations_required": True,
    "latency_budget_ms": 400, "retrieval_overhead_ms": 250,
}

# For each caveat, answers that show it; none shows for the empty answers.
SHOWN_BY: dict[str, dict[str, Any]] = {
    "critical-latency": _FRESH_AND_SLOW,
    "no-persistent-index": _example("sensitive-data"),
    "few-hundred-examples": _example("proprietary-tone", labeled_examples=200),
    "prompting-first": {"need": "behavior", "prompting_tried": "no"},
    "verdict-rag-overruled": {"corpus_tokens": 20000, "calls_per_day": 200},
    "verdict-fine-tuning-outweighed": {"need": "behavior", "can_fine_tune": False},
    "collect-examples": _example("proprietary-tone", labeled_examples=20),
    "training-not-considered": {"can_fine_tune": False},
    "send-and-discard": _example("sensitive-data"),
    "last-resort": {
        "sensitive_data": "no-persistent-index", "can_fine_tune": False, "corpus_tokens": None,
    },
    "change-rate-unknown": _example("critical-latency", corpus_change=_LEFT_OUT),
    # Behaviour and moving knowledge, with no time to retrieve it.
    "facts-go-stale": {
        "need": "both", "corpus_change": "monthly",
        "latency_budget_ms": 400, "retrieval_overhead_ms": 250,
    },
    "examples-unknown": _example("proprietary-tone", labeled_examples=_LEFT_OUT),
    "prompt-untried": _example("proprietary-tone", prompting_tried="no"),
    "measure-retrieval-latency": _FRESH_AND_SLOW,
    "no-payback": _example("closed-terminology"),
}


def test_ids_are_unique_and_every_caveat_has_an_example() -> None:
    ids = [caveat.id for caveat in CAVEATS]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(SHOWN_BY)


def test_rule_caveats_come_first_in_rule_order() -> None:
    with_caveat = [rule for rule in RULES if rule.caveat]
    assert [(c.id, c.text) for c in CAVEATS[: len(with_caveat)]] == [
        (rule.id, rule.caveat) for rule in with_caveat
    ]


@pytest.mark.parametrize("caveat", CAVEATS, ids=lambda c: c.id)
def test_caveat_shows_for_its_example_and_not_by_default(caveat: Caveat) -> None:
    assert caveat.text in recommend(SHOWN_BY[caveat.id])["caveats"]
    assert caveat.text not in recommend({})["caveats"]


def test_a_result_lists_its_caveats_in_table_order() -> None:
    texts = recommend(_example("sensitive-data"))["caveats"]
    order = [c.text for c in CAVEATS]
    assert len(texts) > 1
    assert texts == sorted(texts, key=order.index)
