"""How the result's values read on the calculator page: verdicts, money, shares.

The options' names are in the option table, ``calculator.contract.OPTION_TABLE``.
"""

from __future__ import annotations

__all__ = ["VERDICT_NAMES", "money", "percent"]

VERDICT_NAMES = {"rag": "use RAG", "evaluate-fine-tuning": "evaluate fine-tuning"}


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def money(amount: float) -> str:
    return f"${amount:,.0f}"
