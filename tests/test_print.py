"""Printed pages: no navigation, no calculator controls, every link followed by its full address."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.site_pages import CALCULATOR, RESULT, calculator_state, result_text

pytestmark = pytest.mark.browser

CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]

HIDDEN = """(selectors) => selectors.filter((selector) =>
    [...document.querySelectorAll(selector)].some((el) => el.checkVisibility()))"""

# Each content link that leads somewhere else, with the text printed after it.
LINKS = """() => [...document.querySelectorAll(".md-content a[href]")]
    .filter((a) => !a.getAttribute("href").startsWith("#"))
    .filter((a) => !a.matches(".headerlink, .footnote-ref, .footnote-backref"))
    .map((a) => ({href: a.href, after: getComputedStyle(a, "::after").content}))"""


def printed(page: Any, url: str) -> None:
    page.goto(url)
    page.emulate_media(media="print")


@pytest.mark.parametrize(
    "path", ["patterns/critical-latency/", "patterns/sensitive-data/", "framework/"]
)
def test_guidance_page_prints_without_navigation_and_with_addresses(
    page: Any, site_url: str, path: str
) -> None:
    printed(page, site_url + path)
    assert page.evaluate(HIDDEN, CHROME) == [], "navigation is still visible in print"
    assert page.locator("article h1").is_visible()
    links = page.evaluate(LINKS)
    assert links, f"/{path} has no link to check"
    missing = [link for link in links if f"<{link['href']}>" not in link["after"]]
    assert not missing, f"printed links without their absolute address: {missing}"


def test_calculator_prints_its_answer_without_its_controls(page: Any, site_url: str) -> None:
    page.goto(site_url + CALCULATOR)
    state = calculator_state(page)
    assert state == "ready", f"calculator ended in {state}: {result_text(page)}"
    page.emulate_media(media="print")
    controls = ".md-content :is(input, select, textarea, button)"
    assert page.locator(controls).count() > 0, "the calculator page has no controls to hide"
    visible = page.evaluate(
        "(s) => [...document.querySelectorAll(s)].filter((el) => el.checkVisibility()).length",
        controls,
    )
    assert visible == 0, f"{visible} calculator controls still print"
    assert page.locator(RESULT).is_visible()
    assert page.locator(RESULT).inner_text().strip()
