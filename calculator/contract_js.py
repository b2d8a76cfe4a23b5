"""The browser's half of the contract: ``calculator.contract`` written as a JavaScript module.

The page's scripts import these names from ``assets/calculator/contract.js`` instead of spelling
the step ids, message types, element ids and data attributes again. The module is committed next
to them (``python3 -m calculator pages docs`` writes it, tests fail when it is stale) and the
site build writes it afresh from the engine it ships (``hooks/pyodide_assets.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from . import contract

__all__ = ["FILE_NAME", "exports", "render"]

# Beside the scripts that import it: docs/assets/calculator/ and the site's assets/calculator/.
FILE_NAME = "contract.js"


def _enum(values: Iterable[str]) -> dict[str, str]:
    """An enumeration as JavaScript reads it best: STEP.download rather than "download"."""
    return {value: value for value in values}


def exports() -> dict[str, object]:
    """Every exported name with its value, in the order written."""
    return {
        "STEPS": list(contract.STEPS),
        "STEP": _enum(contract.STEPS),
        "STEP_LABELS": contract.STEP_LABELS,
        "STEP_ATTRIBUTES": contract.STEP_ATTRIBUTES,
        "STATUS": _enum(contract.STATUSES),
        "STATUS_LABELS": contract.STATUS_LABELS,
        "FAILED_REQUEST": contract.FAILED_REQUEST,
        "MESSAGE": _enum(contract.MESSAGE_TYPES),
        "PAGE_IDS": contract.PAGE_IDS,
        "RESULT_ATTRIBUTES": contract.RESULT_ATTRIBUTES,
        "RESULT_STATE": _enum(contract.RESULT_STATES),
        "EARLY_WORKER": contract.EARLY_WORKER,
    }


def _literal(value: object) -> str:
    # JSON is valid JavaScript for these values; frozen, so no script can change a shared one.
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return f"Object.freeze({text})" if isinstance(value, Mapping | list) else text


def render() -> str:
    """The module's text: the same contract always gives the same bytes."""
    lines = [
        "// Generated from calculator/contract.py by calculator/contract_js.py; do not edit.",
        "// Regenerate with `python3 -m calculator pages docs`.",
        "",
    ]
    lines += [f"export const {name} = {_literal(value)};" for name, value in exports().items()]
    return "\n".join(lines) + "\n"
