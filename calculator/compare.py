"""Two sets of answers side by side: the pinned ones and the current ones.

A design review pins the answers it agreed on, changes the ones in doubt, and reads both results
next to each other; the decision record can carry the comparison. Both results come from
``recommend``; this module only lines up what differs.
"""

from __future__ import annotations

from .breakeven import TRAINED
from .contract import OPTIONS_BY_ID, Result
from .fields import FIELDS, label
from .formatting import count, encode, money, percent
from .tree import Element, el

__all__ = ["PINNED_PARAMETER", "changed_answers", "markdown", "rows", "view"]

# The calculator page's query parameter holding the pinned answers, as a query string of its own.
PINNED_PARAMETER = "pinned"


def changed_answers(
    pinned: Result, now: Result
) -> list[tuple[str, str, str]]:
    """(field, pinned text, current text) for every answer that differs, in form order."""
    before, after = pinned["answers"], now["answers"]
    return [
        (f.name, encode(before[f.name]), encode(after[f.name]))
        for f in FIELDS
        if before[f.name] != after[f.name] or type(before[f.name]) is not type(after[f.name])
    ]


def _volume(result: Result, option: str) -> str:
    calls = result["break_even"]["calls_per_day"][option]
    return "never within 12 months" if calls is None else f"from {count(calls)} calls a day"


def rows(pinned: Result, now: Result) -> list[tuple[str, str, str]]:
    """The comparison as (what, pinned, now) rows of text."""

    def cost(result: Result) -> str:
        return money(result["economics"]["monthly_cost"][result["recommendation"]])

    table = [
        ("Recommendation", OPTIONS_BY_ID[pinned["recommendation"]].name,
         OPTIONS_BY_ID[now["recommendation"]].name),
        ("Confidence", percent(pinned["confidence"]), percent(now["confidence"])),
        ("Matched patterns", ", ".join(pinned["patterns"]) or "none",
         ", ".join(now["patterns"]) or "none"),
        ("Recommended option per month", cost(pinned), cost(now)),
    ]
    table += [(f"{OPTIONS_BY_ID[o].title} pays back in 12 months", _volume(pinned, o),
               _volume(now, o)) for o in TRAINED]
    return table


def view(pinned: Result, now: Result) -> Element:
    """The two results side by side, and the answers that differ, for the page."""
    head = el("tr", {}, *(el("th", {"scope": "col"}, t) for t in ("", "Pinned", "Now")))
    body = [
        el("tr", {}, el("th", {"scope": "row"}, what), el("td", {}, a), el("td", {}, b))
        for what, a, b in rows(pinned, now)
    ]
    changed = changed_answers(pinned, now)
    differs = (
        el("ul", {"class": "calc-compare__changed"},
           *(el("li", {}, f"{label(n)} ", el("code", {}, a or "empty"),
                " \N{RIGHTWARDS ARROW} ", el("code", {}, b or "empty"))
             for n, a, b in changed))
        if changed
        else el("p", {}, "No answer differs from the pinned ones.")
    )
    return el(
        "div",
        {"class": "calc-compare"},
        el("h3", {}, "Compared with the pinned answers"),
        el("table", {"class": "calc-compare__table"}, el("thead", {}, head),
           el("tbody", {}, *body)),
        el("p", {}, "Answers changed since pinning:"),
        differs,
    )


def markdown(pinned: Result, now: Result, heading: str = "##") -> list[str]:
    """The comparison as a Markdown section, for the decision record."""
    lines = [
        f"{heading} Compared with the pinned answers",
        "",
        "| | Pinned | Now |",
        "|---|---|---|",
        *(f"| {what} | {a} | {b} |" for what, a, b in rows(pinned, now)),
        "",
    ]
    changed = changed_answers(pinned, now)
    if changed:
        lines += ["Answers changed since pinning:", ""]
        lines += [f"- `{n}`: `{a or 'null'}` to `{b or 'null'}`" for n, a, b in changed]
    else:
        lines.append("No answer differs from the pinned ones.")
    return [*lines, ""]
