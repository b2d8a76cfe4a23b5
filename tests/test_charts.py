"""calculator.charts: the scores and cost charts as inline SVG without inline styles."""

from __future__ import annotations

from typing import Any

import pytest

from calculator import recommend
from calculator.charts import cost_chart, nice, score_chart, volume_chart


def _elements(node: Any) -> list[Any]:
    if isinstance(node, str):
        return []
    _, _, children = node
    return [node, *(e for child in children for e in _elements(child))]


def _svg_is_safe(chart: Any) -> None:
    tag, attrs, children = chart
    assert tag == "svg" and attrs["role"] == "img" and attrs["aria-label"]
    assert children[0] == ("title", {}, [attrs["aria-label"]])
    assert all(not name.startswith("on") and name != "style"
               for _, element_attrs, _ in _elements(chart) for name in element_attrs)


def test_score_chart_marks_the_chosen_option_and_scales_to_the_top_score() -> None:
    chart = score_chart({"rag": 2.0, "fine-tuning": 1.0, "hybrid": -0.5}, "rag")
    _svg_is_safe(chart)
    bars = [attrs for tag, attrs, _ in _elements(chart) if tag == "rect"]
    assert [b["class"] for b in bars] == ["calc-bar calc-bar--chosen", "calc-bar", "calc-bar"]
    assert [b["width"] for b in bars] == ["82.0%", "41.0%", "0.0%"]
    assert chart[1]["aria-label"] == "Scores per option: RAG 2.00; Fine-tuning 1.00; " \
        "Hybrid: fine-tuning with RAG -0.50"


def test_score_chart_of_zero_scores_draws_empty_bars() -> None:
    chart = score_chart({"rag": 0.0}, "rag")
    assert [a["width"] for t, a, _ in _elements(chart) if t == "rect"] == ["0.0%"]


def _costs(payback: float | None) -> dict[str, Any]:
    return {
        "monthly": {"rag": 1000.0, "fine-tuning": 200.0},
        "upfront": {"rag": 0.0, "fine-tuning": 10000.0},
        "payback": {"fine-tuning": payback},
        "baseline": "rag",
    }


def test_cost_chart_spans_the_payback_and_marks_it() -> None:
    chart = cost_chart(**_costs(12.5))
    _svg_is_safe(chart)
    label = chart[1]["aria-label"]
    assert label.startswith("Cumulative cost over 24 months.")
    assert label.endswith("Fine-tuning pays back after 12.5 months against RAG.")
    paybacks = [a for t, a, _ in _elements(chart) if "calc-chart__payback" in a.get("class", "")]
    assert len(paybacks) == 1 and paybacks[0]["x1"] == paybacks[0]["x2"]
    lines = {a["class"] for t, a, _ in _elements(chart) if t == "line"}
    assert {"calc-line calc-line--rag", "calc-line calc-line--fine-tuning"} <= lines


def test_cost_chart_without_payback_says_so_and_draws_no_marker() -> None:
    chart = cost_chart(**_costs(None))
    assert chart[1]["aria-label"].startswith("Cumulative cost over 12 months.")
    assert chart[1]["aria-label"].endswith("Fine-tuning does not pay back.")
    assert not [a for t, a, _ in _elements(chart) if "calc-chart__payback" in a.get("class", "")]


def test_cost_chart_stops_at_five_years() -> None:
    chart = cost_chart(**_costs(400.0))
    assert chart[1]["aria-label"].startswith("Cumulative cost over 60 months.")
    assert not [a for t, a, _ in _elements(chart) if "calc-chart__payback" in a.get("class", "")]


@pytest.mark.parametrize(
    ("value", "top"), [(0.4, 1.0), (1.0, 1.0), (7.0, 8.0), (11.0, 15.0), (95.0, 100.0),
                       (1234.0, 1500.0), (9100.0, 10000.0)],
)
def test_nice_rounds_the_axis_up(value: float, top: float) -> None:
    assert nice(value) == top


def test_a_real_result_gives_safe_charts() -> None:
    result = recommend({"tone": "proprietary", "calls_per_day": 5000, "need": "behavior",
                        "labeled_examples": 500})
    _svg_is_safe(score_chart(result["scores"], result["recommendation"]))
    economics = result["economics"]
    _svg_is_safe(cost_chart(economics["monthly_cost"], economics["upfront_cost"],
                            economics["payback_months"], economics["payback_against"]))


def test_volume_chart_marks_the_readers_volume_and_bands_each_recommendation() -> None:
    result = recommend({"need": "both", "labeled_examples": 500, "prompt_tokens": 3000,
                        "retrieved_tokens": 1000, "calls_per_day": 5000})
    found = result["break_even"]
    chart = volume_chart(found["volumes"], 5000, found["within_months"])
    _svg_is_safe(chart)
    classes = [a.get("class", "") for _, a, _ in _elements(chart)]
    assert classes.count("calc-chart__marker") == 1
    bands = [c for c in classes if c.startswith("calc-band ")]
    assert bands == [f"calc-band calc-band--{v['recommendation']}" for v in found["volumes"]]
    outside = volume_chart(found["volumes"], 5, found["within_months"])
    assert "calc-chart__marker" not in [a.get("class") for _, a, _ in _elements(outside)]
