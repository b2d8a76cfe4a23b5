"""The browser's entry point: JSON text in, JSON text out, and the result as a tree of elements.

The calculator page sends the raw text of its form controls and query string (every value a string,
as HTML gives them); this module turns the text into typed answers, lets the engine judge them,
recommends, and describes the result as a tree ``[tag, {attribute: value}, [child, ...]]`` whose
leaves are strings. The build writes the same tree as HTML for the answer shown at first paint and
the browser builds it with DOM calls, so the page shows one rendering, never two that drift apart.
Text in the tree is data: the browser sets it as text, never parses it as markup.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from typing import Any, TypeAlias, cast

from . import DEFAULTS, AnswerError, input_schema, recommend, to_adr, to_markdown, validate
from .patterns import PATTERNS_BY_ID

__all__ = [
    "OPTION_NAMES",
    "Element",
    "Node",
    "compute",
    "handle",
    "parse_values",
    "query_pairs",
    "query_text",
    "view",
]

Node: TypeAlias = "str | Element"
Element: TypeAlias = "tuple[str, dict[str, str], list[Node]]"

OPTION_NAMES = {
    "prompt-engineering": "Prompt engineering",
    "rag": "RAG",
    "fine-tuning": "Fine-tuning",
    "hybrid": "Hybrid: fine-tuning with RAG",
}
VERDICT_NAMES = {"rag": "use RAG", "evaluate-fine-tuning": "evaluate fine-tuning"}
# Plain decimals only: no exponent, no 'inf' or 'nan', which float() would accept.
_DECIMAL = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)\Z")


def _kinds(prop: Mapping[str, Any]) -> set[str]:
    kind = prop.get("type", "string")
    return set(kind) if isinstance(kind, list) else {str(kind)}


def _from_text(kinds: set[str], text: str) -> object:
    """The typed value a control's text stands for; other text goes to the engine as it is."""
    stripped = text.strip()
    if stripped == "" and "null" in kinds:
        return None
    if "boolean" in kinds:
        return {"true": True, "false": False}.get(stripped, text)
    if kinds & {"integer", "number"}:
        if not _DECIMAL.match(stripped):
            return text
        if "." not in stripped:
            return int(stripped)
        number = float(stripped)
        return int(number) if "integer" in kinds and number.is_integer() else number
    return text


def parse_values(values: Mapping[str, str]) -> tuple[dict[str, object], list[AnswerError]]:
    """Typed answers from the text of engine fields, and the engine's objection to each rejection.

    Keys that are not engine fields are skipped (the page keeps them in the URL); a rejected value
    is left out, so the field takes its default, and so is a value equal to the default, so that
    the answers are the ones the URL holds (``10`` for a default of ``10.0`` would otherwise
    reach the decision record).
    """
    properties = _properties()
    candidate = {
        name: _from_text(_kinds(properties[name]), str(text))
        for name, text in values.items()
        if name in properties
    }
    errors = validate(candidate)
    rejected = {error.field for error in errors}
    answers = {
        name: value
        for name, value in candidate.items()
        if name not in rejected and not _same(value, DEFAULTS[name])
    }
    return answers, errors


def query_text(value: object) -> str:
    """A value as the query string writes it: true/false, plain decimals, empty for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return _plain(repr(value))
    return str(value)


def _plain(text: str) -> str:
    """A float's shortest repr without its exponent: '1.5e-07' -> '0.00000015'."""
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    sign = "-" if mantissa.startswith("-") else ""
    whole, _, fraction = mantissa.lstrip("-").partition(".")
    digits, point = whole + fraction, len(whole) + int(exponent)
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits))
    return f"{sign}{digits[:point]}.{digits[point:]}"


def query_pairs(answers: Mapping[str, object]) -> list[tuple[str, str]]:
    """The fields that differ from their defaults, in form order, as query-string pairs."""
    return [
        (name, query_text(answers[name]))
        for name in _properties()
        if name in answers and not _same(answers[name], DEFAULTS[name])
    ]


def _same(value: object, default: object) -> bool:
    # True == 1 in Python, and a flag is never the same answer as a count.
    if isinstance(value, bool | None) or isinstance(default, bool | None):
        return value is default
    return value == default


