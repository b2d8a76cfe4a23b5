"""The calculator page in Chromium against the built site on loopback: start, answers, URL, export,
bad input, failure, instant navigation and keyboard use."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from calculator import recommend
from calculator.webapi import compute, parse_values
from tests.conftest import ExternalRequests
from tests.support.site_pages import (
    CALCULATOR,
    RESULT,
    calculator_state,
    result_text,
    serve_with_instant_navigation,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
# The promise: a start that cannot succeed is explained within 20 s.
FAILURE_DEADLINE_MS = 20_000
# Counts the messages the page sends to workers, by type, to tell one binding from two.
COUNT_MESSAGES = """
    const post = Worker.prototype.postMessage;
    window.__calcMessages = [];
    Worker.prototype.postMessage = function (message, ...rest) {
        window.__calcMessages.push(message && message.type);
        return post.call(this, message, ...rest);
    };
"""


def ready(page: Any) -> None:
    state = calculator_state(page)
    assert state == "ready", f"calculator ended in {state}: {result_text(page)}"


def shown(page: Any) -> dict[str, str]:
    """What the result region says and what its data attributes claim."""
    return page.evaluate(
        """(selector) => {
            const el = document.querySelector(selector);
            return {
                recommendation: el.dataset.recommendation,
                patterns: el.dataset.patterns,
                answer: el.querySelector('.calc-answer__option')?.textContent ?? '',
                links: [...el.querySelectorAll('.calc-patterns a')]
                    .map((a) => a.getAttribute('href')).join(' '),
            };
        }""",
        RESULT,
    )


def expected(answers: dict[str, object]) -> dict[str, str]:
    result = recommend(answers)
    view = compute({k: json.dumps(v) if not isinstance(v, str) else v for k, v in answers.items()})
    assert view["recommendation"] == result["recommendation"]
    return {
        "recommendation": result["recommendation"],
        "patterns": " ".join(result["patterns"]),
        "links": " ".join(f"../patterns/{p}/" for p in result["patterns"]),
    }


def assert_shows(page: Any, answers: dict[str, object]) -> None:
    want = expected(answers)
    page.wait_for_function(
        "([s, r, p]) => { const el = document.querySelector(s);"
        " return el.dataset.recommendation === r && el.dataset.patterns === p; }",
        arg=[RESULT, want["recommendation"], want["patterns"]],
    )
    got = shown(page)
    assert got["recommendation"] == want["recommendation"]
    assert got["patterns"] == want["patterns"]
    assert got["links"] == want["links"]
    from calculator.contract import OPTIONS_BY_ID

    name = OPTIONS_BY_ID[want["recommendation"]].name
    assert got["answer"] == name, "shown text and data disagree"


def query(page: Any) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(page.url).query, keep_blank_values=True)


def test_plain_html_answers_before_any_script(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CALCULATOR)
    assert page.get_attribute(RESULT, "data-state") == "prerendered"
    # One polite live region inside the result, written once the answers have settled.
    assert page.locator(f"{RESULT} [aria-live=polite]").count() == 1
    assert shown(page)["recommendation"] == expected({})["recommendation"]
    # Every control is named after its engine field and has a visible label and help.
    for name in ("need", "corpus_change", "latency_budget_ms", "sensitive_data", "calls_per_day"):
        control = page.locator(f'#calc-form [name="{name}"]')
        assert control.count() == 1, name
        assert control.is_visible(), name
        label = page.locator(f'label[for="calc-{name}"]')
        assert label.is_visible() and label.inner_text().strip(), name
        assert page.locator(f"#calc-{name}-help").inner_text().strip(), name
    legends = page.locator("#calc-form legend").all_inner_texts()
    assert len(legends) >= 5, legends
    assert page.locator("#calc-latency_budget_ms-unit").inner_text() == "ms"
    context.close()


def test_loads_shows_progress_and_updates_on_change(
    page: Any, site_url: str, external_requests: ExternalRequests
) -> None:
    # Hold the WebAssembly back a little so that the loading state can be seen and used.
    def slow(route: Any) -> None:
        time.sleep(1.5)
        route.continue_()

    page.route("**/*.wasm", slow)
    page.goto(site_url + CALCULATOR)
    page.wait_for_function(f"document.querySelector('{RESULT}').dataset.state === 'loading'")
    progress = page.locator("#calc-progress")
    assert progress.is_visible()
    steps = progress.locator("li").all_inner_texts()
    assert [s.split(":")[0] for s in steps] == [
        "Download the Python runtime", "Start Python", "Load the calculator engine"
    ]
    # Controls work while Pyodide loads; the old answer says it is not yet updated.
    page.select_option("#calc-need", "behavior")
    assert page.get_attribute(RESULT, "data-stale") == "true"
    assert "Not yet updated" in page.locator("#calc-note").inner_text()
    ready(page)
    assert page.get_attribute(RESULT, "data-stale") is None
    assert not progress.is_visible()
    assert_shows(page, {"need": "behavior"})
    # The change made while loading reached the URL too (written once the result is painted).
    page.wait_for_function("location.search.includes('need=behavior')")
    assert query(page) == [("need", "behavior")]

    page.select_option("#calc-tone", "proprietary")
    page.fill("#calc-calls_per_day", "40000")
    page.fill("#calc-labeled_examples", "2000")
    answers = {"need": "behavior", "tone": "proprietary", "calls_per_day": 40000,
               "labeled_examples": 2000}
    assert_shows(page, answers)
    assert "proprietary-tone" in shown(page)["patterns"]
    assert external_requests == []


def test_url_round_trip_keeps_other_parameters(page: Any, site_url: str) -> None:
    page.goto(site_url + CALCULATOR + "?utm_source=portal&need=both&calls_per_day=40000&x=1")
    ready(page)
    assert page.input_value("#calc-need") == "both"
    assert page.input_value("#calc-calls_per_day") == "40000"
    assert_shows(page, {"need": "both", "calls_per_day": 40000})
    # Opening a URL changes nothing in it; a change rewrites only the engine's fields.
    assert query(page) == [("utm_source", "portal"), ("need", "both"),
                           ("calls_per_day", "40000"), ("x", "1")]
    page.uncheck("#calc-can_fine_tune")
    page.fill("#calc-latency_budget_ms", "400.5")
    page.wait_for_function("location.search.includes('latency_budget_ms=400.5')")
    assert query(page) == [
        ("utm_source", "portal"), ("x", "1"), ("need", "both"), ("latency_budget_ms", "400.5"),
        ("calls_per_day", "40000"), ("can_fine_tune", "false"),
    ]
    # Back to the default value: the reader chose it, so it stays in the URL as an answer...
    page.select_option("#calc-need", "knowledge")
    page.wait_for_function("location.search.includes('need=knowledge')")
    # ...until the reader clears it back to "not answered".
    page.locator('[data-clear="need"]').click()
    page.wait_for_function("!location.search.includes('need=')")
    assert page.locator('[data-clear="need"]').is_hidden()
    # Opened afresh: the theme's section tracking may have added a fragment, and going to the
    # same address with only a fragment would stay on the page (the theme then swaps it in place,
    # racing the state check below).
    url = urlsplit(page.url)._replace(fragment="").geturl()
    answers = {"latency_budget_ms": 400.5, "calls_per_day": 40000, "can_fine_tune": False}
    assert_shows(page, answers)

    page.goto(url)
    ready(page)
    assert page.input_value("#calc-latency_budget_ms") == "400.5"
    assert not page.is_checked("#calc-can_fine_tune")
    assert page.input_value("#calc-need") == "knowledge"
    assert_shows(page, answers)


def test_adr_export_equals_the_cli(browser: Any, site_url: str, tmp_path: Path) -> None:
    answers = {"need": "behavior", "tone": "proprietary", "calls_per_day": 5000,
               "labeled_examples": 800, "citations_required": True}
    # The CLI of the engine's sources. The site ships them compiled for Pyodide's Python, which
    # this Python cannot import; that the compiled engine writes the same ADR as these sources,
    # the parity test shows for every golden and generated answer set.
    # The page sends the site's address it knows, so its record links back to the same answers.
    cli = subprocess.run(
        [sys.executable, "-m", "calculator", "recommend", "--format", "adr",
         "--site-url", site_url],
        input=json.dumps(answers), capture_output=True, text=True, cwd=ROOT, check=True,
    ).stdout
    assert f"<{site_url.rstrip('/')}/calculator/?need=behavior&" in cli
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    search = "need=behavior&tone=proprietary&calls_per_day=5000&labeled_examples=800"
    page.goto(site_url + CALCULATOR + "?" + search + "&citations_required=true")
    ready(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download .md").click()
    saved = tmp_path / "adr.md"
    info.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == cli
    assert info.value.suggested_filename.endswith(".md")

    page.get_by_role("button", name="Copy as ADR").click()
    page.get_by_text("Decision record copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == cli
    page.get_by_role("button", name="Copy link").click()
    page.get_by_text("Link copied").wait_for()
    # The theme's anchor tracking may add or change the #fragment as the page scrolls.
    copied = urlsplit(page.evaluate("navigator.clipboard.readText()"))
    assert copied._replace(fragment="") == urlsplit(page.url)._replace(fragment="")
    context.close()


def test_a_default_the_reader_chooses_counts_as_given(page: Any, site_url: str) -> None:
    page.goto(site_url + CALCULATOR + "?need=behavior&tone=proprietary")
    ready(page)

    untouched = recommend({"need": "behavior", "tone": "proprietary"})
    assert "calls_per_day" in {a["field"] for a in untouched["assumptions"]}
    assert page.locator('[data-clear="calls_per_day"]').is_hidden()
    # 1,000 calls a day is the default; typed in, it is the reader's answer all the same.
    page.fill("#calc-calls_per_day", "1000")
    page.wait_for_function("location.search.includes('calls_per_day=1000')")
    assert query(page) == [("need", "behavior"), ("calls_per_day", "1000"),
                           ("tone", "proprietary")]
    chosen = recommend({"need": "behavior", "tone": "proprietary", "calls_per_day": 1000})
    assert "calls_per_day" not in {a["field"] for a in chosen["assumptions"]}
    page.wait_for_function(
        "(s) => document.querySelector(s).dataset.given.split(' ').includes('calls_per_day')",
        arg=RESULT)
    assert page.get_attribute(RESULT, "data-given") == "need calls_per_day tone"
    assert page.get_attribute(RESULT, "data-assumed") == " ".join(
        a["field"] for a in chosen["assumptions"])
    assert page.locator('[data-clear="calls_per_day"]').is_visible()
    assert page.get_attribute("#calc-calls_per_day >> xpath=ancestor::div[1]",
                              "data-given") == "true"
    # The link keeps the answer; cleared, the field is assumed again and leaves the URL.
    page.goto(urlsplit(page.url)._replace(fragment="").geturl())
    ready(page)
    assert page.locator('[data-clear="calls_per_day"]').is_visible()
    page.locator('[data-clear="calls_per_day"]').click()
    page.wait_for_function("!location.search.includes('calls_per_day')")
    assert page.input_value("#calc-calls_per_day") == "1000"
    page.wait_for_function(
        "(s) => document.querySelector(s).dataset.assumed.split(' ').includes('calls_per_day')",
        arg=RESULT)
    assert page.get_attribute(RESULT, "data-given") == "need tone"
    assert query(page) == [("need", "behavior"), ("tone", "proprietary")]


def test_hostile_query_values_are_text_with_the_engine_message(page: Any, site_url: str) -> None:
    hostile = {
        "need": "<img src=x onerror=window.__pwned=1>",
        "calls_per_day": "<script>window.__pwned=2</script>",
        "latency_budget_ms": "1e3",
        "citations_required": "yes",
    }
    from urllib.parse import urlencode

    page.goto(site_url + CALCULATOR + "?" + urlencode(hostile) + "&tone=proprietary")
    ready(page)
    _, errors = parse_values(hostile)
    messages = {error.field: str(error) for error in errors}
    assert set(messages) == set(hostile)
    for field, message in messages.items():
        box = page.locator(f"#calc-{field}-error")
        assert box.is_visible(), field
        assert box.inner_text() == message
        control = page.locator(f"#calc-{field}")
        assert f"calc-{field}-error" in (control.get_attribute("aria-describedby") or "")
        assert control.get_attribute("aria-invalid") == "true"
    # The rejected fields take their defaults; the valid one is used.
    assert page.input_value("#calc-need") == "knowledge"
    assert page.input_value("#calc-calls_per_day") == "1000"
    assert_shows(page, {"tone": "proprietary"})
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".md-content img, .md-content script:not([src])").count() == 0
    # Editing a field clears its message.
    page.select_option("#calc-need", "both")
    page.wait_for_function("document.querySelector('#calc-need-error').hidden")
    assert page.locator("#calc-calls_per_day-error").is_visible()


def test_blocked_wasm_is_explained_within_20_seconds(
    page: Any, site_dir: Path, serve: Any
) -> None:
    base = serve(site_dir, block=(".wasm",))
    started = time.monotonic()
    page.goto(base + CALCULATOR)
    state = calculator_state(page, wanted="error", timeout_ms=FAILURE_DEADLINE_MS)
    elapsed = time.monotonic() - started
    assert state == "error"
    assert elapsed < FAILURE_DEADLINE_MS / 1000
    failure = page.locator("#calc-failure")
    assert failure.is_visible()
    text = failure.inner_text()
    assert "could not start" in text
    assert "pyodide.asm.wasm" in text and "403" in text, text
    for cause in ("application/wasm", "'wasm-unsafe-eval'", "slow network"):
        assert cause in text, cause
    assert "still valid" in text
    page_text = page.locator("body").inner_text()
    assert "Traceback" not in page_text
    # The pre-rendered answer stays, and the data attributes still describe it.
    assert_shows(page, {})
    assert page.locator("#calc-progress li[data-status=failed]").count() == 1


@pytest.mark.parametrize(
    ("refuse", "explained"),
    [
        ("http-403", r"engine-[0-9a-f]{12}\.zip answered HTTP 403"),
        ("connection-reset", r"engine-[0-9a-f]{12}\.zip did not arrive"),
    ],
)
def test_missing_library_ends_in_an_explanation_within_20_seconds(
    page: Any, site_dir: Path, serve: Any, refuse: str, explained: str
) -> None:
    # The library (engine and standard library, compiled) is Pyodide's standard library here:
    # without it Python cannot start, whether the server refuses it or the network loses it.
    if refuse == "http-403":
        base = serve(site_dir, block=(".zip",))
    else:
        base = serve(site_dir)
        page.route("**/engine-*.zip", lambda route: route.abort("connectionreset"))
    started = time.monotonic()
    page.goto(base + CALCULATOR)
    state = calculator_state(page, wanted="error", timeout_ms=FAILURE_DEADLINE_MS)
    assert state == "error"
    assert time.monotonic() - started < FAILURE_DEADLINE_MS / 1000
    # The named detail, not the heading or the list of likely causes, which every failure shows.
    text = page.inner_text("#calc-failure-detail")
    assert re.search(explained, text), text
    assert "Traceback" not in page.locator("body").inner_text()
    assert_shows(page, {})


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"mime_overrides": {".wasm": "application/octet-stream"}},
         "instead of 'application/wasm'"),
        ({"headers": {"Content-Security-Policy": "script-src 'self'"}}, "'wasm-unsafe-eval'"),
    ],
    ids=["wasm-served-as-octet-stream", "csp-without-wasm-unsafe-eval"],
)
def test_mis_served_runtime_is_named_at_once(
    page: Any, site_dir: Path, serve: Any, options: dict[str, Any], named: str
) -> None:
    # Both make Pyodide wait for ever; the worker checks for them before it starts Pyodide.
    base = serve(site_dir, **options)
    page.goto(base + CALCULATOR)
    state = calculator_state(page, wanted="error", timeout_ms=10_000)
    assert state == "error"
    assert named in page.locator("#calc-failure-detail").inner_text()


@pytest.fixture(scope="module")
def instant_site_url(site_dir: Path, serve: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The site served where its sitemap says it lives, so the theme navigates instantly."""
    copy_to = tmp_path_factory.mktemp("instant") / "site"
    return serve_with_instant_navigation(site_dir, copy_to, serve)


