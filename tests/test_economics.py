"""Monthly cost per option and payback, checked against figures worked out by hand."""

from __future__ import annotations

import pytest

from calculator.answers import normalise
from calculator.economics import estimate


def test_defaults_worked_by_hand() -> None:
    # Cached share of a fixed prompt costs 1 - 0.5 * 0.5 = 0.75 of list price.
    # Prompt engineering and RAG: (1500 * 0.75 + 3000) input tokens at $2.50/M plus 300 output
    # tokens at $10/M = $0.0133125 a call; 30,000 calls a month.
    e = estimate(normalise({}))
    assert e["calls_per_month"] == 30000
    assert e["cost_per_1000_calls"]["prompt-engineering"] == 13.3125
    assert e["monthly_cost"]["prompt-engineering"] == pytest.approx(399.38)
    assert e["monthly_cost"]["rag"] == pytest.approx(699.38)  # plus $300 of retrieval upkeep
    # Fine-tuning: 1.5 x (1500 * 0.3 * 0.75 input + 300 output) = $0.005765625 a call,
    # plus a $500 training run every 3 months.
    assert e["monthly_cost"]["fine-tuning"] == pytest.approx(339.64)
    assert e["upfront_cost"] == {
        "prompt-engineering": 0.0, "rag": 8000.0, "fine-tuning": 10500.0, "hybrid": 18500.0,
    }
    # Against prompt engineering, the cheaper untrained option: 10,500 / (399.375 - 339.635)
    # is 175.8 months, beyond the ten-year horizon, so it counts as never.
    assert e["payback_against"] == "prompt-engineering"
    assert e["payback_months"] == {"fine-tuning": None, "hybrid": None}


def test_payback_worked_by_hand() -> None:
    # Behaviour need, 6,000 instruction tokens, 5,000 calls a day (150,000 a month).
    # Prompt engineering: 6000 * 0.75 * 2.5e-6 + 0.003 = $0.01425 a call, $2,137.50 a month.
    # Fine-tuning: 1.5 * (1350 * 2.5e-6 + 0.003) = $0.0095625 a call, $1,434.375 a month,
    # plus $166.67 of retraining. Payback: 10,500 / (2137.5 - 1601.04) = 19.6 months.
    e = estimate(normalise({"need": "behavior", "prompt_tokens": 6000, "calls_per_day": 5000}))
    assert e["monthly_cost"]["prompt-engineering"] == pytest.approx(2137.5)
    assert e["monthly_cost"]["fine-tuning"] == pytest.approx(1601.04)
    assert e["payback_months"]["fine-tuning"] == pytest.approx(19.6)


def test_small_known_corpus_rides_in_the_cached_prompt() -> None:
    e = estimate(normalise({"corpus_tokens": 10000, "calls_per_day": 100}))
    # (1500 + 10000) * 0.75 * 2.5e-6 + 0.003 = 0.024563 a call.
    assert e["cost_per_1000_calls"]["prompt-engineering"] == pytest.approx(24.5625)


def test_behaviour_needs_send_no_knowledge_with_prompt_engineering() -> None:
    e = estimate(normalise({"need": "behavior"}))
    assert e["cost_per_1000_calls"]["prompt-engineering"] == pytest.approx(5.8125)


def test_volume_brings_payback_closer() -> None:
    slow = estimate(normalise({"need": "behavior", "calls_per_day": 5000, "prompt_tokens": 6000}))
    fast = estimate(normalise({"need": "behavior", "calls_per_day": 50000, "prompt_tokens": 6000}))
    assert fast["payback_months"]["fine-tuning"] < slow["payback_months"]["fine-tuning"]


def test_no_saving_means_no_payback() -> None:
    e = estimate(normalise({"fine_tuned_price_factor": 6.0, "need": "behavior"}))
    assert e["payback_months"]["fine-tuning"] is None


def test_training_once_has_no_retraining_cost() -> None:
    once = estimate(normalise({"retrain_every_months": 0, "calls_per_day": 0}))
    assert once["monthly_cost"]["fine-tuning"] == 0.0
    assert once["monthly_cost"]["hybrid"] == 300.0


def test_hosting_is_a_fixed_monthly_cost() -> None:
    base = estimate(normalise({}))["monthly_cost"]["fine-tuning"]
    hosted = estimate(normalise({"hosting_monthly_cost": 1200}))["monthly_cost"]["fine-tuning"]
    assert hosted == pytest.approx(base + 1200)


def test_review_time_counts_against_the_untrained_options() -> None:
    # Prompt engineering: $871.875 of tokens plus $2,000 of review; fine-tuning $1,031.51.
    # Payback: 10,500 / (2871.875 - 1031.51) = 5.7 months.
    e = estimate(normalise({"need": "behavior", "calls_per_day": 5000,
                            "prompted_review_monthly_cost": 2000}))
    assert e["monthly_cost"]["prompt-engineering"] == pytest.approx(2871.88)
    assert e["payback_months"]["fine-tuning"] == pytest.approx(5.7)
