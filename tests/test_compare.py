"""calculator.compare: pinned answers beside the current ones, on the page and in the ADR."""

from __future__ import annotations

import json

from calculator import recommend, to_adr
from calculator.compare import changed_answers, markdown, rows
from calculator.webapi import compute, handle

PINNED = {"need": "behavior", "labeled_examples": "500"}
NOW = {"need": "knowledge", "labeled_examples": "500", "calls_per_day": "5000"}


def test_changed_answers_are_the_fields_that_differ_in_form_order() -> None:
    pinned, now = recommend({"need": "behavior"}), recommend({"need": "knowledge",
                                                             "calls_per_day": 5000})
    assert changed_answers(pinned, now) == [("need", "behavior", "knowledge"),
                                            ("calls_per_day", "1000", "5000")]
    assert changed_answers(now, now) == []


def test_rows_put_each_result_in_its_own_column() -> None:
    pinned = recommend({"need": "behavior", "labeled_examples": 500, "prompt_tokens": 3000})
    now = recommend({})
    table = {what: (a, b) for what, a, b in rows(pinned, now)}
    assert table["Recommendation"] == ("Fine-tuning", "RAG")
    calls = pinned["break_even"]["calls_per_day"]["fine-tuning"]
    assert calls is not None, "the pinned case should have a break-even volume"
    assert table["Fine-tuning pays back in 12 months"][0] == f"from {calls:,} calls a day"


def test_compute_adds_the_comparison_only_when_answers_are_pinned() -> None:
    assert "comparison" not in compute(NOW)
    reply = compute(NOW, PINNED)
    assert reply["comparison"][0] == "div"
    assert str(reply["pinned_summary"]).startswith("Pinned answers give Fine-tuning")


def test_the_record_with_pinned_answers_adds_the_comparison_before_more_information() -> None:
    def adr(pinned: dict[str, str] | None) -> str:
        payload: dict[str, object] = {"values": NOW}
        if pinned is not None:
            payload["pinned"] = pinned
        return str(json.loads(handle(json.dumps({"type": "adr", "payload": payload})))["text"])

    plain = adr(None)
    assert plain == to_adr(recommend({"need": "knowledge", "labeled_examples": 500,
                                      "calls_per_day": 5000}))
    both = adr(PINNED)
    section = "\n".join(markdown(recommend({"need": "behavior", "labeled_examples": 500}),
                                 recommend({"need": "knowledge", "labeled_examples": 500,
                                            "calls_per_day": 5000})))
    assert section in both
    assert both.index("## Compared with the pinned answers") < both.index("## More Information")
    assert both.replace(section + "\n", "") == plain
