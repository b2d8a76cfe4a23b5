"""The result's two charts as inline SVG: scores per option, and cumulative cost over the months.

Presentation attributes only, never style="": the site's Content Security Policy forbids inline
styles, and the stylesheet colours the parts through their classes.
"""

from __future__ import annotations

from collections.abc import Mapping

from .labels import OPTION_NAMES, money
from .tree import Element, Node, el

__all__ = ["cost_chart", "score_chart"]

_BAR_WIDTH = 320
_LABEL_WIDTH = 200
_ROW = 28


def score_chart(scores: Mapping[str, float], chosen: str) -> Element:
    items = list(scores.items())
    top = max((float(v) for _, v in items), default=0.0) or 1.0
    height = _ROW * len(items) + 8
    rows: list[Node] = []
    for index, (option, score) in enumerate(items):
        y = 4 + index * _ROW
        width = max(0.0, float(score)) / top * (_BAR_WIDTH - 60)
        kind = "calc-bar calc-bar--chosen" if option == chosen else "calc-bar"
        rows += [
            el("text", {"x": "0", "y": str(y + 17), "class": "calc-chart__label"},
               OPTION_NAMES.get(option, option)),
            el("rect", {"x": str(_LABEL_WIDTH), "y": str(y + 4), "height": "18",
                        "width": f"{width:.1f}", "class": kind}),
            el("text", {"x": f"{_LABEL_WIDTH + width + 6:.1f}", "y": str(y + 17),
                        "class": "calc-chart__value"}, f"{float(score):.2f}"),
        ]
    summary = "; ".join(f"{OPTION_NAMES.get(o, o)} {float(s):.2f}" for o, s in items)
    return _svg(f"Scores per option: {summary}", _LABEL_WIDTH + _BAR_WIDTH, height, rows)


def _svg(label: str, width: int, height: int, children: list[Node]) -> Element:
    return el(
        "svg",
        {"class": "calc-chart", "viewBox": f"0 0 {width} {height}", "role": "img",
         "aria-label": label, "width": str(width), "height": str(height)},
        el("title", {}, label),
        *children,
    )


_CHART_W, _CHART_H = 560, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 72, 150, 12, 30


def cost_chart(
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
    top = nice(max([*totals.values(), 1.0]))
    plot_w, plot_h = _CHART_W - _LEFT - _RIGHT, _CHART_H - _TOP - _BOTTOM

    def x(month: float) -> str:
        return f"{_LEFT + month / horizon * plot_w:.1f}"

    def y(amount: float) -> str:
        return f"{_TOP + plot_h - amount / top * plot_h:.1f}"

    children: list[Node] = []
    for step in range(5):
        amount = top * step / 4
        children += [
            el("line", {"x1": str(_LEFT), "x2": x(horizon), "y1": y(amount), "y2": y(amount),
                        "class": "calc-chart__grid"}),
            el("text", {"x": str(_LEFT - 6), "y": y(amount), "class": "calc-chart__axis",
                        "text-anchor": "end", "dominant-baseline": "middle"}, money(amount)),
        ]
    for month in range(0, horizon + 1, max(1, horizon // 6)):
        children.append(el("text", {"x": x(month), "y": str(_CHART_H - 10),
                                    "text-anchor": "middle", "class": "calc-chart__axis"},
                           str(month)))
    children.append(el("text", {"x": x(horizon), "y": str(_CHART_H), "text-anchor": "end",
                                "class": "calc-chart__axis"}, "months"))
    # Labels at the lines' right ends, top to bottom, pushed apart where the ends are close.
    last_y = float("-inf")
    for option in sorted(monthly, key=lambda o: -totals[o]):
        children.append(el("line", {"x1": x(0), "y1": y(upfront[option]), "x2": x(horizon),
                                    "y2": y(totals[option]),
                                    "class": f"calc-line calc-line--{option}"}))
        label_y = max(float(y(totals[option])) + 4, last_y + 14)
        last_y = label_y
        children.append(el("text", {"x": f"{float(x(horizon)) + 6:.1f}", "y": f"{label_y:.1f}",
                                    "class": f"calc-chart__label calc-text--{option}"},
                           OPTION_NAMES.get(option, option).split(":")[0]))
    months = payback.get("fine-tuning")
    if months is not None and months <= horizon:
        children.append(el("line", {"x1": x(months), "x2": x(months), "y1": str(_TOP),
                                    "y2": y(0), "class": "calc-chart__payback"}))
    summary = "; ".join(
        f"{OPTION_NAMES.get(o, o)}: {money(upfront[o])} up front, {money(monthly[o])} a month"
        for o in monthly
    )
    label = f"Cumulative cost over {horizon} months. {summary}. " + (
        f"Fine-tuning pays back after {months:g} months against "
        f"{OPTION_NAMES.get(baseline, baseline)}."
        if months is not None
        else "Fine-tuning does not pay back."
    )
    return _svg(label, _CHART_W, _CHART_H, children)


def nice(value: float) -> float:
    """A round axis maximum at or above value, close enough that the lines fill the chart."""
    power = 10 ** max(0, len(str(int(value))) - 1)
    for factor in (1, 1.5, 2, 3, 4, 5, 6, 8, 10):
        if factor * power >= value:
            return float(factor * power)
    return float(10 * power)
