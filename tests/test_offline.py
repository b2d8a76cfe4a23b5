"""Behind a firewall: no page asks another host for anything, counted in a real browser.

tests/test_external_hosts.py scans the built files for the same thing without a browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ExternalRequests
from tests.support.site_pages import CALCULATOR, calculator_state, page_paths, result_text


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
