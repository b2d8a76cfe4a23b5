"""Monthly cost per option and payback, checked against figures worked out by hand."""

from __future__ import annotations

import pytest

from calculator.answers import normalise
from calculator.economics import estimate


def test_defaults_worked_by_hand() -> None:
    # Cached share of a fixed prompt costs 1 - 0.5 * 0.5 = 0.75 of list price; the reader's own
    # 300 tokens are never cached. Input is $2.50/M, output 300 tokens at $10/M = $0.003 a call.
    # Prompting a knowledge need of unknown size carries the most that fits, 200,000 tokens:
    # ((1500 + 200000) * 0.75 + 300) * 2.5e-6 + 0.003 = $0.3815625 a call; 30,000 calls a month.
    e = estimate(normalise({}))
    assert e["calls_per_month"] == 30000
    assert e["cost_per_1000_calls"]["prompt-engineering"] == 381.5625
    assert e["monthly_cost"]["prompt-engineering"] == pytest.approx(11446.88)
    # RAG: (1500 * 0.75 + 300 + 3000) * 2.5e-6 + 0.003 = $0.0140625, plus $300 of upkeep.
    assert e["monthly_cost"]["rag"] == pytest.approx(721.88)
    # Fine-tuning: 1.5 x ((1500 * 0.3 * 0.75 + 300) * 2.5e-6 + 0.003) = $0.006890625 a call,
    # plus a $500 training run every 3 months spread evenly.
    assert e["monthly_cost"]["fine-tuning"] == pytest.approx(373.39)
    assert e["upfront_cost"] == {
        "prompt-engineering": 0.0, "rag": 8000.0, "fine-tuning": 10500.0, "hybrid": 18500.0,
    }
    # Against RAG, now the cheaper untrained option: by month 6 fine-tuning has cost
    # 10,500 + 6 * 206.72 + one retraining run (month 4) = 12,240.31, RAG 8,000 + 6 * 721.88
    # = 12,331.25; by month 5 fine-tuning was still behind (12,033.59 against 11,609.38).
    assert e["payback_against"] == "rag"
    assert e["payback_months"] == {"fine-tuning": 6, "hybrid": None}


def test_payback_worked_by_hand() -> None:
    # Behaviour need, 6,000 instruction tokens, 5,000 calls a day (150,000 a month).
    # Prompt engineering: (6000 * 0.75 + 300) * 2.5e-6 + 0.003 = $0.015 a call, $2,250 a month.
    # Fine-tuning: 1.5 * ((1800 * 0.75 + 300) * 2.5e-6 + 0.003) = $0.0106875 a call, $1,603.13
    # a month, plus $500 runs in months 4, 7, 10, ... Month 21 is the first whose running total,
    # 10,500 + 21 * 1,603.125 + 6 * 500 = 47,165.63, is within prompting's 47,250.
    e = estimate(normalise({"need": "behavior", "prompt_tokens": 6000, "calls_per_day": 5000}))
    assert e["monthly_cost"]["prompt-engineering"] == pytest.approx(2250)
    assert e["monthly_cost"]["fine-tuning"] == pytest.approx(1769.79)
    assert e["payback_months"]["fine-tuning"] == 21


def test_small_known_corpus_rides_in_the_cached_prompt() -> None:
    e = estimate(normalise({"corpus_tokens": 10000, "calls_per_day": 100}))
    # ((1500 + 10000) * 0.75 + 300) * 2.5e-6 + 0.003 = $0.0253125 a call.
    assert e["cost_per_1000_calls"]["prompt-engineering"] == pytest.approx(25.3125)


def test_a_corpus_beyond_a_prompt_carries_the_part_that_fits() -> None:
    e = estimate(normalise({"corpus_tokens": 5_000_000}))
    fits = estimate(normalise({"corpus_tokens": 200_000}))
    assert e["cost_per_1000_calls"] == fits["cost_per_1000_calls"]
    assert "200,000 tokens, the part that fits a prompt" in " ".join(e["assumptions"])


def test_behaviour_needs_send_no_knowledge_with_prompt_engineering() -> None:
    # (1500 * 0.75 + 300) * 2.5e-6 + 0.003 = $0.0065625 a call.
    e = estimate(normalise({"need": "behavior"}))
    assert e["cost_per_1000_calls"]["prompt-engineering"] == pytest.approx(6.5625)


def test_fine_tuning_never_shortens_the_readers_input() -> None:
    # An invoice of 4,000 tokens is sent in full by every option; only instructions shrink.
    short = estimate(normalise({"need": "behavior", "request_tokens": 0}))
    invoice = estimate(normalise({"need": "behavior", "request_tokens": 4000}))
    added = {o: invoice["cost_per_1000_calls"][o] - short["cost_per_1000_calls"][o]
             for o in short["cost_per_1000_calls"]}
    assert added["prompt-engineering"] == pytest.approx(10.0)  # 4,000 * $2.50/M * 1,000
    assert added["fine-tuning"] == pytest.approx(15.0)  # the same tokens at 1.5 x the price


def test_first_training_run_is_paid_once() -> None:
    # Trained once: the first year holds one run. Every 3 months: runs in months 1, 4, 7, 10.
    once = estimate(normalise({"retrain_every_months": 0, "training_cost": 1000}))
    free = estimate(normalise({"retrain_every_months": 0, "training_cost": 0}))
    assert once["first_year_cost"]["fine-tuning"] - free["first_year_cost"]["fine-tuning"] == (
        pytest.approx(1000)
    )
    quarterly = estimate(normalise({"retrain_every_months": 3, "training_cost": 1000}))
    free = estimate(normalise({"retrain_every_months": 3, "training_cost": 0}))
    assert quarterly["first_year_cost"]["hybrid"] - free["first_year_cost"]["hybrid"] == (
        pytest.approx(4000)
    )


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
    # Prompt engineering: $984.375 of tokens plus $2,000 of review; fine-tuning runs at
    # $1,033.59 a month. Month 6: 10,500 + 6 * 1,033.59 + 500 = 17,201.56 against 17,906.25;
    # month 5: 15,667.97 against 14,921.88, still behind.
    e = estimate(normalise({"need": "behavior", "calls_per_day": 5000,
                            "prompted_review_monthly_cost": 2000}))
    assert e["monthly_cost"]["prompt-engineering"] == pytest.approx(2984.38)
    assert e["payback_months"]["fine-tuning"] == 6
