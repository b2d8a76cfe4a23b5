"""Monthly cost of each option and the months fine-tuning takes to pay back its one-off costs.

The model, stated once so that every figure can say what it assumes:

* Each call sends the fixed instructions (`prompt_tokens`, served partly from the prompt cache),
  the reader's own input (`request_tokens`, never cached) and any knowledge, and receives
  `output_tokens`.
* Prompting a knowledge need carries the knowledge itself in every prompt: all of it when it
  fits (at most LARGE_CORPUS tokens), otherwise the part that fits.
* RAG sends `retrieved_tokens` instead and pays for its index each month.
* Fine-tuning keeps `fine_tuned_prompt_share` of the instructions; the reader's input is sent in
  full. Trained options pay the tuned model's own prices when given, else
  `fine_tuned_price_factor` times the base prices.
* A fixed prefix (instructions, and knowledge carried in the prompt) is cached only from
  `cache_minimum_tokens`; cache hits pay `1 - cache_discount` of the input price, misses pay
  `cache_write_multiplier` times it (see cache_costs.py). `batch_share` of the calls pay
  `1 - batch_discount` of every token price.
* Trained options move to a new base model every `retirement_every_months` months, at
  `retirement_cost` each time; the first year counts only the moves that fall in it.
* `price_preset` fills the price fields the reader left out with a route's register figures.
* The first training run is paid once, up front, with the dataset work; each retraining run
  follows every `retrain_every_months` months. `monthly_cost` spreads retraining evenly; payback
  and `first_year_cost` follow the actual schedule, so the first run is never counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .answers import Answers
from .cache_costs import CacheTerms, billed_prefix_share
from .contract import Economics
from .facts import Fact
from .fields import FIELDS, FIELDS_BY_NAME
from .formatting import count, money, number, percent
from .presets import preset_figures
from .rules import LARGE_CORPUS, OPTIONS

__all__ = [
    "DAYS_PER_MONTH", "MAX_PAYBACK", "TRAINED", "AtVolume", "Costs", "at_volume", "costs",
    "estimate", "priced", "retirements", "training_runs",
]

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


Filled = dict[str, tuple[float, Fact | None, str]]


def _preset(a: Answers) -> tuple[Answers, Filled]:
    """The answers with the preset's figures in the price fields the reader left out."""
    if a.price_preset == "none" or a.given is None:
        return a, {}
    filled = {
        name: figure for name, figure in preset_figures(a.price_preset).items()
        if name not in a.given
    }
    values: dict[str, object] = {
        name: int(value) if FIELDS_BY_NAME[name].kind == "int" else value
        for name, (value, _, _) in filled.items()
    }
    return replace(a, **values), filled  # type: ignore[arg-type]


def priced(a: Answers) -> Answers:
    """The answers the cost model prices: the reader's, with the preset's figures filled in."""
    return _preset(a)[0]


def _cache_terms(a: Answers) -> CacheTerms:
    return CacheTerms(
        minimum_tokens=a.cache_minimum_tokens,
        read_multiplier=1 - a.cache_discount,
        write_multiplier=a.cache_write_multiplier,
        fact_ids=(),
    )


def _per_call(a: Answers) -> dict[str, float]:
    terms = _cache_terms(a)

    def fixed(tokens: float) -> float:
        # Only the fixed part of a prompt repeats from call to call, so only it is cached.
        return tokens * billed_prefix_share(tokens, a.cache_hit_rate, terms)

    price_in = a.input_price_per_mtok / _PER_MILLION
    price_out = a.output_price_per_mtok / _PER_MILLION
    tuned_in, tuned_out = _tuned_prices(a)
    batch = 1 - a.batch_share * a.batch_discount
    request = float(a.request_tokens)
    prompted = fixed(a.prompt_tokens + _knowledge_tokens(a)) + request
    retrieved = fixed(a.prompt_tokens) + request + a.retrieved_tokens
    short = fixed(a.prompt_tokens * a.fine_tuned_prompt_share) + request
    return {
        "prompt-engineering": batch * (prompted * price_in + a.output_tokens * price_out),
        "rag": batch * (retrieved * price_in + a.output_tokens * price_out),
        "fine-tuning": batch * (short * tuned_in + a.output_tokens * tuned_out),
        "hybrid": batch * ((short + a.retrieved_tokens) * tuned_in + a.output_tokens * tuned_out),
    }


def _tuned_prices(a: Answers) -> tuple[float, float]:
    """Per-token prices of the tuned model: its own when given, else the base times the factor."""
    factor = a.fine_tuned_price_factor
    given_in, given_out = a.fine_tuned_input_price_per_mtok, a.fine_tuned_output_price_per_mtok
    tuned_in = given_in if given_in is not None else factor * a.input_price_per_mtok
    tuned_out = given_out if given_out is not None else factor * a.output_price_per_mtok
    return tuned_in / _PER_MILLION, tuned_out / _PER_MILLION


