"""The calculator page as a design review uses it, in Chromium against the built site on loopback:
the answer stays in view beside the questions, a slow start is not an error, absurd links are
reported on their fields, and the page works at phone width."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

import pytest

from calculator import recommend
from calculator.contract import OPTIONS_BY_ID
from tests.support.site_pages import CALCULATOR, RESULT, calculator_state, result_text

pytestmark = pytest.mark.browser

SUMMARY = "#calc-summary"
# Answers where the number of calls a day decides between two options (see the flips).
BASE = {"need": "behavior", "labeled_examples": 500}


def ready(page: Any) -> None:
    state = calculator_state(page)
    assert state == "ready", f"calculator ended in {state}: {result_text(page)}"


def calls_that_change_the_answer() -> tuple[int, str]:
    """A value of calls_per_day that changes the recommendation for BASE, and the new one."""
    before = recommend(BASE)
    flips = [f for f in before["flips"] if f["field"] == "calls_per_day"]
    value = int(flips[0]["value"]) if flips else 1_000_000
    after = recommend({**BASE, "calls_per_day": value})["recommendation"]
    assert after != before["recommendation"], "no volume changes the answer for BASE any more"
    return value, str(after)


def inside_viewport(page: Any, selector: str) -> dict[str, Any]:
    return dict(page.evaluate(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return {top: box.top, bottom: box.bottom, left: box.left, right: box.right,
                    width: innerWidth, height: innerHeight};
        }""",
        selector,
    ))


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)], ids=["laptop", "phone"])
def test_a_change_of_calls_per_day_is_seen_without_scrolling(
    browser: Any, site_url: str, size: tuple[int, int]
) -> None:
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site_url + CALCULATOR + "?" + urlencode(BASE))
    ready(page)
    value, after = calls_that_change_the_answer()
    field = page.locator("#calc-calls_per_day")
    field.scroll_into_view_if_needed()
    field.fill(str(value))
    page.wait_for_function(
        "(r) => document.querySelector('#calc-result').dataset.recommendation === r", arg=after
    )
    # The summary says so where the reader is: the control still in view, the summary too.
    summary = page.locator(f"{SUMMARY} .calc-summary__option")
    assert summary.inner_text() == OPTIONS_BY_ID[after].name
    for selector in (f"{SUMMARY} .calc-summary__option", "#calc-calls_per_day"):
        box = inside_viewport(page, selector)
        assert 0 <= box["top"] and box["bottom"] <= box["height"], (selector, box)
        assert 0 <= box["left"] and box["right"] <= box["width"], (selector, box)
    # Nothing covers the control being edited (the theme's back-to-top button, say).
    covered = page.evaluate(
        """() => {
            const box = document.querySelector('#calc-calls_per_day').getBoundingClientRect();
            const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
            const hit = document.elementFromPoint(x, y);
            return hit && hit.id;
        }"""
    )
    assert covered == "calc-calls_per_day"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=f"{_shots()}/calls-{width}x{height}.png")
    context.close()


def _shots() -> str:
    import os
    import tempfile

    where = os.environ.get("CALC_SCREENSHOTS", tempfile.gettempdir())
    os.makedirs(where, exist_ok=True)
    return where


def test_phone_width_has_no_sideways_scroll_and_readable_charts(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + CALCULATOR + "?" + urlencode(BASE))
    ready(page)
    page.locator(".calc-details > summary").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    sizes = page.evaluate(
        """() => {
            const px = (el) => el.getBoundingClientRect().height;
            const help = parseFloat(
                getComputedStyle(document.querySelector('.calc-help')).fontSize);
            // A text's drawn size: its font size times the scale the chart is drawn at.
            const charts = [...document.querySelectorAll('.calc-chart')].map((svg) => {
                const box = svg.viewBox.baseVal;
                const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
                return Math.min(...[...svg.querySelectorAll('text')].map(
                    (t) => parseFloat(getComputedStyle(t).fontSize) * scale));
            });
            return {help, charts, toggle: px(document.querySelector('.calc-summary__toggle'))};
        }"""
    )
    assert sizes["charts"], "no chart on the page"
    for size in sizes["charts"]:
        assert size >= sizes["help"] - 0.01, sizes
    # The summary bar expands to its details and folds back.
    toggle = page.locator(".calc-summary__toggle")
    more = page.locator(f"{SUMMARY} .calc-summary__more")
    assert not more.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and more.is_visible()
    toggle.click()
    assert not more.is_visible()
    context.close()


