"""Shared fixtures: one strict build of the site, loopback HTTP servers over it, and Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests.support.server import StaticServer

ROOT = Path(__file__).resolve().parent.parent
# Where a build that is not for a portal says it lives: the address of `make serve`.
LOCAL_SITE_URL = "http://127.0.0.1:8000/"

# The engine's laws run 2,000 cases each by default, as CI runs them; HYPOTHESIS_PROFILE=dev
# gives a quick pass while editing.
settings.register_profile("ci", max_examples=2000, deadline=None)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def build_site(
    dest: Path, *, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` into dest and return the finished process.

    The site is built for the address `make serve` uses unless extra_env says otherwise.
    """
    env = {"SITE_URL": LOCAL_SITE_URL, **os.environ, **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once per test session with `mkdocs build --strict`."""
    dest = tmp_path_factory.mktemp("site")
    proc = build_site(dest)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}")
    return dest


ServeFn = Callable[..., str]


@pytest.fixture(scope="session")
def serve() -> Iterator[ServeFn]:
    """Start a static server on a free loopback port; returns the base URL (ending in '/').

    serve(directory, prefix="/", headers=None, mime_overrides=None, block=())
    """
    servers: list[StaticServer] = []

    def start(directory: Path, **options: Any) -> str:
        server = StaticServer(directory, **options)
        server.start()
        servers.append(server)
        return server.base_url

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def site_url(site_dir: Path, serve: ServeFn) -> str:
    """Base URL of the built site served from the root of a loopback server."""
    return serve(site_dir)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (installed by `scripts/setup.sh --with-browser`)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `scripts/setup.sh --with-browser` installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class ExternalRequests(list[str]):
    """URLs of requests to any host other than loopback, which the page fixture aborts."""


@pytest.fixture
def external_requests() -> ExternalRequests:
    return ExternalRequests()


@pytest.fixture
def page(browser: Any, external_requests: ExternalRequests) -> Iterator[Any]:
    """A fresh browser context and page; requests that leave loopback are aborted and recorded."""
    context = browser.new_context()
    context.route(
        lambda url: not is_loopback(url),
        lambda route: (external_requests.append(route.request.url), route.abort()),
    )
    pg = context.new_page()
    yield pg
    context.close()


def is_loopback(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True
    host = parts.hostname or ""
    return host in {"localhost", "::1"} or host.startswith("127.")


@pytest.fixture(scope="session")
def node() -> str:
    found = shutil.which("node")
    if not found:
        pytest.fail("node is missing: run scripts/setup.sh (installs Node.js)")
    return found
