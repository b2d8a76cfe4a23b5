"""Parsing answers: defaults, the JSON types accepted, and every error collected by validate()."""

from __future__ import annotations

import pytest

from calculator import validate
from calculator.answers import Answers, normalise
from calculator.errors import (
    AnswersNotObjectError,
    NotAllowedError,
    OutOfRangeError,
    UnknownFieldError,
    WrongTypeError,
)


def test_missing_fields_take_defaults() -> None:
    a = normalise({"need": "behavior"})
    assert a.need == "behavior"
    assert a.calls_per_day == 1000
    assert a.latency_budget_ms is None


def test_whole_floats_count_as_integers() -> None:
    a = normalise({"calls_per_day": 1e3, "corpus_tokens": 2000.0})
    assert a.calls_per_day == 1000
    assert isinstance(a.calls_per_day, int)
    assert isinstance(a.corpus_tokens, int)


def test_numbers_accept_integers_and_keep_them() -> None:
    assert normalise({"latency_budget_ms": 400}).latency_budget_ms == 400


def test_round_trip() -> None:
    a = normalise({"need": "both", "cache_hit_rate": 0.25, "corpus_tokens": None})
    again = Answers.from_dict(a.to_dict())
    assert again.to_dict() == a.to_dict()
    # Every value of the full record counts as given, unlike the three the reader gave.
    assert again.given == frozenset(a.to_dict())
    assert a.given == {"need", "cache_hit_rate", "corpus_tokens"}


@pytest.mark.parametrize(
    ("answers", "kind"),
    [
        ({"needs": "behavior"}, UnknownFieldError),
        ({"need": 3}, WrongTypeError),
        ({"need": "facts"}, NotAllowedError),
        ({"calls_per_day": -1}, OutOfRangeError),
        ({"calls_per_day": 2.5}, WrongTypeError),
        ({"calls_per_day": False}, WrongTypeError),
        ({"retrieval_overhead_ms": float("inf")}, OutOfRangeError),
        ({"latency_budget_ms": 0}, OutOfRangeError),
        ({"cache_discount": 1.01}, OutOfRangeError),
        ({"can_fine_tune": 1}, WrongTypeError),
        ({"calls_per_day": None}, WrongTypeError),
        ({"tone": ["generic"]}, WrongTypeError),
        ({"calls_per_day": 10**10}, OutOfRangeError),
        ({"retrain_every_months": 0.5}, WrongTypeError),
        ({"latency_budget_ms": 3_600_001}, OutOfRangeError),
    ],
)
def test_each_kind_of_bad_value(answers: dict[str, object], kind: type[Exception]) -> None:
    errors = validate(answers)
    assert [type(e) for e in errors] == [kind]
    with pytest.raises(kind):
        normalise(answers)


def test_validate_reports_every_error_in_order() -> None:
    errors = validate({"tone": "loud", "calls_per_day": -3, "need": "behavior", "x": 1})
    assert [e.field for e in errors] == ["tone", "calls_per_day", "x"]


def test_validate_never_raises_for_non_objects() -> None:
    for value in (None, [1], "need", 3):
        errors = validate(value)
        assert len(errors) == 1
        assert isinstance(errors[0], AnswersNotObjectError)


def test_non_string_keys_are_unknown_fields() -> None:
    errors = validate({1: "x"})  # type: ignore[dict-item]
    assert isinstance(errors[0], UnknownFieldError)
    assert errors[0].field == "1"


def test_a_record_out_of_step_with_the_field_table_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from calculator import answers as module

    table = module.FIELDS
    swapped = (table[1], table[0], *table[2:])
    monkeypatch.setattr(module, "FIELDS", swapped)
    with pytest.raises(TypeError, match=r"field 1 is 'need'.*has 'corpus_change'"):
        module._check_record()
    monkeypatch.setattr(module, "FIELDS", table[:-1])
    with pytest.raises(TypeError, match="only the record declares"):
        module._check_record()