def compute(values: Mapping[str, str]) -> dict[str, object]:
    """Everything the page shows for one state of the form."""
    answers, errors = parse_values(values)
    result = recommend(answers)
    return {
        "recommendation": result["recommendation"],
        "patterns": result["patterns"],
        "answers": result["answers"],
        "errors": [error.to_dict() for error in errors],
        "query": query_pairs(result["answers"]),
        "texts": {name: query_text(value) for name, value in result["answers"].items()},
        "view": view(result),
    }


def handle(request: str) -> str:
    """Answer one request ``{"type", "payload"}`` from the browser with JSON text.

    Every type takes the payload ``{"values": {field: text}}``. ``compute`` answers with what
    the page shows; ``adr`` and ``markdown`` with ``{"text": ...}``, exactly what
    ``python3 -m calculator recommend --format adr|markdown`` prints for the same answers.
    """
    message = json.loads(request)
    kind, payload = message["type"], message.get("payload") or {}
    values = payload.get("values") or {}
    reply: object
    if kind == "compute":
        reply = compute(values)
    elif kind == "adr":
        reply = {"text": to_adr(recommend(parse_values(values)[0]))}
    elif kind == "markdown":
        reply = {"text": to_markdown(recommend(parse_values(values)[0]))}
    else:
        raise ValueError(f"type: expected one of 'compute', 'adr', 'markdown'; got {kind!r}")
    return json.dumps(reply, ensure_ascii=False, allow_nan=False)


# --- The result as a tree -------------------------------------------------------------------


def _el(tag: str, attrs: dict[str, str] | None = None, *children: Node) -> Element:
    return (tag, attrs or {}, list(children))


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _money(amount: float) -> str:
    return f"${amount:,.0f}"


def view(result: Mapping[str, Any]) -> Element:
    """The result region's content: answer, questions, patterns, reasons, flips, caveats, costs."""
    labels = {name: prop.get("x-label", name) for name, prop in _properties().items()}
    recommendation = str(result["recommendation"])
    parts: list[Node] = [
        _el(
            "p",
            {"class": "calc-answer"},
            "Recommendation: ",
            _el("strong", {"class": "calc-answer__option"}, OPTION_NAMES[recommendation]),
            _el("span", {"class": "calc-answer__confidence"},
                f" (confidence {_percent(float(result['confidence']))})"),
        ),
        _el(
            "p",
            {"class": "calc-verdict"},
            "The four questions on their own say: ",
            VERDICT_NAMES.get(str(result["framework_verdict"]), str(result["framework_verdict"])),
            ".",
        ),
        _section("The four questions", _questions(result["questions"])),
        _section("Matched patterns", _patterns(result["patterns"])),
        _section("Scores", _score_chart(result["scores"], recommendation)),
        _section("Why", _reasons(result["reasons"])),
        _section("What would change the answer", _flips(result["flips"], labels)),
    ]
    if result["caveats"]:
        parts.append(_section("Caveats", _el("ul", {}, *(_el("li", {}, str(c))
                                                         for c in result["caveats"]))))
    parts.append(_section("Monthly cost and payback", *_economics(result["economics"])))
    return _el("div", {"class": "calc-view"}, *parts)


@functools.cache
def _properties() -> dict[str, Any]:
    """The schema's properties, in form order (built once: the form never changes at run time)."""
    return cast(dict[str, Any], input_schema()["properties"])


def _section(title: str, *content: Node) -> Element:
    return _el("section", {"class": "calc-part"}, _el("h3", {}, title), *content)


def _questions(questions: list[Mapping[str, Any]]) -> Element:
    rows = [
        _el(
            "tr",
            {},
            _el("th", {"scope": "row"}, str(q["question"])),
            _el("td", {}, query_text(q["answer"]) or "not given"),
            _el("td", {}, "yes" if q["points_to_fine_tuning"] else "no"),
            _el("td", {}, str(q["why"])),
        )
        for q in questions
    ]
    head = _el(
        "tr",
        {},
        *(_el("th", {"scope": "col"}, text)
          for text in ("Question", "Your answer", "Points to fine-tuning", "Why")),
    )
    return _el("table", {"class": "calc-questions"}, _el("thead", {}, head),
               _el("tbody", {}, *rows))


