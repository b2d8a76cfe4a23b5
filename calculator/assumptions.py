"""What a result takes for granted: each field the reader left out, and what stands in for it.

A field left out keeps its default so that the form and the cost estimate have a number, but no
rule reads that default as a fact (see Answers.known). The result lists each such field here, so
the reader sees which figures are the calculator's and which are theirs.
"""

from __future__ import annotations

from .answers import Answers
from .fields import FIELDS, Field
from .framework import CRITICAL_SHARE
from .rules import LARGE_CORPUS, MIN_EXAMPLES

__all__ = ["assumptions"]


def _decision_text(a: Answers, field: Field) -> str | None:
    """The sentence for a field the rules would read; None when leaving it out changes nothing."""
    name = field.name
    knowledge = a.need != "behavior"
    if name == "need":
        return "The gap is taken to be knowledge, the source's starting case."
    if name == "corpus_change" and knowledge:
        return (
            "How often the knowledge changes was not given, so no rule judges its freshness; "
            "the answer may change once it is."
        )
    if name == "corpus_tokens" and knowledge:
        return (
            "The size of the knowledge was not given, so no rule judges whether it fits a prompt; "
            f"the cost of prompt engineering assumes the most that fits ({LARGE_CORPUS:,} tokens)."
        )
    if name == "calls_per_day":
        return (
            f"Assumed {a.calls_per_day:,} calls a day for the cost estimate; no rule or pattern "
            "relies on it."
        )
    if name == "labeled_examples":
        return (
            "The number of reviewed examples was not given; training needs at least "
            f"{MIN_EXAMPLES}, and no rule counts them."
        )
    if name == "retrieval_overhead_ms" and a.latency_budget_ms is not None:
        return (
            "The time retrieval adds was not given, so question 3 stays open; it is critical "
            f"from {CRITICAL_SHARE:.0%} of the budget, {a.latency_budget_ms * CRITICAL_SHARE:g} "
            "ms here (a typical pipeline adds about 250 ms)."
        )
    if name == "prompting_tried" and a.need != "knowledge":
        return (
            "Whether prompt engineering was tried was not given; it counts neither for nor "
            "against any option."
        )
    return None


def assumptions(a: Answers) -> list[dict[str, object]]:
    """One record per field left out that matters: field, the value used, and a sentence."""
    if a.given is None:
        return []
    out: list[dict[str, object]] = []
    for field in FIELDS:
        if field.name in a.given:
            continue
        value = getattr(a, field.name)
        if field.group == "economics":
            unit = f" {field.unit}" if field.unit and field.unit not in ("share", "x") else ""
            text: str | None = (
                f"Assumed {field.label.lower()}: {value:,}{unit}, the calculator's default, for "
                "the cost estimate."
            )
        else:
            text = _decision_text(a, field)
        if text is not None:
            out.append({"field": field.name, "value": value, "text": text})
    return out
