"""The guide built and read the way Backstage TechDocs does it, with no hook and no script.

The site is generated with the pinned `techdocs-cli generate --no-docker` (portals/package.json)
and mkdocs-techdocs-core in its own environment (portals/techdocs-requirements.txt), both
installed by `scripts/setup.sh --with-portals`. Then the TechDocs preview app of the same
command line shows the generated pages, offline, in Chromium.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, ExternalRequests, is_loopback
from tests.support.portal_checks import figures
from tests.test_permalinks import read_registry

PORTALS = ROOT / "portals"
TECHDOCS_CLI = PORTALS / "node_modules" / ".bin" / "techdocs-cli"
PREVIEW_APP = PORTALS / "node_modules" / "@techdocs" / "cli" / "dist" / "embedded-app"
TECHDOCS_ENV = ROOT / ".venv-techdocs" / "bin"
ARTIFACTS = ROOT / "test-artifacts"
# Where the preview app shows the documentation of the folder it was started in.
READER = "docs/default/component/local/"
# The element TechDocs renders a page into (an open shadow root, which locators pierce).
CONTENT = '[data-testid="techdocs-native-shadowroot"]'


def project_copy(dest: Path) -> Path:
    """The repository's files as a fresh clone has them: TechDocs rewrites mkdocs.yml in place,
    and refuses a folder holding links to outside it (a virtual environment's python)."""
    names = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    for name in filter(None, names):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def _require_tools() -> None:
    for tool in (TECHDOCS_CLI, TECHDOCS_ENV / "mkdocs"):
        if not tool.exists():
            pytest.fail(f"{tool} is missing: `scripts/setup.sh --with-portals` installs it")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(source copy, generated site, generate's log), built as TechDocs' CI builds do."""
    _require_tools()
    source = project_copy(tmp_path_factory.mktemp("techdocs-source"))
    output = tmp_path_factory.mktemp("techdocs-site")
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env["PATH"] = f"{TECHDOCS_ENV}{os.pathsep}{env['PATH']}"
    proc = subprocess.run(
        [str(TECHDOCS_CLI), "generate", "--no-docker", "--source-dir", str(source),
         "--output-dir", str(output)],
        cwd=source, env=env, capture_output=True, text=True, check=False, timeout=300,
    )
    log = proc.stdout + proc.stderr
    if proc.returncode != 0 or not (output / "index.html").is_file():
        pytest.fail(f"techdocs-cli generate failed:\n{log}")
    return source, output, log


def test_techdocs_drops_every_hook_and_script(generated: tuple[Path, Path, str]) -> None:
    """The premise of the other tests: nothing a hook would add reaches a TechDocs reader."""
    _, site, log = generated
    assert "extra_javascript, hooks" in log and "custom_dir" in log
    assert not (site / "assets" / "pyodide").exists()
    calculator = (site / "calculator" / "index.html").read_text("utf-8")
    assert 'id="calc-form"' not in calculator


def test_every_permalink_and_no_md_link(generated: tuple[Path, Path, str]) -> None:
    result = figures(generated[1])
    assert result.missing == (), "\n".join(result.missing)
    assert result.md_links == (), "\n".join(result.md_links)
    assert result.external == (), "\n".join(result.external)
    assert result.try_links == 6


def test_the_calculator_page_answers_without_scripts(generated: tuple[Path, Path, str]) -> None:
    result = figures(generated[1])
    assert result.answer_words > 200
    html = (generated[1] / "calculator" / "index.html").read_text("utf-8")
    answer = html.split('id="answer"', 1)[1]
    assert "For the default answers the calculator recommends" in answer
    assert answer.count('type="checkbox"') >= 4


def test_no_local_address_is_published(generated: tuple[Path, Path, str]) -> None:
    """Without SITE_URL, the sitemap and canonical links carry no address rather than 127.0.0.1
    (which mkdocs.yml used to default to, and a TechDocs build published)."""
    site = generated[1]
    canonical = re.compile(r'<link rel="canonical" href="([^"]*)"')
    published = [m for page in site.rglob("*.html") for m in canonical.findall(page.read_text())]
    published.append((site / "sitemap.xml").read_text())
    assert [text for text in published if "127.0.0.1" in text or "localhost" in text] == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def reader(generated: tuple[Path, Path, str], tmp_path_factory: pytest.TempPathFactory,
           ) -> Iterator[str]:
    """The TechDocs preview app of techdocs-cli, showing the generated site; yields its URL.

    `techdocs-cli serve` proxies the reader's page requests to `mkdocs serve`. Here that port is
    a static server of the generated output, and `mkdocs` on PATH only announces it, so the
    reader shows exactly what `generate` wrote.
    """
    from tests.support.server import StaticServer

    source, site, _ = generated
    static = StaticServer(site)
    static.start()
    bin_dir = tmp_path_factory.mktemp("bin")
    announce = bin_dir / "mkdocs"
    # Called as: mkdocs serve --dev-addr 127.0.0.1:PORT [...]
    announce.write_text('#!/bin/sh\necho "INFO    -  Serving on http://$3/" >&2\nexec sleep 3600\n')
    announce.chmod(0o755)
    port = _free_port()
    mkdocs_port = static.base_url.rstrip("/").rsplit(":", 1)[1]
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "BROWSER": "none"}
    proc = subprocess.Popen(
        [str(TECHDOCS_CLI), "serve", "--no-docker", "--mkdocs-port", mkdocs_port,
         "--preview-app-bundle-path", str(PREVIEW_APP), "--preview-app-port", str(port)],
        cwd=source, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + ".detect", timeout=2) as answer:
                    if answer.read() == b"techdocs-cli-server":
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the TechDocs preview app did not start")
            time.sleep(0.5)
        yield base + READER
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
        static.stop()


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.locator(f"{CONTENT} article h1").first.wait_for(timeout=30_000)


@pytest.fixture
def reader_page(browser: Any, external_requests: ExternalRequests) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.route(
        lambda url: not is_loopback(url),
        lambda route: (external_requests.append(route.request.url), route.abort()),
    )
    yield context.new_page()
    context.close()


@pytest.mark.browser
def test_the_reader_shows_the_calculator_answer(
    reader: str, reader_page: Any, external_requests: ExternalRequests
) -> None:
    from playwright.sync_api import expect

    _open(reader_page, reader + "calculator/")
    content = reader_page.locator(CONTENT)
    expect(content.get_by_role("heading", name="The answer")).to_be_visible()
    answer = content.get_by_text("For the default answers the calculator recommends")
    expect(answer).to_be_visible()
    for number in range(1, 5):
        expect(content.locator(f'a[href*="framework/#q{number}"]')).to_have_count(1)
    expect(content.get_by_role("checkbox")).to_have_count(4)
    answer.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    reader_page.screenshot(path=ARTIFACTS / "techdocs-calculator.png")
    assert content.locator("script").count() == 0
    assert external_requests == []


@pytest.mark.browser
def test_the_reader_shows_a_pattern_page_whole(
    reader: str, reader_page: Any, external_requests: ExternalRequests
) -> None:
    from playwright.sync_api import expect

    _open(reader_page, reader + "patterns/critical-latency/")
    content = reader_page.locator(CONTENT)
    expect(content.get_by_text("The calculator reports this pattern when")).to_be_visible()
    link = content.get_by_role("link", name="Open this example in the calculator")
    # The reader makes the link absolute; it stays on the reader's own calculator page.
    target = reader + "calculator/?need=knowledge&corpus_change=quarterly&latency_budget_ms=400" \
        "&retrieval_overhead_ms=250&calls_per_day=20000&labeled_examples=1000"
    expect(link).to_have_attribute("href", target)
    link.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    reader_page.screenshot(path=ARTIFACTS / "techdocs-pattern.png")
    assert external_requests == []


@pytest.mark.browser
def test_every_permalink_inside_the_reader(
    reader: str, reader_page: Any, external_requests: ExternalRequests
) -> None:
    anchors: dict[str, list[str]] = {}
    for entry in read_registry():
        path, _, anchor = entry.partition("#")
        anchors.setdefault(path, [])
        if anchor:
            anchors[path].append(anchor)
    problems = []
    for path, ids in anchors.items():
        _open(reader_page, reader + path.lstrip("/"))
        content = reader_page.locator(CONTENT)
        problems += [f"{path}#{a}" for a in ids if content.locator(f'[id="{a}"]').count() != 1]
        md_links = content.locator('a[href$=".md"], a[href*=".md#"]').count()
        if md_links:
            problems.append(f"{path}: {md_links} links to .md files")
    assert problems == []
    assert external_requests == []
