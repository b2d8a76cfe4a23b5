"""The kinds of bad input, each a ValueError that names the field, the value and what is allowed."""

from __future__ import annotations

import json
import math

__all__ = [
    "AnswerError",
    "AnswersNotObjectError",
    "InvalidJSONError",
    "NotAllowedError",
    "OutOfRangeError",
    "UnknownFieldError",
    "WrongTypeError",
    "show",
]


def show(value: object) -> str:
    """Spell a value the way a reader of the answers file wrote it (JSON, single-quoted strings)."""
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class AnswerError(ValueError):
    """One answer the engine cannot use: `field`, the `value` given, and what is `allowed`."""

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(self._message())

    def _message(self) -> str:
        return f"{self.field}: expected {self.allowed}; got {show(self.value)}"

    def to_dict(self) -> dict[str, object]:
        """The error as JSON for the browser: kind, field, allowed and the one-line message."""
        return {
            "kind": type(self).__name__,
            "field": self.field,
            "value": self.value if _is_json_scalar(self.value) else show(self.value),
            "allowed": self.allowed,
            "message": str(self),
        }


class UnknownFieldError(AnswerError):
    """A field name the engine does not know (often a typo)."""

    def _message(self) -> str:
        return f"{self.field}: unknown field; expected {self.allowed}; got {show(self.value)}"


class WrongTypeError(AnswerError):
    """A value of the wrong JSON type, such as a string where a number belongs."""


class OutOfRangeError(AnswerError):
    """A number of the right type outside the field's range."""


class NotAllowedError(AnswerError):
    """A string that is not one of the field's choices."""


class AnswersNotObjectError(AnswerError):
    """Valid JSON that is not an object of answers (a list, a number, a string)."""

    def __init__(self, value: object) -> None:
        super().__init__("answers", value, "an object of answers such as {\"need\": \"behavior\"}")


class InvalidJSONError(AnswerError):
    """Text that is not JSON at all; names the line and column where parsing stopped."""

    def __init__(self, problem: str, line: int, column: int) -> None:
        self.problem = problem
        self.line = line
        self.column = column
        super().__init__("answers", None, "a JSON object of answers")

    def _message(self) -> str:
        return (
            f"answers: invalid JSON at line {self.line}, column {self.column}: {self.problem}; "
            f"expected {self.allowed}"
        )


def _is_json_scalar(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, str | int)