def test_instant_navigation_reuses_the_worker_and_binds_once(
    page: Any, instant_site_url: str
) -> None:
    page.add_init_script(COUNT_MESSAGES)
    page.goto(instant_site_url + CALCULATOR)
    ready(page)
    page.evaluate("window.__sameWindow = true")
    page.locator('.md-nav--primary a[href$="/glossary/"]').first.click()
    page.wait_for_url(re.compile(r"/glossary/(#[^/]*)?$"))
    page.locator(f'.md-nav--primary a[href$="/{CALCULATOR}"]').first.click()
    # Material's section tracking may add a fragment to the address once the page is shown.
    page.wait_for_url(re.compile(rf"/{re.escape(CALCULATOR)}(#[^/]*)?$"))
    started = time.monotonic()
    ready(page)
    assert time.monotonic() - started < 2, "a revisit should be interactive at once"
    assert page.evaluate("window.__sameWindow") is True, "the page was reloaded, not swapped"
    workers = [w.url for w in page.workers if "calculator/worker.js" in w.url]
    assert len(workers) == 1, workers
    before = page.evaluate("window.__calcMessages.length")
    page.select_option("#calc-need", "behavior")
    assert_shows(page, {"need": "behavior"})
    sent = page.evaluate("window.__calcMessages").count("compute")
    # Waiting for something not to happen (a second request for the same change): there is no
    # event to await, so the test gives a stray request time to show up.
    page.wait_for_timeout(300)
    after = page.evaluate("window.__calcMessages")
    # One compute per change; break-even follows it once the answers rest (at most one).
    sent_now = after[before:]
    assert sent_now.count("compute") == 1, f"one change sent {sent_now}"
    assert set(sent_now) <= {"compute", "break_even"} and sent_now.count("break_even") <= 1, (
        f"one change sent {sent_now}")
    assert page.evaluate("window.__calcMessages").count("init") == 1
    assert sent == after.count("compute")


