"""hooks/engine_pages.py: called directly with a small config, and through real strict builds."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from calculator import PATTERN_IDS
from tests.support.hooks import load_hook

ROOT = Path(__file__).resolve().parent.parent
hook = load_hook("engine_pages")


@pytest.fixture
def config(tmp_path: Path) -> MkDocsConfig:
    """A minimal config whose mkdocs.yml sits at the repository root, as the real one does."""
    (tmp_path / "docs").mkdir()
    cfg = MkDocsConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    cfg.load_dict({"site_name": "Test", "docs_dir": str(tmp_path / "docs"),
                   "site_dir": str(tmp_path / "site"),
                   "hooks": [str(ROOT / "hooks" / "engine_pages.py")]})
    errors, _ = cfg.validate()
    assert not errors, errors
    return cfg


def _page(config: MkDocsConfig, src_uri: str) -> Page:
    file = File(src_uri, config.docs_dir, config.site_dir, use_directory_urls=True)
    return Page(None, file, config)


def test_on_files_adds_the_generated_pages(config: MkDocsConfig) -> None:
    # Through the plugin collection, as a build runs it: File.generated records the hook's name.
    files = config.plugins.on_files(Files([]), config=config)
    added = {f.src_uri: f for f in files}
    assert set(added) == {"reference/decision-rules.md", "reference/inputs.md"}
    assert str(added["reference/decision-rules.md"].generated_by).endswith("engine_pages.py")
    assert "# How the calculator decides" in added["reference/decision-rules.md"].content_string
    assert "# Calculator inputs" in added["reference/inputs.md"].content_string


def test_on_files_refuses_a_hand_written_copy(
    config: MkDocsConfig, caplog: pytest.LogCaptureFixture
) -> None:
    existing = File("reference/inputs.md", config.docs_dir, config.site_dir, True)
    with caplog.at_level(logging.ERROR, logger="mkdocs"):
        files = config.plugins.on_files(Files([existing]), config=config)
    assert "reference/inputs.md exists in docs/" in caplog.text
    assert len(files) == 2


def test_markers_are_replaced(config: MkDocsConfig) -> None:
    markdown = (
        "## How to recognise it {#signals}\n\n<!-- calculator:triggers critical-latency -->\n\n"
        "## Try it in the calculator {#try-it}\n\n<!-- calculator:try critical-latency -->\n"
    )
    page = _page(config, "patterns/critical-latency.md")
    out = hook.on_page_markdown(markdown, page=page, config=config, files=Files([]))
    assert "<!-- calculator:" not in out
    assert "<!-- begin generated triggers critical-latency" in out
    assert "`retrieval_overhead_ms` is at least a quarter of it" in out
    assert 'href="../../calculator/?corpus_change=quarterly&amp;' in out
    assert out.startswith("## How to recognise it {#signals}")


def test_pages_without_markers_are_left_alone(config: MkDocsConfig) -> None:
    page = _page(config, "index.md")
    assert hook.on_page_markdown("# Home\n", page=page, config=config, files=Files([])) is None
    other = "<!-- calculator:form -->\n"
    assert hook.on_page_markdown(other, page=page, config=config, files=Files([])) == other


@pytest.mark.parametrize("marker", ["<!-- calculator:try closed-terms -->",
                                    "<!-- calculator:triggers -->"])
def test_unknown_id_is_an_error_naming_it(
    config: MkDocsConfig, caplog: pytest.LogCaptureFixture, marker: str
) -> None:
    page = _page(config, "patterns/closed-terminology.md")
    with caplog.at_level(logging.ERROR, logger="mkdocs"):
        out = hook.on_page_markdown(marker, page=page, config=config, files=Files([]))
    assert out == marker
    assert "patterns/closed-terminology.md" in caplog.text
    assert "expected one of 'proprietary-tone'" in caplog.text


def _mini_site(tmp_path: Path, extra_page: str = "") -> Path:
    """A small project with only this hook, six pattern pages carrying markers, and the engine."""
    shutil.copytree(ROOT / "calculator", tmp_path / "calculator")
    shutil.copy(ROOT / "hooks" / "engine_pages.py", tmp_path / "engine_pages.py")
    docs = tmp_path / "docs"
    (docs / "patterns").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n")
    (docs / "framework.md").write_text("# Framework\n")
    for pattern_id in PATTERN_IDS:
        (docs / "patterns" / f"{pattern_id}.md").write_text(
            f"# {pattern_id}\n\n## How to recognise it {{#signals}}\n\n"
            f"<!-- calculator:triggers {pattern_id} -->\n\n"
            f"## Try it in the calculator {{#try-it}}\n\n<!-- calculator:try {pattern_id} -->\n"
        )
    if extra_page:
        (docs / "extra.md").write_text(extra_page)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Mini\nhooks:\n  - engine_pages.py\nmarkdown_extensions:\n  - attr_list\n"
        "  - tables\n  - toc\nvalidation:\n  links:\n    anchors: warn\n"
        "    unrecognized_links: warn\n"
    )
    return tmp_path


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_strict_build_of_a_small_site(tmp_path: Path) -> None:
    project = _mini_site(tmp_path)
    proc = _build(project)
    assert proc.returncode == 0, proc.stderr
    site = project / "site"
    assert (site / "reference" / "decision-rules" / "index.html").is_file()
    assert (site / "reference" / "inputs" / "index.html").is_file()
    assert not (project / "docs" / "reference").exists()
    html = (site / "patterns" / "narrow-domain" / "index.html").read_text()
    assert 'href="../../calculator/?need=behavior&amp;corpus_change=static&amp;' in html
    assert "<!-- calculator:" not in html


def test_strict_build_fails_on_an_unknown_pattern(tmp_path: Path) -> None:
    project = _mini_site(tmp_path, extra_page="# Extra\n\n<!-- calculator:try voice-agent -->\n")
    proc = _build(project)
    assert proc.returncode != 0
    assert "extra.md" in proc.stderr and "got 'voice-agent'" in proc.stderr


def test_the_real_site_has_the_generated_pages(site_dir: Path) -> None:
    assert (site_dir / "reference" / "decision-rules" / "index.html").is_file()
    assert (site_dir / "reference" / "inputs" / "index.html").is_file()
    assert not (ROOT / "docs" / "reference").exists()
    for pattern_id in PATTERN_IDS:
        html = (site_dir / "patterns" / pattern_id / "index.html").read_text()
        assert "<!-- calculator:triggers" not in html
        assert "<!-- calculator:try" not in html
        # Each pattern page carries both generated regions, the link inside "Try it".
        assert f"<!-- begin generated triggers {pattern_id} " in html
        try_it = html.split('id="try-it"', 1)[1]
        assert f"<!-- begin generated try {pattern_id} " in try_it
        assert 'href="../../calculator/?' in try_it
