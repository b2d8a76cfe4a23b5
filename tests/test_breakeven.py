"""calculator.breakeven: the break-even volume agrees with the economics at every answer."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given, settings

from calculator import recommend
from calculator.answers import Answers
from calculator.breakeven import SENSITIVITY_VOLUMES, WITHIN_MONTHS, break_even
from calculator.economics import estimate
from tests.support.answers import answers_strategy

PROPERTY = settings(max_examples=200, deadline=None)


def _payback(a: Answers, option: str, calls: int) -> float | None:
    """Payback as the whole result reports it at that volume: none for an option ruled out."""
    stated = {name: value for name, value in a.to_dict().items()
              if a.given is None or name in a.given}
    months = recommend({**stated, "calls_per_day": calls})["economics"]["payback_months"]
    assert isinstance(months, dict)
    value = months[option]
    return None if value is None else float(value)


def _in_time(a: Answers, option: str, calls: int) -> bool:
    months = _payback(a, option, calls)
    return months is not None and months <= WITHIN_MONTHS


@PROPERTY
@given(answers_strategy())
def test_break_even_is_the_first_volume_that_pays_back_in_time(answers: dict[str, Any]) -> None:
    a = Answers.from_dict(answers)
    found = break_even(a)
    for option, calls in found["calls_per_day"].items():
        if calls is None:
            # No volume it was judged at pays back in time either.
            assert not any(_in_time(a, option, v) for v in (*SENSITIVITY_VOLUMES, 10**9))
            assert found["against"][option] is None
            continue
        assert _in_time(a, option, calls), (option, calls)
        assert calls == 0 or not _in_time(a, option, calls - 1), (option, calls)
        against = estimate(dataclasses.replace(a, calls_per_day=calls))["payback_against"]
        assert found["against"][option] == against


@PROPERTY
@given(answers_strategy())
def test_sensitivity_is_the_engine_at_each_volume(answers: dict[str, Any]) -> None:
    found = recommend(answers)["break_even"]
    assert [v["calls_per_day"] for v in found["volumes"]] == list(SENSITIVITY_VOLUMES)
    for point in found["volumes"][::4]:
        at = recommend({**answers, "calls_per_day": point["calls_per_day"]})
        assert point["recommendation"] == at["recommendation"]
        economics = at["economics"]
        assert point["payback_against"] == economics["payback_against"]
        assert point["payback_months"] == economics["payback_months"]


# Checked by hand in the notes: monthly cost = calls/day x 30 x cost per call + fixed costs.
@pytest.mark.parametrize(
    ("answers", "fine_tuning", "hybrid"),
    [
        ({"need": "behavior", "labeled_examples": 500}, 738_159, None),
        ({"need": "both", "labeled_examples": 500, "prompt_tokens": 3000}, 3_805, None),
        ({"need": "both", "labeled_examples": 500, "prompt_tokens": 3000,
          "retrieved_tokens": 1000}, 8_453, 194_128),
    ],
)
def test_three_answer_sets_checked_by_hand(
    answers: dict[str, Any], fine_tuning: int | None, hybrid: int | None
) -> None:
    found = recommend(answers)["break_even"]["calls_per_day"]
    assert found == {"fine-tuning": fine_tuning, "hybrid": hybrid}
