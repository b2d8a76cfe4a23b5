"""The decision card prints, through Chromium's own PDF writer, on exactly one sheet."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CARD = "decision-card/"
# A page object in a PDF: "/Type /Page", not "/Type /Pages" (the page tree).
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_pages(pdf: bytes) -> int:
    return len(PAGE_OBJECT.findall(pdf))


def test_pdf_page_counter_counts_pages_not_the_page_tree() -> None:
    sample = b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 1 0 R >>"
    assert pdf_pages(sample) == 2


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_decision_card_prints_on_one_page(page: Any, site_url: str, paper: str) -> None:
    page.goto(site_url + CARD)
    page.emulate_media(media="print")
    sections = page.locator(".decision-card h2")
    assert sections.count() == 3, "the card should hold questions, patterns and measures"
    pdf = page.pdf(format=paper, print_background=False)
    assert pdf.startswith(b"%PDF")
    assert pdf_pages(pdf) == 1, f"the decision card takes {pdf_pages(pdf)} {paper} pages"


def test_a_long_guidance_page_is_counted_as_several_pages(page: Any, site_url: str) -> None:
    """The same measurement on a page known to be long, so a broken counter cannot pass."""
    page.goto(site_url + "security-and-privacy/")
    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(format="A4")) > 1


def test_the_card_prints_without_link_addresses(page: Any, site_url: str) -> None:
    page.goto(site_url + CARD)
    page.emulate_media(media="print")
    after = page.evaluate(
        """() => [...document.querySelectorAll('.decision-card a[href]')]
            .map((a) => getComputedStyle(a, '::after').content)"""
    )
    assert after, "the card has no links"
    assert set(after) == {"none"}
    assert not page.locator(".card-intro").is_visible()
