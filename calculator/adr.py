"""A result as an architecture decision record in the MADR 4.0 layout, with no dates in it.

Every sentence is written for the case at hand: a statement about knowledge appears only when the
gap has knowledge, one about citations only when they were asked for, and the values read as
words. The record ends with the command (and, given the site's address, the calculator link) that
reproduces it from the answers the reader gave.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from . import breakeven
from .contract import OPTIONS, OPTIONS_BY_ID, Result
from .fields import FIELDS, FIELDS_BY_NAME
from .formatting import count, encode, figure, money_cents, number, percent
from .patterns import PATTERNS_BY_ID
from .rules import MIN_EXAMPLES

__all__ = ["calculator_link", "change_words", "given_answers", "to_adr", "value_words"]

_CHANGES = {
    "realtime": "changes in real time",
    "hourly": "changes hourly",
    "daily": "changes daily",
    "weekly": "changes weekly",
    "monthly": "changes monthly",
    "quarterly": "changes quarterly",
    "yearly": "changes yearly",
    "static": "does not change",
}

_NEEDS = {
    "knowledge": "knowledge it has never seen",
    "behavior": "a way of answering that prompts do not hold steady",
    "both": "both knowledge it has never seen and a way of answering",
}

# What the trained behaviour is, from the most telling answer; each fills "fine-tune ...".
_BEHAVIOURS: tuple[tuple[str, str, str], ...] = (
    ("tone", "proprietary", "the approved voice"),
    ("terminology", "closed", "the internal terminology"),
    ("consistency", "strict", "a consistent form of answer"),
    ("task_shape", "classification", "the classification task"),
    ("task_shape", "extraction", "the extraction task"),
    ("tone", "house-style", "the house style"),
    ("task_shape", "styled-generation", "the styled replies"),
    ("terminology", "specialized", "the professional vocabulary"),
)

# What a held-out evaluation measures, by the same answers.
_MEASURES: tuple[tuple[str, str, str], ...] = (
    ("task_shape", "classification", "label accuracy"),
    ("task_shape", "extraction", "field-level accuracy"),
    ("consistency", "strict", "the share of answers in the required form (target: 99% or more)"),
    ("terminology", "closed", "correct use of the internal terms, checked by reviewers"),
    ("tone", "proprietary", "the share of answers reviewers approve as written in the voice"),
)


def change_words(rate: object) -> str:
    """A change rate as words: "changes quarterly", "does not change"."""
    return _CHANGES.get(str(rate), f"changes {rate}")


def value_words(name: str, value: object) -> str:
    """An answer as a person would say it: a choice's meaning, a count with its unit."""
    field = FIELDS_BY_NAME[name]
    if value is None:
        return field.null_means
    if field.kind == "bool":
        return "yes" if value else "no"
    if field.kind == "choice":
        if name == "corpus_change":
            return change_words(value)
        return dict(field.choice_texts).get(str(value)) or str(value)
    shown = figure(value) if isinstance(value, int | float) else str(value)
    return f"{shown} {field.unit.replace('/', ' a ')}".strip()


def _sentence(text: str) -> str:
    """A rule's reason as the rest of a "because ..." sentence."""
    return text[:1].lower() + text[1:]


def _behaviour(answers: Mapping[str, Any]) -> str:
    for name, value, words in _BEHAVIOURS:
        if answers.get(name) == value:
            return words
    return "the way of answering"


def _knowledge(result: Result) -> str:
    answers = result["answers"]
    if answers["need"] == "behavior":
        return "the documents"
    if "corpus_change" in result["given"]:
        return f"the knowledge that {change_words(answers['corpus_change'])}"
    return "the knowledge"


