"""The site built for and served under a portal's sub-path: pages, search, calculator, links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import build_site
from tests.support.site_pages import (
    CALCULATOR,
    calculator_state,
    page_paths,
    result_text,
    search,
)
from tests.test_links import broken_links

PREFIX = "/guides/llm-choices/"
# A portal's public address; the test server answers on loopback under the same path.
PUBLIC_URL = f"https://docs.example.com{PREFIX}"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("subpath-site")
    proc = build_site(dest, extra_env={"SITE_URL": PUBLIC_URL})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return dest


@pytest.fixture(scope="module")
def subpath_url(subpath_site: Path, serve: Any) -> str:
    url: str = serve(subpath_site, prefix=PREFIX)
    assert url.endswith(PREFIX)
    return url


def failed_requests(page: Any) -> list[str]:
    """Record every request of the page that fails or answers with an HTTP error."""
    failures: list[str] = []
    page.on("requestfailed", lambda request: failures.append(f"failed {request.url}"))
    page.on(
        "response",
        lambda response: (
            failures.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    return failures


def test_links_resolve_under_the_prefix(subpath_site: Path) -> None:
    problems = broken_links(subpath_site, PREFIX)
    assert not problems, "\n".join(problems)
    not_found = (subpath_site / "404.html").read_text(encoding="utf-8")
    assert f'href="{PREFIX}assets/' in not_found, "the 404 page should use the published path"


@pytest.mark.browser
def test_every_page_loads_under_the_prefix(page: Any, subpath_site: Path, subpath_url: str) -> None:
    failures = failed_requests(page)
    for path in page_paths(subpath_site):
        response = page.goto(subpath_url + path, wait_until="networkidle")
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        if path == CALCULATOR:
            state = calculator_state(page)
            assert state == "ready", f"calculator ended in {state}: {result_text(page)}"
    assert failures == []


@pytest.mark.browser
def test_search_finds_pages_under_the_prefix(page: Any, subpath_url: str) -> None:
    failures = failed_requests(page)
    page.goto(subpath_url + "glossary/")
    first = search(page, "latency")
    href = first.get_attribute("href") or ""
    first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(subpath_url), f"search result {href} left the prefix: {page.url}"
    assert page.locator("article h1").is_visible()
    assert failures == []


@pytest.mark.browser
def test_permalinks_and_calculator_links_resolve_under_the_prefix(
    page: Any, subpath_url: str
) -> None:
    failures = failed_requests(page)
    page.goto(subpath_url + "patterns/critical-latency/")
    # The hash, not the attribute: the theme may rewrite in-page links as absolute addresses.
    target = page.eval_on_selector("h2 a.headerlink", "(a) => a.hash")
    assert target == "#signals", target
    page.goto(subpath_url + "patterns/critical-latency/" + target)
    assert page.locator(target).is_visible()
    top = page.evaluate("() => document.getElementById('signals').getBoundingClientRect().top")
    assert 0 <= top < 200, f"the section is not scrolled into view (top {top})"
    # The "Try it" link carries the pattern's answers to the calculator.
    page.locator(f'#try-it ~ p a[href*="{CALCULATOR}"], a[href*="{CALCULATOR}?"]').first.click()
    page.wait_for_url(f"{subpath_url}{CALCULATOR}?*")
    state = calculator_state(page)
    assert state == "ready", f"calculator ended in {state}: {result_text(page)}"
    assert failures == []
