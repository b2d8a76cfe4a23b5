"""Mis-served Pyodide files: the calculator explains the failure in time instead of hanging.

A server that sends `.wasm` without `application/wasm` makes the browser refuse to compile it, and
Pyodide then waits for ever; one that sends `.mjs` with a non-JavaScript type makes the module
import fail. Both are the commonest portal mistakes (see the serving guide).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.support.site_pages import CALCULATOR, RESULT, calculator_state

pytestmark = pytest.mark.browser

# The calculator promises an explanation within 20 seconds of opening the page.
DEADLINE_S = 20


def open_mis_served(page: Any, site_dir: Path, serve: Any, suffix: str) -> tuple[str, float]:
    base = serve(site_dir, mime_overrides={suffix: "application/octet-stream"})
    started = time.monotonic()
    page.goto(base + CALCULATOR)
    state = calculator_state(page, wanted="error", timeout_ms=DEADLINE_S * 1000 + 5_000)
    return state, time.monotonic() - started


def assert_explained(page: Any) -> str:
    failure = page.locator("#calc-failure")
    assert failure.is_visible()
    text: str = failure.inner_text()
    assert "could not start" in text
    assert "application/wasm" in text, "the likely causes should name the wasm type"
    assert failure.locator('a[href$="serving/"]').count() == 1, "no pointer to the serving guide"
    assert "Traceback" not in page.locator("body").inner_text()
    # The answer computed at build time stays on the page.
    assert page.get_attribute(RESULT, "data-recommendation")
    return text


def test_wasm_with_a_wrong_type_is_explained_in_time(page: Any, site_dir: Path, serve: Any) -> None:
    state, elapsed = open_mis_served(page, site_dir, serve, ".wasm")
    assert state == "error"
    assert elapsed < DEADLINE_S, f"explained only after {elapsed:.1f} s"
    assert_explained(page)
    # What failed, in words a portal team can act on: the file and the type it came with.
    detail = page.inner_text("#calc-failure-detail")
    assert "pyodide.asm.wasm" in detail and "application/octet-stream" in detail, detail


def test_module_with_a_wrong_type_is_explained_in_time(
    page: Any, site_dir: Path, serve: Any
) -> None:
    state, elapsed = open_mis_served(page, site_dir, serve, ".mjs")
    assert state == "error"
    assert elapsed < DEADLINE_S, f"explained only after {elapsed:.1f} s"
    assert_explained(page)
    detail = page.inner_text("#calc-failure-detail")
    assert "pyodide.mjs" in detail, detail
