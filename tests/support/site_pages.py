"""What the portal-readiness tests share: the list of built pages and the calculator's states."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

CALCULATOR = "calculator/"
RESULT = "#calc-result"
# Pyodide starts in a few seconds on a laptop; CI shares two cores between several browsers.
READY_TIMEOUT_MS = 90_000
CSP_MARKERS = ("Content Security Policy", "Content-Security-Policy")


def page_paths(site_dir: Path) -> list[str]:
    """URL paths, relative to the site root, of every HTML page in a built site (theme aside)."""
    paths = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        if rel.startswith("assets/"):
            continue
        paths.append(rel.removesuffix("index.html"))
    return paths


def serve_with_instant_navigation(site_dir: Path, copy_to: Path, serve: Any, **options: Any) -> str:
    """Serve a copy of the site whose sitemap names the test server's address; return its URL.

    The theme navigates instantly only to addresses that sitemap.xml lists, port included, and
    the test server's port is chosen at random, so the copy's sitemap is rewritten once it is known.
    """
    shutil.copytree(site_dir, copy_to)
    base: str = serve(copy_to, **options)
    sitemap = copy_to / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8")
    built_for = re.search(r"<loc>(.*?)</loc>", text)
    assert built_for, "sitemap.xml lists no page"
    root = built_for.group(1)
    sitemap.write_text(text.replace(root, base), encoding="utf-8")
    return base


def calculator_state(
    page: Any, *, wanted: str = "ready", timeout_ms: int = READY_TIMEOUT_MS
) -> str:
    """Wait until the calculator leaves the pre-rendered and loading states; return the final one.

    Returns early with 'error' when that is reached instead of the wanted state, so a failing start
    shows its message in the assertion rather than as a timeout.
    """
    page.wait_for_function(
        """([selector, wanted]) => {
            const el = document.querySelector(selector);
            return el && (el.dataset.state === wanted || el.dataset.state === "error");
        }""",
        arg=[RESULT, wanted],
        timeout=timeout_ms,
    )
    return str(page.get_attribute(RESULT, "data-state"))


def result_text(page: Any) -> str:
    """The visible text of the calculator's result region, for assertion messages."""
    script = "(s) => document.querySelector(s)?.innerText ?? '(no result region)'"
    text = page.evaluate(script, RESULT)
    return str(text)


def search(page: Any, text: str) -> Any:
    """Type into the theme's search box once its index is ready; return the first result's link."""
    box = page.get_by_role("textbox", name="Search")
    box.click()
    # Keys typed while the index still loads are not searched again once it is ready.
    page.wait_for_function(
        "() => !/initializing/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    box.press_sequentially(text)
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    return first


def watch_csp(page: Any) -> list[str]:
    """Collect every CSP report the page or one of its workers logs, and every violation event."""
    messages: list[str] = []

    def on_console(message: Any) -> None:
        if any(marker in message.text for marker in CSP_MARKERS):
            messages.append(message.text)

    page.on("console", on_console)
    page.on("worker", lambda worker: worker.on("console", on_console))
    page.add_init_script(
        """document.addEventListener("securitypolicyviolation", (event) => {
            console.error(`Content Security Policy violation: ${event.violatedDirective} `
                + `blocked ${event.blockedURI} in ${event.sourceFile}:${event.lineNumber}`);
        });"""
    )
    return messages
