"""The four questions applied literally, and question 3's threshold."""

from __future__ import annotations

import pytest

from calculator.answers import normalise
from calculator.framework import CRITICAL_SHARE, answer_questions, latency_critical, verdict


@pytest.mark.parametrize(
    ("budget", "overhead", "critical"),
    [
        (400, 250, True),  # a voice agent: most of the budget goes to retrieval
        (2000, 30, False),  # a lean pipeline inside a generous budget
        (1000, 250, True),  # exactly a quarter counts
        (1000, 249.9, False),
        (100, 600, True),  # retrieval alone exceeds the budget
        (None, 600, False),  # no budget, no latency constraint
    ],
)
def test_question_3_threshold(budget: float | None, overhead: float, critical: bool) -> None:
    a = normalise({"latency_budget_ms": budget, "retrieval_overhead_ms": overhead})
    assert latency_critical(a) is critical
    assert answer_questions(a)[2]["points_to_fine_tuning"] is critical


def test_threshold_is_a_quarter() -> None:
    assert CRITICAL_SHARE == 0.25


@pytest.mark.parametrize(
    ("answers", "pointing"),
    [
        ({}, []),
        ({"need": "behavior"}, ["q1"]),
        ({"need": "both"}, ["q1"]),
        ({"corpus_change": "quarterly"}, ["q2"]),
        ({"corpus_change": "monthly"}, []),
        ({"corpus_change": "static"}, ["q2"]),
        # Without the time retrieval adds, question 3 stays open.
        ({"latency_budget_ms": 400}, []),
        ({"latency_budget_ms": 400, "retrieval_overhead_ms": 250}, ["q3"]),
        ({"sensitive_data": "no-persistent-index"}, ["q4"]),
        ({"sensitive_data": "internal"}, []),
    ],
)
def test_which_questions_point_to_fine_tuning(
    answers: dict[str, object], pointing: list[str]
) -> None:
    questions = answer_questions(normalise(answers))
    assert [q["id"] for q in questions if q["points_to_fine_tuning"]] == pointing
    assert verdict(questions) == ("evaluate-fine-tuning" if pointing else "rag")


def test_answers_are_readable() -> None:
    critical = normalise({"latency_budget_ms": 400, "retrieval_overhead_ms": 250})
    questions = answer_questions(critical)
    assert questions[2]["answer"] == "250 ms of 400 ms (62%)"
    over = normalise({"latency_budget_ms": 100, "retrieval_overhead_ms": 250})
    assert answer_questions(over)[2]["answer"] == "250 ms of 100 ms (all of it or more)"
    assert all(q["why"] for q in questions)
