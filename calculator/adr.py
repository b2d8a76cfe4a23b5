"""A result as an architecture decision record in the MADR 4.0 layout, with no dates in it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from . import breakeven
from .fields import DEFAULTS, FIELDS
from .render_markdown import money, value_text
from .rules import OPTION_TITLES, OPTIONS, RULES

__all__ = ["to_adr"]

_RULES = {rule.id: rule for rule in RULES}

# How each option reads inside a sentence ("Use ... to give the model what it lacks").
_IN_SENTENCE = {
    "prompt-engineering": "prompt engineering",
    "rag": "retrieval-augmented generation (RAG)",
    "fine-tuning": "fine-tuning",
    "hybrid": "a fine-tuned model with retrieval (hybrid)",
}

# What each option is good and bad at whatever the answers; each completes "because ...".
_GENERAL: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "prompt-engineering": (
        ("there is nothing to train or index, and a change ships as soon as the prompt is edited",),
        ("long instructions are paid for on every call and can drift when the model changes",),
    ),
    "rag": (
        (
            "knowledge is refreshed by re-indexing, without training",
            "answers can cite the documents they used",
        ),
        ("every call waits for retrieval", "retrieval quality needs continuing care"),
    ),
    "fine-tuning": (
        (
            "the behaviour becomes the default with a short prompt",
            "there is no retrieval step before answering",
        ),
        (
            "it needs reviewed examples, a training cycle and evaluation",
            "facts trained into weights go stale",
        ),
    ),
    "hybrid": (
        ("the behaviour is trained while the knowledge stays current",),
        ("it carries the costs and upkeep of both training and retrieval",),
    ),
}

_NEEDS = {
    "knowledge": "knowledge it has never seen",
    "behavior": "a way of answering that prompts do not hold steady",
    "both": "both knowledge it has never seen and a way of answering",
}


def _delta(rule_id: str, option: str) -> float:
    rule = _RULES.get(rule_id)
    return dict(rule.effects).get(option, 0.0) if rule else 0.0


def _context(result: Mapping[str, Any]) -> list[str]:
    answers = result["answers"]
    need = _NEEDS.get(answers["need"], str(answers["need"]))
    return [
        "## Context and Problem Statement",
        "",
        f"The model lacks {need}. It serves about {answers['calls_per_day']:,} calls a day, and "
        f"its knowledge changes {answers['corpus_change']}. Which approach should give the "
        "model what it lacks: prompt engineering, retrieval, fine-tuning, or a hybrid?",
        "",
    ]


def _drivers(result: Mapping[str, Any]) -> list[str]:
    answers = result["answers"]
    lines = ["## Decision Drivers", ""]
    for q in result["questions"]:
        points = "points" if q["points_to_fine_tuning"] else "does not point"
        lines.append(f"* {q['question']} {q['answer']}: {points} to fine-tuning")
    lines += [
        f"* {f.label}: {value_text(f.name, answers[f.name])}"
        for f in FIELDS
        if f.group in ("details", "economics") and answers.get(f.name) != DEFAULTS[f.name]
    ]
    lines += [f"* Matches the pattern `{pattern}`" for pattern in result["patterns"]]
    return [*lines, ""]


def _outcome(result: Mapping[str, Any]) -> list[str]:
    rec = result["recommendation"]
    economics = result["economics"]
    percent = round(float(result["confidence"]) * 100)
    points = result["scores"][rec]
    lines = [
        "## Decision Outcome",
        "",
        f'Chosen option: "{OPTION_TITLES[rec]}", because it scores highest '
        f"({points:g} {'point' if points == 1 else 'points'}, confidence {percent}%) once the "
        "answers are "
        "weighed by the calculator's rules. The rules that did most for it:",
        "",
    ]
    top = [
        r
        for r in result["reasons"]
        if _delta(r["rule"], rec) > 0 or (r["rule"] in _RULES and _RULES[r["rule"]].excludes)
    ][:3]
    lines += [f"* {r['text']}" for r in top]
    lines += ["", "### Consequences", ""]
    good, bad = _GENERAL[rec]
    lines += [f"* Good, because {text}" for text in good]
    payback = economics["payback_months"].get(rec)
    if payback is not None:
        lines.append(f"* Good, because it repays its one-off costs in about {payback:g} months")
    lines += [f"* Bad, because {text}" for text in bad]
    lines.append(
        f"* Neutral, because it costs about {money(economics['monthly_cost'][rec])} a month "
        "at the figures given"
    )
    lines += ["", "### Confirmation", ""]
    if result["caveats"]:
        lines += ["Check before relying on the decision:", ""]
        lines += [f"* {caveat}" for caveat in result["caveats"]]
        lines.append("")
    if result["flips"]:
        lines += ["Revisit the decision if one of these answers changes:", ""]
        lines += [
            f"* `{f['field']}` becomes `{value_text(f['field'], f['value'])}`: "
            f"{OPTION_TITLES[f['recommendation']]}"
            for f in result["flips"]
        ]
    else:
        lines.append("No change to a single answer would alter the decision.")
    return [*lines, ""]


def _pros_and_cons(result: Mapping[str, Any]) -> list[str]:
    economics = result["economics"]
    ruled_out: dict[str, str] = {}
    for reason in result["reasons"]:
        rule = _RULES.get(reason["rule"])
        for option in rule.excludes if rule else ():
            ruled_out.setdefault(option, reason["text"])
    lines = ["## Pros and Cons of the Options", ""]
    for option in OPTIONS:
        good, bad = _GENERAL[option]
        lines += [f"### {OPTION_TITLES[option]}", ""]
        lines += [f"* Good, because {text}" for text in good]
        for reason in result["reasons"]:
            delta = _delta(reason["rule"], option)
            if delta > 0:
                title = _RULES[reason["rule"]].title
                lines.append(f"* Good, because of this rule: {title.lower()} ({delta:+g})")
        lines += [f"* Bad, because {text}" for text in bad]
        for reason in result["reasons"]:
            delta = _delta(reason["rule"], option)
            if delta < 0:
                title = _RULES[reason["rule"]].title
                lines.append(f"* Bad, because of this rule: {title.lower()} ({delta:+g})")
        if option in ruled_out:
            lines.append(f"* Bad, because it is ruled out: {ruled_out[option]}")
        lines += [
            f"* Neutral, because it costs about {money(economics['monthly_cost'][option])} a "
            f"month and {money(economics['upfront_cost'][option])} up front",
            "",
        ]
    return lines


def to_adr(result: Mapping[str, Any]) -> str:
    """The result as a MADR 4.0 record; the same result always gives the same text."""
    rec = result["recommendation"]
    lines = [
        "---",
        "status: proposed",
        "---",
        "",
        f"# Use {_IN_SENTENCE[rec]} to give the model what it lacks",
        "",
        *_context(result),
        *_drivers(result),
        "## Considered Options",
        "",
        *[f"* {OPTION_TITLES[o]}" for o in OPTIONS],
        "",
        *_outcome(result),
        *_pros_and_cons(result),
        "## More Information",
        "",
        *breakeven.markdown(result["break_even"], heading="###"),
        "Produced by the fine-tuning or RAG calculator. These answers reproduce it with "
        "`python3 -m calculator recommend --format adr`:",
        "",
        "```json",
        json.dumps(dict(result["answers"]), indent=2),
        "```",
    ]
    return "\n".join(lines) + "\n"


def to_adr_compared(result: Mapping[str, Any], pinned: Mapping[str, str] | None = None) -> str:
    """The record, with the pinned answers' result beside this one when the page has pinned some."""
    text = to_adr(result)
    if pinned is None:
        return text
    from .compare import markdown
    from .engine import recommend
    from .form_text import parse_values

    head, marker, tail = text.partition("## More Information\n")
    section = "\n".join(markdown(recommend(parse_values(pinned)[0]), result))
    return f"{head}{section}\n{marker}{tail}"
