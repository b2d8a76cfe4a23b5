"""Parsing and validating answers into one frozen record with every field filled in."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .errors import (
    AnswerError,
    AnswersNotObjectError,
    NotAllowedError,
    OutOfRangeError,
    RawNumber,
    UnknownFieldError,
    WrongTypeError,
)
from .fields import DEFAULTS, FIELDS, FIELDS_BY_NAME, Field

__all__ = ["Answers", "normalise", "validate"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Answers:
    """A complete, valid set of answers; defaults fill what the reader left out.

    The fields, their order and their defaults come from the field table (fields.py); the record
    declares only their types, which the check below holds to the table's kinds.
    """

    need: str
    corpus_change: str
    corpus_tokens: int | None
    latency_budget_ms: float | None
    retrieval_overhead_ms: float | None
    sensitive_data: str
    calls_per_day: int
    tone: str
    consistency: str
    terminology: str
    task_shape: str
    prompting_tried: str
    labeled_examples: int
    citations_required: bool
    per_user_access: bool
    can_fine_tune: bool
    prompt_tokens: int
    request_tokens: int
    retrieved_tokens: int
    output_tokens: int
    fine_tuned_prompt_share: float
    input_price_per_mtok: float
    output_price_per_mtok: float
    fine_tuned_price_factor: float
    cache_hit_rate: float
    cache_discount: float
    retrieval_monthly_cost: float
    retrieval_setup_cost: float
    data_preparation_cost: float
    training_cost: float
    retrain_every_months: int
    prompted_review_monthly_cost: float
    hosting_monthly_cost: float
    price_preset: str
    cache_minimum_tokens: int
    cache_write_multiplier: float
    batch_share: float
    batch_discount: float
    fine_tuned_input_price_per_mtok: float | None
    fine_tuned_output_price_per_mtok: float | None
    retirement_every_months: int
    retirement_cost: float
    # The fields the reader gave; None means every field (a record built in code states them all).
    # A field left out keeps its default for the form and the cost estimate, but no rule reads a
    # default as a fact: see known().
    given: frozenset[str] | None = None

    @classmethod
    def from_dict(cls, answers: Mapping[str, object]) -> Answers:
        """Validate and fill in defaults; raise the first AnswerError found."""
        values, errors = _parse(answers, first_only=True)
        if errors:
            raise errors[0]
        return cls(**{**DEFAULTS, **values}, given=frozenset(values))

    def known(self, name: str) -> bool:
        """Whether a rule may treat the field's value as a fact the reader stated.

        `need` is always known: every answer starts from question 1, and when it is left out the
        source's default case (a knowledge gap) is taken and listed among the assumptions.
        """
        return self.given is None or name in self.given or name == "need"

    def to_dict(self) -> dict[str, object]:
        """Every field, in table order, as JSON-ready values."""
        return {f.name: getattr(self, f.name) for f in FIELDS}


def _parse(
    answers: Mapping[str, object], *, first_only: bool = False
) -> tuple[dict[str, Any], list[AnswerError]]:
    values: dict[str, Any] = {}
    errors: list[AnswerError] = []
    for name, value in answers.items():
        field = FIELDS_BY_NAME.get(name) if isinstance(name, str) else None
        if field is None:
            errors.append(UnknownFieldError(str(name), value, _FIELD_LIST))
        else:
            try:
                values[name] = _check(field, value)
            except AnswerError as error:
                errors.append(error)
        # Stopping at the first problem keeps a file of 300,000 unknown keys quick to refuse.
        if errors and first_only:
            break
    return values, errors


def _check(field: Field, value: object) -> object:
    if isinstance(value, RawNumber):
        numeric = field.kind in ("int", "number")
        raise (OutOfRangeError if numeric else WrongTypeError)(field.name, value, field.allowed)
    if value is None:
        if field.nullable:
            return None
        raise WrongTypeError(field.name, value, field.allowed)
    if field.kind == "choice":
        if not isinstance(value, str):
            raise WrongTypeError(field.name, value, field.allowed)
        if value not in field.choices:
            raise NotAllowedError(field.name, value, field.allowed)
        return value
    if field.kind == "bool":
        if not isinstance(value, bool):
            raise WrongTypeError(field.name, value, field.allowed)
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise WrongTypeError(field.name, value, field.allowed)
    if isinstance(value, float) and not math.isfinite(value):
        raise OutOfRangeError(field.name, value, field.allowed)
    if field.kind == "int":
        # 1e3 arrives from JSON as a float; a whole number is still a valid count.
        if isinstance(value, float):
            if not value.is_integer():
                raise WrongTypeError(field.name, value, field.allowed)
            value = int(value)
    if field.minimum is not None and (
        value < field.minimum or (field.exclusive_minimum and value == field.minimum)
    ):
        raise OutOfRangeError(field.name, value, field.allowed)
    if field.maximum is not None and value > field.maximum:
        raise OutOfRangeError(field.name, value, field.allowed)
    return value


_FIELD_LIST = "a field among " + ", ".join(f"'{f.name}'" for f in FIELDS)

def _check_record() -> None:
    """The record and the table must name the same fields, in the same order and of the same types.

    Raised, not asserted, so that `python -O` checks it too and the message names the field.
    """
    record = [(f.name, str(f.type)) for f in fields(Answers) if f.name != "given"]
    table = [(f.name, f.python_type) for f in FIELDS]
    for position, (got, wanted) in enumerate(zip(record, table, strict=False)):
        if got != wanted:
            raise TypeError(
                f"Answers field {position + 1} is {got[0]!r}: {got[1]}, but the field table "
                f"(calculator/fields.py) has {wanted[0]!r}: {wanted[1]} there; declare the "
                "record's attributes in the table's order with the table's types"
            )
    if len(record) != len(table):
        extra = record[len(table):] or table[len(record):]
        where = "the record" if len(record) > len(table) else "the field table"
        raise TypeError(
            f"only {where} declares {', '.join(repr(name) for name, _ in extra)}; add it to the "
            "other too (calculator/answers.py and calculator/fields.py)"
        )


_check_record()


def normalise(answers: Mapping[str, object]) -> Answers:
    """The answers as a complete record (alias of Answers.from_dict for callers)."""
    return Answers.from_dict(answers)


def validate(answers: object) -> list[AnswerError]:
    """Every problem with the answers, in the order given; an empty list when they are valid."""
    if not isinstance(answers, Mapping):
        return [AnswersNotObjectError(answers)]
    return _parse(answers)[1]
