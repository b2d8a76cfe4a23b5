"""The Markdown report of a result."""

from __future__ import annotations

from calculator import recommend, to_markdown
from calculator.render_markdown import value_text


def test_report_sections_in_order() -> None:
    text = to_markdown(recommend({"need": "behavior", "labeled_examples": 400}))
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Recommendation: Fine-tuning",
        "## The four questions",
        "## Scores",
        "## Reasons",
        "## What would change the answer",
        "## Caveats",
        "## Economics",
        "## Assumptions",
        "## Break-even volume",
    ]
    assert "| Fine-tuning (recommended) |" in text


def test_flips_and_nulls_read_naturally() -> None:
    text = to_markdown(recommend({}))
    assert "- `need` = `behavior` gives fine-tuning" in text
    assert value_text("latency_budget_ms", None) == "null (no budget)"
    assert value_text("tone", "proprietary") == "proprietary"
    assert value_text("citations_required", True) == "true"


def test_table_cells_escape_pipes() -> None:
    result = recommend({})
    result["questions"][0]["why"] = "a | b"
    assert "a \\| b" in to_markdown(result)
