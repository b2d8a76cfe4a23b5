"""Pages and snippets rendered from the engine's tables."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest

from calculator import PATTERN_IDS, recommend
from calculator.docs import (
    decision_rules_page,
    generated_pages,
    inputs_page,
    triggers_snippet,
    try_query,
    try_snippet,
)
from calculator.fields import FIELDS
from calculator.form_text import parse_values
from calculator.patterns import PATTERNS_BY_ID
from calculator.rules import RULES


def test_decision_rules_page_lists_every_rule_and_pattern() -> None:
    page = decision_rules_page()
    for rule in RULES:
        assert f"| `{rule.id}` |" in page
    for pattern_id in PATTERN_IDS:
        assert f"(../patterns/{pattern_id}.md)" in page
    assert "250 ms of a 400 ms budget" in page and "30 ms of a 2,000 ms budget" in page
    for anchor in ("{#questions}", "{#scoring}", "{#rules}", "{#patterns}", "{#flips}",
                   "{#economics}"):
        assert anchor in page


def test_inputs_page_lists_every_field_with_allowed_values_and_default() -> None:
    page = inputs_page()
    for field in FIELDS:
        row = next(line for line in page.splitlines() if line.startswith(f"| `{field.name}` |"))
        assert field.label in row
        for choice in field.choices:
            assert f"`{choice}`" in row
    assert "| `corpus_tokens` |" in page
    assert "or `null` (unknown or large) | `null` (unknown or large) | tokens |" in page
    assert "a number above 0, up to 3,600,000, or `null` (no budget)" in page
    assert "{#economics}" in page


def test_generated_pages_paths() -> None:
    assert [path for path, _ in generated_pages()] == [
        "reference/decision-rules.md", "reference/inputs.md",
    ]


@pytest.mark.parametrize("pattern_id", PATTERN_IDS)
def test_try_query_holds_every_example_answer_in_form_order(pattern_id: str) -> None:
    pairs = parse_qsl(try_query(pattern_id), keep_blank_values=True)
    example = PATTERNS_BY_ID[pattern_id].example_answers
    # A default the example gives is an answer too: the calculator page counts it as given.
    assert [name for name, _ in pairs] == [f.name for f in FIELDS if f.name in example]
    # The page reads the link back as the example's own answers: one encoder, one parser.
    typed, errors = parse_values(dict(pairs))
    assert errors == []
    assert typed == {name: value for name, value in example.items() if value is not None}
    # The link opens the calculator on the pattern's own result.
    result = recommend(typed)
    assert pattern_id in result["patterns"]
    assert result["recommendation"] == "fine-tuning"


def test_try_snippet_links_the_calculator_page_as_markdown() -> None:
    snippet = try_snippet("critical-latency")
    # need=knowledge is the default, but the example gives it, so the link carries it as an
    # answer. A Markdown link to the page's source, which every builder turns into its address.
    assert (
        "[Open this example in the calculator](../calculator.md?need=knowledge"
        "&corpus_change=quarterly"
        "&latency_budget_ms=400&retrieval_overhead_ms=250&calls_per_day=20000"
        "&labeled_examples=1000){ .md-button }"
    ) in snippet
    assert "(<code>latency_budget_ms</code>): <code>400</code>" in snippet
    assert "the calculator recommends **fine-tuning**" in snippet


def test_try_snippet_can_link_a_calculator_hosted_elsewhere() -> None:
    snippet = try_snippet("critical-latency", calculator="https://guides.example.com/calc/")
    assert "](https://guides.example.com/calc/?need=knowledge&corpus_change=quarterly&" in snippet


def test_triggers_snippet_uses_the_table_text() -> None:
    text = triggers_snippet("proprietary-tone")
    assert "`tone` is `proprietary` and `calls_per_day` is at least 1,000." in text
    assert "(../reference/decision-rules.md#patterns)" in text
