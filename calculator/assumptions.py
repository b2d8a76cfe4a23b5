"""What a result takes for granted: each field the reader left out, and what stands in for it.

A field left out keeps its default so that the form and the cost estimate have a number, but no
rule reads that default as a fact (see Answers.known). The result lists each such field here, so
the reader sees which figures are the calculator's and which are theirs.
"""

from __future__ import annotations

from .answers import Answers
from .contract import Assumption
from .economics import priced
from .fields import FIELDS, Field
from .formatting import count, grouped, number, percent
from .framework import CRITICAL_SHARE
from .rules import LARGE_CORPUS, MIN_EXAMPLES

__all__ = ["assumptions"]


def _decision_text(a: Answers, field: Field) -> str | None:
    """The sentence for a field the rules would read; None when leaving it out changes nothing."""
    name = field.name
    knowledge = a.need != "behavior"
    if name == "need":
        return "The gap is taken to be knowledge, the Kliente360 article's starting case."
    if name == "corpus_change" and knowledge:
        return (
            "How often the knowledge changes was not given, so no rule judges its freshness; "
            "the answer may change once it is."
        )
    if name == "corpus_tokens" and knowledge:
        return (
            "The size of the knowledge was not given, so no rule judges whether it fits a prompt; "
            "the cost of prompt engineering assumes the most that fits "
            f"({count(LARGE_CORPUS)} tokens)."
        )
    if name == "calls_per_day":
        return (
            f"Assumed {count(a.calls_per_day)} calls a day for the cost estimate; no rule or "
            "pattern relies on it."
        )
    if name == "labeled_examples":
        return (
            "The number of reviewed examples was not given; training needs at least "
            f"{MIN_EXAMPLES}, and no rule counts them."
        )
    if name == "retrieval_overhead_ms" and a.latency_budget_ms is not None:
        return (
            "The time retrieval adds was not given, so question 3 stays open; it is critical "
            f"from {percent(CRITICAL_SHARE)} of the budget, "
            f"{number(a.latency_budget_ms * CRITICAL_SHARE)} ms here (a typical pipeline adds "
            "about 250 ms)."
        )
    if name == "prompting_tried" and a.need != "knowledge":
        return (
            "Whether prompt engineering was tried was not given; it counts neither for nor "
            "against any option."
        )
    return None


def _economics_text(field: Field, value: object, preset: str, from_preset: bool) -> str:
    unit = f" {field.unit}" if field.unit and field.unit not in ("share", "x") else ""
    if value is None:
        shown = field.null_means
    elif isinstance(value, int | float) and not isinstance(value, bool):
        shown = f"{grouped(value)}{unit}"
    else:
        shown = str(value)
    whose = f"from the '{preset}' price preset" if from_preset else "the calculator's default"
    return f"Assumed {field.label.lower()}: {shown}, {whose}, for the cost estimate."


def assumptions(a: Answers) -> list[Assumption]:
    """One record per field left out that matters: field, the value used, and a sentence."""
    if a.given is None:
        return []
    out: list[Assumption] = []
    costed = priced(a)
    for field in FIELDS:
        if field.name in a.given:
            continue
        value = getattr(a, field.name)
        if field.group == "economics":
            value = getattr(costed, field.name)
            text: str | None = _economics_text(field, value, a.price_preset, value != getattr(
                a, field.name))
        else:
            text = _decision_text(a, field)
        if text is not None:
            out.append({"field": field.name, "value": value, "text": text})
    return out
