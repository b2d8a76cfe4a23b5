"""The register page, ``docs/facts.md``, written from the facts register (and any overrides).

The page is committed, so that the guidance reads the same without a build hook; a test fails
when it no longer matches the register. Nothing on it depends on the day it is generated.
"""

from __future__ import annotations

from datetime import date

from .facts import STATUSES, TOPICS, Fact

__all__ = ["FACTS_PAGE", "STATUS_TEXT", "TOPIC_HEADINGS", "facts_page", "long_date"]

FACTS_PAGE = "docs/facts.md"
REGENERATE = "python3 -m calculator facts --write-page"

TOPIC_HEADINGS: dict[str, tuple[str, str]] = {
    "route": ("Where fine-tuning is offered, and its status", "routes"),
    "date": ("Retirement dates and notice", "dates"),
    "price": ("Prices, fees and discounts", "prices"),
    "minimum": ("Minimums", "minimums"),
    "guidance": ("Evaluation guidance from providers", "guidance"),
    "security": ("Security references", "security"),
    "paper": ("Papers", "papers"),
}
STATUS_TEXT: dict[str, str] = {
    "confirmed": "confirmed in the provider's or authors' own text",
    "secondary": "confirmed through a report or copy that quotes the original",
    "unconfirmed": "not confirmed by the last check; treat with care",
}
assert set(TOPIC_HEADINGS) == set(TOPICS) and set(STATUS_TEXT) == set(STATUSES)


def long_date(day: date) -> str:
    """A date as the guide writes it: '2 December 2026'."""
    return f"{day.day} {day:%B %Y}"


def _checked_span(oldest: date, newest: date) -> str:
    if oldest == newest:
        return f"all checked on {long_date(oldest)}"
    return f"checked between {long_date(oldest)} and {long_date(newest)}"


def _fact_block(fact: Fact) -> list[str]:
    value = f"**{fact.value}**"
    if fact.organisation:
        value += f" (your organisation, {fact.organisation}; public figure: {fact.public_value})"
    lines = [
        f"### {fact.subject} {{#{fact.id}}}",
        "",
        fact.claim,
        "",
        f"- Value: {value}",
        f"- Checked: {long_date(fact.checked)} ({STATUS_TEXT[fact.status]})",
    ]
    if fact.source.startswith("https://"):
        lines.append(f"- Source: <{fact.source}>")
    else:
        lines.append(f"- Source: {fact.source}")
    if fact.note:
        lines.append(f"- Note: {fact.note}")
    return [*lines, ""]


def facts_page(facts: tuple[Fact, ...]) -> str:
    """The whole Markdown page for these facts."""
    organisations = sorted({fact.organisation for fact in facts if fact.organisation})
    oldest = min(fact.checked for fact in facts)
    newest = max(fact.checked for fact in facts)
    counts = {status: sum(fact.status == status for fact in facts) for status in STATUSES}
    lines = [
        "---",
        "description: >-",
        "  Every figure this guide takes from outside its source article: provider routes and",
        "  their status, prices, minimums, dates and papers, each with its source and the day it",
        "  was checked.",
        "---",
        "",
        f"<!-- Generated from calculator/facts_register.py by `{REGENERATE}`; do not edit. -->",
        "",
        "# Facts register",
        "",
        "Provider offerings, prices and dates change faster than architecture advice. This page",
        "lists every such figure the guide relies on, with the public address it was checked",
        "against and the day of the check, so a reader can tell how fresh a number is before",
        "building on it. Pages that use a fact link here and repeat its date.",
        "",
        f"The register holds **{len(facts)} facts**, {_checked_span(oldest, newest)}:",
        f"{counts['confirmed']} confirmed in the original text,",
        f"{counts['secondary']} through a report or copy that quotes it, and",
        f"{counts['unconfirmed']} not confirmed by the last check.",
        "",
        "!!! note \"Keeping it current\"",
        "    `python3 -m calculator facts --older-than 180` lists the facts last checked more than",
        "    180 days ago. Re-check each against its source, update",
        f"    `calculator/facts_register.py`, then run `{REGENERATE}`.",
        "",
    ]
    if organisations:
        lines += [
            "!!! info \"Your organisation's figures\"",
            f"    Figures marked *your organisation* come from {', '.join(organisations)}: they",
            "    replace the public figure, which is shown beside them. See",
            "    [using your own figures](design-reviews.md#own-figures).",
            "",
        ]
    for topic in TOPICS:
        chosen = [fact for fact in facts if fact.topic == topic]
        if not chosen:
            continue
        heading, anchor = TOPIC_HEADINGS[topic]
        lines += [f"## {heading} {{#{anchor}}}", ""]
        for fact in chosen:
            lines += _fact_block(fact)
    return "\n".join(lines).rstrip("\n") + "\n"