def _title(result: Result) -> str:
    rec, answers = result["recommendation"], result["answers"]
    need, patterns = answers["need"], result["patterns"]
    behaviour, knowledge = _behaviour(answers), _knowledge(result)
    if rec == "hybrid":
        return f"Fine-tune {behaviour}; keep {knowledge} in retrieval"
    if rec == "fine-tuning":
        if need == "behavior":
            return f"Fine-tune the model for {behaviour}"
        if need == "both":
            return f"Fine-tune {behaviour} and train {knowledge} into the model"
        why = ""
        if "critical-latency" in patterns:
            why = f" to answer within {number(_amount(answers, 'latency_budget_ms'))} ms"
        elif "sensitive-data" in patterns:
            why = " instead of keeping it in an index"
        return f"Train {knowledge} into the model{why}"
    if rec == "rag":
        extras = []
        if answers["citations_required"]:
            extras.append("with citations")
        if answers["per_user_access"]:
            extras.append("within each reader's access rights")
        tail = f", {' and '.join(extras)}" if extras else ""
        if need == "behavior":
            return f"Give the model {behaviour} from retrieved examples{tail}"
        return f"Retrieve {knowledge} at query time{tail}"
    if need == "behavior":
        first = " before any fine-tuning" if answers["prompting_tried"] != "good-enough" else ""
        return f"Prompt the model for {behaviour}{first}"
    if answers["corpus_tokens"] is not None and "corpus_tokens" in result["given"]:
        return f"Carry the {count(_amount(answers, 'corpus_tokens'))}-token knowledge in the prompt"
    return "Send the knowledge each request needs in the prompt"


def _context(result: Result) -> list[str]:
    answers, given = result["answers"], result["given"]
    parts = [f"The model lacks {_NEEDS[str(answers['need'])]}."]
    if "calls_per_day" in given:
        parts.append(f"It serves about {count(_amount(answers, 'calls_per_day'))} calls a day.")
    if answers["need"] != "behavior" and "corpus_change" in given:
        parts.append(f"Its knowledge {change_words(answers['corpus_change'])}.")
    parts.append(
        "Which approach should give the model what it lacks: prompt engineering, retrieval, "
        "fine-tuning, or a hybrid of the last two?"
    )
    return ["## Context and Problem Statement", "", " ".join(parts), ""]


def _drivers(result: Result) -> list[str]:
    answers = result["answers"]
    lines = ["## Decision Drivers", ""]
    for q in result["questions"]:
        points = "points" if q["points_to_fine_tuning"] else "does not point"
        points += " to fine-tuning"
        lines.append(f"* {q['question']} {q['why']} This {points}.")
    lines += [
        _driver(f.label, value_words(f.name, answers[f.name]))
        for f in FIELDS
        # The context already gives the need, the volume and how fast the knowledge changes.
        if f.group != "economics" and f.name in result["given"]
        and f.name not in ("need", "corpus_change", "calls_per_day")
    ]
    lines += [
        f"* The case matches the pattern {PATTERNS_BY_ID[p].title.lower()}."
        for p in result["patterns"]
    ]
    return [*lines, ""]


def _standing(result: Result) -> str:
    rec, runner = result["recommendation"], result["runner_up"]
    if runner is None:
        ruling = sorted({r["title"].lower() for r in result["reasons"] if r["excludes"]})
        return (
            "It is the only option left: the others are ruled out ("
            + "; ".join(ruling)
            + ")."
        )
    points, other = result["scores"][rec], result["scores"][runner]
    noun = "point" if points == 1 else "points"
    confidence = percent(float(result["confidence"]))
    return (
        f"It scores {number(points)} {noun} against {number(other)} for "
        f"{OPTIONS_BY_ID[runner].in_sentence}, a confidence of {confidence}."
    )


def _amount(answers: Mapping[str, object], name: str) -> float:
    """A numeric answer the caller knows is set (the result's answers are typed as JSON)."""
    value = answers[name]
    assert isinstance(value, int | float), (name, value)
    return value


def _holdout(answers: Mapping[str, Any], given: list[str]) -> str:
    if "labeled_examples" in given and answers["labeled_examples"] >= 5 * MIN_EXAMPLES:
        return f"a fifth of the {count(answers['labeled_examples'])} reviewed examples"
    return f"at least {MIN_EXAMPLES} reviewed cases"


def _measure(answers: Mapping[str, Any]) -> str:
    for name, value, words in _MEASURES:
        if answers.get(name) == value:
            return words
    if answers["need"] == "knowledge":
        return "the share of answers that agree with the source documents"
    return "the share of answers reviewers accept without edits"


