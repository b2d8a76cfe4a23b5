"""Command line: `recommend` scores answers given as JSON; `schema` prints the input schema;
`pages` writes the docs pages and regions generated from the engine;
`facts` lists register facts due for re-checking (see facts_cli.py)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .adr import to_adr
from .engine import recommend
from .errors import AnswerError, AnswersNotObjectError, InvalidJSONError
from .facts_cli import add_parser as add_facts_parser
from .facts_cli import run as run_facts
from .pages import COMMAND, RegionError
from .pages import run as run_pages
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


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None) -> int:
    """Run the command; return the exit status (2 for bad input, with one line on stderr)."""
    args = _parser().parse_args(argv)
    if args.command == "pages":
        return _pages(args)
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
