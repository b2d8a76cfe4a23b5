"""recommend(): golden results for the source's examples, and the shape of every result.

Golden files live in tests/golden/. After a deliberate change to the rules, refresh them with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_engine.py` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from calculator import AnswerError, recommend, to_adr, to_markdown
from calculator.errors import AnswersNotObjectError, UnknownFieldError
from calculator.patterns import PATTERNS_BY_ID

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

# name: (answers, recommendation, patterns)
CASES: dict[str, tuple[dict[str, Any], str, list[str]]] = {
    # Support replies in an approved company voice at volume.
    "proprietary-tone": (
        dict(PATTERNS_BY_ID["proprietary-tone"].example_answers), "fine-tuning",
        ["proprietary-tone"],
    ),
    # A real-time voice agent: 250 ms of retrieval against a 400 ms budget.
    "critical-latency": (
        dict(PATTERNS_BY_ID["critical-latency"].example_answers), "fine-tuning",
        ["critical-latency"],
    ),
    # Insurance and pharmaceutical codes that appear in no public text.
    "closed-terminology": (
        dict(PATTERNS_BY_ID["closed-terminology"].example_answers), "fine-tuning",
        ["closed-terminology"],
    ),
    # Thousands of calls a day that must come back in the same form.
    "consistency-at-scale": (
        dict(PATTERNS_BY_ID["consistency-at-scale"].example_answers), "fine-tuning",
        ["consistency-at-scale"],
    ),
    # Clinical protocols that may not stay in a persistent index.
    "sensitive-data": (
        dict(PATTERNS_BY_ID["sensitive-data"].example_answers), "fine-tuning",
        ["sensitive-data"],
    ),
    # Ticket triage into 15 fixed categories at high frequency.
    "narrow-domain": (
        dict(PATTERNS_BY_ID["narrow-domain"].example_answers), "fine-tuning",
        ["narrow-domain"],
    ),
    # None of the four questions applies: the source's default.
    "no-question-applies": ({}, "rag", []),
    # The proprietary-tone case before any examples have been collected.
    "too-few-examples": (
        {**PATTERNS_BY_ID["proprietary-tone"].example_answers, "labeled_examples": 20},
        "prompt-engineering",
        ["proprietary-tone"],
    ),
    # Trained voice on top of knowledge that changes weekly.
    "hybrid-voice-and-fresh-knowledge": (
        {"need": "both", "corpus_change": "weekly", "tone": "proprietary", "calls_per_day": 5000,
         "labeled_examples": 1000},
        "hybrid",
        ["proprietary-tone"],
    ),
    # A small handbook at low volume fits in a cached prompt.
    "small-corpus-low-volume": (
        {"corpus_tokens": 20000, "calls_per_day": 200}, "prompt-engineering", [],
    ),
    # Behaviour need, plenty of examples, but no way to fine-tune.
    "no-fine-tuning-route": (
        {**PATTERNS_BY_ID["consistency-at-scale"].example_answers, "can_fine_tune": False},
        "prompt-engineering",
        ["consistency-at-scale"],
    ),
}


def _check(path: Path, text: str) -> None:
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} was missing and has been written; review and commit it")
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} differs; if the change is intended, rerun with UPDATE_GOLDEN=1"
    )


@pytest.mark.parametrize("name", list(CASES))
def test_golden_case(name: str) -> None:
    answers, recommendation, patterns = CASES[name]
    result = recommend(answers)
    assert result["recommendation"] == recommendation
    assert result["patterns"] == patterns
    _check(GOLDEN / f"{name}.json", json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    _check(GOLDEN / f"{name}.adr.md", to_adr(result))


def test_no_question_applies_is_the_source_default() -> None:
    result = recommend({})
    assert result["framework_verdict"] == "rag"
    assert not any(q["points_to_fine_tuning"] for q in result["questions"])


def test_too_few_examples_says_to_collect_them() -> None:
    result = recommend(CASES["too-few-examples"][0])
    assert result["reasons"][0]["rule"] == "too-few-examples"
    assert "collect" in result["reasons"][0]["text"]
    assert result["scores"]["fine-tuning"] == 0
    assert {"field": "labeled_examples", "value": 50, "recommendation": "fine-tuning"} in (
        result["flips"]
    )


def test_few_hundred_examples_lower_the_confidence() -> None:
    many = recommend(CASES["proprietary-tone"][0])
    few = recommend({**CASES["proprietary-tone"][0], "labeled_examples": 120})
    assert few["recommendation"] == "fine-tuning"
    assert few["confidence"] < many["confidence"]


def test_sensitive_data_rules_out_the_index_and_warns_about_memorisation() -> None:
    result = recommend(CASES["sensitive-data"][0])
    assert result["scores"]["rag"] == 0
    assert any("memorisation" in c for c in result["caveats"])


def test_no_fine_tuning_route_names_the_access_that_would_change_it() -> None:
    result = recommend(CASES["no-fine-tuning-route"][0])
    assert {"field": "can_fine_tune", "value": True, "recommendation": "fine-tuning"} in (
        result["flips"]
    )
    assert result["scores"]["fine-tuning"] == result["scores"]["hybrid"] == 0


def test_reasons_are_ranked_with_the_decisive_rule_first() -> None:
    result = recommend(CASES["narrow-domain"][0])
    assert result["reasons"][0]["rule"] == "narrow-domain"
    assert result["reasons"][-1]["rule"] != "narrow-domain"


def test_recommend_raises_the_first_error() -> None:
    with pytest.raises(UnknownFieldError) as caught:
        recommend({"needs": "behavior", "tone": "loud"})
    assert caught.value.field == "needs"
    with pytest.raises(AnswersNotObjectError):
        recommend(["need"])  # type: ignore[arg-type]
    with pytest.raises(AnswerError, match=r"^tone: expected one of 'generic', "):
        recommend({"tone": "loud"})


def test_results_are_repeatable_and_do_not_share_state() -> None:
    first = recommend(CASES["hybrid-voice-and-fresh-knowledge"][0])
    first["flips"].clear()
    again = recommend(CASES["hybrid-voice-and-fresh-knowledge"][0])
    assert again["flips"]
    fresh = recommend(CASES["hybrid-voice-and-fresh-knowledge"][0])
    assert to_markdown(again) == to_markdown(fresh)