def _confirmation(result: Result) -> list[str]:
    rec, answers, given = result["recommendation"], result["answers"], result["given"]
    latency = ""
    if answers["latency_budget_ms"] is not None:
        budget = number(_amount(answers, "latency_budget_ms"))
        latency = f", with p95 latency under {budget} ms under load"
    steps: list[str] = []
    if rec in ("fine-tuning", "hybrid"):
        steps.append(
            f"Hold out {_holdout(answers, given)} that training never sees. Compare the "
            f"fine-tuned model with the best prompt on them, measuring {_measure(answers)}; "
            f"adopt it only if it beats the prompted baseline{latency}."
        )
    if rec in ("rag", "hybrid") and answers["need"] != "behavior":
        checks = [
            "Build a test set of at least 50 questions whose supporting documents are known, and "
            "measure retrieval recall: the right document among the top five for at least 90% "
            "of them"
        ]
        if answers["citations_required"]:
            checks.append("every citation must point to a document that supports the sentence")
        if answers["per_user_access"]:
            checks.append(
                "with test users of restricted rights, no answer may draw on a document they "
                "cannot open"
            )
        steps.append("; ".join(checks) + (latency if rec == "rag" else "") + ".")
    if rec == "prompt-engineering" or not steps:
        measure = _measure(answers)
        steps.append(
            f"Score the prompt on {_holdout(answers, given)} held out for testing, measuring "
            f"{measure}, against a target set before the test{latency}. If it falls short, "
            "rerun the calculator with `prompting_tried` set to `fell-short`."
        )
    return ["### Confirmation", "", *[f"* {step}" for step in steps], ""]


def _general(option: str, result: Result) -> tuple[list[str], list[str]]:
    """What an option is good and bad at, in sentences true of this case."""
    answers = result["answers"]
    need = answers["need"]
    good: list[str] = []
    bad: list[str] = []
    if option == "prompt-engineering":
        good.append("there is nothing to train or index, and a change ships as soon as the "
                    "prompt is edited")
        bad.append("long instructions are paid for on every call and can drift when the model "
                   "changes")
    elif option == "rag":
        if need != "behavior":
            good.append("knowledge is refreshed by re-indexing, without training")
        if answers["citations_required"]:
            good.append("answers can cite the documents they used")
        if answers["per_user_access"]:
            good.append("access rights are checked on each document fetched for a reader")
        if not good:
            good.append("it needs no training data")
        bad += ["every call waits for retrieval", "retrieval quality needs continuing care"]
    elif option == "fine-tuning":
        good.append(
            "the behaviour becomes the default with a short prompt"
            if need != "knowledge"
            else "the facts are answered from the weights, with no retrieval step"
        )
        bad.append("it needs reviewed examples, a training cycle and evaluation")
        if need != "behavior":
            bad.append("facts trained into weights must be retrained whenever they change")
    else:
        good.append(
            "the behaviour is trained while the knowledge stays current"
            if need == "both"
            else "a tuned model works from documents fetched for each answer"
        )
        bad.append("it carries the costs and upkeep of both training and retrieval")
    return good, bad


def _consequences(result: Result) -> list[str]:
    rec, economics = result["recommendation"], result["economics"]
    good, bad = _general(rec, result)
    lines = ["### Consequences", ""]
    lines += [f"* Good, because {text}." for text in good]
    payback = economics["payback_months"].get(rec)
    if payback is not None:
        lines.append(f"* Good, because it repays its one-off costs by month {payback}.")
    lines += [f"* Bad, because {text}." for text in bad]
    lines.append(
        f"* Neutral, because it costs about {money_cents(economics['monthly_cost'][rec])} a "
        f"month and {money_cents(economics['upfront_cost'][rec])} up front on the assumptions "
        "listed below."
    )
    return [*lines, ""]


def _outcome(result: Result) -> list[str]:
    rec = result["recommendation"]
    top = [
        r for r in result["reasons"]
        if r["rule"] != "baseline" and (r["points"].get(rec, 0.0) > 0 or r["excludes"])
    ][:3]
    lines = [
        "## Decision Outcome",
        "",
        f'Chosen option: "{OPTIONS_BY_ID[rec].title}". {_standing(result)}',
        "",
    ]
    if top:
        lines += ["The answers that decided it:", ""]
        lines += [f"* {r['text']}" for r in top]
        lines.append("")
    return [*lines, *_consequences(result), *_confirmation(result)]


