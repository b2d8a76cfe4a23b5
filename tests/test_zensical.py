"""The same docs/ built by Zensical (pinned in portals/zensical-requirements.txt), which reads
mkdocs.yml but runs no MkDocs hook: every page and anchor a reader or a design document links
survives; only what a hook adds (the live calculator) does not."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.portal_checks import figures
from tests.test_techdocs import project_copy

ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    if not ZENSICAL.exists():
        pytest.fail(f"{ZENSICAL} is missing: `scripts/setup.sh --with-portals` installs it")
    project = project_copy(tmp_path_factory.mktemp("zensical"))
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    proc = subprocess.run([str(ZENSICAL), "build", "--strict"], cwd=project, env=env,
                          capture_output=True, text=True, check=False, timeout=300)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    return project / "site", log


def test_a_strict_build_has_no_warning(built: tuple[Path, str]) -> None:
    assert "No issues found" in built[1]


def test_every_page_and_anchor_survives(built: tuple[Path, str]) -> None:
    result = figures(built[0])
    assert result.missing == (), "\n".join(result.missing)
    assert result.md_links == (), "\n".join(result.md_links)
    assert result.external == (), "\n".join(result.external)
    assert result.try_links == 6
    assert result.answer_words > 200


def test_what_needs_a_hook_is_absent_and_the_answer_stands_in(built: tuple[Path, str]) -> None:
    site = built[0]
    calculator = (site / "calculator" / "index.html").read_text("utf-8")
    assert not (site / "assets" / "pyodide").exists()
    assert 'id="calc-form"' not in calculator
    assert "For the default answers the calculator recommends" in calculator
    assert not any("127.0.0.1" in p.read_text("utf-8") for p in site.glob("*.xml"))
