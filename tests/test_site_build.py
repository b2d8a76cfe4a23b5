"""Strict builds: the site passes, a broken link or anchor fails, pattern pages share sections."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculator import PATTERN_IDS
from tests.conftest import LOCAL_SITE_URL, ROOT, build_site

# The project files a build reads; node_modules is linked rather than copied (Pyodide is large).
BUILD_INPUTS = ("mkdocs.yml", "docs", "hooks", "overrides", "calculator")
PATTERN_HEADINGS = (
    ("signals", "How to recognise it"),
    ("why-fine-tuning-wins", "Why fine-tuning wins here"),
    ("example", "Example"),
    ("measure", "What to measure before deciding"),
    ("counter-signs", "When RAG or prompting still wins"),
    ("risks", "Risks"),
    ("try-it", "Try it in the calculator"),
)
H2 = re.compile(r'<h2 id="(?P<id>[^"]+)">(?P<text>.*?)<a class="headerlink"', re.S)


def test_strict_build_passes(tmp_path: Path) -> None:
    proc = build_site(tmp_path / "site")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    for pattern_id in PATTERN_IDS:
        assert (tmp_path / "site" / "patterns" / pattern_id / "index.html").is_file()


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of everything the build reads, which a test may break without touching the tree."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in BUILD_INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    (copy / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return copy


def strict_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={"SITE_URL": LOCAL_SITE_URL, **os.environ},
    )


@pytest.mark.parametrize(
    ("link", "message"),
    [
        (
            "[a page that is gone](no-such-page.md)",
            "Doc file 'framework.md' contains a link 'no-such-page.md'",
        ),
        (
            "[an anchor that is gone](options.md#no-such-anchor)",
            "Doc file 'framework.md' contains a link 'options.md#no-such-anchor', but the doc "
            "'options.md' does not contain an anchor '#no-such-anchor'",
        ),
        (
            "[an anchor on the same page](#not-here)",
            "Doc file 'framework.md' contains a link '#not-here', but there is no such anchor "
            "on this page",
        ),
    ],
)
def test_broken_link_fails_the_build_naming_page_and_link(
    project_copy: Path, link: str, message: str
) -> None:
    page = project_copy / "docs" / "framework.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nSee {link}.\n", encoding="utf-8")
    proc = strict_build(project_copy)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert message in output, output
    assert "Aborted with 1 warnings in strict mode" in output, output


def test_the_copied_project_builds_before_it_is_broken(project_copy: Path) -> None:
    proc = strict_build(project_copy)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("pattern_id", PATTERN_IDS)
def test_pattern_page_has_the_fixed_sections_in_order(site_dir: Path, pattern_id: str) -> None:
    html = (site_dir / "patterns" / pattern_id / "index.html").read_text(encoding="utf-8")
    headings = tuple((m["id"], m["text"].strip()) for m in H2.finditer(html))
    assert headings == PATTERN_HEADINGS
    # Both generated regions (committed Markdown, see calculator/pages.py) reach the page.
    assert f"<!-- calculator:triggers {pattern_id} begin" in html
    assert f"<!-- calculator:try {pattern_id} begin" in html
    assert "calculator/?" in html
