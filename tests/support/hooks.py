"""Import a file under hooks/ as a module, the way MkDocs does, for tests that call it directly."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HOOKS = Path(__file__).resolve().parent.parent.parent / "hooks"


def load_hook(name: str) -> ModuleType:
    """The module hooks/<name>.py, imported once per test session."""
    key = f"hooks.{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, HOOKS / f"{name}.py")
    assert spec and spec.loader, f"cannot import {HOOKS / name}.py"
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    # As MkDocs does: the hook's folder is on the path while the hook runs, so that it can
    # import the modules beside it (calculator_engine, html_tree), and is taken off afterwards.
    saved = sys.path.copy()
    sys.path.insert(0, str(HOOKS))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module
