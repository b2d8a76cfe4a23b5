"""Monthly cost of each option and the months fine-tuning takes to pay back its one-off costs.

The model, stated once so that every figure can say what it assumes:

* Each call sends the fixed instructions (`prompt_tokens`, served partly from the prompt cache),
  the reader's own input (`request_tokens`, never cached) and any knowledge, and receives
  `output_tokens`.
* Prompting a knowledge need carries the knowledge itself in every prompt: all of it when it
  fits (at most LARGE_CORPUS tokens), otherwise the part that fits.
* RAG sends `retrieved_tokens` instead and pays for its index each month.
* Fine-tuning keeps `fine_tuned_prompt_share` of the instructions; the reader's input is sent in
  full. Trained options pay `fine_tuned_price_factor` times the base prices.
* The first training run is paid once, up front, with the dataset work; each retraining run
  follows every `retrain_every_months` months. `monthly_cost` spreads retraining evenly; payback
  and `first_year_cost` follow the actual schedule, so the first run is never counted twice.
"""

from __future__ import annotations

from .answers import Answers
from .fields import FIELDS
from .rules import LARGE_CORPUS, OPTIONS

__all__ = ["DAYS_PER_MONTH", "MAX_PAYBACK", "TRAINED", "estimate", "training_runs"]

DAYS_PER_MONTH = 30
MAX_PAYBACK = 120
TRAINED = ("fine-tuning", "hybrid")
_PER_MILLION = 1_000_000
_ECONOMICS = tuple(f for f in FIELDS if f.group == "economics")


def _knowledge_tokens(a: Answers) -> float:
    """Knowledge a prompt carries when nothing retrieves it: the corpus, or the part that fits."""
    if a.need == "behavior":
        return 0.0
    if a.corpus_tokens is None:
        return float(LARGE_CORPUS)
    return float(min(a.corpus_tokens, LARGE_CORPUS))


def _per_call(a: Answers) -> dict[str, float]:
    price_in = a.input_price_per_mtok / _PER_MILLION
    price_out = a.output_price_per_mtok / _PER_MILLION
    # Only the fixed part of a prompt repeats from call to call, so only it is cached.
    cached = 1 - a.cache_hit_rate * a.cache_discount
    output = a.output_tokens * price_out
    request = float(a.request_tokens)
    prompted = (a.prompt_tokens + _knowledge_tokens(a)) * cached + request
    retrieved = a.prompt_tokens * cached + request + a.retrieved_tokens
    short = a.prompt_tokens * a.fine_tuned_prompt_share * cached + request
    factor = a.fine_tuned_price_factor
    return {
        "prompt-engineering": prompted * price_in + output,
        "rag": retrieved * price_in + output,
        "fine-tuning": factor * (short * price_in + output),
        "hybrid": factor * ((short + a.retrieved_tokens) * price_in + output),
    }


