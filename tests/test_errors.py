"""Error messages name the field, the value given and what is allowed."""

from __future__ import annotations

import pytest

from calculator import AnswerError
from calculator.errors import (
    AnswersNotObjectError,
    DuplicateFieldError,
    InvalidJSONError,
    NotAllowedError,
    OutOfRangeError,
    RawNumber,
    UnknownFieldError,
    WrongTypeError,
    escape,
    show,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("facts", "'facts'"),
        ("it's", "'it\\'s'"),
        (None, "null"),
        (True, "true"),
        (False, "false"),
        (5, "5"),
        (2.5, "2.5"),
        (float("nan"), "nan"),
        ([1], "a list"),
        ({"a": 1}, "an object"),
    ],
)
def test_show_spells_values_as_json(value: object, text: str) -> None:
    assert show(value) == text


def test_message_of_a_value_not_allowed() -> None:
    error = NotAllowedError("need", "facts", "one of 'knowledge', 'behavior', 'both'")
    assert str(error) == "need: expected one of 'knowledge', 'behavior', 'both'; got 'facts'"
    assert (error.field, error.value) == ("need", "facts")
    assert isinstance(error, AnswerError)
    assert isinstance(error, ValueError)


@pytest.mark.parametrize("kind", [WrongTypeError, OutOfRangeError, NotAllowedError])
def test_each_kind_shares_the_message_form(kind: type[AnswerError]) -> None:
    assert str(kind("calls_per_day", -1, "an integer >= 0")) == (
        "calls_per_day: expected an integer >= 0; got -1"
    )


def test_unknown_field_says_so() -> None:
    error = UnknownFieldError("tones", "proprietary", "a field among 'need', 'tone'")
    assert str(error) == (
        "tones: unknown field; expected a field among 'need', 'tone'; got 'proprietary'"
    )


def test_invalid_json_names_line_and_column() -> None:
    error = InvalidJSONError("Expecting value", 3, 7)
    assert (error.line, error.column) == (3, 7)
    assert str(error).startswith("answers: invalid JSON at line 3, column 7: Expecting value")


def test_not_an_object_asks_for_an_object_of_answers() -> None:
    assert "an object of answers" in str(AnswersNotObjectError([1, 2]))
    assert str(AnswersNotObjectError(3)).endswith("got 3")


def test_to_dict_is_json_ready() -> None:
    data = OutOfRangeError("cache_hit_rate", float("inf"), "a number from 0 to 1").to_dict()
    assert data == {
        "kind": "OutOfRangeError",
        "field": "cache_hit_rate",
        "value": "inf",
        "allowed": "a number from 0 to 1",
        "message": "cache_hit_rate: expected a number from 0 to 1; got inf",
    }


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("line\nbreak", "'line\\nbreak'"),
        ("bell\x07 esc\x1b tab\t", "'bell\\x07 esc\\x1b tab\\t'"),
        ("\u2028", "'\\u2028'"),
        ("\ud800", "'\\ud800'"),
        ("y" * 61, "'" + "y" * 60 + "... (61 characters)'"),
        (RawNumber("NaN"), "NaN"),
        (RawNumber("-Infinity"), "-Infinity"),
        (RawNumber("9" * 500), "99999999999999999999... (a number of 500 characters)"),
    ],
)
def test_show_escapes_and_shortens(value: object, text: str) -> None:
    assert show(value) == text
    assert text.isprintable() and len(text) <= 100


def test_escape_stops_inside_a_long_run_of_escapes() -> None:
    shown = escape("\x00" * 1000)
    assert shown.startswith("\\x00" * 15) and shown.endswith("... (1,000 characters)")


def test_a_long_unknown_name_is_cut_in_the_message_and_the_reply() -> None:
    error = UnknownFieldError("n" * 5000, 1, "a field among 'need'")
    assert str(error).startswith("n" * 60 + "... (5,000 characters): unknown field;")
    reply = error.to_dict()
    assert reply["field"] == "n" * 60 + "... (5,000 characters)"
    assert len(reply["message"]) < 200


def test_the_reply_shortens_a_long_value_but_keeps_a_short_one() -> None:
    long = NotAllowedError("tone", "a\n" * 1000, "one of 'generic'").to_dict()
    assert long["value"] == "'" + "a\\n" * 20 + "... (2,000 characters)'"
    assert long["message"].endswith(long["value"])
    assert NotAllowedError("tone", "loud", "one of 'generic'").to_dict()["value"] == "loud"


def test_a_duplicate_names_both_values() -> None:
    assert str(DuplicateFieldError("need", "knowledge", "both")) == (
        "need: given twice; expected each field once; got 'knowledge' and then 'both'"
    )
