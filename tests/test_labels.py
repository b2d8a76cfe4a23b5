"""calculator.labels: how verdicts, money and shares read on the page."""

from __future__ import annotations

from calculator.labels import VERDICT_NAMES, money, percent


def test_every_verdict_has_a_name() -> None:
    assert set(VERDICT_NAMES) == {"rag", "evaluate-fine-tuning"}


def test_money_and_percent() -> None:
    assert (money(0), money(1234.5), money(1_000_000)) == ("$0", "$1,234", "$1,000,000")
    assert (percent(0.0), percent(0.666), percent(1.0)) == ("0%", "67%", "100%")