def test_a_start_slower_than_15_seconds_says_still_loading_then_becomes_ready(
    page: Any, site_url: str
) -> None:
    held: list[Any] = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    started = time.monotonic()
    page.goto(site_url + CALCULATOR)
    page.wait_for_function("() => /Still loading \\(\\d+ s\\)/.test("
                           "document.querySelector('#calc-slow')?.textContent ?? '')")
    page.wait_for_function(
        "() => /Still loading \\((1[6-9]|[2-9]\\d) s\\)/.test("
        "document.querySelector('#calc-slow').textContent)",
        timeout=40_000,
    )
    assert time.monotonic() - started > 15
    assert page.get_attribute(RESULT, "data-state") == "loading"
    assert not page.locator("#calc-failure").is_visible()
    # The form stays usable meanwhile; the change is computed once the engine is there.
    page.select_option("#calc-need", "behavior")
    assert held, "the WebAssembly was never requested"
    for route in held:
        route.continue_()
    ready(page)
    assert not page.locator("#calc-slow").is_visible()
    assert page.get_attribute(RESULT, "data-recommendation") == recommend(
        {"need": "behavior"})["recommendation"]


HOSTILE = {
    "need": "<script>window.__pwned=1</script>",
    "calls_per_day": "9" * 5000,
    "latency_budget_ms": "\u0661\u0662\u0663",  # Arabic-Indic digits
    "retrieval_overhead_ms": "x" * 60_000,
}


def test_absurd_query_values_are_named_on_their_fields_and_shortened(
    page: Any, site_url: str
) -> None:
    junk = "&".join(f"p{i}=v{i}" for i in range(3000))
    address = site_url + CALCULATOR + "?" + urlencode(HOSTILE) + "&tone=proprietary&" + junk
    # The test server, like many, refuses request lines over 64 KB; the browser keeps the whole
    # address and the page reads it, so the page itself is fetched from its plain address.
    page.route(lambda url: url == address,
               lambda route: route.fulfill(response=route.fetch(url=site_url + CALCULATOR)))
    page.goto(address)
    ready(page)
    for field in HOSTILE:
        box = page.locator(f"#calc-{field}-error")
        assert box.is_visible(), field
        text = box.inner_text()
        assert text.startswith(f"{field}:"), text
        assert len(text) <= 200, (field, len(text))
        assert page.locator(f"#calc-{field}").get_attribute("aria-invalid") == "true"
    assert "60,000 characters" in page.locator("#calc-retrieval_overhead_ms-error").inner_text()
    assert page.evaluate("window.__pwned") is None
    # The valid answer is used, the rest of the form still works.
    expected = recommend({"tone": "proprietary"})["recommendation"]
    assert page.get_attribute(RESULT, "data-recommendation") == expected
    page.select_option("#calc-need", "behavior")
    page.wait_for_function("document.querySelector('#calc-need-error').hidden")
    want = recommend({"tone": "proprietary", "need": "behavior"})["recommendation"]
    page.wait_for_function(
        "(r) => document.querySelector('#calc-result').dataset.recommendation === r", arg=want
    )
    assert "Traceback" not in page.locator("body").inner_text()


def test_without_scripts_the_controls_are_off_and_a_note_says_why(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CALCULATOR)
    note = page.locator(".calc-noscript")
    assert note.is_visible()
    assert "Scripts are off" in note.inner_text()
    assert page.locator("#calc-form [name]:not(:disabled)").count() == 0
    assert "updates in your browser" not in page.locator("#calc-note").inner_text()
    context.close()


