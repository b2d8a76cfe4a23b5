"""Properties that hold for every valid set of answers (hypothesis)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import PATTERN_IDS, recommend, to_adr, to_markdown, validate
from calculator.answers import Answers
from calculator.fields import FIELDS, FIELDS_BY_NAME
from calculator.flips import _latency_edges, _order
from calculator.rules import OPTIONS, RULES
from calculator.scoring import decide
from tests.support.answers import answers_strategy, value_strategy

CHANGE_RATES = FIELDS_BY_NAME["corpus_change"].choices  # fastest first
RETRIEVAL = {"rag", "hybrid"}
RESULT_KEYS = {
    "recommendation", "framework_verdict", "questions", "patterns", "scores", "confidence",
    "reasons", "flips", "caveats", "economics", "break_even", "answers",
}

# A few hundred cases per property; no deadline, because the machine may be busy.
PROPERTY = settings(max_examples=300, deadline=None)


@PROPERTY
@given(answers_strategy())
def test_any_valid_answers_give_a_valid_result(answers: dict[str, Any]) -> None:
    assert validate(answers) == []
    result = recommend(answers)
    assert RESULT_KEYS <= result.keys()
    assert result["recommendation"] in OPTIONS
    assert result["framework_verdict"] in ("rag", "evaluate-fine-tuning")
    assert [q["id"] for q in result["questions"]] == ["q1", "q2", "q3", "q4"]
    assert all(isinstance(q["points_to_fine_tuning"], bool) for q in result["questions"])
    assert result["framework_verdict"] == (
        "evaluate-fine-tuning"
        if any(q["points_to_fine_tuning"] for q in result["questions"])
        else "rag"
    )
    assert result["patterns"] == [p for p in PATTERN_IDS if p in result["patterns"]]
    assert list(result["scores"]) == list(OPTIONS)
    assert all(score >= 0 for score in result["scores"].values())
    assert 0 <= result["confidence"] <= 1
    assert {r["rule"] for r in result["reasons"]} <= {rule.id for rule in RULES}
    assert all(r["text"] and r["source"] and r["effect"] for r in result["reasons"])
    assert result["answers"] == {**Answers().to_dict(), **answers}
    # JSON-ready: survives a strict round trip unchanged.
    assert json.loads(json.dumps(result, allow_nan=False)) == result
    assert to_markdown(result).startswith("# Recommendation: ")
    assert "## Pros and Cons of the Options" in to_adr(result)


@PROPERTY
@given(answers_strategy(), st.integers(0, 10**6), st.integers(0, 10**6))
def test_more_calls_never_lower_the_fine_tuning_score(
    answers: dict[str, Any], low: int, high: int
) -> None:
    low, high = sorted((low, high))
    fewer = recommend({**answers, "calls_per_day": low})
    more = recommend({**answers, "calls_per_day": high})
    assert more["scores"]["fine-tuning"] >= fewer["scores"]["fine-tuning"]


@PROPERTY
@given(answers_strategy(), st.sampled_from(CHANGE_RATES), st.sampled_from(CHANGE_RATES))
def test_faster_knowledge_never_raises_the_fine_tuning_score(
    answers: dict[str, Any], one: str, other: str
) -> None:
    faster, slower = sorted((one, other), key=CHANGE_RATES.index)
    fast = recommend({**answers, "corpus_change": faster})
    slow = recommend({**answers, "corpus_change": slower})
    assert fast["scores"]["fine-tuning"] <= slow["scores"]["fine-tuning"]


@PROPERTY
@given(answers_strategy())
def test_citations_never_move_the_answer_away_from_retrieval(answers: dict[str, Any]) -> None:
    without = recommend({**answers, "citations_required": False})
    if without["recommendation"] in RETRIEVAL:
        assert recommend({**answers, "citations_required": True})["recommendation"] in RETRIEVAL


@PROPERTY
@given(answers_strategy())
def test_each_flip_applied_changes_the_recommendation(answers: dict[str, Any]) -> None:
    result = recommend(answers)
    for flip in result["flips"]:
        changed = recommend({**answers, flip["field"]: flip["value"]})
        assert changed["recommendation"] == flip["recommendation"]
        assert flip["recommendation"] != result["recommendation"]


@PROPERTY
@given(answers_strategy())
def test_flips_are_the_nearest_change_on_each_side(answers: dict[str, Any]) -> None:
    a = Answers.from_dict(answers)
    rec = decide(a)
    flips = {(f["field"], json.dumps(f["value"])) for f in recommend(answers)["flips"]}
    edges = _latency_edges(a)
    for field in FIELDS:
        if not field.flips:
            continue
        for side in _order(field, getattr(a, field.name), edges.get(field.name, ())):
            for value in side:
                changes = decide(Answers.from_dict({**answers, field.name: value})) != rec
                # Values before the first change are not flips; the first change is reported.
                assert ((field.name, json.dumps(value)) in flips) == changes
                if changes:
                    break


@PROPERTY
@given(answers_strategy(), st.data())
def test_rules_read_only_the_fields_they_declare(answers: dict[str, Any], data: Any) -> None:
    a = Answers.from_dict(answers)
    field = data.draw(st.sampled_from(FIELDS))
    other = Answers.from_dict({**answers, field.name: data.draw(value_strategy(field))})
    for rule in RULES:
        if field.name not in rule.reads:
            assert rule.applies(a) == rule.applies(other), (rule.id, field.name)


@PROPERTY
@given(answers_strategy())
def test_training_is_never_recommended_without_a_route_or_examples(
    answers: dict[str, Any]
) -> None:
    trained = {"fine-tuning", "hybrid"}
    assert recommend({**answers, "can_fine_tune": False})["recommendation"] not in trained
    assert recommend({**answers, "labeled_examples": 49})["recommendation"] not in trained


@PROPERTY
@given(answers_strategy())
def test_no_persistent_index_never_recommends_plain_rag(answers: dict[str, Any]) -> None:
    result = recommend({**answers, "sensitive_data": "no-persistent-index"})
    assert result["recommendation"] != "rag"
    assert "sensitive-data" in result["patterns"]


@PROPERTY
@given(answers_strategy())
def test_economics_fields_never_change_the_recommendation(answers: dict[str, Any]) -> None:
    economics = {f.name for f in FIELDS if f.group == "economics"}
    core = {k: v for k, v in answers.items() if k not in economics}
    assert recommend(answers)["recommendation"] == recommend(core)["recommendation"]
