"""Monthly cost of each option and the months fine-tuning takes to pay back its one-off costs."""

from __future__ import annotations

from .answers import Answers
from .rules import OPTIONS

__all__ = ["DAYS_PER_MONTH", "MAX_PAYBACK", "estimate"]

DAYS_PER_MONTH = 30
MAX_PAYBACK = 120
_PER_MILLION = 1_000_000


def _per_call(a: Answers) -> dict[str, float]:
    price_in = a.input_price_per_mtok / _PER_MILLION
    price_out = a.output_price_per_mtok / _PER_MILLION
    # Only the fixed part of a prompt repeats from call to call, so only it is cached.
    cached = 1 - a.cache_hit_rate * a.cache_discount
    output = a.output_tokens * price_out
    fixed, varying = float(a.prompt_tokens), 0.0
    if a.need != "behavior":
        if a.corpus_tokens is not None:
            fixed += a.corpus_tokens
        else:
            varying = float(a.retrieved_tokens)
    short = a.prompt_tokens * a.fine_tuned_prompt_share * cached
    factor = a.fine_tuned_price_factor
    return {
        "prompt-engineering": (fixed * cached + varying) * price_in + output,
        "rag": (a.prompt_tokens * cached + a.retrieved_tokens) * price_in + output,
        "fine-tuning": factor * (short * price_in + output),
        "hybrid": factor * ((short + a.retrieved_tokens) * price_in + output),
    }


def estimate(a: Answers) -> dict[str, object]:
    """Costs per option in USD, and payback in months against the cheaper untrained option."""
    calls = a.calls_per_day * DAYS_PER_MONTH
    per_call = _per_call(a)
    retraining = a.training_cost / a.retrain_every_months if a.retrain_every_months > 0 else 0.0
    review = a.prompted_review_monthly_cost
    fixed = {
        "prompt-engineering": review,
        "rag": a.retrieval_monthly_cost + review,
        "fine-tuning": a.hosting_monthly_cost + retraining,
        "hybrid": a.hosting_monthly_cost + retraining + a.retrieval_monthly_cost,
    }
    training = a.data_preparation_cost + a.training_cost
    upfront = {
        "prompt-engineering": 0.0,
        "rag": a.retrieval_setup_cost,
        "fine-tuning": training,
        "hybrid": training + a.retrieval_setup_cost,
    }
    monthly = {o: per_call[o] * calls + fixed[o] for o in OPTIONS}
    baseline = min(("prompt-engineering", "rag"), key=lambda o: (monthly[o], OPTIONS.index(o)))
    payback: dict[str, float | None] = {}
    for option in ("fine-tuning", "hybrid"):
        saving = monthly[baseline] - monthly[option]
        extra = upfront[option] - upfront[baseline]
        months = max(extra, 0.0) / saving if saving > 0 else None
        # Beyond a working lifetime, "pays back eventually" means never in practice.
        payback[option] = round(months, 1) if months is not None and months <= MAX_PAYBACK else None
    return {
        "currency": "USD",
        "calls_per_month": calls,
        "monthly_cost": {o: round(monthly[o], 2) for o in OPTIONS},
        "upfront_cost": {o: round(upfront[o], 2) for o in OPTIONS},
        "cost_per_1000_calls": {o: round(per_call[o] * 1000, 4) for o in OPTIONS},
        "payback_against": baseline,
        "payback_months": payback,
    }