def test_copy_link_lands_on_the_answer_and_one_announcement_per_settled_change(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + CALCULATOR + "#reading")
    ready(page)
    page.evaluate(
        """() => {
            window.__announced = [];
            new MutationObserver(() => window.__announced.push(
                document.querySelector('#calc-announce').textContent))
                .observe(document.querySelector('#calc-announce'),
                         {childList: true, characterData: true, subtree: true});
        }"""
    )
    field = page.locator("#calc-calls_per_day")
    field.click()
    field.press("Control+a")
    field.press_sequentially("40000", delay=50)
    page.wait_for_function("() => window.__announced.length > 0", timeout=10_000)
    # Waiting for the absence of a second announcement: longer than the 800 ms the page lets
    # answers settle, as no event marks "nothing more will be said".
    page.wait_for_timeout(1500)
    announced = page.evaluate("window.__announced")
    assert len(announced) == 1, announced
    assert announced[0].startswith(("Recommendation", "Unchanged")), announced
    page.locator('[data-action="copy-link"]').click()
    page.get_by_text("Link copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("#answer") and "calls_per_day=40000" in copied, copied
    context.close()


def test_pinned_answers_compare_side_by_side_and_the_link_keeps_them(
    browser: Any, site_url: str
) -> None:
    import json
    from urllib.parse import parse_qsl, urlsplit

    from calculator.webapi import handle

    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + CALCULATOR + "?" + urlencode(BASE))
    ready(page)
    page.locator('[data-action="pin"]').click()
    page.wait_for_function("() => new URLSearchParams(location.search).has('pinned')")
    page.select_option("#calc-need", "knowledge")
    now = {**BASE, "need": "knowledge"}
    want = recommend(now)["recommendation"]
    page.wait_for_function(
        "(r) => document.querySelector('#calc-result').dataset.recommendation === r", arg=want
    )
    region = page.locator("#calc-compare")
    region.wait_for()
    cells = region.locator("tbody tr").first.locator("td").all_inner_texts()
    assert cells == [OPTIONS_BY_ID[recommend(BASE)["recommendation"]].name,
                     OPTIONS_BY_ID[want].name]
    assert page.locator("#calc-summary-pinned").is_visible()
    # The URL follows the painted result by a frame.
    page.wait_for_function("() => new URLSearchParams(location.search).get('need') === 'knowledge'")
    query = dict(parse_qsl(urlsplit(page.url).query))
    assert dict(parse_qsl(query["pinned"])) == {k: str(v) for k, v in BASE.items()}
    # The link alone reproduces the comparison.
    other = context.new_page()
    other.goto(page.url)
    ready(other)
    other.locator("#calc-compare").wait_for()
    assert other.locator("#calc-compare tbody tr").first.locator("td").all_inner_texts() == cells
    # The decision record carries both, as the engine writes it.
    other.locator('[data-action="copy-adr"]').click()
    other.get_by_text("Decision record copied").wait_for()
    copied = other.evaluate("navigator.clipboard.readText()")
    values = {k: str(v) for k, v in now.items()}
    expected = json.loads(handle(json.dumps(
        {"type": "adr", "payload": {"values": values, "site_url": site_url,
                                    "pinned": {k: str(v) for k, v in BASE.items()}}})))["text"]
    assert copied == expected
    assert "## Compared with the pinned answers" in copied
    # Unpinning closes the comparison and drops it from the link.
    other.locator('[data-action="unpin"]').click()
    other.wait_for_function("() => !new URLSearchParams(location.search).has('pinned')")
    other.wait_for_function("() => document.querySelector('#calc-compare').hidden")
    context.close()


def test_break_even_on_the_page_is_the_clis(page: Any, site_url: str) -> None:
    import json
    import subprocess
    import sys

    from calculator.breakeven import sentences
    from tests.test_breakeven import HAND_CHECKED

    for answers, fine_tuning, hybrid in HAND_CHECKED:
        cli = subprocess.run(
            [sys.executable, "-m", "calculator", "recommend"], input=json.dumps(answers),
            capture_output=True, text=True, check=True,
        )
        found = json.loads(cli.stdout)["break_even"]
        assert found["calls_per_day"] == {"fine-tuning": fine_tuning, "hybrid": hybrid}
        page.goto(site_url + CALCULATOR + "?" + urlencode(answers))
        ready(page)
        # Read as a reader reads it, scrolled to: the full answer is laid out only near the
        # viewport, and innerText is the laid-out text.
        page.locator(".calc-breakeven").scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('.calc-breakeven').innerText.trim()")
        text = " ".join(page.locator(".calc-breakeven").inner_text().split())
        # The page says what the command line computed, in the same sentences.
        for sentence in sentences(found):
            assert sentence in text, (sentence, text)


def test_after_a_change_break_even_is_busy_then_the_clis(page: Any, site_url: str) -> None:
    # A change shows the rest of the answer first; the break-even section says it is being
    # worked out (aria-busy) and then holds what the command line computes for the new answers.
    import json
    import subprocess
    import sys

    from calculator.breakeven import sentences
    from tests.test_breakeven import HAND_CHECKED

    before, _, _ = HAND_CHECKED[0]
    after = {**before, "need": "both"}
    page.goto(site_url + CALCULATOR + "?" + urlencode(before))
    ready(page)
    page.evaluate(
        """() => {
            window.breakEvenBusy = false;
            new MutationObserver(() => {
                if (document.querySelector('.calc-view > section[aria-busy="true"]')) {
                    window.breakEvenBusy = true;
                }
            }).observe(document.querySelector('#calc-result'), {childList: true, subtree: true});
        }"""
    )
    page.select_option("#calc-need", after["need"])
    page.wait_for_function(
        """() => window.breakEvenBusy && document.querySelector('.calc-breakeven')
            && !document.querySelector('.calc-view [aria-busy]')"""
    )
    cli = subprocess.run(
        [sys.executable, "-m", "calculator", "recommend"], input=json.dumps(after),
        capture_output=True, text=True, check=True,
    )
    found = json.loads(cli.stdout)["break_even"]
    old = sentences(recommend(before)["break_even"])
    assert sentences(found) != old, "the change no longer moves break-even; pick another"
    text = " ".join((page.locator(".calc-breakeven").text_content() or "").split())
    for sentence in sentences(found):
        assert sentence in text, (sentence, text)
