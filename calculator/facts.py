"""Load and check the facts register, apply an organisation's overrides, and list facts due.

The register (``facts_register.py``) holds every figure the guide takes from outside its source
article, each with the address it was checked against and the day. An organisation can put its
own figures in front of the public ones with an overrides file (JSON, see ``load_overrides``);
the generated register page then shows both, the organisation's marked as such.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal, get_args

from .errors import show
from .facts_register import RECORDS

__all__ = [
    "FACTS",
    "FACTS_BY_ID",
    "OVERRIDES_FILE",
    "STATUSES",
    "TOPICS",
    "Fact",
    "FactError",
    "Overrides",
    "apply_overrides",
    "due",
    "load_facts",
    "load_overrides",
]

Topic = Literal["route", "date", "price", "minimum", "guidance", "security", "paper"]
Status = Literal["confirmed", "secondary", "unconfirmed"]
TOPICS: tuple[Topic, ...] = get_args(Topic)
STATUSES: tuple[Status, ...] = get_args(Status)
# Where a portal team keeps its own figures, relative to the repository root.
OVERRIDES_FILE = "facts-overrides.json"

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^https://[^\s]+$")
_REQUIRED = ("id", "subject", "topic", "claim", "value", "source", "checked", "status")
_OVERRIDABLE = ("value", "claim", "source", "checked", "note")


class FactError(ValueError):
    """A register record or override that cannot be used: which fact, which key, what is wrong."""

    def __init__(self, fact: str, key: str, value: object, allowed: str) -> None:
        self.fact, self.key, self.value, self.allowed = fact, key, value, allowed
        shown = show(value)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        super().__init__(f"fact {fact!r}: expected {allowed}; got {shown} (at key {key!r})")


@dataclass(frozen=True, kw_only=True, slots=True)
class Fact:
    """One checked fact; ``organisation`` is set when an override replaced public figures."""

    id: str
    subject: str
    topic: Topic
    claim: str
    value: str
    source: str
    checked: date
    status: Status
    note: str = ""
    organisation: str = ""
    public_value: str = ""

    def age_days(self, today: date) -> int:
        """Days since the fact was last checked."""
        return (today - self.checked).days


def _parse_date(fact: str, key: str, value: object) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise FactError(fact, key, value, "an ISO date such as '2026-12-02'")


def _text(fact: str, key: str, record: dict[str, object]) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value.strip():
        raise FactError(fact, key, value, "a non-empty string")
    return value


def _fact(record: dict[str, object]) -> Fact:
    fact_id = record.get("id")
    if not isinstance(fact_id, str) or not _ID.match(fact_id):
        raise FactError(str(fact_id), "id", fact_id, "a kebab-case name such as 'openai-batch'")
    unknown = sorted(set(record) - {*_REQUIRED, "note"})
    if unknown:
        raise FactError(fact_id, unknown[0], record[unknown[0]], "no such key")
    topic = _text(fact_id, "topic", record)
    if topic not in TOPICS:
        raise FactError(fact_id, "topic", topic, "one of " + ", ".join(map(repr, TOPICS)))
    status = _text(fact_id, "status", record)
    if status not in STATUSES:
        raise FactError(fact_id, "status", status, "one of " + ", ".join(map(repr, STATUSES)))
    source = _text(fact_id, "source", record)
    if not _URL.match(source):
        raise FactError(fact_id, "source", source, "a public https:// address")
    note = record.get("note", "")
    if not isinstance(note, str):
        raise FactError(fact_id, "note", note, "a string")
    return Fact(
        id=fact_id,
        subject=_text(fact_id, "subject", record),
        topic=topic,
        claim=_text(fact_id, "claim", record),
        value=_text(fact_id, "value", record),
        source=source,
        checked=_parse_date(fact_id, "checked", record.get("checked")),
        status=status,
        note=note,
    )


def load_facts(records: tuple[dict[str, str], ...] = RECORDS) -> tuple[Fact, ...]:
    """The register's records as checked facts; a duplicate id is an error."""
    facts = tuple(_fact(dict(record)) for record in records)
    seen: set[str] = set()
    for fact in facts:
        if fact.id in seen:
            raise FactError(fact.id, "id", fact.id, "an id used once")
        seen.add(fact.id)
    return facts


@dataclass(frozen=True, kw_only=True, slots=True)
class Overrides:
    """An organisation's name and, per fact id, the keys it replaces."""

    organisation: str
    facts: dict[str, dict[str, str]]


def load_overrides(text: str) -> Overrides:
    """Parse an overrides file: ``{"organisation": name, "facts": {id: {key: text}}}``.

    Only ``value``, ``claim``, ``source``, ``checked`` and ``note`` can be replaced; an
    organisation's source may be an internal reference rather than a public address.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FactError("(overrides)", "file", text[:40], f"JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise FactError("(overrides)", "file", data, "a JSON object")
    organisation = data.get("organisation")
    if not isinstance(organisation, str) or not organisation.strip():
        raise FactError("(overrides)", "organisation", organisation, "the organisation's name")
    facts = data.get("facts", {})
    if not isinstance(facts, dict):
        raise FactError("(overrides)", "facts", facts, "an object keyed by fact id")
    checked: dict[str, dict[str, str]] = {}
    for fact_id, keys in facts.items():
        if not isinstance(keys, dict):
            raise FactError(fact_id, "(override)", keys, "an object of keys to replace")
        for key, value in keys.items():
            if key not in _OVERRIDABLE:
                raise FactError(fact_id, key, value, "one of " + ", ".join(map(repr, _OVERRIDABLE)))
            if not isinstance(value, str) or not value.strip():
                raise FactError(fact_id, key, value, "a non-empty string")
            if key == "checked":
                _parse_date(fact_id, key, value)
        checked[fact_id] = dict(keys)
    return Overrides(organisation=organisation.strip(), facts=checked)


def apply_overrides(facts: tuple[Fact, ...], overrides: Overrides) -> tuple[Fact, ...]:
    """The facts with the organisation's figures in front; an unknown id is an error."""
    known = {fact.id for fact in facts}
    for fact_id in overrides.facts:
        if fact_id not in known:
            raise FactError(fact_id, "id", fact_id, "the id of a fact in the register")
    result = []
    for fact in facts:
        keys = overrides.facts.get(fact.id)
        if not keys:
            result.append(fact)
            continue
        changed = replace(
            fact,
            value=keys.get("value", fact.value),
            claim=keys.get("claim", fact.claim),
            source=keys.get("source", fact.source),
            checked=_parse_date(fact.id, "checked", keys.get("checked", fact.checked.isoformat())),
            note=keys.get("note", fact.note),
            organisation=overrides.organisation,
            public_value=fact.value,
        )
        result.append(changed)
    return tuple(result)


def due(facts: tuple[Fact, ...], older_than_days: int, today: date) -> tuple[Fact, ...]:
    """Facts last checked more than ``older_than_days`` before ``today``, oldest first."""
    if older_than_days < 0:
        raise FactError("(query)", "older-than", older_than_days, "a number of days, 0 or more")
    stale = [fact for fact in facts if fact.age_days(today) > older_than_days]
    return tuple(sorted(stale, key=lambda fact: (fact.checked, fact.id)))


FACTS: tuple[Fact, ...] = load_facts()
FACTS_BY_ID: dict[str, Fact] = {fact.id: fact for fact in FACTS}
