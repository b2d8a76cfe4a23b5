"""`python3 -m calculator facts`: list facts due for re-checking, or rewrite the register page.

It reports and never fails on stale facts: a fact past its date is work for a person, not a
broken build. Bad input (an unreadable or invalid overrides file) exits with status 2.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .facts import FACTS, OVERRIDES_FILE, Fact, FactError, apply_overrides, due, load_overrides
from .facts_page import FACTS_PAGE, facts_page

__all__ = ["ROOT", "add_parser", "facts_in_force", "run"]

ROOT = Path(__file__).resolve().parent.parent
EXIT_BAD_INPUT = 2


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare the `facts` subcommand on the main parser."""
    cmd = commands.add_parser("facts", help="list facts due for re-checking; rewrite docs/facts.md")
    cmd.add_argument(
        "--older-than",
        metavar="DAYS",
        type=int,
        default=180,
        help="list facts last checked more than DAYS ago (default 180)",
    )
    cmd.add_argument(
        "--today", metavar="YYYY-MM-DD", help="count ages from this day (default: today)"
    )
    cmd.add_argument(
        "--overrides",
        metavar="FILE",
        help=f"an organisation's figures (default: {OVERRIDES_FILE} when it exists)",
    )
    cmd.add_argument("--write-page", action="store_true", help=f"rewrite {FACTS_PAGE}")


def facts_in_force(overrides_file: Path | None) -> tuple[Fact, ...]:
    """The register, with the organisation's overrides applied when a file is given or present."""
    path = overrides_file if overrides_file is not None else ROOT / OVERRIDES_FILE
    if overrides_file is None and not path.is_file():
        return FACTS
    return apply_overrides(FACTS, load_overrides(path.read_text(encoding="utf-8")))


def run(args: argparse.Namespace) -> int:
    """Carry out `facts`; return the exit status."""
    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        print(f"--today: expected a date such as 2026-12-02; got {args.today!r}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        facts = facts_in_force(Path(args.overrides) if args.overrides else None)
        stale = due(facts, args.older_than, today)
    except (FactError, OSError, UnicodeDecodeError) as error:
        print(f"facts: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.write_page:
        (ROOT / FACTS_PAGE).write_text(facts_page(facts), encoding="utf-8")
        print(f"wrote {FACTS_PAGE} ({len(facts)} facts)")
        return 0
    print(
        f"{len(stale)} of {len(facts)} facts were last checked more than "
        f"{args.older_than} days before {today.isoformat()}."
    )
    for fact in stale:
        print(f"{fact.id}\tchecked {fact.checked.isoformat()} ({fact.age_days(today)} days)")
        print(f"\t{fact.source}")
    return 0