def _patterns(patterns: list[str]) -> Element:
    if not patterns:
        return _el("p", {}, "None of the six patterns where fine-tuning wins fits these answers.")
    return _el(
        "ul",
        {"class": "calc-patterns"},
        *(_el("li", {}, _el("a", {"href": f"../patterns/{pid}/"}, _pattern_title(pid)))
          for pid in patterns),
    )


def _pattern_title(pattern_id: str) -> str:
    pattern = PATTERNS_BY_ID.get(pattern_id)
    return pattern.title if pattern else pattern_id


def _reasons(reasons: list[Mapping[str, Any]]) -> Element:
    return _el(
        "ol",
        {"class": "calc-reasons"},
        *(
            _el(
                "li",
                {},
                str(r["text"]),
                _el("span", {"class": "calc-reason__meta"},
                    f" ({r['rule']}: {r['effect']}; source: {r['source']})"),
            )
            for r in reasons
        ),
    )


def _flips(flips: list[Mapping[str, Any]], labels: Mapping[str, str]) -> Element:
    if not flips:
        return _el("p", {}, "No single change to one answer alters the recommendation.")
    return _el(
        "ul",
        {"class": "calc-flips"},
        *(
            _el(
                "li",
                {},
                f"{labels.get(str(f['field']), str(f['field']))} ",
                _el("code", {}, query_text(f["value"]) or "empty"),
                " would give ",
                _el("strong", {}, OPTION_NAMES.get(str(f["recommendation"]),
                                                   str(f["recommendation"]))),
            )
            for f in flips
        ),
    )


# --- Charts: inline SVG with presentation attributes only (the site's CSP forbids style="") ----

_BAR_WIDTH = 320
_LABEL_WIDTH = 200
_ROW = 28


def _score_chart(scores: Mapping[str, float], chosen: str) -> Element:
    items = list(scores.items())
    top = max((float(v) for _, v in items), default=0.0) or 1.0
    height = _ROW * len(items) + 8
    rows: list[Node] = []
    for index, (option, score) in enumerate(items):
        y = 4 + index * _ROW
        width = max(0.0, float(score)) / top * (_BAR_WIDTH - 60)
        kind = "calc-bar calc-bar--chosen" if option == chosen else "calc-bar"
        rows += [
            _el("text", {"x": "0", "y": str(y + 17), "class": "calc-chart__label"},
                OPTION_NAMES.get(option, option)),
            _el("rect", {"x": str(_LABEL_WIDTH), "y": str(y + 4), "height": "18",
                         "width": f"{width:.1f}", "class": kind}),
            _el("text", {"x": f"{_LABEL_WIDTH + width + 6:.1f}", "y": str(y + 17),
                         "class": "calc-chart__value"}, f"{float(score):.2f}"),
        ]
    summary = "; ".join(f"{OPTION_NAMES.get(o, o)} {float(s):.2f}" for o, s in items)
    return _svg(f"Scores per option: {summary}", _LABEL_WIDTH + _BAR_WIDTH, height, rows)


def _svg(label: str, width: int, height: int, children: list[Node]) -> Element:
    return _el(
        "svg",
        {"class": "calc-chart", "viewBox": f"0 0 {width} {height}", "role": "img",
         "aria-label": label, "width": str(width), "height": str(height)},
        _el("title", {}, label),
        *children,
    )


def _economics(economics: Mapping[str, Any]) -> list[Node]:
    monthly: Mapping[str, float] = economics["monthly_cost"]
    upfront: Mapping[str, float] = economics["upfront_cost"]
    payback: Mapping[str, float | None] = economics["payback_months"]
    baseline = str(economics["payback_against"])
    rows = [
        _el(
            "tr",
            {},
            _el("th", {"scope": "row"}, OPTION_NAMES.get(option, option)),
            _el("td", {}, _money(monthly[option])),
            _el("td", {}, _money(upfront[option])),
            _el("td", {}, _payback_text(option, payback, baseline)),
        )
        for option in monthly
    ]
    head = _el("tr", {}, *(_el("th", {"scope": "col"}, text) for text in
                           ("Option", "Per month", "One-off", "Pays back")))
    table = _el("table", {"class": "calc-costs"}, _el("thead", {}, head), _el("tbody", {}, *rows))
    return [_cost_chart(monthly, upfront, payback, baseline), table]


