"""Command line: `recommend` scores answers given as JSON; `schema` prints the input schema;
`facts` lists register facts due for re-checking (see facts_cli.py)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from .adr import to_adr
from .engine import recommend
from .errors import AnswerError, AnswersNotObjectError, InvalidJSONError
from .facts_cli import add_parser as add_facts_parser
from .facts_cli import run as run_facts
from .render_markdown import to_markdown
from .schema import input_schema

__all__ = ["load_answers", "main"]

EXIT_BAD_INPUT = 2


def load_answers(text: str) -> dict[str, object]:
    """Parse answers from JSON text; empty text means all defaults."""
    if not text.strip():
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidJSONError(error.msg, error.lineno, error.colno) from None
    if not isinstance(data, dict):
        raise AnswersNotObjectError(data)
    return data


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python3 -m calculator",
        description="Recommend prompt engineering, RAG, fine-tuning or a hybrid.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    rec = commands.add_parser("recommend", help="score answers given as a JSON object")
    rec.add_argument("--answers", metavar="FILE", help="JSON file of answers (default: stdin)")
    rec.add_argument("--format", choices=("json", "markdown", "adr"), default="json")
    commands.add_parser("schema", help="print the JSON Schema of the answers")
    add_facts_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None) -> int:
    """Run the command; return the exit status (2 for bad input, with one line on stderr)."""
    args = _parser().parse_args(argv)
    if args.command == "facts":
        return run_facts(args)
    if args.command == "schema":
        print(json.dumps(input_schema(), indent=2, ensure_ascii=False))
        return 0
    try:
        if args.answers:
            try:
                with open(args.answers, encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError) as error:
                reason = getattr(error, "strerror", None) or str(error)
                print(f"--answers: cannot read {args.answers!r}: {reason}", file=sys.stderr)
                return EXIT_BAD_INPUT
        else:
            text = (stdin or sys.stdin).read()
        result = recommend(load_answers(text))
    except AnswerError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format == "markdown":
        sys.stdout.write(to_markdown(result))
    elif args.format == "adr":
        sys.stdout.write(to_adr(result))
    else:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0
