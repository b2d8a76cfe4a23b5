"""calculator.labels: how verdicts read on the page."""

from __future__ import annotations

from calculator.labels import VERDICT_NAMES


def test_every_verdict_has_a_name() -> None:
    assert set(VERDICT_NAMES) == {"rag", "evaluate-fine-tuning"}

