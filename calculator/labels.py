"""How the result's values read on the calculator page: verdicts.

The options' names are in the option table, ``calculator.contract.OPTION_TABLE``; numbers, money
and shares are written by ``calculator.formatting``.
"""

from __future__ import annotations

__all__ = ["VERDICT_NAMES"]

VERDICT_NAMES = {"rag": "use RAG", "evaluate-fine-tuning": "evaluate fine-tuning"}