def test_pattern_pages_open_their_example_in_the_calculator(
    page: Any, instant_site_url: str
) -> None:
    from calculator import PATTERN_IDS

    page.goto(instant_site_url + "patterns/")
    for pattern in PATTERN_IDS:
        page.locator(f'.md-nav--primary a[href$="/patterns/{pattern}/"]').first.click()
        page.wait_for_url(f"**/patterns/{pattern}/")
        page.locator('.md-content a[href*="calculator/?"]').first.click()
        page.wait_for_url(f"**/{CALCULATOR}?*")
        ready(page)
        search = urlsplit(page.url).query
        answers = dict(parse_qsl(search))
        parsed, errors = parse_values(answers)
        assert errors == [], search
        assert_shows(page, parsed)
        patterns = (page.get_attribute(RESULT, "data-patterns") or "").split()
        assert pattern in patterns, f"{pattern} not matched by its own example: {search}"


def tab_to(page: Any, test: str, what: str) -> None:
    """Press Tab until the focused element passes test (a JS expression on `el`)."""
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {test}; }})()"):
            return
    pytest.fail(f"Tab never reached {what}")


def test_keyboard_only(browser: Any, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + CALCULATOR)
    ready(page)
    tab_to(page, "el.id === 'calc-need'", "the first question")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is not visible"
    page.keyboard.press("ArrowDown")
    assert_shows(page, {"need": "behavior"})
    # Through the form to the economics block, which opens from the keyboard.
    tab_to(page, "el.tagName === 'SUMMARY'", "the economics block")
    page.keyboard.press("Enter")
    assert page.locator(".calc-details").get_attribute("open") is not None
    tab_to(page, "el.dataset.action === 'copy-link'", "the Copy link button")
    page.keyboard.press("Enter")
    page.get_by_text("Link copied").wait_for()
    assert re.search(r"need=behavior", page.evaluate("navigator.clipboard.readText()"))
    context.close()
