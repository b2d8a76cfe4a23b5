"""Command line: `recommend` scores answers given as JSON; `schema` prints the input schema;
`pages` writes the docs pages and regions generated from the engine;
`facts` lists register facts due for re-checking (see facts_cli.py)."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from json.scanner import make_scanner
from pathlib import Path
from typing import Any, TextIO, cast

from .adr import to_adr
from .answers import validate
from .engine import recommend
from .errors import (
    AnswerError,
    AnswersNotObjectError,
    DuplicateFieldError,
    InvalidJSONError,
    NestedTooDeepError,
    RawNumber,
)
from .facts_cli import add_parser as add_facts_parser
from .facts_cli import run as run_facts
from .fields import FIELDS_BY_NAME
from .pages import COMMAND, RegionError
from .pages import run as run_pages
from .render_markdown import to_markdown
from .schema import input_schema

__all__ = ["load_answers", "main"]

EXIT_BAD_INPUT = 2
# Longer integers are kept as written: no field accepts them, and converting thousands of digits
# is slow (Python refuses beyond 4,300).
_MAX_DIGITS = 40


def _number(text: str) -> object:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        return RawNumber(text)
    return int(text)


def _float(text: str) -> object:
    value = float(text)
    # 1e999 reads as infinity: keep what the reader wrote for the message.
    return value if value - value == 0 else RawNumber(text)


_DECODER = json.JSONDecoder(parse_int=_number, parse_float=_float, parse_constant=RawNumber)
# The decoder's own scanner reads one value at a given offset (the C one where available).
# typeshed describes neither the scanner's call nor json.decoder.scanstring, hence the casts.
_SCAN = cast(Callable[[str, int], tuple[object, int]], cast(Any, make_scanner)(_DECODER))
_SCAN_STRING = cast(Callable[[str, int], tuple[str, int]], vars(json.decoder)["scanstring"])
_WHITESPACE = re.compile(r"[ \t\n\r]*")


def _skip(text: str, index: int) -> int:
    match = _WHITESPACE.match(text, index)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _value(text: str, index: int, field: str) -> tuple[object, int]:
    try:
        return _SCAN(text, index)
    except StopIteration:
        raise json.JSONDecodeError("Expecting value", text, index) from None
    except RecursionError:
        spec = FIELDS_BY_NAME.get(field)
        allowed = spec.allowed if spec else AnswersNotObjectError(None).allowed
        raise NestedTooDeepError(field, allowed) from None


def _members(text: str) -> Iterator[tuple[str, object]]:
    """The top-level object's members, parsed one at a time so the first bad one stops it."""
    index = _skip(text, 0)
    if not text.startswith("{", index):
        value, end = _value(text, index, "answers")
        if _skip(text, end) != len(text):
            raise json.JSONDecodeError("Extra data", text, _skip(text, end))
        raise AnswersNotObjectError(value)
    index = _skip(text, index + 1)
    if not text.startswith("}", index):
        while True:
            if not text.startswith('"', index):
                raise json.JSONDecodeError(
                    "Expecting property name enclosed in double quotes", text, index
                )
            key, index = _SCAN_STRING(text, index + 1)
            index = _skip(text, index)
            if not text.startswith(":", index):
                raise json.JSONDecodeError("Expecting ':' delimiter", text, index)
            value, index = _value(text, _skip(text, index + 1), key)
            yield key, value
            index = _skip(text, index)
            if text.startswith(",", index):
                index = _skip(text, index + 1)
            elif text.startswith("}", index):
                break
            else:
                raise json.JSONDecodeError("Expecting ',' delimiter", text, index)
    end = _skip(text, index + 1)
    if end != len(text):
        raise json.JSONDecodeError("Extra data", text, end)


def load_answers(text: str) -> dict[str, object]:
    """Parse answers from JSON text; empty text means all defaults.

    Raise the first AnswerError in the order written, as soon as it is read: a key given twice,
    an unknown field or a value a field does not take (NaN, Infinity, a number too long to hold,
    a value nested too deep), or the place where the text stops being JSON.
    """
    if not text.strip():
        return {}
    answers: dict[str, object] = {}
    try:
        for key, value in _members(text):
            if key in answers:
                raise DuplicateFieldError(key, answers[key], value)
            problems = validate({key: value})
            if problems:
                raise problems[0]
            answers[key] = value
    except json.JSONDecodeError as error:
        raise InvalidJSONError(error.msg, error.lineno, error.colno) from None
    return answers


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python3 -m calculator",
        description="Recommend prompt engineering, RAG, fine-tuning or a hybrid.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    rec = commands.add_parser("recommend", help="score answers given as a JSON object")
    rec.add_argument(
        "--answers", metavar="FILE", help="JSON file of answers; '-' or none reads stdin"
    )
    rec.add_argument("--format", choices=("json", "markdown", "adr"), default="json")
    rec.add_argument(
        "--site-url",
        metavar="URL",
        help="the guide's address, such as https://example.org/guide/: the ADR then links to "
        "the calculator with the same answers",
    )
    commands.add_parser("schema", help="print the JSON Schema of the answers")
    pages = commands.add_parser(
        "pages", help="write the docs pages and regions generated from the engine's tables"
    )
    pages.add_argument("docs", metavar="DOCS_DIR", help="the docs folder, e.g. docs")
    pages.add_argument("--mode", choices=("write", "check", "print"), default="write",
                       help="write the files (default), check that they are current, or print")
    pages.add_argument("--config", metavar="FILE",
                       help="mkdocs.yml holding extra.calculator_url (default: beside DOCS_DIR)")
    add_facts_parser(commands)
    return parser


def _pages(args: argparse.Namespace) -> int:
    """Run the generator; in check mode, exit 1 naming each stale file and the fix."""
    docs = Path(args.docs)
    if not docs.is_dir():
        print(f"pages: DOCS_DIR: no such folder {args.docs!r}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        outcome = run_pages(docs, mode=args.mode,
                            config_file=Path(args.config) if args.config else None)
    except (RegionError, OSError) as error:
        print(f"pages: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.mode == "check" and outcome.stale:
        for path in outcome.stale:
            print(f"{path} changed, please run `{COMMAND}`", file=sys.stderr)
        return 1
    for path in outcome.written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _read(path: str | None, stdin: TextIO | None) -> str:
    """The answers' text from a file, or from standard input for '-' or no file."""
    if path and path != "-":
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    if stdin is not None:
        return stdin.read()
    return sys.stdin.buffer.read().decode("utf-8")


def _write(text: str) -> int:
    """Print the output; a reader that stops early (`| head -1`) ends it quietly."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would report the pipe again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None) -> int:
    """Run the command; return the exit status (2 for bad input, with one line on stderr)."""
    args = _parser().parse_args(argv)
    if args.command == "pages":
        return _pages(args)
    if args.command == "facts":
        return run_facts(args)
    if args.command == "schema":
        return _write(json.dumps(input_schema(), indent=2, ensure_ascii=False) + "\n")
    try:
        try:
            text = _read(args.answers, stdin)
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            source = "standard input" if args.answers in (None, "-") else repr(args.answers)
            print(f"--answers: cannot read {source}: {reason}", file=sys.stderr)
            return EXIT_BAD_INPUT
        result = recommend(load_answers(text))
    except AnswerError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format == "markdown":
        return _write(to_markdown(result))
    if args.format == "adr":
        return _write(to_adr(result, site_url=args.site_url))
    return _write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
