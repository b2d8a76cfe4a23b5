"""Two sets of answers side by side: the pinned ones and the current ones.

A design review pins the answers it agreed on, changes the ones in doubt, and reads both results
next to each other; the decision record can carry the comparison. Both results come from
``recommend``; this module only lines up what differs.
"""

from __future__ import annotations

from .breakeven import TRAINED
from .contract import OPTIONS_BY_ID, Result
from .form_text import form_properties, query_text
from .labels import money, percent
from .tree import Element, el

__all__ = ["PINNED_PARAMETER", "changed_answers", "markdown", "rows", "view"]

# The calculator page's query parameter holding the pinned answers, as a query string of its own.
PINNED_PARAMETER = "pinned"


def changed_answers(
    pinned: Result, now: Result
) -> list[tuple[str, str, str]]:
    """(field, pinned text, current text) for every answer that differs, in form order."""
    return [
        (name, query_text(pinned["answers"][name]), query_text(now["answers"][name]))
        for name in form_properties()
        if pinned["answers"][name] != now["answers"][name]
        or type(pinned["answers"][name]) is not type(now["answers"][name])
    ]


def _volume(result: Result, option: str) -> str:
    calls = result["break_even"]["calls_per_day"][option]
    return "never within 12 months" if calls is None else f"from {calls:,} calls a day"


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
    labels = {name: prop.get("x-label", name) for name, prop in form_properties().items()}
    head = el("tr", {}, *(el("th", {"scope": "col"}, t) for t in ("", "Pinned", "Now")))
    body = [
        el("tr", {}, el("th", {"scope": "row"}, what), el("td", {}, a), el("td", {}, b))
        for what, a, b in rows(pinned, now)
    ]
    changed = changed_answers(pinned, now)
    differs = (
        el("ul", {"class": "calc-compare__changed"},
           *(el("li", {}, f"{labels.get(n, n)} ", el("code", {}, a or "empty"),
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
