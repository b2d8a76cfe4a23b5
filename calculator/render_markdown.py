"""A result as a Markdown report: the answer, the four questions, scores, reasons, flips, costs."""

from __future__ import annotations

from . import breakeven
from .contract import OPTIONS, OPTIONS_BY_ID, Result
from .errors import show
from .fields import FIELDS_BY_NAME
from .formatting import count, money_cents, number, percent

__all__ = ["to_markdown", "value_text"]


def value_text(field: str, value: object) -> str:
    """An answer as a reader would write it, with the meaning of null spelled out."""
    spec = FIELDS_BY_NAME.get(field)
    if value is None and spec is not None and spec.null_means:
        return f"null ({spec.null_means})"
    return show(value).strip("'")


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def to_markdown(result: Result) -> str:
    """The result as a Markdown report; the same result always gives the same text."""
    rec = result["recommendation"]
    lines = [
        f"# Recommendation: {OPTIONS_BY_ID[rec].title}",
        "",
        (
            "- The only option left: every other option is ruled out."
            if result.get("only_option_left")
            else f"- Confidence: {percent(float(result['confidence']))}"
        ),
        f"- The four questions alone: {result['framework_verdict']}",
        "- Matched patterns: " + (", ".join(result["patterns"]) or "none"),
        "",
        "## The four questions",
        "",
        "| Question | Answer | Points to fine-tuning | Why |",
        "|---|---|---|---|",
    ]
    for q in result["questions"]:
        points = "yes" if q["points_to_fine_tuning"] else "no"
        lines.append(
            f"| {_cell(q['question'])} | {_cell(q['answer'])} | {points} | {_cell(q['why'])} |"
        )
    lines += ["", "## Scores", "", "| Option | Score |", "|---|---|"]
    scores = result["scores"]
    for option in OPTIONS:
        mark = " (recommended)" if option == rec else ""
        lines.append(f"| {OPTIONS_BY_ID[option].title}{mark} | {number(scores[option])} |")
    lines += ["", "## Reasons", ""]
    for reason in result["reasons"]:
        lines.append(f"- **{reason['rule']}** ({reason['effect']}): {reason['text']}")
        lines.append(f"  Source: {reason['source']}.")
    lines += ["", "## What would change the answer", ""]
    if result["flips"]:
        for flip in result["flips"]:
            lines.append(
                f"- `{flip['field']}` = `{value_text(flip['field'], flip['value'])}` "
                f"gives {flip['recommendation']}"
            )
    else:
        lines.append("- No single answer changes the recommendation.")
    if result["caveats"]:
        lines += ["", "## Caveats", ""]
        lines += [f"- {caveat}" for caveat in result["caveats"]]
    economics = result["economics"]
    lines += [
        "",
        "## Economics",
        "",
        f"{count(economics['calls_per_month'])} calls a month; costs in {economics['currency']}.",
        "",
        "| Option | Per month | Up front | Per 1,000 calls |",
        "|---|---|---|---|",
    ]
    for option in OPTIONS:
        lines.append(
            f"| {OPTIONS_BY_ID[option].title} | {money_cents(economics['monthly_cost'][option])} | "
            f"{money_cents(economics['upfront_cost'][option])} | "
            f"{money_cents(economics['cost_per_1000_calls'][option])} |"
        )
    lines.append("")
    for trained, note in economics["payback_note"].items():
        lines.append(f"- {OPTIONS_BY_ID[trained].title}: {note}")
    lines += ["", "## Assumptions", ""]
    lines += [f"- {entry['text']}" for entry in result["assumptions"]
              if FIELDS_BY_NAME[entry["field"]].group != "economics"]
    lines += [f"- {text}" for text in economics["assumptions"]]
    lines += ["", *breakeven.markdown(result["break_even"])]
    return "\n".join(lines).rstrip("\n") + "\n"