def training_runs(months: int, every: int) -> int:
    """Training runs paid within the first `months` months: the first, then one per cadence."""
    if months <= 0:
        return 0
    return 1 + ((months - 1) // every if every > 0 else 0)


def _payback(
    a: Answers, running: dict[str, float], upfront: dict[str, float], baseline: str
) -> dict[str, int | None]:
    """The first month by whose end a trained option has cost no more than the baseline."""
    payback: dict[str, int | None] = {}
    every = a.retrain_every_months
    for option in TRAINED:
        payback[option] = None
        if running[option] >= running[baseline]:
            continue
        for month in range(1, MAX_PAYBACK + 1):
            # Runs after the first: the first is in the up-front cost.
            retraining = (training_runs(month, every) - 1) * a.training_cost
            trained = upfront[option] + month * running[option] + retraining
            if trained <= upfront[baseline] + month * running[baseline]:
                payback[option] = month
                break
    return payback


def _payback_note(option: str, months: int | None, baseline: str) -> str:
    against = "prompt engineering" if baseline == "prompt-engineering" else "RAG"
    if months is not None:
        return f"Repays its one-off costs against {against} by month {months}."
    return (
        f"Does not repay its one-off costs against {against} within {MAX_PAYBACK // 12} years "
        "at these figures."
    )


def _assumptions(a: Answers, calls: int) -> list[str]:
    defaulted = [
        f for f in _ECONOMICS if a.given is not None and f.name not in a.given
    ]
    cache = (
        f"{a.cache_hit_rate:.0%} of them from the prompt cache at {a.cache_discount:.0%} off"
    )
    lines = [
        f"{calls:,} calls a month: {a.calls_per_day:,} a day for {DAYS_PER_MONTH} days.",
        f"Each call sends {a.prompt_tokens:,} instruction tokens ({cache}) and "
        f"{a.request_tokens:,} tokens of the reader's own input, and gets {a.output_tokens:,} "
        "tokens back.",
    ]
    knowledge = _knowledge_tokens(a)
    if knowledge:
        part = (
            "all of it"
            if a.corpus_tokens is not None and a.corpus_tokens <= LARGE_CORPUS
            else "the part that fits a prompt"
        )
        lines.append(
            f"Prompt engineering carries the knowledge in every prompt: {knowledge:,.0f} tokens, "
            f"{part}."
        )
    lines += [
        f"RAG adds {a.retrieved_tokens:,} retrieved tokens to each call and "
        f"${a.retrieval_monthly_cost:,.0f} a month for the index; building it costs "
        f"${a.retrieval_setup_cost:,.0f} once.",
        f"Fine-tuning keeps {a.fine_tuned_prompt_share:.0%} of the instructions, never shortens "
        f"the reader's input, and prices tokens at {a.fine_tuned_price_factor:g} times the base "
        f"price (${a.input_price_per_mtok:g} in, ${a.output_price_per_mtok:g} out per million).",
        _training_line(a),
    ]
    if defaulted:
        lines.append(
            "Not given, so the calculator's defaults: "
            + ", ".join(f.label.lower() for f in defaulted)
            + "."
        )
    return lines


def _training_line(a: Answers) -> str:
    first = (
        f"The first training run (${a.training_cost:,.0f}) is paid once, up front, with "
        f"${a.data_preparation_cost:,.0f} of dataset work"
    )
    if a.retrain_every_months > 0:
        return (
            f"{first}; a retraining run follows every {a.retrain_every_months} months, spread "
            "evenly over the months in the monthly cost."
        )
    return f"{first}; the model is not retrained."


def estimate(a: Answers) -> dict[str, object]:
    """Costs per option in USD, and payback in months against the cheaper untrained option."""
    calls = a.calls_per_day * DAYS_PER_MONTH
    per_call = _per_call(a)
    retraining = a.training_cost / a.retrain_every_months if a.retrain_every_months > 0 else 0.0
    review = a.prompted_review_monthly_cost
    running = {
        "prompt-engineering": review,
        "rag": a.retrieval_monthly_cost + review,
        "fine-tuning": a.hosting_monthly_cost,
        "hybrid": a.hosting_monthly_cost + a.retrieval_monthly_cost,
    }
    running = {o: per_call[o] * calls + running[o] for o in OPTIONS}
    training = a.data_preparation_cost + a.training_cost
    upfront = {
        "prompt-engineering": 0.0,
        "rag": a.retrieval_setup_cost,
        "fine-tuning": training,
        "hybrid": training + a.retrieval_setup_cost,
    }
    monthly = {o: running[o] + (retraining if o in TRAINED else 0.0) for o in OPTIONS}
    baseline = min(("prompt-engineering", "rag"), key=lambda o: (monthly[o], OPTIONS.index(o)))
    payback = _payback(a, running, upfront, baseline)
    first_year = {
        o: upfront[o]
        + 12 * running[o]
        + ((training_runs(12, a.retrain_every_months) - 1) * a.training_cost if o in TRAINED else 0)
        for o in OPTIONS
    }
    return {
        "currency": "USD",
        "calls_per_month": calls,
        "monthly_cost": {o: round(monthly[o], 2) for o in OPTIONS},
        "upfront_cost": {o: round(upfront[o], 2) for o in OPTIONS},
        "cost_per_1000_calls": {o: round(per_call[o] * 1000, 4) for o in OPTIONS},
        "first_year_cost": {o: round(first_year[o], 2) for o in OPTIONS},
        "payback_against": baseline,
        "payback_months": payback,
        "payback_note": {o: _payback_note(o, payback[o], baseline) for o in TRAINED},
        "assumptions": _assumptions(a, calls),
    }
