"""calculator.webapi: the text the browser sends, the answers it becomes, and what comes back."""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculator import DEFAULTS, recommend, to_adr, to_markdown
from calculator.webapi import (
    compute,
    handle,
    parse_values,
    query_pairs,
    query_text,
    view,
)


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


def test_compute_reply() -> None:
    reply = compute({"need": "behavior", "tone": "proprietary", "calls_per_day": "5000",
                     "labeled_examples": "800", "calls": "x"})
    result = recommend({"need": "behavior", "tone": "proprietary", "calls_per_day": 5000,
                        "labeled_examples": 800})
    assert reply["recommendation"] == result["recommendation"]
    assert reply["patterns"] == result["patterns"]
    assert reply["errors"] == []
    assert reply["texts"]["calls_per_day"] == "5000"
    assert reply["view"] == view(result)


def test_handle_gives_the_cli_texts() -> None:
    values = {"need": "behavior", "labeled_examples": "20"}
    answers = {"need": "behavior", "labeled_examples": 20}
    adr = json.loads(handle(json.dumps({"type": "adr", "payload": {"values": values}})))
    assert adr == {"text": to_adr(recommend(answers))}
    md = json.loads(handle(json.dumps({"type": "markdown", "payload": {"values": values}})))
    assert md == {"text": to_markdown(recommend(answers))}
    with pytest.raises(ValueError, match="type: expected one of"):
        handle(json.dumps({"type": "eval", "payload": {}}))


def _walk(node: Any) -> list[Any]:
    if isinstance(node, str):
        return [node]
    tag, attrs, children = node
    assert isinstance(tag, str) and isinstance(attrs, dict)
    return [node, *(n for child in children for n in _walk(child))]


def test_view_is_a_tree_of_safe_elements() -> None:
    result = recommend({"tone": "proprietary", "calls_per_day": 5000, "need": "behavior",
                        "labeled_examples": 500})
    nodes = _walk(view(result))
    elements = [n for n in nodes if not isinstance(n, str)]
    assert all(not name.startswith("on") and name != "style"
               for _, attrs, _ in elements for name in attrs)
    links = [attrs["href"] for tag, attrs, _ in elements if tag == "a"]
    assert links == [f"../patterns/{p}/" for p in result["patterns"]]
    svgs = [attrs for tag, attrs, _ in elements if tag == "svg"]
    assert len(svgs) == 2 and all(a["role"] == "img" and a["aria-label"] for a in svgs)
