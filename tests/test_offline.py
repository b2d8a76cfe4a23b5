"""Behind a firewall: no page asks another host for anything, in the browser or in its markup."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ExternalRequests
from tests.support.site_pages import CALCULATOR, calculator_state, page_paths, result_text

# Markup that makes a browser fetch something by itself (not a link a reader may follow, nor the
# canonical URL, which names the page without loading it).
FETCHING = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc=[\"']?(?:https?:)?//"
    r"|<link\b(?![^>]*\brel=[\"']?canonical)[^>]*\bhref=[\"']?(?:https?:)?//"
    r"|@import\s+(?:url\()?[\"']?(?:https?:)?//"
    r"|url\([\"']?(?:https?:)?//",
    re.IGNORECASE,
)


@pytest.mark.browser
def test_every_page_loads_with_other_hosts_blocked(
    page: Any, site_dir: Path, site_url: str, external_requests: ExternalRequests
) -> None:
    per_page = {}
    for path in page_paths(site_dir):
        before = len(external_requests)
        page.goto(site_url + path, wait_until="networkidle")
        if path == CALCULATOR:
            state = calculator_state(page)
            assert state == "ready", f"calculator ended in {state}: {result_text(page)}"
            page.wait_for_load_state("networkidle")
        per_page[path] = len(external_requests) - before
    print("\nrequests to other hosts per page:", per_page)
    assert external_requests == [], f"requests left loopback: {external_requests}"


@pytest.mark.browser
def test_a_request_to_another_host_would_be_counted(
    page: Any, site_url: str, external_requests: ExternalRequests
) -> None:
    page.goto(site_url)
    page.evaluate(
        """() => new Promise((done) => {
            const img = new Image();
            img.onload = img.onerror = done;
            img.src = "https://example.invalid/pixel.png";
        })"""
    )
    assert external_requests == ["https://example.invalid/pixel.png"]


def test_no_built_file_fetches_from_another_host(site_dir: Path) -> None:
    offenders = [
        f"{file.relative_to(site_dir)}: {match.group(0)}"
        for file in sorted(site_dir.rglob("*"))
        if file.suffix in {".html", ".css"}
        for match in FETCHING.finditer(file.read_text(encoding="utf-8"))
    ]
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize(
    ("markup", "fetches"),
    [
        ('<script src="https://cdn.example/pyodide.js"></script>', True),
        ("<link rel=stylesheet href=//fonts.example/css>", True),
        ('@import url("https://fonts.example/css");', True),
        ('<link rel="canonical" href="https://docs.example/guide/">', False),
        ('<a href="https://example.org/">a link</a>', False),
        ("url(\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>\")", False),
    ],
)
def test_fetching_markup_is_recognised(markup: str, fetches: bool) -> None:
    assert bool(FETCHING.search(markup)) is fetches
