"""A result as an architecture decision record in the MADR 4.0 layout, with no dates in it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .fields import DEFAULTS, FIELDS
from .render_markdown import money, value_text
from .rules import OPTION_TITLES, OPTIONS, RULES

__all__ = ["to_adr"]

_RULES = {rule.id: rule for rule in RULES}

# What each option is good and bad at regardless of the answers.
_GENERAL: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "prompt-engineering": (
        ("nothing to train or index; changes ship as soon as the prompt is edited",),
        ("long instructions are paid for on every call and drift with model versions",),
    ),
    "rag": (
        ("knowledge is refreshed by re-indexing, without training", "answers can cite documents"),
        ("every call waits for retrieval", "retrieval quality needs ongoing care"),
    ),
    "fine-tuning": (
        ("behaviour becomes the default with a short prompt", "no retrieval step before answering"),
        ("needs reviewed examples and a training cycle", "facts in weights go stale"),
    ),
    "hybrid": (
        ("trained behaviour with current knowledge",),
        ("carries the costs and upkeep of both training and retrieval",),
    ),
}


def _effects(rule_id: str) -> dict[str, float]:
    return dict(_RULES[rule_id].effects) if rule_id in _RULES else {}


def to_adr(result: Mapping[str, Any]) -> str:
    """The result as a MADR 4.0 record; the same result always gives the same text."""
    rec = result["recommendation"]
    answers = result["answers"]
    economics = result["economics"]
    title = OPTION_TITLES[rec]
    changed = [f for f in FIELDS if answers.get(f.name, f.default) != DEFAULTS[f.name]]
    lines = [
        "---",
        "status: proposed",
        "---",
        "",
        f"# Use {title.lower() if rec != 'rag' else 'retrieval-augmented generation'} "
        "for the model's missing knowledge or behaviour",
        "",
        "## Context and Problem Statement",
        "",
        "The model lacks "
        + {
            "knowledge": "knowledge it has never seen",
            "behavior": "a way of answering that prompts do not hold steady",
            "both": "both knowledge it has never seen and a way of answering",
        }.get(answers["need"], str(answers["need"]))
        + f". It serves about {answers['calls_per_day']:,} calls a day, and its knowledge "
        f"changes {answers['corpus_change']}. Which approach should give the model what it "
        "lacks: prompt engineering, retrieval, fine-tuning, or a hybrid?",
        "",
        "## Decision Drivers",
        "",
    ]
    for q in result["questions"]:
        points = "points to fine-tuning" if q["points_to_fine_tuning"] else "does not"
        lines.append(f"* {q['question']} {q['answer']} ({points})")
    lines += [
        f"* {field.label}: {value_text(field.name, answers[field.name])}"
        for field in changed
        if field.group in ("details", "economics")
    ]
    lines += [f"* Matches the pattern `{pattern}`" for pattern in result["patterns"]]
    lines += ["", "## Considered Options", ""]
    lines += [f"* {OPTION_TITLES[o]}" for o in OPTIONS]
    percent = round(float(result["confidence"]) * 100)
    lines += [
        "",
        "## Decision Outcome",
        "",
        f'Chosen option: "{title}", because it scores highest '
        f"({result['scores'][rec]:g} points, confidence {percent}%) "
        "once the answers are weighed by the rules below.",
    ]
    top = [r for r in result["reasons"] if _effects(r["rule"]).get(rec, 0) > 0][:3]
    for reason in top:
        lines.append(f"* {reason['text']}")
    lines += ["", "### Consequences", ""]
    good, bad = _GENERAL[rec]
    lines += [f"* Good, because {text}" for text in good]
    monthly = economics["monthly_cost"][rec]
    payback = economics["payback_months"].get(rec)
    if payback is not None:
        lines.append(f"* Good, because it repays its one-off costs in about {payback:g} months")
    lines += [f"* Bad, because {text}" for text in bad]
    lines += [f"* Bad, because {caveat[0].lower()}{caveat[1:]}" for caveat in result["caveats"]]
    lines.append(f"* Neutral, because it costs about {money(monthly)} a month at these figures")
    lines += ["", "### Confirmation", ""]
    if result["flips"]:
        lines.append("Revisit the decision if one of these answers changes:")
        lines.append("")
        for flip in result["flips"]:
            lines.append(
                f"* `{flip['field']}` becomes `{value_text(flip['field'], flip['value'])}`: "
                f"{OPTION_TITLES[flip['recommendation']]}"
            )
    else:
        lines.append("No single answer would change the decision.")
    lines += ["", "## Pros and Cons of the Options", ""]
    ruled_out = {
        o: r for r in result["reasons"] for o in _RULES.get(r["rule"], _RULES["baseline"]).excludes
    }
    for option in OPTIONS:
        lines += [f"### {OPTION_TITLES[option]}", ""]
        good, bad = _GENERAL[option]
        lines += [f"* Good, because {text}" for text in good]
        for reason in result["reasons"]:
            delta = _effects(reason["rule"]).get(option, 0)
            if delta > 0:
                lines.append(f"* Good, because {_RULES[reason['rule']].title.lower()} ({delta:+g})")
        lines += [f"* Bad, because {text}" for text in bad]
        for reason in result["reasons"]:
            delta = _effects(reason["rule"]).get(option, 0)
            if delta < 0:
                lines.append(f"* Bad, because {_RULES[reason['rule']].title.lower()} ({delta:+g})")
        if option in ruled_out:
            lines.append(f"* Bad, because it is ruled out: {ruled_out[option]['text']}")
        lines.append(
            f"* Neutral, because it costs about {money(economics['monthly_cost'][option])} a month "
            f"and {money(economics['upfront_cost'][option])} up front"
        )
        lines.append("")
    lines += [
        "## More Information",
        "",
        "Produced by the fine-tuning or RAG calculator from these answers:",
        "",
        "```json",
        _json(answers),
        "```",
    ]
    return "\n".join(lines) + "\n"


def _json(answers: Mapping[str, Any]) -> str:
    import json

    return json.dumps(dict(answers), indent=2)
