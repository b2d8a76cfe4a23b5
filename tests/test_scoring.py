"""Scores, exclusions and the tie order."""

from __future__ import annotations

from calculator.answers import normalise
from calculator.rules import OPTIONS
from calculator.scoring import TIE_ORDER, decide, pick, score


def test_decide_agrees_with_score() -> None:
    for answers in ({}, {"need": "behavior", "labeled_examples": 500}, {"need": "both"}):
        a = normalise(answers)
        assert decide(a) == score(a).recommendation


def test_ties_prefer_fewer_moving_parts() -> None:
    assert pick([1.0, 1.0, 1.0, 1.0], 0) == TIE_ORDER[0] == "rag"
    assert pick([1.0, 1.0, 1.0, 1.0], 0b0010) == "prompt-engineering"


def test_ruled_out_options_never_win() -> None:
    everything_but_pe = 0b1110
    assert pick([0.0, 9.0, 9.0, 9.0], everything_but_pe) == "prompt-engineering"


def test_score_reports_exclusions_and_runner_up() -> None:
    scored = score(normalise({"sensitive_data": "no-persistent-index", "labeled_examples": 0}))
    assert set(scored.excluded) == {"rag", "fine-tuning", "hybrid"}
    assert scored.recommendation == "prompt-engineering"
    assert scored.runner_up is None
    assert len(scored.raw) == len(OPTIONS)
