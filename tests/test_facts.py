"""The facts register: records are checked, overrides apply, the committed page is current."""

from __future__ import annotations

import json
import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.cli import main
from calculator.facts import (
    FACTS,
    FACTS_BY_ID,
    Fact,
    FactError,
    apply_overrides,
    due,
    load_facts,
    load_overrides,
)
from calculator.facts_cli import ROOT, facts_in_force
from calculator.facts_page import FACTS_PAGE, REGENERATE, facts_page
from calculator.facts_register import RECORDS

GOOD = dict(RECORDS[0])


def test_every_fact_names_a_public_source_and_the_day_it_was_checked() -> None:
    assert len(FACTS) == len(RECORDS)
    for fact in FACTS:
        assert fact.source.startswith("https://"), fact.id
        assert fact.checked <= date.today(), fact.id


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("checked", "2026-13-01", "an ISO date"),
        ("source", "http://example.com", "a public https:// address"),
        ("topic", "rumour", "one of 'route'"),
        ("status", "probably", "one of 'confirmed'"),
        ("claim", "", "a non-empty string"),
        ("colour", "blue", "no such key"),
    ],
)
def test_a_bad_record_names_fact_key_and_value(key: str, value: str, expected: str) -> None:
    record = {**GOOD, key: value}
    with pytest.raises(FactError) as caught:
        load_facts((record,))
    message = str(caught.value)
    assert GOOD["id"] in message and repr(key) in message and expected in message
    assert value[:20] in message


def test_a_duplicate_id_is_refused() -> None:
    with pytest.raises(FactError, match="an id used once"):
        load_facts((GOOD, GOOD))


@given(
    days=st.integers(min_value=0, max_value=2000),
    offset=st.integers(min_value=-400, max_value=2400),
)
def test_due_lists_exactly_the_facts_older_than_the_limit(days: int, offset: int) -> None:
    today = min(fact.checked for fact in FACTS) + timedelta(days=offset)
    stale = due(FACTS, days, today)
    assert {fact.id for fact in stale} == {
        fact.id for fact in FACTS if (today - fact.checked).days > days
    }
    assert [fact.checked for fact in stale] == sorted(fact.checked for fact in stale)


def _overrides(**facts: dict[str, str]) -> str:
    return json.dumps({"organisation": "Example Bank", "facts": facts})


def test_an_override_puts_the_organisations_figure_first_and_marks_it() -> None:
    text = _overrides(
        **{"openai-batch-discount": {"value": "55% off (negotiated)", "checked": "2026-11-20"}}
    )
    facts = apply_overrides(FACTS, load_overrides(text))
    changed = {fact.id: fact for fact in facts}["openai-batch-discount"]
    public = FACTS_BY_ID["openai-batch-discount"]
    assert changed.value == "55% off (negotiated)"
    assert changed.organisation == "Example Bank"
    assert changed.public_value == public.value
    assert changed.checked == date(2026, 11, 20)
    unchanged = [fact for fact in facts if fact.id != "openai-batch-discount"]
    assert all(fact.organisation == "" for fact in unchanged)
    page = facts_page(facts)
    assert "**55% off (negotiated)** (your organisation, Example Bank; public figure: " in page
    assert "Figures marked *your organisation* come from Example Bank" in page
    assert "your organisation" not in facts_page(FACTS)


def test_the_cli_reads_an_overrides_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = tmp_path / "facts-overrides.json"
    overrides.write_text(
        _overrides(**{"vertex-ai-tuning": {"checked": "2020-01-01", "note": "approved route"}}),
        encoding="utf-8",
    )
    args = ["--older-than", "365", "--today", "2026-12-02", "--overrides", str(overrides)]
    status = main(["facts", *args])
    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith(f"1 of {len(FACTS)} facts were last checked more than 365 days")
    assert "vertex-ai-tuning\tchecked 2020-01-01" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[]", "expected a JSON object"),
        ('{"facts": {}}', "the organisation's name"),
        (_overrides(**{"no-such-fact": {"value": "1"}}), "the id of a fact in the register"),
        (_overrides(**{"vertex-ai-tuning": {"status": "confirmed"}}), "one of 'value'"),
        (_overrides(**{"vertex-ai-tuning": {"checked": "soon"}}), "an ISO date"),
    ],
)
def test_a_bad_overrides_file_exits_2_naming_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    overrides = tmp_path / "o.json"
    overrides.write_text(content, encoding="utf-8")
    assert main(["facts", "--overrides", str(overrides)]) == 2
    assert expected in capsys.readouterr().err


def test_the_report_lists_every_fact_once_all_are_past_the_limit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    newest = max(fact.checked for fact in FACTS)
    later = (newest + timedelta(days=181)).isoformat()
    assert main(["facts", "--older-than", "180", "--today", later]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{len(FACTS)} of {len(FACTS)} facts")
    listed = re.findall(r"^([a-z0-9-]+)\tchecked", out, flags=re.MULTILINE)
    assert sorted(listed) == sorted(FACTS_BY_ID)


def test_the_committed_register_page_is_current() -> None:
    """docs/facts.md is generated; set UPDATE_FACTS_PAGE=1 to rewrite it instead of failing."""
    expected = facts_page(facts_in_force(None))
    path = ROOT / FACTS_PAGE
    if os.environ.get("UPDATE_FACTS_PAGE"):
        path.write_text(expected, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == expected, (
        f"{FACTS_PAGE} is out of date with calculator/facts_register.py; run `{REGENERATE}`"
    )


def test_every_fact_has_a_section_on_the_register_page() -> None:
    page = facts_page(FACTS)
    for fact in FACTS:
        assert f"{{#{fact.id}}}" in page
        assert fact.source in page


def test_pages_link_only_to_facts_that_exist() -> None:
    links = set()
    for page in (ROOT / "docs").rglob("*.md"):
        links |= set(re.findall(r"facts\.md#([a-z0-9-]+)", page.read_text(encoding="utf-8")))
    topics = {"routes", "dates", "prices", "minimums", "guidance", "security", "papers"}
    assert links - set(FACTS_BY_ID) - topics == set()


def test_fact_age_counts_days() -> None:
    fact: Fact = FACTS[0]
    assert fact.age_days(fact.checked + timedelta(days=10)) == 10


def test_every_page_that_uses_a_fact_shows_when_it_was_checked() -> None:
    """A page linking to a register fact repeats its check date, long or short form."""
    from calculator.facts_page import long_date

    missing = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        if page.name == "facts.md":
            continue
        text = page.read_text(encoding="utf-8")
        for fact_id in sorted(set(re.findall(r"facts\.md#([a-z0-9-]+)", text))):
            fact = FACTS_BY_ID.get(fact_id)
            if fact is None:
                continue
            short = f"{fact.checked.day} {fact.checked:%b %Y}"
            if long_date(fact.checked) not in text and short not in text:
                missing.append(f"{page.relative_to(ROOT)} uses {fact_id}")
    assert missing == [], "pages without the check date of a fact they use:\n" + "\n".join(missing)