def _payback_text(option: str, payback: Mapping[str, float | None], baseline: str) -> str:
    if option not in payback:
        return "baseline" if option == baseline else ""
    months = payback[option]
    if months is None:
        return f"never, against {OPTION_NAMES.get(baseline, baseline)}"
    return f"after {months:g} months, against {OPTION_NAMES.get(baseline, baseline)}"


_CHART_W, _CHART_H = 560, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 72, 150, 12, 30


def _cost_chart(
    monthly: Mapping[str, float],
    upfront: Mapping[str, float],
    payback: Mapping[str, float | None],
    baseline: str,
) -> Element:
    """Cumulative cost over the months: one-off cost where a line starts, monthly cost its slope."""
    known = [m for m in payback.values() if m is not None]
    horizon = 12
    while known and horizon < 60 and max(known) * 1.25 > horizon:
        horizon += 12
    totals = {o: upfront[o] + monthly[o] * horizon for o in monthly}
    top = _nice(max([*totals.values(), 1.0]))
    plot_w, plot_h = _CHART_W - _LEFT - _RIGHT, _CHART_H - _TOP - _BOTTOM

    def x(month: float) -> str:
        return f"{_LEFT + month / horizon * plot_w:.1f}"

    def y(amount: float) -> str:
        return f"{_TOP + plot_h - amount / top * plot_h:.1f}"

    children: list[Node] = []
    for step in range(5):
        amount = top * step / 4
        children += [
            _el("line", {"x1": str(_LEFT), "x2": x(horizon), "y1": y(amount), "y2": y(amount),
                         "class": "calc-chart__grid"}),
            _el("text", {"x": str(_LEFT - 6), "y": y(amount), "class": "calc-chart__axis",
                         "text-anchor": "end", "dominant-baseline": "middle"}, _money(amount)),
        ]
    for month in range(0, horizon + 1, max(1, horizon // 6)):
        children.append(_el("text", {"x": x(month), "y": str(_CHART_H - 10),
                                     "text-anchor": "middle", "class": "calc-chart__axis"},
                            str(month)))
    children.append(_el("text", {"x": x(horizon), "y": str(_CHART_H), "text-anchor": "end",
                                 "class": "calc-chart__axis"}, "months"))
    # Labels at the lines' right ends, top to bottom, pushed apart where the ends are close.
    last_y = float("-inf")
    for option in sorted(monthly, key=lambda o: -totals[o]):
        children.append(_el("line", {"x1": x(0), "y1": y(upfront[option]), "x2": x(horizon),
                                     "y2": y(totals[option]),
                                     "class": f"calc-line calc-line--{option}"}))
        label_y = max(float(y(totals[option])) + 4, last_y + 14)
        last_y = label_y
        children.append(_el("text", {"x": f"{float(x(horizon)) + 6:.1f}", "y": f"{label_y:.1f}",
                                     "class": f"calc-chart__label calc-text--{option}"},
                            OPTION_NAMES.get(option, option).split(":")[0]))
    months = payback.get("fine-tuning")
    if months is not None and months <= horizon:
        children.append(_el("line", {"x1": x(months), "x2": x(months), "y1": str(_TOP),
                                     "y2": y(0), "class": "calc-chart__payback"}))
    summary = "; ".join(
        f"{OPTION_NAMES.get(o, o)}: {_money(upfront[o])} up front, {_money(monthly[o])} a month"
        for o in monthly
    )
    label = f"Cumulative cost over {horizon} months. {summary}. " + (
        f"Fine-tuning pays back after {months:g} months against "
        f"{OPTION_NAMES.get(baseline, baseline)}."
        if months is not None
        else "Fine-tuning does not pay back."
    )
    return _svg(label, _CHART_W, _CHART_H, children)


def _nice(value: float) -> float:
    """A round axis maximum at or above value, close enough that the lines fill the chart."""
    power = 10 ** max(0, len(str(int(value))) - 1)
    for factor in (1, 1.5, 2, 3, 4, 5, 6, 8, 10):
        if factor * power >= value:
            return float(factor * power)
    return float(10 * power)
