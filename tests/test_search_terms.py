"""Terms a reviewer searches for lead to the section that treats them, in the built search index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# Each term, and the section that must be among the site search's hits for it.
TERMS = {
    "PII": "security-and-privacy/#personal-data",
    "personal data": "security-and-privacy/#personal-data",
    "LoRA": "where-to-fine-tune/#lora",
    "evaluation": "evaluate-first/#evaluation-set",
    "prompt injection": "security-and-privacy/#prompt-injection",
    "cache minimum": "glossary/#cost-and-operations",
}


def sections_mentioning(index: list[dict[str, str]], term: str) -> set[str]:
    wanted = term.lower()
    return {
        doc["location"]
        for doc in index
        if wanted in (doc["title"] + " " + doc["text"]).lower()
    }


@pytest.mark.parametrize(("term", "section"), sorted(TERMS.items()))
def test_search_finds_the_section_for(site_dir: Path, term: str, section: str) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = sections_mentioning(index["docs"], term)
    assert section in hits, f"searching for {term!r} does not reach {section}"


def test_an_absent_term_finds_nothing(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert sections_mentioning(index["docs"], "zzq-not-a-term") == set()
