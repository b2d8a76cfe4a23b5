"""The result's two charts as inline SVG: scores per option, and cumulative cost over the months.

Presentation attributes only, never style="": the site's Content Security Policy forbids inline
styles, and the stylesheet colours the parts through their classes.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence

from .contract import OPTIONS_BY_ID, VolumePoint
from .formatting import count, fixed, money, number
from .tree import Element, Node, el

__all__ = ["cost_chart", "nice", "plot_x", "score_chart", "volume_chart"]

# The charts are drawn without a viewBox: x positions are percentages of the width the page
# gives them and y positions are pixels, so they fit a phone's column without shrinking their
# text, which the stylesheet sizes like the text around them.
_ROW = 44
_BAR_MAX = 82.0  # percent of the width; the value is written after the bar


def _pct(share: float) -> str:
    return f"{share:.1f}%"


def score_chart(scores: Mapping[str, float], chosen: str) -> Element:
    items = list(scores.items())
    top = max((float(v) for _, v in items), default=0.0) or 1.0
    height = _ROW * len(items) + 4
    rows: list[Node] = []
    for index, (option, score) in enumerate(items):
        y = index * _ROW
        width = max(0.0, float(score)) / top * _BAR_MAX
        kind = "calc-bar calc-bar--chosen" if option == chosen else "calc-bar"
        rows += [
            el("text", {"x": "0", "y": str(y + 16), "class": "calc-chart__label"},
               OPTIONS_BY_ID[option].name),
            el("rect", {"x": "0", "y": str(y + 22), "height": "16",
                        "width": _pct(width), "class": kind}),
            el("text", {"x": _pct(width + 1.5), "y": str(y + 35),
                        "class": "calc-chart__value"}, fixed(float(score), 2)),
        ]
    summary = "; ".join(f"{OPTIONS_BY_ID[o].name} {fixed(float(s), 2)}" for o, s in items)
    return _svg(f"Scores per option: {summary}", height, rows)


def _svg(label: str, height: int, children: list[Node]) -> Element:
    return el(
        "svg",
        {"class": "calc-chart", "role": "img", "aria-label": label, "width": "100%",
         "height": str(height)},
        el("title", {}, label),
        *children,
    )


_CHART_H = 240
_LEFT, _RIGHT = 20.0, 72.0  # the plot's edges, in percent of the width
_TOP, _BOTTOM = 12, 30


def plot_x(share: float) -> str:
    """A share 0..1 of the plot's width as an x position."""
    return _pct(_LEFT + share * (_RIGHT - _LEFT))


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
    plot_h = _CHART_H - _TOP - _BOTTOM

    def x(month: float) -> str:
        return plot_x(month / horizon)

    def y(amount: float) -> str:
        return f"{_TOP + plot_h - amount / top * plot_h:.1f}"

    children: list[Node] = []
    for step in range(5):
        amount = top * step / 4
        children += [
            el("line", {"x1": x(0), "x2": x(horizon), "y1": y(amount), "y2": y(amount),
                        "class": "calc-chart__grid"}),
            el("text", {"x": _pct(_LEFT - 1.5), "y": y(amount), "class": "calc-chart__axis",
                        "text-anchor": "end", "dominant-baseline": "middle"}, money(amount)),
        ]
    for month in range(0, horizon + 1, max(1, horizon // 6)):
        children.append(el("text", {"x": x(month), "y": str(_CHART_H - 12),
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
        label_y = max(float(y(totals[option])) + 5, last_y + 18)
        last_y = label_y
        children.append(el("text", {"x": _pct(_RIGHT + 1.5), "y": f"{label_y:.1f}",
                                    "class": f"calc-chart__label calc-text--{option}"},
                           OPTIONS_BY_ID[option].short))
    months = payback.get("fine-tuning")
    if months is not None and months <= horizon:
        children.append(el("line", {"x1": x(months), "x2": x(months), "y1": str(_TOP),
                                    "y2": y(0), "class": "calc-chart__payback"}))
    summary = "; ".join(
        f"{OPTIONS_BY_ID[o].name}: {money(upfront[o])} up front, {money(monthly[o])} a month"
        for o in monthly
    )
    label = f"Cumulative cost over {horizon} months. {summary}. " + (
        f"Fine-tuning pays back after {number(months)} months against "
        f"{OPTIONS_BY_ID[baseline].name}."
        if months is not None
        else "Fine-tuning does not pay back."
    )
    return _svg(label, _CHART_H + 4, children)


def nice(value: float) -> float:
    """A round axis maximum at or above value, close enough that the lines fill the chart."""
    power = 10 ** max(0, len(str(int(value))) - 1)
    for factor in (1, 1.5, 2, 3, 4, 5, 6, 8, 10):
        if factor * power >= value:
            return float(factor * power)
    return float(10 * power)


_VOL_H, _VOL_TOP, _VOL_BOTTOM, _BAND = 220, 26, 34, 14
_VOL_CAP = 24.0  # months; longer paybacks are drawn at the top edge as "later"


def volume_chart(volumes: Sequence[VolumePoint], current: float, within: int) -> Element:
    """Payback of the trained options across volume, log scale, with the recommendation at each
    volume as a band along the top and the reader's volume marked."""
    calls = [float(v["calls_per_day"]) for v in volumes]
    low, high = math.log10(calls[0]), math.log10(calls[-1])
    plot_h = _VOL_H - _VOL_TOP - _VOL_BOTTOM

    def x(volume: float) -> str:
        return plot_x((math.log10(max(volume, 1.0)) - low) / (high - low))

    def y(months: float) -> str:
        return f"{_VOL_TOP + plot_h - min(months, _VOL_CAP) / _VOL_CAP * plot_h:.1f}"

    children: list[Node] = []
    for months in (0, 6, 12, 18, 24):
        children += [
            el("line", {"x1": x(calls[0]), "x2": x(calls[-1]), "y1": y(months), "y2": y(months),
                        "class": "calc-chart__grid"}),
            el("text", {"x": _pct(_LEFT - 1.5), "y": y(months), "text-anchor": "end",
                        "dominant-baseline": "middle", "class": "calc-chart__axis"},
               f"{months} mo"),
        ]
    children.append(el("line", {"x1": x(calls[0]), "x2": x(calls[-1]), "y1": y(within),
                                "y2": y(within), "class": "calc-chart__payback"}))
    for volume in calls[::2]:
        children.append(el("text", {"x": x(volume), "y": str(_VOL_H - 14), "text-anchor": "middle",
                                    "class": "calc-chart__axis"}, _short_count(volume)))
    children.append(el("text", {"x": x(calls[-1]), "y": str(_VOL_H), "text-anchor": "end",
                                "class": "calc-chart__axis"}, "calls a day (log scale)"))
    # The recommendation at each volume: a band of cells between the midpoints.
    edges = [calls[0], *(math.sqrt(a * b) for a, b in itertools.pairwise(calls)), calls[-1]]
    for index, point in enumerate(volumes):
        left, right = float(x(edges[index])[:-1]), float(x(edges[index + 1])[:-1])
        children.append(el("rect", {"x": _pct(left), "width": _pct(right - left), "y": "4",
                                    "height": str(_BAND),
                                    "class": f"calc-band calc-band--{point['recommendation']}"}))
    ends: list[tuple[float, str]] = []
    for option in ("fine-tuning", "hybrid"):
        points = [(v, p["payback_months"][option]) for v, p in zip(calls, volumes, strict=True)]
        for (v1, m1), (v2, m2) in itertools.pairwise(points):
            if m1 is None or m2 is None:
                continue
            children.append(el("line", {"x1": x(v1), "y1": y(m1), "x2": x(v2), "y2": y(m2),
                                        "class": f"calc-line calc-line--{option}"}))
        last = next((m for m in reversed([m for _, m in points]) if m is not None), None)
        if last is not None:
            ends.append((float(y(last)), option))
    # Line names at the right, pushed apart where the lines end close together.
    below = float("inf")
    for end_y, option in sorted(ends, reverse=True):
        below = min(end_y, below - 16)
        children.append(el("text", {"x": _pct(_RIGHT + 1.5), "y": f"{below:.1f}",
                                    "dominant-baseline": "middle",
                                    "class": f"calc-chart__label calc-text--{option}"},
                           OPTIONS_BY_ID[option].short))
    if calls[0] <= current <= calls[-1]:
        children.append(el("line", {"x1": x(current), "x2": x(current), "y1": str(_VOL_TOP),
                                    "y2": y(0), "class": "calc-chart__marker"}))
    label = (
        f"Payback of fine-tuning and hybrid from {count(calls[0])} to {count(calls[-1])} calls a "
        f"day on a log scale, against a line at {within} months; the band along the top shows the "
        "recommendation at each volume and the table below gives the figures."
    )
    return _svg(label, _VOL_H + 4, children)


def _short_count(volume: float) -> str:
    for size, suffix in ((1e6, "M"), (1e3, "k")):
        if volume >= size:
            return f"{number(volume / size)}{suffix}"
    return number(volume)
