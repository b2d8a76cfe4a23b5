"""calculator.form_text: the text the browser sends, the answers it becomes, and back again."""

from __future__ import annotations

import pytest

from calculator import DEFAULTS
from calculator.form_text import parse_values, query_pairs, query_text


def test_text_becomes_typed_answers() -> None:
    answers, errors = parse_values(
        {"need": "both", "calls_per_day": "40000", "latency_budget_ms": "400.5",
         "citations_required": "true", "can_fine_tune": "false", "corpus_tokens": ""}
    )
    assert errors == []
    assert answers == {"need": "both", "calls_per_day": 40000, "latency_budget_ms": 400.5,
                       "citations_required": True, "can_fine_tune": False}


def test_defaults_and_unknown_keys_are_left_out() -> None:
    answers, errors = parse_values({"need": "knowledge", "calls_per_day": "1000",
                                    "output_price_per_mtok": "10", "utm_source": "mail"})
    assert (answers, errors) == ({}, [])


@pytest.mark.parametrize(
    ("field", "text", "got"),
    [
        ("need", "facts", "got 'facts'"),
        ("calls_per_day", "1e3", "got '1e3'"),
        ("calls_per_day", "12.5", "got 12.5"),
        ("citations_required", "yes", "got 'yes'"),
        ("latency_budget_ms", "0", "got 0"),
        ("need", "<img src=x onerror=alert(1)>", "got '<img src=x onerror=alert(1)>'"),
    ],
)
def test_rejected_text_gets_the_engine_message_and_the_default(
    field: str, text: str, got: str
) -> None:
    answers, errors = parse_values({field: text, "tone": "proprietary"})
    assert answers == {"tone": "proprietary"}
    assert [error.field for error in errors] == [field]
    message = str(errors[0])
    assert message.startswith(f"{field}: expected ") and message.endswith(got), message


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (True, "true"), (False, "false"), (40000, "40000"), (400.0, "400"),
     (0.3, "0.3"), (1.5e-07, "0.00000015"), (1e22, "10000000000000000000000"), ("rag", "rag")],
)
def test_query_text_writes_plain_decimals(value: object, text: str) -> None:
    assert query_text(value) == text


def test_query_pairs_hold_only_non_defaults_in_form_order() -> None:
    answers = dict(DEFAULTS, calls_per_day=40000, need="both", can_fine_tune=False)
    assert query_pairs(answers) == [
        ("need", "both"), ("calls_per_day", "40000"), ("can_fine_tune", "false")
    ]
