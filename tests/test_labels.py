"""calculator.labels: how options and verdicts read on the page."""

from __future__ import annotations

from calculator.labels import OPTION_NAMES, VERDICT_NAMES
from calculator.rules import OPTIONS


def test_every_option_and_verdict_has_a_name() -> None:
    assert set(OPTION_NAMES) == set(OPTIONS)
    assert set(VERDICT_NAMES) == {"rag", "evaluate-fine-tuning"}

