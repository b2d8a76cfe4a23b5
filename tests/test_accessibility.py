"""axe-core on every built page, light and dark scheme: no serious or critical violation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.site_pages import (
    CALCULATOR,
    RESULT,
    calculator_state,
    page_paths,
    result_text,
)

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

RUN_AXE = """async () => {
    const results = await axe.run(document, {resultTypes: ["violations"]});
    return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
}"""


def audit(page: Any) -> list[dict[str, Any]]:
    """Run axe-core from node_modules in the loaded page; return its violations."""
    page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = page.evaluate(RUN_AXE)
    return violations


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_violation(
    browser: Any, site_dir: Path, site_url: str, scheme: str
) -> None:
    assert AXE.is_file(), "axe-core is missing from node_modules: run scripts/setup.sh"
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    blocking: list[str] = []
    print(f"\naxe-core, {scheme} scheme: serious/critical/other violations per page")
    try:
        # The calculator last, so that the guidance pages are audited even if it fails to start.
        for path in sorted(page_paths(site_dir), key=lambda path: path == CALCULATOR):
            page.goto(site_url + path)
            if path == CALCULATOR:
                # Audit the page as a reader uses it: with the live result, not the placeholder.
                try:
                    state = calculator_state(page)
                except PlaywrightTimeout:
                    state = "still loading"
                if state != "ready":
                    blocking.append(f"/{path}: calculator ended in {state}: {result_text(page)}")
            found = audit(page)
            counts = {impact: sum(v["impact"] == impact for v in found) for impact in BLOCKING}
            other = len(found) - sum(counts.values())
            serious, critical = counts["serious"], counts["critical"]
            print(f"  /{path}: {serious} serious, {critical} critical, {other} other")
            blocking += [
                f"/{path} {v['impact']} {v['id']} ({v['help']}) at {v['targets']}"
                for v in found
                if v["impact"] in BLOCKING
            ]
    finally:
        context.close()
    assert not blocking, "\n".join(blocking)


# -- the calculator, beyond what axe can see ----------------------------------------------------

FORM = "#calc-form"
FOCUS_STEP = """(form) => {
    const el = document.activeElement;
    if (!el || !el.closest(form)) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none";
    const summary = el.matches("summary") ? el : null;
    return {
        name: el.name || (summary ? "summary" : el.tagName),
        visible: outline || ring,
        closedSummary: Boolean(summary && !summary.parentElement.open),
    };
}"""


def test_calculator_is_usable_by_keyboard_with_a_visible_focus(page: Any, site_url: str) -> None:
    page.goto(site_url + CALCULATOR)
    assert calculator_state(page) == "ready", result_text(page)
    controls = set(
        page.eval_on_selector_all(
            f"{FORM} [name]:is(input, select, textarea):not([type=hidden]):not(:disabled)",
            "(els) => els.map((el) => el.name)",
        )
    )
    assert controls, "no form controls on the calculator page"
    reached: dict[str, bool] = {}
    for _ in range(len(controls) * 3 + 60):
        page.keyboard.press("Tab")
        step = page.evaluate(FOCUS_STEP, FORM)
        if not step:
            continue
        reached[step["name"]] = reached.get(step["name"], True) and step["visible"]
        if step["closedSummary"]:
            # A collapsed group opens from the keyboard like any disclosure.
            page.keyboard.press("Enter")
        if controls <= reached.keys():
            # Tabbing on would wrap round to the header, whose search box opens the theme's
            # search mode and takes the arrow keys used below.
            break
    assert controls <= reached.keys(), f"not reachable by Tab: {sorted(controls - reached.keys())}"
    hidden = sorted(name for name, visible in reached.items() if not visible)
    assert not hidden, f"focus is not visible on {hidden}"
    # A change made from the keyboard alone reaches the calculator (it writes changed answers
    # into the address) and the result stays live.
    page.focus(f"{FORM} [name=need]")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => location.search.includes('need=')")
    assert calculator_state(page) == "ready", result_text(page)


def test_calculator_result_is_announced_politely(page: Any, site_url: str) -> None:
    page.goto(site_url + CALCULATOR)
    assert calculator_state(page) == "ready", result_text(page)
    live = page.evaluate(
        """(selector) => {
            const result = document.querySelector(selector);
            const region = result.closest("[aria-live]") || result.querySelector("[aria-live]");
            return region && {live: region.getAttribute("aria-live"), text: region.innerText};
        }""",
        RESULT,
    )
    assert live is not None, "no aria-live region around or inside the result"
    assert live["live"] == "polite"
    assert live["text"].strip(), "the live region is empty"


def test_calculator_errors_are_tied_to_their_fields(page: Any, site_url: str) -> None:
    page.goto(site_url + CALCULATOR + "?need=facts")
    assert calculator_state(page) == "ready", result_text(page)
    described = page.evaluate(
        """() => {
            const controls = [...document.querySelectorAll('#calc-form [name="need"]')];
            const holders = [...controls, ...controls.map((c) => c.closest("fieldset"))]
                .filter((el) => el && el.getAttribute("aria-describedby"));
            return holders.flatMap((el) => el.getAttribute("aria-describedby").split(/\\s+/))
                .map((id) => document.getElementById(id)?.textContent ?? "");
        }"""
    )
    assert any("facts" in text for text in described), (
        f"the error for 'need' is not referenced by aria-describedby: {described}"
    )