def retirements(months: int, every: int) -> int:
    """Base-model retirements within the first `months` months, one at the end of each lifetime."""
    return months // every if every > 0 and months > 0 else 0


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
    retrain, training = a.retrain_every_months, a.training_cost
    retire, moving = a.retirement_every_months, a.retirement_cost
    for option in TRAINED:
        payback[option] = None
        if running[option] >= running[baseline]:
            continue
        for month in range(1, MAX_PAYBACK + 1):
            # Runs after the first: the first is in the up-front cost.
            # _later_training(a, month), written out: this loop runs for dozens of volumes.
            later = (((month - 1) // retrain if retrain > 0 else 0) * training
                     + (month // retire if retire > 0 else 0) * moving)
            trained = upfront[option] + month * running[option] + later
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


def _assumptions(a: Answers, calls: int, filled: Filled) -> list[str]:
    defaulted = [
        f for f in _ECONOMICS
        if a.given is not None and f.name not in a.given and f.name not in filled
    ]
    lines = [
        f"{count(calls)} calls a month: {count(a.calls_per_day)} a day for {DAYS_PER_MONTH} days.",
        f"Each call sends {count(a.prompt_tokens)} instruction tokens ({_cache_text(a)}) and "
        f"{count(a.request_tokens)} tokens of the reader's own input, and gets "
        f"{count(a.output_tokens)} tokens back.",
    ]
    knowledge = _knowledge_tokens(a)
    if knowledge:
        part = (
            "all of it"
            if a.corpus_tokens is not None and a.corpus_tokens <= LARGE_CORPUS
            else "the part that fits a prompt"
        )
        lines.append(
            f"Prompt engineering carries the knowledge in every prompt: {count(knowledge)} tokens, "
            f"{part}."
        )
    lines += [
        f"RAG adds {count(a.retrieved_tokens)} retrieved tokens to each call and "
        f"{money(a.retrieval_monthly_cost)} a month for the index; building it costs "
        f"{money(a.retrieval_setup_cost)} once.",
        f"Fine-tuning keeps {percent(a.fine_tuned_prompt_share)} of the instructions, never "
        f"shortens the reader's input, and {_tuned_text(a)}.",
        _training_line(a),
    ]
    short = a.prompt_tokens * a.fine_tuned_prompt_share
    if 0 < a.cache_hit_rate and 0 < short < a.cache_minimum_tokens:
        lines.append(
            f"The fine-tuned prompt's {count(short)} instruction tokens are under the cache "
            f"minimum of {count(a.cache_minimum_tokens)}, so they pay the full input price."
        )
    if a.batch_share > 0:
        lines.append(
            f"{percent(a.batch_share)} of the calls go through a batch API at "
            f"{percent(a.batch_discount)} off every token."
        )
    lines += _preset_lines(a, filled)
    if defaulted:
        lines.append(
            "Not given, so the calculator's defaults: "
            + ", ".join(f.label.lower() for f in defaulted)
            + "."
        )
    return lines


def _cache_text(a: Answers) -> str:
    write = (
        f", writes at {number(a.cache_write_multiplier)} times the input price"
        if a.cache_write_multiplier != 1
        else ""
    )
    return (
        f"{percent(a.cache_hit_rate)} of them from the prompt cache at "
        f"{percent(a.cache_discount)} off{write}, cached only from "
        f"{count(a.cache_minimum_tokens)} tokens"
    )


def _tuned_text(a: Answers) -> str:
    base = (
        f"${number(a.input_price_per_mtok)} in, ${number(a.output_price_per_mtok)} out per million"
    )
    given_in, given_out = a.fine_tuned_input_price_per_mtok, a.fine_tuned_output_price_per_mtok
    if given_in is None and given_out is None:
        return f"prices tokens at {number(a.fine_tuned_price_factor)} times the base price ({base})"
    tuned_in, tuned_out = (p * _PER_MILLION for p in _tuned_prices(a))
    return (
        f"the tuned model has its own prices (${number(tuned_in)} in, ${number(tuned_out)} out "
        f"per million; the prompted model: {base})"
    )


def _preset_lines(a: Answers, filled: Filled) -> list[str]:
    if not filled:
        return []
    parts = []
    for name, (value, fact, reason) in filled.items():
        label = FIELDS_BY_NAME[name].label.lower()
        if fact is None:
            parts.append(f"{label} {number(value)} ({reason})")
            continue
        whose = (
            f"your organisation's figure ({fact.organisation}; public figure: "
            f"{fact.public_value})"
            if fact.organisation
            else f"register, {fact.status}"
            + (", an illustrative figure" if fact.status == "unconfirmed" else "")
        )
        parts.append(
            f"{label} {number(value)} from '{fact.value}' ({fact.id}, {whose}, checked "
            f"{fact.checked.day} {fact.checked:%b %Y})"
        )
    return [f"Price preset '{a.price_preset}' filled the figures not given: " + "; ".join(parts)
            + "."]


def _training_line(a: Answers) -> str:
    first = (
        f"The first training run ({money(a.training_cost)}) is paid once, up front, with "
        f"{money(a.data_preparation_cost)} of dataset work"
    )
    if a.retrain_every_months > 0:
        text = (
            f"{first}; a retraining run follows every {a.retrain_every_months} months, spread "
            "evenly over the months in the monthly cost."
        )
    else:
        text = f"{first}; the model is not retrained."
    if a.retirement_every_months > 0:
        return (
            f"{text} The base model retires every {a.retirement_every_months} months, and moving "
            f"the tune to its successor (re-tuning, re-evaluation) costs "
            f"{money(a.retirement_cost)} each time."
        )
    return f"{text} No base-model retirement is counted."


def _later_training(a: Answers, months: int) -> float:
    """Training paid within `months` after the up-front run: retraining and retirements."""
    runs = (training_runs(months, a.retrain_every_months) - 1) * a.training_cost
    return runs + retirements(months, a.retirement_every_months) * a.retirement_cost


@dataclass(frozen=True, slots=True)
class Costs:
    """The parts of the cost model that do not depend on the volume, for answers with a preset
    applied: break-even searches dozens of volumes per result and reuses them."""

    answers: Answers
    filled: Filled
    per_call: dict[str, float]
    running_fixed: dict[str, float]
    upfront: dict[str, float]
    retraining: float


@dataclass(frozen=True, slots=True)
class AtVolume:
    """The figures at one volume: monthly costs, the cheaper untrained option, the payback."""

    running: dict[str, float]
    monthly: dict[str, float]
    baseline: str
    payback: dict[str, int | None]


def costs(a: Answers) -> Costs:
    """The volume-independent parts of the cost model."""
    a, filled = _preset(a)
    retraining = a.training_cost / a.retrain_every_months if a.retrain_every_months > 0 else 0.0
    if a.retirement_every_months > 0:
        retraining += a.retirement_cost / a.retirement_every_months
    review = a.prompted_review_monthly_cost
    running_fixed = {
        "prompt-engineering": review,
        "rag": a.retrieval_monthly_cost + review,
        "fine-tuning": a.hosting_monthly_cost,
        "hybrid": a.hosting_monthly_cost + a.retrieval_monthly_cost,
    }
    training = a.data_preparation_cost + a.training_cost
    upfront = {
        "prompt-engineering": 0.0,
        "rag": a.retrieval_setup_cost,
        "fine-tuning": training,
        "hybrid": training + a.retrieval_setup_cost,
    }
    return Costs(answers=a, filled=filled, per_call=_per_call(a), running_fixed=running_fixed,
                 upfront=upfront, retraining=retraining)


def at_volume(c: Costs, calls_per_day: float) -> AtVolume:
    """Monthly costs, baseline and payback at `calls_per_day`."""
    calls = calls_per_day * DAYS_PER_MONTH
    per_call, fixed, retraining = c.per_call, c.running_fixed, c.retraining
    running: dict[str, float] = {o: per_call[o] * calls + fixed[o] for o in OPTIONS}
    monthly: dict[str, float] = {
        o: running[o] + retraining if o in TRAINED else running[o] for o in OPTIONS
    }
    # Ties go to prompt engineering, the option with fewer moving parts.
    pe, rag = monthly["prompt-engineering"], monthly["rag"]
    baseline = "prompt-engineering" if pe <= rag else "rag"
    payback = _payback(c.answers, running, c.upfront, baseline)
    return AtVolume(running=running, monthly=monthly, baseline=baseline, payback=payback)


def estimate(a: Answers) -> Economics:
    """Costs per option in USD, and payback in months against the cheaper untrained option."""
    c = costs(a)
    a, per_call, upfront = c.answers, c.per_call, c.upfront
    calls = a.calls_per_day * DAYS_PER_MONTH
    v = at_volume(c, a.calls_per_day)
    running, monthly, baseline, payback = v.running, v.monthly, v.baseline, v.payback
    first_year = {
        o: upfront[o]
        + 12 * running[o]
        + (_later_training(a, 12) if o in TRAINED else 0)
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
        "assumptions": _assumptions(a, calls, c.filled),
    }
