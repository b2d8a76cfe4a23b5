"""calculator.breakeven: the break-even volume agrees with the economics at every answer."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import breakeven, recommend
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



@PROPERTY
@given(answers_strategy(), st.integers(min_value=0, max_value=10**9))
def test_figures_do_not_depend_on_the_volume_answered(answers: dict[str, Any], calls: int) -> None:
    # What lets break_even keep its figures while only the volume changes: worked out afresh
    # (cache emptied) at another volume, given or not, they are the same.
    a = Answers.from_dict(answers)
    breakeven._break_even.cache_clear()
    first = break_even(a)
    breakeven._break_even.cache_clear()
    assert break_even(dataclasses.replace(a, calls_per_day=calls)) == first
    if a.given is not None:
        for given in (a.given | {"calls_per_day"}, a.given - {"calls_per_day"}):
            breakeven._break_even.cache_clear()
            assert break_even(dataclasses.replace(a, given=given)) == first
    # The kept figures are the ones a fresh computation gives.
    assert break_even(a) == first

# Checked by hand: a monthly cost is fixed + cost per call x calls a day x 30; the trained option
# pays back in month m when its one-off cost, m months of running and the retraining runs due by
# then (one every three months after the first) cost no more than m months of the cheaper
# untrained option. With the cache off (hit rate 0) every token is paid at the list price.
HAND_CHECKED = [
    # 4,000 instruction tokens, behaviour only: fine-tuning saves $0.003625 a call against
    # prompt engineering; 12 months must repay $10,500 + 3 retraining runs = $12,000.
    ({"need": "behavior", "labeled_examples": 500, "prompt_tokens": 4000,
      "cache_hit_rate": 0}, 9_196, None),
    # 6,000 instruction tokens: both trained options beat RAG per call.
    ({"need": "both", "labeled_examples": 500, "prompt_tokens": 6000, "cache_hit_rate": 0},
     81, 12_699),
    # Trained tokens at the base price: the hybrid saves $0.00525 a call against RAG.
    ({"need": "both", "labeled_examples": 500, "prompt_tokens": 3000, "retrieved_tokens": 1000,
      "fine_tuned_price_factor": 1, "cache_hit_rate": 0}, 144, 6_350),
]


@pytest.mark.parametrize(("answers", "fine_tuning", "hybrid"), HAND_CHECKED)
def test_three_answer_sets_checked_by_hand(
    answers: dict[str, Any], fine_tuning: int | None, hybrid: int | None
) -> None:
    result = recommend(answers)
    found = result["break_even"]["calls_per_day"]
    assert found == {"fine-tuning": fine_tuning, "hybrid": hybrid}
    # One call a day fewer does not pay back within the 12 months: the edge is exact.
    for option, calls in found.items():
        if calls is not None:
            assert _in_time(Answers.from_dict(answers), option, calls)
            assert not _in_time(Answers.from_dict(answers), option, calls - 1)


@pytest.mark.parametrize(("answers", "fine_tuning", "hybrid"), HAND_CHECKED)
def test_cli_markdown_and_adr_state_the_same_break_even(
    answers: dict[str, Any], fine_tuning: int | None, hybrid: int | None
) -> None:
    import json
    import subprocess
    import sys

    def cli(*options: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "calculator", "recommend", *options],
            input=json.dumps(answers), capture_output=True, text=True, check=True,
        ).stdout

    assert json.loads(cli())["break_even"]["calls_per_day"] == {
        "fine-tuning": fine_tuning, "hybrid": hybrid}
    markdown, adr = cli("--format", "markdown"), cli("--format", "adr")
    from calculator.contract import OPTIONS_BY_ID

    for option, calls in ((OPTIONS_BY_ID["fine-tuning"].title, fine_tuning),
                          (OPTIONS_BY_ID["hybrid"].title, hybrid)):
        said = (f"{option} repays its one-off costs within 12 months from {calls:,} calls a day"
                if calls is not None else
                f"{option} does not repay its one-off costs within 12 months at any volume")
        assert said in markdown, (option, markdown)
        assert said in adr, (option, adr)
