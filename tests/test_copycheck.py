"""The prose is in our own words: no run of ten or more words copied from the source text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SHARED = ROOT.parent / "shared"
COPYCHECK = SHARED / "tools" / "copycheck.py"
SOURCE = SHARED / "seed" / "fine-tuning-vs-rag.txt"
CHECKED = ("docs", "calculator", "README.md")


def copycheck(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(COPYCHECK), str(SOURCE), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(autouse=True)
def _needs_shared_folder() -> None:
    if not (COPYCHECK.is_file() and SOURCE.is_file()):
        pytest.skip(f"{SHARED} with the source text and copycheck.py is not present")


def test_docs_calculator_and_readme_copy_no_run_of_ten_words() -> None:
    proc = copycheck(*(ROOT / name for name in CHECKED))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().endswith("0 copied run(s) of 10+ words"), proc.stdout


def test_copycheck_reports_a_copied_sentence(tmp_path: Path) -> None:
    words = SOURCE.read_text(encoding="utf-8").split()
    copied = tmp_path / "copied.md"
    copied.write_text(" ".join(words[100:115]) + "\n", encoding="utf-8")
    proc = copycheck(copied)
    assert proc.returncode == 1
    assert "1 copied run(s) of 10+ words" in proc.stdout
