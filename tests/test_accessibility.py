"""axe-core on every built page, light and dark scheme: no serious or critical violation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.site_pages import CALCULATOR, calculator_state, page_paths, result_text

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
