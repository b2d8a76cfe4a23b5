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
    # Fine-tuning: its 450-token prompt is under the 1,024-token cache minimum, so it is billed
    # in full: 1.5 x ((450 + 300) * 2.5e-6 + 0.003) = $0.0073125 a call ($219.38 a month), plus
    # a $500 training run every 3 months and a $3,000 base-model move every 18, spread evenly.
    assert e["cost_per_1000_calls"]["fine-tuning"] == pytest.approx(7.3125)
    assert e["monthly_cost"]["fine-tuning"] == pytest.approx(552.71)
    assert e["upfront_cost"] == {
        "prompt-engineering": 0.0, "rag": 8000.0, "fine-tuning": 10500.0, "hybrid": 18500.0,
    }
    # Against RAG, now the cheaper untrained option: by month 6 fine-tuning has cost
    # 10,500 + 6 * 219.38 + one retraining run (month 4) = 12,316.25, RAG 8,000 + 6 * 721.88
    # = 12,331.25; by month 5 fine-tuning was still behind (12,096.88 against 11,609.38).
    assert e["payback_against"] == "rag"
    assert e["payback_months"] == {"fine-tuning": 6, "hybrid": None}


def test_payback_worked_by_hand() -> None:
    # Behaviour need, 6,000 instruction tokens, 5,000 calls a day (150,000 a month).
    # Prompt engineering: (6000 * 0.75 + 300) * 2.5e-6 + 0.003 = $0.015 a call, $2,250 a month.
    # Fine-tuning: 1.5 * ((1800 * 0.75 + 300) * 2.5e-6 + 0.003) = $0.0106875 a call, $1,603.13
    # a month, plus $500 runs in months 4, 7, 10, ... and a $3,000 base-model move at month 18.
    # Month 28 is the first whose running total, 10,500 + 28 * 1,603.125 + 9 * 500 + 3,000 =
    # 62,887.50, is within prompting's 63,000 (month 27: 60,784.38 against 60,750).
    e = estimate(normalise({"need": "behavior", "prompt_tokens": 6000, "calls_per_day": 5000}))
    assert e["monthly_cost"]["prompt-engineering"] == pytest.approx(2250)
    assert e["monthly_cost"]["fine-tuning"] == pytest.approx(1936.46)
    assert e["payback_months"]["fine-tuning"] == 28


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
    once = estimate(normalise({"retrain_every_months": 0, "calls_per_day": 0,
                               "retirement_every_months": 0}))
    assert once["monthly_cost"]["fine-tuning"] == 0.0
    assert once["monthly_cost"]["hybrid"] == 300.0


def test_hosting_is_a_fixed_monthly_cost() -> None:
    base = estimate(normalise({}))["monthly_cost"]["fine-tuning"]
    hosted = estimate(normalise({"hosting_monthly_cost": 1200}))["monthly_cost"]["fine-tuning"]
    assert hosted == pytest.approx(base + 1200)


def test_review_time_counts_against_the_untrained_options() -> None:
    # Prompt engineering: $984.375 of tokens plus $2,000 of review; fine-tuning's 450-token
    # prompt is billed in full: 1.5 * ((450 + 300) * 2.5e-6 + 0.003) * 150,000 = $1,096.88 a
    # month. Month 6: 10,500 + 6 * 1,096.88 + 500 = 17,581.25 against 17,906.25;
    # month 5: 16,484.38 against 14,921.88, still behind.
    e = estimate(normalise({"need": "behavior", "calls_per_day": 5000,
                            "prompted_review_monthly_cost": 2000}))
    assert e["monthly_cost"]["prompt-engineering"] == pytest.approx(2984.38)
    assert e["payback_months"]["fine-tuning"] == 6


def test_a_prompt_under_the_cache_minimum_pays_full_price() -> None:
    # 1,000 instruction tokens, behaviour need: cached (minimum 1,000) it bills 1,000 * 0.75;
    # with a minimum of 1,001 it bills all 1,000 tokens: 250 tokens * $2.50/M * 1,000 calls more.
    cached = estimate(normalise({"need": "behavior", "prompt_tokens": 1000,
                                 "cache_minimum_tokens": 1000}))
    under = estimate(normalise({"need": "behavior", "prompt_tokens": 1000,
                                "cache_minimum_tokens": 1001}))
    added = (under["cost_per_1000_calls"]["prompt-engineering"]
             - cached["cost_per_1000_calls"]["prompt-engineering"])
    assert added == pytest.approx(0.625)
    assert "under the cache minimum" in " ".join(under["assumptions"])


