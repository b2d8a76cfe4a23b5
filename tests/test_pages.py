"""calculator/pages.py and `python3 -m calculator pages`: the committed pages match the engine.

Set UPDATE_GENERATED_PAGES=1 to have the staleness test write the pages instead of failing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculator import PATTERN_IDS, recommend
from calculator.cli import main
from calculator.contract import OPTIONS_BY_ID
from calculator.pages import (
    COMMAND,
    REGION,
    RegionError,
    answer_region,
    calculator_url,
    fill_regions,
    run,
)
from tests.support.hooks import load_hook

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def test_committed_pages_are_current() -> None:
    """Fails naming each stale file and the command that regenerates it."""
    mode = "write" if os.environ.get("UPDATE_GENERATED_PAGES") == "1" else "check"
    outcome = run(DOCS, mode=mode)
    if mode == "check":
        stale = [str(path.relative_to(ROOT)) for path in outcome.stale]
        assert not stale, "\n".join(f"{path} changed, please run `{COMMAND}`" for path in stale)


def _docs_copy(tmp_path: Path) -> Path:
    shutil.copytree(DOCS, tmp_path / "docs", ignore=shutil.ignore_patterns("assets"))
    # Of the assets, only the generated one: the contract's module for the page's scripts.
    scripts = tmp_path / "docs" / "assets" / "calculator"
    scripts.mkdir(parents=True)
    shutil.copy(DOCS / "assets" / "calculator" / "contract.js", scripts)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path / "docs"


def test_check_names_the_stale_file_and_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = _docs_copy(tmp_path)
    page = docs / "patterns" / "narrow-domain.md"
    page.write_text(page.read_text().replace("the calculator recommends", "it says"))
    assert main(["pages", str(docs), "--mode", "check"]) == 1
    err = capsys.readouterr().err
    assert err == f"{page} changed, please run `{COMMAND}`\n"
    # Write mode repairs exactly that file; check then passes.
    assert main(["pages", str(docs)]) == 0
    assert capsys.readouterr().err == f"wrote {page}\n"
    assert main(["pages", str(docs), "--mode", "check"]) == 0


def test_a_deleted_reference_page_is_stale_and_rewritten(tmp_path: Path) -> None:
    docs = _docs_copy(tmp_path)
    (docs / "reference" / "inputs.md").unlink()
    assert run(docs, mode="check").stale == (docs / "reference" / "inputs.md",)
    assert run(docs, mode="write").written == (docs / "reference" / "inputs.md",)
    assert (docs / "reference" / "inputs.md").read_text().startswith("# Calculator inputs\n")


def test_print_mode_writes_nothing(tmp_path: Path) -> None:
    docs = _docs_copy(tmp_path)
    (docs / "reference" / "inputs.md").unlink()
    printed: list[str] = []
    outcome = run(docs, mode="print", out=printed.append)
    assert outcome.written == ()
    assert not (docs / "reference" / "inputs.md").exists()
    assert any(text.startswith(f"<!-- {docs / 'reference' / 'inputs.md'} -->\n# Calculator inputs")
               for text in printed)


def test_a_bare_marker_becomes_a_region_and_regions_are_stable() -> None:
    bare = "## Try it {#try-it}\n\n<!-- calculator:try critical-latency -->\n"
    once = fill_regions(bare, calculator="calculator.md", page="patterns/critical-latency.md")
    assert "<!-- calculator:try critical-latency begin: written by" in once
    assert once.rstrip().endswith("<!-- calculator:try critical-latency end -->")
    assert "](../calculator.md?need=knowledge&corpus_change=quarterly&" in once
    twice = fill_regions(once, calculator="calculator.md", page="patterns/critical-latency.md")
    assert twice == once
    # A hand edit inside a region is overwritten by the next run.
    edited = once.replace("fine-tuning", "RAG")
    assert fill_regions(edited, calculator="calculator.md",
                        page="patterns/critical-latency.md") == once


def test_the_calculator_url_can_be_a_host_elsewhere() -> None:
    text = fill_regions("<!-- calculator:try narrow-domain -->", page="patterns/narrow-domain.md",
                        calculator="https://guides.example.com/llm/calculator/")
    assert "](https://guides.example.com/llm/calculator/?need=behavior&" in text


@pytest.mark.parametrize(("marker", "message"), [
    ("<!-- calculator:try closed-terms -->", "got 'closed-terms'"),
    ("<!-- calculator:example narrow-domain -->", "got 'example'"),
    ("<!-- calculator:answer narrow-domain -->", "expected no id; got 'narrow-domain'"),
])
def test_a_bad_marker_names_the_page_and_the_value(marker: str, message: str) -> None:
    with pytest.raises(RegionError, match=message) as caught:
        fill_regions(marker, calculator="calculator.md", page="patterns/x.md")
    assert str(caught.value).startswith("patterns/x.md: calculator")
    assert "expected" in str(caught.value)


def test_the_build_hooks_markers_are_left_alone() -> None:
    text = "<!-- calculator:form -->\n"
    assert fill_regions(text, calculator="calculator.md", page="calculator.md") == text


def test_calculator_url_comes_from_mkdocs_yml(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\n")
    assert calculator_url(config) == "calculator.md"
    config.write_text("site_name: X\nextra:\n  calculator_url: !ENV [CALC, calculator.md]\n")
    monkeypatch.setenv("CALC", "https://calc.example.com/")
    assert calculator_url(config) == "https://calc.example.com/"
    config.write_text("site_name: X\nextra:\n  calculator_url: [1]\n")
    with pytest.raises(ValueError, match=r"extra\.calculator_url: expected an address"):
        calculator_url(config)


def test_the_answer_region_reads_without_scripts() -> None:
    result = recommend({})
    own = answer_region("calculator.md")
    name = OPTIONS_BY_ID[result["recommendation"]].name
    assert f"**For the default answers the calculator recommends: {name}**" in own
    for question in result["questions"]:
        assert f"| {question['question']} | {question['answer']} |" in own
    assert own.count("- [ ] **[") == 4
    for number in range(1, 5):
        assert f"](framework.md#q{number})**" in own
    assert "[the form on this page](#answers)" in own
    elsewhere = answer_region("https://calc.example.com/")
    assert "[Open the full calculator](https://calc.example.com/){ .md-button }" in elsewhere


def test_every_pattern_page_has_both_regions() -> None:
    for pattern_id in PATTERN_IDS:
        text = (DOCS / "patterns" / f"{pattern_id}.md").read_text()
        kinds = [(m["rkind"], m["rid"]) for m in REGION.finditer(text)]
        assert kinds == [("triggers", pattern_id), ("try", pattern_id)]
        assert text.index("begin: written by") > text.index("{#signals}")
        assert text.index(f"<!-- calculator:try {pattern_id} begin") > text.index("{#try-it}")


def test_the_module_command_runs_from_the_repository(tmp_path: Path) -> None:
    docs = _docs_copy(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "calculator", "pages", str(docs), "--mode",
                           "check"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    missing = subprocess.run([sys.executable, "-m", "calculator", "pages", "no-such-dir"],
                             cwd=ROOT, capture_output=True, text=True, check=False)
    assert missing.returncode == 2
    assert missing.stderr == "pages: DOCS_DIR: no such folder 'no-such-dir'\n"


def test_the_calculator_hook_finds_the_committed_answer_region() -> None:
    page_hook = load_hook("calculator_page")
    text = (DOCS / "calculator.md").read_text()
    regions = page_hook.RESULT_REGION.findall(text)
    assert len(regions) == 1 and "For the default answers" in regions[0]
    assert page_hook.RESULT_REGION.fullmatch(page_hook.RESULT_MARKER)


def test_the_live_answer_replaces_the_no_script_one(site_dir: Path) -> None:
    html = (site_dir / "calculator" / "index.html").read_text()
    answer = html.split('id="answer"', 1)[1].split('id="reading"', 1)[0]
    assert 'id="calc-result"' in answer
    assert "calculator:answer" not in html and "Without scripts" not in html


def test_the_built_site_has_the_pages_and_links(site_dir: Path) -> None:
    assert (site_dir / "reference" / "decision-rules" / "index.html").is_file()
    assert (site_dir / "reference" / "inputs" / "index.html").is_file()
    for pattern_id in PATTERN_IDS:
        html = (site_dir / "patterns" / pattern_id / "index.html").read_text()
        try_it = html.split('id="try-it"', 1)[1]
        assert 'class="md-button" href="../../calculator/?' in try_it
        assert "calculator:triggers" in html.split('id="signals"', 1)[1]
