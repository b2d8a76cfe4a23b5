"""The field table: complete form text, defaults that agree with the record, valid ladders."""

from __future__ import annotations

import pytest

from calculator import DEFAULTS
from calculator.answers import Answers, validate
from calculator.fields import FIELDS, FIELDS_BY_NAME, GROUPS, Field, fields_in, label

CONTRACT = {
    "need": "knowledge", "corpus_change": "weekly", "corpus_tokens": None,
    "latency_budget_ms": None, "retrieval_overhead_ms": None, "calls_per_day": 1000,
    "tone": "generic", "consistency": "normal", "terminology": "general",
    "task_shape": "open-ended", "sensitive_data": "none", "labeled_examples": 0,
    "citations_required": False, "per_user_access": False, "can_fine_tune": True,
}


def test_contract_fields_and_defaults() -> None:
    for name, default in CONTRACT.items():
        assert DEFAULTS[name] == default, name


def test_defaults_agree_with_the_record() -> None:
    assert Answers.from_dict({}).to_dict() == DEFAULTS
    assert list(DEFAULTS) == [f.name for f in FIELDS]


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.name)
def test_every_field_has_form_text(field: Field) -> None:
    assert field.label and field.help
    assert field.group in {g.id for g in GROUPS}
    assert validate({field.name: field.default}) == []
    if field.kind == "choice":
        assert len(field.choice_help) in (0, len(field.choices))
        assert field.default in field.choices
    if field.kind in ("int", "number"):
        assert field.unit


@pytest.mark.parametrize("field", [f for f in FIELDS if f.ladder], ids=lambda f: f.name)
def test_ladders_hold_valid_values_in_order(field: Field) -> None:
    for value in field.ladder:
        assert validate({field.name: value}) == [], value
    numbers = [v for v in field.ladder if isinstance(v, int | float) and not isinstance(v, bool)]
    assert numbers == sorted(numbers)
    if None in field.ladder:
        assert field.ladder[-1] is None


def test_every_question_group_has_a_field() -> None:
    groups = [f.group for f in FIELDS]
    assert [g.id for g in GROUPS] == sorted(set(groups), key=[g.id for g in GROUPS].index)
    assert FIELDS_BY_NAME["sensitive_data"].group == "q4"


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("need", "one of 'knowledge', 'behavior', 'both'"),
        ("corpus_tokens", "an integer from 0 to 1000000000000 or null"),
        ("latency_budget_ms", "a number > 0 and <= 3600000 or null"),
        ("retrieval_overhead_ms", "a number from 0 to 3600000 or null"),
        ("retrain_every_months", "an integer from 0 to 120"),
        ("citations_required", "true or false"),
        ("cache_hit_rate", "a number from 0 to 1"),
    ],
)
def test_allowed_text(name: str, allowed: str) -> None:
    assert FIELDS_BY_NAME[name].allowed == allowed


def test_a_record_built_in_code_states_every_field() -> None:
    # Defaults live in the table alone: the record takes them from there, never from itself.
    with pytest.raises(TypeError, match="missing"):
        Answers(need="behavior")  # type: ignore[call-arg]
    whole = Answers(**{**DEFAULTS, "need": "behavior"})
    assert whole.to_dict() == {**DEFAULTS, "need": "behavior"}


@pytest.mark.parametrize(
    ("name", "control", "json_type", "python_type"),
    [
        ("need", "select", "string", "str"),
        ("citations_required", "checkbox", "boolean", "bool"),
        ("calls_per_day", "number", "integer", "int"),
        ("corpus_tokens", "number", ["integer", "null"], "int | None"),
        ("latency_budget_ms", "number", ["number", "null"], "float | None"),
        ("cache_hit_rate", "number", "number", "float"),
    ],
)
def test_each_kind_gives_its_control_and_types(
    name: str, control: str, json_type: object, python_type: str
) -> None:
    field = FIELDS_BY_NAME[name]
    assert (field.control, field.json_type, field.python_type) == (control, json_type, python_type)


def test_choice_texts_pair_each_choice_with_its_help() -> None:
    assert FIELDS_BY_NAME["consistency"].choice_texts == (
        ("normal", "small variations between answers are fine"),
        ("strict", "the same input must come back in the same form"),
    )
    # A list without help still offers every choice, each with empty help.
    change = FIELDS_BY_NAME["corpus_change"]
    assert [c for c, _ in change.choice_texts] == list(change.choices)
    assert {h for _, h in change.choice_texts} == {""}


def test_label_and_group_lookups_read_the_table() -> None:
    assert label("calls_per_day") == "Calls per day"
    assert label("not_a_field") == "not_a_field"
    assert [f.name for f in fields_in("q3")] == ["latency_budget_ms", "retrieval_overhead_ms"]
    assert sum(len(fields_in(g.id)) for g in GROUPS) == len(FIELDS)
