"""calculator.webapi: the requests the browser's worker sends and the JSON text answering them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from calculator import recommend, to_adr, to_markdown, webapi
from calculator.form_text import query_text
from calculator.result_view import view
from calculator.webapi import compute, handle
from tests.support.answers import answers_strategy

ROOT = Path(__file__).resolve().parent.parent


def test_the_worker_finds_what_it_imports() -> None:
    # The worker looks up `calculator.webapi.<name>` by name at run time, where no type checker
    # sees it: every attribute it reads must exist here and be callable.
    script = (ROOT / "docs/assets/calculator/worker.js").read_text(encoding="utf-8")
    assert 'pyimport("calculator.webapi")' in script
    used = set(re.findall(r"(?<![/\w])webapi\.([A-Za-z_]+)", script))
    assert used, "the worker no longer reads calculator.webapi; update this test"
    for name in used:
        assert callable(getattr(webapi, name, None)), name
    assert all(hasattr(webapi, name) for name in webapi.__all__)


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


def test_the_adr_request_takes_the_sites_address() -> None:
    request = {"type": "adr", "payload": {"values": {"need": "behavior", "tone": "proprietary"},
                                          "site_url": "https://guide.example/"}}
    text = json.loads(handle(json.dumps(request)))["text"]
    assert text.endswith(
        "Open it in the calculator: <https://guide.example/calculator/?need=behavior"
        "&tone=proprietary>\n"
    )
    without = json.loads(handle(json.dumps({"type": "adr", "payload": request["payload"] | {
        "site_url": None}})))["text"]
    assert "Open it in the calculator" not in without


def test_a_refused_value_comes_back_as_one_short_line_for_its_field() -> None:
    errors = compute({"tone": "loud\n" * 1000, "calls_per_day": "-5"})["errors"]
    by_field = {error["field"]: error for error in errors}
    assert by_field["calls_per_day"]["message"] == (
        "calls_per_day: expected an integer from 0 to 1000000000; got -5"
    )
    tone = by_field["tone"]
    assert "\n" not in tone["message"] and len(tone["message"]) < 160
    assert tone["message"].endswith("... (5,000 characters)'")


@settings(max_examples=60, deadline=None)
@given(answers_strategy())
def test_break_even_later_leaves_only_that_section_pending(answers: dict[str, Any]) -> None:
    # The page's per-change request: the same view but for a busy break-even section, which the
    # break_even request then gives exactly as the full reply holds it.
    values = {name: query_text(value) for name, value in answers.items()}
    full = compute(values)
    later = json.loads(handle(json.dumps(
        {"type": "compute", "payload": {"values": values, "break_even_later": True}})))
    *rest, pending = later["view"][2]
    *full_rest, full_section = full["view"][2]
    assert json.loads(json.dumps(full_rest)) == rest
    assert pending[1] == {"class": "calc-part", "aria-busy": "true"}
    assert "calc-breakeven" not in json.dumps(pending)
    assert {k: v for k, v in later.items() if k != "view"} == json.loads(
        json.dumps({k: v for k, v in full.items() if k != "view"}))
    section = json.loads(handle(json.dumps({"type": "break_even", "payload": {"values": values}})))
    assert section == json.loads(json.dumps({"section": full_section}))


def test_pinned_answers_get_break_even_at_once() -> None:
    # The comparison reads break-even rows, so pinned answers are never left pending.
    values = {"need": "behavior", "calls_per_day": "40000"}
    reply = compute(values, {"need": "knowledge"}, break_even_later=True)
    assert reply == compute(values, {"need": "knowledge"})
    assert "aria-busy" not in json.dumps(reply["view"])
