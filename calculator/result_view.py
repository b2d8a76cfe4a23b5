"""The result region's content as a tree of elements (see ``calculator.tree``).

Answer, the four questions, matched patterns, scores, reasons, what would change the answer,
caveats, and monthly cost with payback, in the order the page shows them.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import breakeven
from .charts import cost_chart, score_chart, volume_chart
from .contract import OPTIONS_BY_ID, AnsweredQuestion, BreakEven, Economics, Flip, Reason, Result
from .fields import label
from .formatting import count, encode, money, months_or_never, number, percent
from .labels import VERDICT_NAMES
from .patterns import PATTERNS_BY_ID
from .tree import Element, Node, el

__all__ = ["break_even_section", "summary", "view"]

BREAK_EVEN_TITLE = "Break-even volume"


def view(result: Result, *, break_even_pending: bool = False) -> Element:
    """The result region's content: answer, questions, patterns, reasons, flips, caveats, costs.

    With ``break_even_pending`` the last section, break-even, is a busy placeholder that the
    page replaces with ``break_even_section`` once the answers settle."""
    recommendation = str(result["recommendation"])
    parts: list[Node] = [
        _answer(result, "calc-answer", "Recommendation: ", " (confidence {})"),
        el(
            "p",
            {"class": "calc-verdict"},
            "The four questions on their own say: ",
            VERDICT_NAMES.get(str(result["framework_verdict"]), str(result["framework_verdict"])),
            ".",
        ),
        _section("The four questions", _questions(result["questions"])),
        _section("Matched patterns", _patterns(result["patterns"])),
        _section("Scores", score_chart(result["scores"], recommendation)),
        _section("Why", _reasons(result["reasons"])),
        _section("What would change the answer", _flips(result["flips"])),
    ]
    if result["caveats"]:
        parts.append(_section("Caveats", el("ul", {}, *(el("li", {}, str(c))
                                                        for c in result["caveats"]))))
    parts.append(_section("Monthly cost and payback", *_economics(result["economics"])))
    if break_even_pending:
        parts.append(el("section", {"class": "calc-part", "aria-busy": "true"},
                        el("h3", {}, BREAK_EVEN_TITLE),
                        el("p", {"class": "calc-pending"}, "Working out break-even\u2026")))
    else:
        calls = result["answers"]["calls_per_day"]
        assert isinstance(calls, int)  # an integer field, validated
        parts.append(break_even_section(result["break_even"], calls))
    return el("div", {"class": "calc-view"}, *parts)


def break_even_section(found: BreakEven, calls: int) -> Element:
    """The break-even section: sentences, the chart across volumes and its table."""
    return _section(BREAK_EVEN_TITLE, *_break_even(found, calls))


def summary(result: Result) -> Element:
    """The short form kept beside the questions: recommendation, confidence, matched patterns and
    the first single change that would alter the recommendation (the full list is in the view)."""
    patterns = [_pattern_title(p) for p in result["patterns"]]
    flips = result["flips"]
    if flips:
        first = flips[0]
        field = str(first["field"])
        flip: Node = el(
            "span", {},
            f"{label(field)} ",
            el("code", {}, encode(first["value"]) or "empty"),
            " would give ",
            el("strong", {}, OPTIONS_BY_ID[str(first["recommendation"])].name),
            f" ({len(flips) - 1} more below)" if len(flips) > 1 else "",
        )
    else:
        flip = "no single change to one answer alters it"
    return el(
        "div",
        {"class": "calc-summary__body"},
        _answer(result, "calc-summary__answer", "", " confidence {}"),
        el(
            "dl",
            {"class": "calc-summary__more"},
            el("dt", {}, "Matched patterns"),
            el("dd", {}, ", ".join(patterns) if patterns else "none"),
            el("dt", {}, "Smallest change that alters it"),
            el("dd", {}, flip),
        ),
    )


def _answer(result: Result, block: str, lead: str, confidence: str) -> Element:
    """The recommendation and its confidence; `block` names the classes ("calc-answer" ...)."""
    prefix = block.removesuffix("__answer")
    return el(
        "p",
        {"class": block},
        *([lead] if lead else []),
        el("strong", {"class": f"{prefix}__option"},
           OPTIONS_BY_ID[str(result["recommendation"])].name),
        el("span", {"class": f"{prefix}__confidence"},
           confidence.format(percent(float(result["confidence"])))),
    )


def _section(title: str, *content: Node) -> Element:
    return el("section", {"class": "calc-part"}, el("h3", {}, title), *content)


def _questions(questions: list[AnsweredQuestion]) -> Element:
    rows = [
        el(
            "tr",
            {},
            el("th", {"scope": "row"}, str(q["question"])),
            el("td", {}, encode(q["answer"]) or "not given"),
            el("td", {}, "yes" if q["points_to_fine_tuning"] else "no"),
            el("td", {}, str(q["why"])),
        )
        for q in questions
    ]
    head = el(
        "tr",
        {},
        *(el("th", {"scope": "col"}, text)
          for text in ("Question", "Your answer", "Points to fine-tuning", "Why")),
    )
    return el("table", {"class": "calc-questions"}, el("thead", {}, head),
              el("tbody", {}, *rows))


def _patterns(patterns: list[str]) -> Element:
    if not patterns:
        return el("p", {}, "None of the six patterns where fine-tuning wins fits these answers.")
    return el(
        "ul",
        {"class": "calc-patterns"},
        *(el("li", {}, el("a", {"href": f"../patterns/{pid}/"}, _pattern_title(pid)))
          for pid in patterns),
    )


def _pattern_title(pattern_id: str) -> str:
    pattern = PATTERNS_BY_ID.get(pattern_id)
    return pattern.title if pattern else pattern_id


def _reasons(reasons: list[Reason]) -> Element:
    return el(
        "ol",
        {"class": "calc-reasons"},
        *(
            el(
                "li",
                {},
                str(r["text"]),
                el("span", {"class": "calc-reason__meta"},
                   f" ({r['rule']}: {r['effect']}; source: {r['source']})"),
            )
            for r in reasons
        ),
    )


def _flips(flips: list[Flip]) -> Element:
    if not flips:
        return el("p", {}, "No single change to one answer alters the recommendation.")
    return el(
        "ul",
        {"class": "calc-flips"},
        *(
            el(
                "li",
                {},
                f"{label(str(f['field']))} ",
                el("code", {}, encode(f["value"]) or "empty"),
                " would give ",
                el("strong", {}, OPTIONS_BY_ID[str(f["recommendation"])].name),
            )
            for f in flips
        ),
    )


def _economics(economics: Economics) -> list[Node]:
    monthly: Mapping[str, float] = economics["monthly_cost"]
    upfront: Mapping[str, float] = economics["upfront_cost"]
    payback: Mapping[str, float | None] = economics["payback_months"]
    baseline = str(economics["payback_against"])
    rows = [
        el(
            "tr",
            {},
            el("th", {"scope": "row"}, OPTIONS_BY_ID[option].name),
            el("td", {}, money(monthly[option])),
            el("td", {}, money(upfront[option])),
            el("td", {}, _payback_text(option, payback, baseline)),
        )
        for option in monthly
    ]
    head = el("tr", {}, *(el("th", {"scope": "col"}, text) for text in
                          ("Option", "Per month", "One-off", "Pays back")))
    table = el("table", {"class": "calc-costs"}, el("thead", {}, head), el("tbody", {}, *rows))
    return [cost_chart(monthly, upfront, payback, baseline), table]


def _break_even(found: BreakEven, calls: float) -> list[Node]:
    rows = [
        el("tr", {},
           el("th", {"scope": "row"}, count(p["calls_per_day"])),
           el("td", {}, OPTIONS_BY_ID[p["recommendation"]].name),
           el("td", {}, months_or_never(p["payback_months"]["fine-tuning"])),
           el("td", {}, months_or_never(p["payback_months"]["hybrid"])))
        for p in found["volumes"]
    ]
    head = el("tr", {}, *(el("th", {"scope": "col"}, text) for text in
                          ("Calls a day", "Recommendation", "Fine-tuning pays back",
                           "Hybrid pays back")))
    return [
        el("ul", {"class": "calc-breakeven"},
           *(el("li", {}, text) for text in breakeven.sentences(found))),
        volume_chart(found["volumes"], float(calls), int(found["within_months"])),
        el("table", {"class": "calc-volumes"}, el("thead", {}, head), el("tbody", {}, *rows)),
    ]


def _payback_text(option: str, payback: Mapping[str, float | None], baseline: str) -> str:
    if option not in payback:
        return "baseline" if option == baseline else ""
    months = payback[option]
    if months is None:
        return f"never, against {OPTIONS_BY_ID[baseline].name}"
    return f"after {number(months)} months, against {OPTIONS_BY_ID[baseline].name}"
