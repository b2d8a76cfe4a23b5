"""The form's text as typed answers, and answers as the text the query string holds.

The calculator page sends the raw text of its form controls and query string: every value a
string, as HTML gives them. This module turns that text into the typed answers the engine judges
and writes answers back as the same kind of text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .answers import validate
from .errors import AnswerError
from .fields import DEFAULTS, FIELDS, FIELDS_BY_NAME, Field
from .formatting import encode

__all__ = ["parse_values", "query_pairs", "query_text"]

# Plain ASCII decimals only: no exponent, no 'inf' or 'nan' and no other script's digits, all of
# which float() and int() would accept.
_DECIMAL = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")
# Longer text is not read as a number: every field's range fits in far fewer digits, and int()
# refuses more than about 4,300 of them, which would fail the whole request instead of one field.
_MAX_DIGITS = 40


# A value as the query string and the form's controls write it (one encoder for every link).
query_text = encode


def _from_text(field: Field, text: str) -> object:
    """The typed value a control's text stands for; other text goes to the engine as it is."""
    stripped = text.strip()
    if stripped == "" and field.nullable:
        return None
    if field.kind == "bool":
        return {"true": True, "false": False}.get(stripped, text)
    if field.kind in ("int", "number"):
        if len(stripped) > _MAX_DIGITS or not _DECIMAL.match(stripped):
            return text
        if "." not in stripped:
            return int(stripped)
        # A whole number is written the way the query string writes it back ('10.0' -> 10), so
        # that the same answer typed two ways gives the same decision record.
        number = float(stripped)
        return int(number) if number.is_integer() else number
    return text


def parse_values(values: Mapping[str, str]) -> tuple[dict[str, object], list[AnswerError]]:
    """Typed answers from the text of engine fields, and the engine's objection to each rejection.

    The page sends only the fields the reader gave (set in the form, even back to its default,
    or named in the URL), and every accepted one is kept, so the engine counts it as given: a
    reader who chooses "changes weekly" has answered, though weekly is also the default. Keys
    that are not engine fields are skipped (the page keeps them in the URL); a rejected value is
    left out, so the field takes its default; an empty box for a field whose default is "not
    given" (null) is no answer either. Numbers are normalised as the query string writes them
    (``10.0`` and ``10`` are both ``10``), so the decision record does not depend on the typing.
    """
    candidate = {
        name: _from_text(FIELDS_BY_NAME[name], str(text))
        for name, text in values.items()
        if name in FIELDS_BY_NAME
    }
    errors = validate(candidate)
    rejected = {error.field for error in errors}
    answers = {
        name: value
        for name, value in candidate.items()
        if name not in rejected and not (value is None and DEFAULTS[name] is None)
    }
    return answers, errors


def query_pairs(
    answers: Mapping[str, object], given: Iterable[str] | None = None
) -> list[tuple[str, str]]:
    """Answers as query-string pairs, in form order.

    With `given` (a result's ``given`` list), every field the reader gave, whatever its value: a
    default the reader chose stays in the URL, so a link keeps it as an answer. Without, the
    fields that differ from their defaults.
    """
    names = set(given) if given is not None else None
    return [
        (field.name, encode(answers[field.name]))
        for field in FIELDS
        if field.name in answers
        and (
            not _same(answers[field.name], field.default)
            if names is None
            else field.name in names
        )
    ]


def _same(value: object, default: object) -> bool:
    # True == 1 in Python, and a flag is never the same answer as a count.
    if isinstance(value, bool | None) or isinstance(default, bool | None):
        return value is default
    return value == default