def _pros_and_cons(result: Result) -> list[str]:
    economics = result["economics"]
    lines = ["## Pros and Cons of the Options", ""]
    applied = [r for r in result["reasons"] if r["rule"] != "baseline"]
    for option in OPTIONS:
        good, bad = _general(option, result)
        ruled_out = [r for r in applied if option in r["excludes"]]
        for reason in applied:
            # A reason speaks for the option it favours most and against the one it hurts most;
            # "the two combine in a hybrid" is no argument for prompt engineering.
            points = reason["points"]
            delta = points.get(option, 0.0)
            if delta > 0 and delta == max(points.values()):
                good.append(_sentence(reason["text"]).rstrip("."))
            elif delta < 0 and delta == min(points.values()) and not ruled_out:
                bad.append(_sentence(reason["text"]).rstrip("."))
        lines += [f"### {OPTIONS_BY_ID[option].title}", ""]
        lines += [f"* Good, because {text}." for text in dict.fromkeys(good)]
        lines += [f"* Bad, because {text}." for text in dict.fromkeys(bad)]
        lines += [f"* Bad, because it is ruled out: {_sentence(r['text'])}" for r in ruled_out]
        lines += [
            f"* Neutral, because it costs about {money_cents(economics['monthly_cost'][option])} a "
            f"month and {money_cents(economics['upfront_cost'][option])} up front.",
            "",
        ]
    return lines


def _caveats_and_flips(result: Result) -> list[str]:
    lines = ["## Caveats", ""]
    lines += [f"* {c}" for c in result["caveats"]] or ["* None beyond the confirmation above."]
    lines += ["", "## When to Revisit", ""]
    if result["flips"]:
        lines += [
            f"* If the answer to \"{FIELDS_BY_NAME[f['field']].label}\" becomes "
            f"\"{value_words(f['field'], f['value'])}\", the calculator recommends "
            f"{OPTIONS_BY_ID[f['recommendation']].in_sentence}."
            for f in result["flips"]
        ]
    else:
        lines.append("* No change to a single answer would alter the decision.")
    lines += ["", "## Assumptions", ""]
    assumed = [a["text"] for a in result["assumptions"] if a["field"] in _DECISION_FIELDS]
    lines += [f"* {text}" for text in assumed]
    lines += [f"* {text}" for text in result["economics"]["assumptions"]]
    return [*lines, ""]


_DECISION_FIELDS = frozenset(f.name for f in FIELDS if f.group != "economics")


def given_answers(result: Result) -> dict[str, object]:
    """The answers the reader gave, which reproduce the result; defaults stay defaults."""
    return {name: result["answers"][name] for name in result["given"]}


def calculator_link(result: Result, site_url: str) -> str:
    """The calculator page at `site_url` with the reader's answers in its query string."""
    pairs = [(name, encode(value)) for name, value in given_answers(result).items()]
    query = urlencode(pairs)
    return f"{site_url.rstrip('/')}/calculator/" + (f"?{query}" if query else "")


def _driver(label: str, value: str) -> str:
    """One stated answer as a bullet; a label that is a question takes its answer as a reply."""
    if label.endswith("?"):
        return f"* {label} {value[:1].upper()}{value[1:]}."
    return f"* {label}: {value}."


def to_adr(result: Result, *, site_url: str | None = None) -> str:
    """The result as a MADR 4.0 record; the same result always gives the same text."""
    given = json.dumps(given_answers(result), indent=2)
    more = [
        "## More Information",
        "",
        *breakeven.markdown(result["break_even"], heading="###"),
        "Produced by the fine-tuning or RAG calculator from the answers below; this command "
        "prints the same record:",
        "",
        "```sh",
        "python3 -m calculator recommend --format adr --answers - <<'EOF'",
        given,
        "EOF",
        "```",
    ]
    if site_url:
        more += ["", f"Open it in the calculator: <{calculator_link(result, site_url)}>"]
    lines = [
        "---",
        "status: proposed",
        "---",
        "",
        f"# {_title(result)}",
        "",
        *_context(result),
        *_drivers(result),
        "## Considered Options",
        "",
        *[f"* {OPTIONS_BY_ID[o].title}" for o in OPTIONS],
        "",
        *_outcome(result),
        *_pros_and_cons(result),
        *_caveats_and_flips(result),
        *more,
    ]
    return "\n".join(lines) + "\n"


def to_adr_compared(
    result: Result,
    pinned: Mapping[str, str] | None = None,
    *,
    site_url: str | None = None,
) -> str:
    """The record, with the pinned answers' result beside this one when the page has pinned some."""
    text = to_adr(result, site_url=site_url)
    if pinned is None:
        return text
    from .compare import markdown
    from .engine import recommend
    from .form_text import parse_values

    head, marker, tail = text.partition("## More Information\n")
    section = "\n".join(markdown(recommend(parse_values(pinned)[0]), result))
    return f"{head}{section}\n{marker}{tail}"
