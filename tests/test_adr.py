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
    "## Caveats",
    "## When to Revisit",
    "## Assumptions",
    "## More Information",
]


def test_madr_sections_in_order() -> None:
    text = to_adr(recommend({"need": "both", "tone": "proprietary", "labeled_examples": 900}))
    positions = [text.index(section) for section in MADR_SECTIONS]
    assert positions == sorted(positions)
    assert text.startswith(
        "---\nstatus: proposed\n---\n\n"
        "# Fine-tune the approved voice and train the knowledge into the model\n"
    )
    assert 'Chosen option: "' in text


def test_every_option_is_considered_with_pros_and_cons() -> None:
    text = to_adr(recommend({"labeled_examples": 0}))
    pros_and_cons = text.split("## Pros and Cons of the Options")[1].split("## Caveats")[0]
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
    command = text.split("```sh\n")[1].split("\n```")[0]
    assert command.startswith("python3 -m calculator recommend --format adr --answers - <<'EOF'\n")
    embedded = command.split("\n", 1)[1].removesuffix("\nEOF")
    assert json.loads(embedded) == answers
    assert recommend(json.loads(embedded)) == result


def test_the_hybrid_case_reads_as_a_reviewer_would_write_it() -> None:
    answers = {"need": "both", "corpus_change": "weekly", "tone": "proprietary",
               "calls_per_day": 5000, "labeled_examples": 1000, "latency_budget_ms": 2000,
               "retrieval_overhead_ms": 250, "citations_required": True}
    text = to_adr(recommend(answers))
    title = "Fine-tune the approved voice; keep the knowledge that changes weekly in retrieval"
    assert f"\n# {title}\n" in text
    assert "Its knowledge changes weekly." in text
    confirmation = text.split("### Confirmation")[1].split("## ")[0]
    # Which evaluation, which measure, which threshold.
    assert "Hold out a fifth of the 1,000 reviewed examples" in confirmation
    assert "approve as written in the voice" in confirmation
    assert "at least 90%" in confirmation and "under 2000 ms" in confirmation
    assert "every citation must point to a document" in confirmation


def test_values_read_as_words() -> None:
    text = to_adr(recommend({"need": "knowledge", "corpus_change": "static",
                             "sensitive_data": "internal", "labeled_examples": 80}))
    assert "Its knowledge does not change." in text
    assert "changes static" not in text
    assert ("* May the data be stored in a search or vector index? Internal or confidential, and "
            "may be indexed behind access control.") in text
    assert "* Good examples available: 80 examples." in text


def test_the_only_option_left_is_said_so() -> None:
    answers = {"need": "knowledge", "sensitive_data": "no-persistent-index",
               "citations_required": True, "corpus_tokens": 20000}
    result = recommend(answers)
    assert result["only_option_left"] and result["recommendation"] == "prompt-engineering"
    text = to_adr(result)
    assert "It is the only option left: the others are ruled out (" in text
    assert "confidence" not in text.split("## Decision Outcome")[1].split("###")[0]
