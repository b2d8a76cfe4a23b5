"""Error messages name the field, the value given and what is allowed."""

from __future__ import annotations

import pytest

from calculator import AnswerError
from calculator.errors import (
    AnswersNotObjectError,
    InvalidJSONError,
    NotAllowedError,
    OutOfRangeError,
    UnknownFieldError,
    WrongTypeError,
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
