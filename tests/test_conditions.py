"""Conditions: the words, the test and the fields read come from one declaration and agree."""

from __future__ import annotations

from calculator.answers import Answers
from calculator.conditions import answer_is, calls_at_least, calls_below


def test_answer_is_words_a_choice_in_code_and_a_flag_as_a_word() -> None:
    assert answer_is("tone", "proprietary").words == "`tone` is `proprietary`"
    assert answer_is("can_fine_tune", False).words == "`can_fine_tune` is false"
    assert answer_is("citations_required", True).reads == ("citations_required",)


def test_answer_is_tests_the_named_answer() -> None:
    closed = answer_is("terminology", "closed")
    assert closed.test(Answers.from_dict({"terminology": "closed"}))
    assert not closed.test(Answers.from_dict({"terminology": "specialized"}))
    no_route = answer_is("can_fine_tune", False)
    assert no_route.test(Answers.from_dict({"can_fine_tune": False}))
    assert not no_route.test(Answers.from_dict({}))


def test_and_joins_words_tests_and_fields_once_each() -> None:
    need = answer_is("need", "both")
    both = need & answer_is("prompting_tried", "no") & need
    assert both.words == "`need` is `both` and `prompting_tried` is `no` and `need` is `both`"
    assert both.reads == ("need", "prompting_tried")
    assert both.test(Answers.from_dict({"need": "both", "prompting_tried": "no"}))
    assert not both.test(Answers.from_dict({"need": "both", "prompting_tried": "fell-short"}))
    assert not both.test(Answers.from_dict({"need": "knowledge", "prompting_tried": "no"}))


def test_volume_conditions_wait_for_a_volume_the_reader_gave() -> None:
    at_least, below = calls_at_least(1000), calls_below(100)
    assert at_least.words == "`calls_per_day` is at least 1,000"
    assert below.words == "`calls_per_day` is below 100"
    # The default volume is no fact: neither condition holds until the reader gives one.
    assert not at_least.test(Answers.from_dict({})) and not below.test(Answers.from_dict({}))
    assert at_least.test(Answers.from_dict({"calls_per_day": 1000}))
    assert not at_least.test(Answers.from_dict({"calls_per_day": 999}))
    assert below.test(Answers.from_dict({"calls_per_day": 99}))
    assert not below.test(Answers.from_dict({"calls_per_day": 100}))
