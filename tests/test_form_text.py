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


def test_a_default_the_reader_gives_is_kept_and_unknown_keys_are_left_out() -> None:
    answers, errors = parse_values({"need": "knowledge", "calls_per_day": "1000",
                                    "corpus_change": "weekly", "sensitive_data": "none",
                                    "output_price_per_mtok": "10", "utm_source": "mail"})
    assert errors == []
    assert answers == {"need": "knowledge", "calls_per_day": 1000, "corpus_change": "weekly",
                       "sensitive_data": "none", "output_price_per_mtok": 10}


def test_a_given_default_counts_as_given_and_is_no_longer_assumed() -> None:
    from calculator import recommend

    untouched = recommend(parse_values({"need": "knowledge"})[0])
    chosen = recommend(parse_values({"need": "knowledge", "corpus_change": "weekly",
                                     "calls_per_day": "1000"})[0])
    assumed = {item["field"] for item in untouched["assumptions"]}
    assert {"corpus_change", "calls_per_day"} <= assumed
    assert {"corpus_change", "calls_per_day"} <= set(chosen["given"])
    assert not {"corpus_change", "calls_per_day"} & {a["field"] for a in chosen["assumptions"]}


@pytest.mark.parametrize("text", ["10", "10.0", " 10.00 ", "10."])
def test_the_same_number_typed_two_ways_is_one_answer(text: str) -> None:
    answers, errors = parse_values({"output_price_per_mtok": text})
    assert errors == []
    value = answers["output_price_per_mtok"]
    assert value == 10 and type(value) is int
    assert query_text(value) == "10"


def test_an_empty_box_for_a_field_not_given_by_default_is_no_answer() -> None:
    assert parse_values({"corpus_tokens": "", "latency_budget_ms": " "}) == ({}, [])


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


def test_query_pairs_with_given_keep_a_chosen_default_and_drop_the_rest() -> None:
    answers = dict(DEFAULTS, calls_per_day=40000, corpus_change="weekly")
    assert query_pairs(answers, ["corpus_change", "calls_per_day", "need"]) == [
        ("need", "knowledge"), ("corpus_change", "weekly"), ("calls_per_day", "40000")
    ]
    assert query_pairs(answers, []) == []


def test_compute_writes_the_given_fields_into_the_query() -> None:
    from calculator.webapi import compute

    reply = compute({"corpus_change": "weekly", "output_price_per_mtok": "10.0"})
    assert reply["query"] == [("corpus_change", "weekly"), ("output_price_per_mtok", "10")]
    assert compute({})["query"] == []
