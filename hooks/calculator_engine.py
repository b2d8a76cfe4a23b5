"""The engine for the hooks: this repository's ``calculator`` package, imported in one place.

MkDocs loads a hook from its file with only the hook's own folder on ``sys.path``, so the package
beside that folder cannot be imported by name until the repository root is on the path too.
Every hook that calls the engine imports what it needs from here, never ``calculator`` itself.
The root stays on the path while the package loads; the engine's later imports are relative and
go through the package, so they still work once MkDocs has restored the path after the hook.
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

# After the path is set: these imports are why this module exists.
from calculator import contract_js  # noqa: E402
from calculator.contract import (  # noqa: E402
    OPTIONS_BY_ID,
    RESULT_ATTRIBUTES,
    STATUS_LABELS,
    STEP_ATTRIBUTES,
    STEP_LABELS,
)
from calculator.fields import FIELDS, GROUPS, Field  # noqa: E402
from calculator.tree import Element, Node, el  # noqa: E402
from calculator.webapi import compute, query_text  # noqa: E402

__all__ = [
    "FIELDS",
    "GROUPS",
    "OPTIONS_BY_ID",
    "RESULT_ATTRIBUTES",
    "STATUS_LABELS",
    "STEP_ATTRIBUTES",
    "STEP_LABELS",
    "Element",
    "Field",
    "Node",
    "compute",
    "contract_js",
    "el",
    "query_text",
]
