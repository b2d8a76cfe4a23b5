"""The kinds of bad input, each a ValueError that names the field, the value and what is allowed."""

from __future__ import annotations

import json
import math

from .contract import FieldError
from .formatting import count

__all__ = [
    "SHOWN_CHARACTERS",
    "AnswerError",
    "AnswersNotObjectError",
    "DuplicateFieldError",
    "InvalidJSONError",
    "NestedTooDeepError",
    "NotAllowedError",
    "OutOfRangeError",
    "RawNumber",
    "UnknownFieldError",
    "WrongTypeError",
    "escape",
    "show",
]

# A value in a message is cut after this many characters of its escaped text, so that a line
# stays readable whatever was sent (a 10 MB string, a number of thousands of digits).
SHOWN_CHARACTERS = 60
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class RawNumber:
    """A JSON number or constant kept as written, because Python would not keep it faithfully.

    NaN, Infinity, 1e999 and integers of hundreds of digits arrive this way; no field accepts
    them, and the error message repeats them as the reader wrote them.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"RawNumber({self.text!r})"


def escape(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """Text with quotes, backslashes and unprintable characters escaped, cut after `limit`."""
    out: list[str] = []
    size = 0
    for char in text[: limit + 1]:
        if char in _ESCAPES:
            piece = _ESCAPES[char]
        elif not char.isprintable():
            code = ord(char)
            piece = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else (
                f"\\U{code:08x}"
            )
        else:
            piece = char
        if size + len(piece) > limit:
            return "".join(out) + f"... ({count(len(text))} characters)"
        out.append(piece)
        size += len(piece)
    return "".join(out)


def show(value: object) -> str:
    """Spell a value the way a reader of the answers file wrote it (JSON, single-quoted strings).

    Long values are cut and unprintable characters escaped, so the result is one short line.
    """
    if isinstance(value, str):
        return "'" + escape(value) + "'"
    if isinstance(value, RawNumber):
        text = value.text
        if len(text) > SHOWN_CHARACTERS:
            return f"{text[:20]}... (a number of {count(len(text))} characters)"
        return text
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
        return f"{self.name}: expected {self.allowed}; got {show(self.value)}"

    @property
    def name(self) -> str:
        """The field's name as a message prints it: escaped, and cut when it is long."""
        return escape(self.field)

    def to_dict(self) -> FieldError:
        """The error as JSON for the browser: kind, field, value, allowed and the message.

        `field` is the name as given, cut like the value when it is long; `value` is the value
        itself when it is a short JSON scalar, else the shortened, escaped text the message
        shows; `message` is the same one line the command line prints.
        """
        return {
            "kind": type(self).__name__,
            "field": self.field if len(self.field) <= SHOWN_CHARACTERS else self.name,
            "value": self.value if _is_short_scalar(self.value) else show(self.value),
            "allowed": self.allowed,
            "message": str(self),
        }


class UnknownFieldError(AnswerError):
    """A field name the engine does not know (often a typo)."""

    def _message(self) -> str:
        return f"{self.name}: unknown field; expected {self.allowed}; got {show(self.value)}"


class DuplicateFieldError(AnswerError):
    """A field given twice in one object; JSON parsers would silently keep the last."""

    def __init__(self, field: str, first: object, second: object) -> None:
        self.first = first
        super().__init__(field, second, "each field once")

    def _message(self) -> str:
        return (
            f"{self.name}: given twice; expected {self.allowed}; got {show(self.first)} and then "
            f"{show(self.value)}"
        )


class NestedTooDeepError(AnswerError):
    """A value nested deeper than a JSON parser will follow."""

    def __init__(self, field: str, allowed: str) -> None:
        super().__init__(field, None, allowed)

    def _message(self) -> str:
        return (
            f"{self.name}: expected {self.allowed}; got a value nested thousands of levels deep"
        )


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


def _is_short_scalar(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        return len(value) <= SHOWN_CHARACTERS and value.isprintable()
    return value is None or (isinstance(value, int) and abs(value) < 10**15)
