"""The site under the strict Content Security Policy that the build computes."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from tests.conftest import ROOT, build_site
from tests.support.hooks import load_hook
from tests.support.site_pages import (
    CALCULATOR,
    calculator_state,
    page_paths,
    result_text,
    search,
    serve_with_instant_navigation,
    watch_csp,
)

# The calculator promises to explain a failed start within 20 s; allow for a slow, shared CI core.
FAILURE_TIMEOUT_MS = 30_000


csp = load_hook("csp")


@pytest.fixture(scope="module")
def policy(site_dir: Path) -> str:
    text = (site_dir / "csp.txt").read_text(encoding="utf-8").strip()
    assert "\n" not in text
    return text


def directive(policy: str, name: str) -> list[str]:
    for part in policy.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    raise AssertionError(f"{name} missing from {policy}")


# -- the hook's pieces ---------------------------------------------------------------------------


def test_hash_matches_the_value_browsers_compute() -> None:
    # The example hash from the CSP specification's own illustration of hash sources.
    assert csp.source_hash("alert('Hello, world.');") == (
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    )
    assert csp.source_hash("a\r\nb") == csp.source_hash("a\nb")


def test_only_executable_inline_scripts_are_hashed() -> None:
    found = csp.inline_code(
        "<script>one()</script>"
        '<script type="module">two()</script>'
        '<script type="application/json">{"data": 1}</script>'
        '<script src="file.js"></script>'
        '<script type="importmap">{"imports": {}}</script>'
        "<!-- <script>commented()</script> -->"
    )
    assert found.scripts == ["one()", "two()", '{"imports": {}}']


def test_inline_handlers_and_style_attributes_are_reported() -> None:
    found = csp.inline_code(
        '<button onclick="go()">Go</button><a href="javascript:void(0)">x</a>'
        '<p style="color: red">text</p><style>p { margin: 0 }</style>'
    )
    assert len(found.handlers) == 2
    assert len(found.style_attrs) == 1
    assert found.styles == ["p { margin: 0 }"]


def test_policy_allows_wasm_but_no_eval_and_no_inline_script() -> None:
    text = csp.build_policy({"'sha256-abc='"}, frame_ancestors="'self' https://portal.example")
    scripts = directive(text, "script-src")
    assert scripts == ["'self'", "'wasm-unsafe-eval'", "'sha256-abc='"]
    assert "'unsafe-eval'" not in text
    assert "'unsafe-inline'" not in text
    assert directive(text, "frame-ancestors") == ["'self'", "https://portal.example"]
    assert directive(text, "object-src") == ["'none'"]
    assert "frame-ancestors" not in csp.meta_policy(text)


def test_headers_file_types_wasm_and_caches_only_versioned_files(tmp_path: Path) -> None:
    for rel in [
        "index.html",
        "assets/pyodide/314.0.7/pyodide.asm.wasm",
        "assets/pyodide/314.0.7/pyodide.mjs",
        "assets/calculator/engine-0123456789ab.zip",
        "assets/calculator/worker.js",
        "assets/javascripts/bundle.a5f9d56c.min.js",
    ]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    text = csp.headers_file("default-src 'self'", "/guides/x/", tmp_path)
    blocks = {block.split("\n")[0]: block for block in text.strip().split("\n\n")}
    assert "Content-Security-Policy: default-src 'self'" in blocks["/guides/x/*"]
    assert "Cache-Control" not in blocks["/guides/x/*"]
    wasm = blocks["/guides/x/assets/pyodide/314.0.7/pyodide.asm.wasm"]
    assert "Content-Type: application/wasm" in wasm and "immutable" in wasm
    assert "immutable" in blocks["/guides/x/assets/pyodide/314.0.7/pyodide.mjs"]
    assert "immutable" in blocks["/guides/x/assets/calculator/engine-0123456789ab.zip"]
    assert "immutable" in blocks["/guides/x/assets/javascripts/bundle.a5f9d56c.min.js"]
    assert "/guides/x/assets/calculator/worker.js" not in blocks
    assert "/guides/x/index.html" not in blocks


def test_settings_come_from_mkdocs_yml_and_its_environment_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("CSP_META", "CSP_FRAME_ANCESTORS"):
        monkeypatch.delenv(name, raising=False)
    assert csp.settings(load_config(str(ROOT / "mkdocs.yml")).extra) == ("'self'", False)
    # The variables that portal builds set keep working through !ENV in mkdocs.yml.
    monkeypatch.setenv("CSP_META", "1")
    monkeypatch.setenv("CSP_FRAME_ANCESTORS", "'self' https://portal.example")
    extra = load_config(str(ROOT / "mkdocs.yml")).extra
    assert csp.settings(extra) == ("'self' https://portal.example", True)
    # Set but empty: the defaults.
    monkeypatch.setenv("CSP_META", "")
    monkeypatch.setenv("CSP_FRAME_ANCESTORS", " ")
    assert csp.settings(load_config(str(ROOT / "mkdocs.yml")).extra) == ("'self'", False)


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        ({"csp_meta": "sometimes"},
         r"extra\.csp_meta \(CSP_META\) must be true or false.*'sometimes'"),
        ({"csp_frame_ancestors": "'self'; script-src *"},
         r"csp_frame_ancestors \(CSP_FRAME_ANCESTORS\) must be CSP sources.*script-src"),
        ({"csp_frame_ancestors": ["'self'"]}, r"csp_frame_ancestors.*\[\"'self'\"\]"),
    ],
)
def test_a_bad_setting_names_itself_and_what_it_takes(extra: dict[str, object], named: str) -> None:
    with pytest.raises(PluginError, match=named):
        csp.settings(extra)


# -- the built site ------------------------------------------------------------------------------


def test_policy_lists_the_hash_of_every_inline_script(site_dir: Path, policy: str) -> None:
    allowed = set(directive(policy, "script-src"))
    # An independent reading of the pages: every <script> without src whose type is absent or
    # names JavaScript or a module.
    pattern = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
    missing = []
    for file in sorted(site_dir.rglob("*.html")):
        for match in pattern.finditer(file.read_text(encoding="utf-8")):
            kind = re.search(r'type="([^"]*)"', match.group(1))
            if kind and kind.group(1) not in {"module", "text/javascript"}:
                continue
            if csp.source_hash(match.group(2)) not in allowed:
                missing.append(f"{file.relative_to(site_dir)}: {match.group(2)[:60]!r}")
    assert not missing, "\n".join(missing)
    assert len(allowed) > 2, "expected the theme's inline scripts to be hashed"


def test_serving_guide_shows_the_policy_of_its_build(site_dir: Path, policy: str) -> None:
    page = (site_dir / "serving" / "index.html").read_text(encoding="utf-8")
    assert html.escape(policy, quote=False) in page
    headers = (site_dir / "_headers").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {policy}" in headers


@pytest.fixture(scope="module")
def meta_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built for hosts without response headers: the policy in a tag on every page."""
    dest = tmp_path_factory.mktemp("meta-site")
    proc = build_site(dest, extra_env={"CSP_META": "1", "CSP_FRAME_ANCESTORS": "'none'"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return dest


def test_meta_policy_build(meta_site: Path) -> None:
    policy = (meta_site / "csp.txt").read_text(encoding="utf-8").strip()
    assert directive(policy, "frame-ancestors") == ["'none'"]
    content = html.escape(csp.meta_policy(policy))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    pages = [
        meta_site / path / "index.html" if path.endswith("/") or not path else meta_site / path
        for path in page_paths(meta_site)
    ]
    without = [str(page) for page in pages if meta not in page.read_text(encoding="utf-8")]
    assert len(pages) > 10
    assert not without, f"pages without the policy tag: {without}"


@pytest.mark.browser
def test_meta_policy_lets_the_calculator_start(page: Any, meta_site: Path, serve: Any) -> None:
    base = serve(meta_site)
    violations = watch_csp(page)
    page.goto(base)
    page.goto(base + CALCULATOR)
    state = calculator_state(page)
    assert state == "ready", f"calculator ended in {state}: {result_text(page)}"
    assert violations == []


# -- in the browser ------------------------------------------------------------------------------


@pytest.mark.browser
def test_every_page_loads_under_the_policy_without_a_violation(
    page: Any, site_dir: Path, serve: Any, policy: str, tmp_path: Path
) -> None:
    headers = {"Content-Security-Policy": policy}
    base = serve_with_instant_navigation(site_dir, tmp_path / "site", serve, headers=headers)
    violations = watch_csp(page)
    for path in page_paths(site_dir):
        page.goto(base + path, wait_until="networkidle")
        if path == CALCULATOR:
            state = calculator_state(page)
            assert state == "ready", f"calculator ended in {state}: {result_text(page)}"
    # Search runs in a worker of its own; instant navigation re-inserts each page's scripts.
    page.goto(base)
    search(page, "latency")
    page.keyboard.press("Escape")
    page.evaluate("window.__sameDocument = true")
    page.locator(f'.md-nav--primary a[href$="/{CALCULATOR}"]').first.click()
    # Material's section tracking may add a fragment to the address once the page is shown.
    page.wait_for_url(re.compile(rf"/{re.escape(CALCULATOR)}(#[^/]*)?$"))
    state = calculator_state(page)
    assert state == "ready", f"after instant navigation: {state}: {result_text(page)}"
    assert page.evaluate("window.__sameDocument === true"), "the theme reloaded the page"
    assert violations == []


@pytest.mark.browser
def test_without_wasm_unsafe_eval_the_calculator_explains_its_failure(
    page: Any, site_dir: Path, serve: Any, policy: str
) -> None:
    weakened = policy.replace(" 'wasm-unsafe-eval'", "")
    assert weakened != policy
    base = serve(site_dir, headers={"Content-Security-Policy": weakened})
    violations = watch_csp(page)
    page.goto(base + CALCULATOR)
    state = calculator_state(page, wanted="error", timeout_ms=FAILURE_TIMEOUT_MS)
    assert state == "error"
    message = result_text(page)
    assert "Traceback" not in message
    assert page.get_by_text(re.compile("could not start", re.I)).first.is_visible(), message
    # The detail, not the list of likely causes, which names every cause whatever happened.
    detail = page.inner_text("#calc-failure-detail")
    assert "Content Security Policy" in detail and "'wasm-unsafe-eval'" in detail, detail
    assert any("WebAssembly" in text or "wasm" in text for text in violations), violations
