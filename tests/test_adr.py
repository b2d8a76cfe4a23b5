"""The decision record: MADR 4.0 sections, built from the result alone, with no dates."""

from __future__ import annotations

import json
import re

from calculator import recommend, to_adr

MADR_SECTIONS = [
    "## Context and Problem Statement",
    "## Decision Drivers",
    "## Considered Options",
    "## Decision Outcome",
    "### Consequences",
    "### Confirmation",
    "## Pros and Cons of the Options",
    "## More Information",
]


def test_madr_sections_in_order() -> None:
    text = to_adr(recommend({"need": "both", "tone": "proprietary", "labeled_examples": 900}))
    positions = [text.index(section) for section in MADR_SECTIONS]
    assert positions == sorted(positions)
    assert text.startswith("---\nstatus: proposed\n---\n\n# Use ")
    assert 'Chosen option: "' in text


def test_every_option_is_considered_with_pros_and_cons() -> None:
    text = to_adr(recommend({}))
    pros_and_cons = text.split("## Pros and Cons of the Options")[1]
    for title in ("### Prompt engineering", "### Retrieval-augmented generation (RAG)",
                  "### Fine-tuning", "### Hybrid: a fine-tuned model with retrieval"):
        assert title in pros_and_cons
    assert pros_and_cons.count("* Good, because") >= 4
    assert pros_and_cons.count("* Bad, because") >= 4
    assert "ruled out" in pros_and_cons


def test_deterministic_and_dateless() -> None:
    answers = {"need": "behavior", "consistency": "strict", "calls_per_day": 8000,
               "labeled_examples": 3000}
    text = to_adr(recommend(answers))
    assert text == to_adr(recommend(answers))
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)
    assert "date:" not in text


def test_record_embeds_the_answers_that_reproduce_it() -> None:
    answers = {"need": "behavior", "labeled_examples": 60}
    result = recommend(answers)
    text = to_adr(result)
    embedded = text.split("```json\n")[1].split("\n```")[0]
    assert recommend(json.loads(embedded)) == result