def test_a_write_surcharge_can_make_caching_dearer_than_none() -> None:
    # Hits at a tenth of the price, misses at 1.25 times: at a 10% hit rate the prefix bills
    # 0.1 * 0.1 + 0.9 * 1.25 = 1.135 of its price, more than the 1.0 of no cache at all.
    answers = {"need": "behavior", "prompt_tokens": 2000, "cache_discount": 0.9,
               "cache_write_multiplier": 1.25, "output_tokens": 0, "request_tokens": 0}
    low = estimate(normalise({**answers, "cache_hit_rate": 0.1}))
    none = estimate(normalise({**answers, "cache_hit_rate": 0.0, "cache_write_multiplier": 1}))
    assert low["cost_per_1000_calls"]["prompt-engineering"] == pytest.approx(2000 * 1.135 * 2.5e-3)
    assert none["cost_per_1000_calls"]["prompt-engineering"] == pytest.approx(5.0)


def test_batched_calls_pay_the_discounted_price() -> None:
    full = estimate(normalise({}))["cost_per_1000_calls"]
    half = estimate(normalise({"batch_share": 0.4, "batch_discount": 0.5}))["cost_per_1000_calls"]
    for option, cost in full.items():
        assert half[option] == pytest.approx(cost * 0.8)


def test_a_smaller_tuned_model_uses_its_own_prices() -> None:
    # Own prices $0.40 in, $1.60 out: (450 + 300) * 0.4e-6 + 300 * 1.6e-6 = $0.00078 a call.
    e = estimate(normalise({"fine_tuned_input_price_per_mtok": 0.4,
                            "fine_tuned_output_price_per_mtok": 1.6}))
    assert e["cost_per_1000_calls"]["fine-tuning"] == pytest.approx(0.78)
    assert "own prices ($0.4 in, $1.6 out" in " ".join(e["assumptions"])


def test_base_model_retirement_is_paid_each_lifetime() -> None:
    every_year = estimate(normalise({"retirement_every_months": 12, "retirement_cost": 6000}))
    never = estimate(normalise({"retirement_every_months": 0}))
    assert every_year["monthly_cost"]["fine-tuning"] - never["monthly_cost"]["fine-tuning"] == (
        pytest.approx(500)
    )
    # The move at the end of month 12 falls in the first year.
    assert (every_year["first_year_cost"]["hybrid"] - never["first_year_cost"]["hybrid"]
            == pytest.approx(6000))
    assert never["first_year_cost"]["rag"] == every_year["first_year_cost"]["rag"]


def test_a_preset_fills_only_the_prices_not_given() -> None:
    e = estimate(normalise({"price_preset": "hosted-api", "output_price_per_mtok": 20}))
    stated = " ".join(e["assumptions"])
    # Input price from the register ($2.00), output price the reader's own ($20).
    assert "input price 2 from '$2.00 per million input tokens'" in stated
    assert "output price 20" not in stated
    assert "$2 in, $20 out per million" in stated
    plain = estimate(normalise({"output_price_per_mtok": 20}))
    assert e["cost_per_1000_calls"] != plain["cost_per_1000_calls"]


def test_the_economics_pages_worked_example_through_the_engine() -> None:
    # docs/economics.md#worked-example: 3,000 instruction tokens, 300 out, 600,000 calls a month.
    case = {"need": "behavior", "prompt_tokens": 3000, "request_tokens": 0, "output_tokens": 300,
            "calls_per_day": 20000, "retirement_every_months": 0}
    # As first published, the 900-token tuned prompt cached too (no minimum): $4,385 a month.
    before = estimate(normalise({**case, "cache_minimum_tokens": 0}))
    assert before["monthly_cost"] == pytest.approx(
        {"prompt-engineering": 5175.0, "rag": before["monthly_cost"]["rag"],
         "fine-tuning": 4385.42, "hybrid": before["monthly_cost"]["hybrid"]})
    # Corrected: 900 tokens are under 1,024 and pay in full, (2.25e-3 + 3e-3) * 1.5 a call.
    after = estimate(normalise(case))
    assert after["monthly_cost"]["fine-tuning"] == pytest.approx(4891.67)
    assert before["payback_months"]["fine-tuning"] == 14
    assert after["payback_months"]["fine-tuning"] == 36
    # With Anthropic's terms (reads at 0.1, writes at 1.25) prompting costs $4,837.50 a month,
    # less than the tuned model: no payback.
    surcharge = estimate(normalise({**case, "cache_discount": 0.9, "cache_write_multiplier": 1.25}))
    assert surcharge["monthly_cost"]["prompt-engineering"] == pytest.approx(4837.5)
    assert surcharge["payback_months"]["fine-tuning"] is None
