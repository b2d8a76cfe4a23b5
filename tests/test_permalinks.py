"""Every address in the checked-in permalink registry exists in the built site."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from calculator import PATTERN_IDS

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "permalinks.txt"
PATTERN_SECTIONS = (
    "signals",
    "why-fine-tuning-wins",
    "example",
    "measure",
    "counter-signs",
    "risks",
    "try-it",
)
ENTRY = re.compile(r"^/(?:[a-z0-9-]+/)*(?:#[A-Za-z][\w-]*)?$")


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.h2_ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
                if tag == "h2":
                    self.h2_ids.add(value)


def parse_page(file: Path) -> _Ids:
    parser = _Ids()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser


def read_registry(path: Path = REGISTRY) -> list[str]:
    """The registry's entries, without comments and blank lines."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def page_file(site_dir: Path, page: str) -> Path:
    """The built file a page path such as '/patterns/sensitive-data/' is served from."""
    return site_dir / page.lstrip("/") / "index.html"


def missing_permalinks(site_dir: Path, entries: list[str]) -> list[str]:
    """Registry entries whose page or anchor the built site lacks, each with the reason."""
    problems = []
    parsed: dict[str, _Ids] = {}
    for entry in entries:
        page, _, anchor = entry.partition("#")
        file = page_file(site_dir, page)
        if not file.is_file():
            problems.append(f"{entry}: page {page} was not built")
            continue
        if page not in parsed:
            parsed[page] = parse_page(file)
        if anchor and anchor not in parsed[page].ids:
            problems.append(f"{entry}: {page} has no element with id {anchor!r}")
    return problems


def test_registry_entries_are_well_formed_and_unique() -> None:
    entries = read_registry()
    assert len(entries) > 100
    bad = [entry for entry in entries if not ENTRY.match(entry)]
    assert bad == [], f"malformed entries: {bad}"
    duplicates = sorted({entry for entry in entries if entries.count(entry) > 1})
    assert duplicates == []


def test_registry_lists_every_pattern_page_and_section() -> None:
    entries = set(read_registry())
    assert "/patterns/" in entries
    for pattern_id in PATTERN_IDS:
        assert f"/patterns/{pattern_id}/" in entries
        for section in PATTERN_SECTIONS:
            assert f"/patterns/{pattern_id}/#{section}" in entries


def test_every_registered_address_exists_in_the_build(site_dir: Path) -> None:
    problems = missing_permalinks(site_dir, read_registry())
    assert problems == [], "\n".join(problems)


def test_every_built_page_is_registered(site_dir: Path) -> None:
    entries = set(read_registry())
    folders = {
        file.parent.relative_to(site_dir).as_posix() for file in site_dir.rglob("index.html")
    }
    pages = {"/" if folder == "." else f"/{folder}/" for folder in folders}
    unregistered = sorted(pages - entries)
    assert unregistered == [], f"pages without a registry entry: {unregistered}"


def test_every_section_of_a_registered_page_is_registered(site_dir: Path) -> None:
    """On pages whose sections are registered, a new h2 must be registered too."""
    entries = read_registry()
    anchored_pages = {entry.partition("#")[0] for entry in entries if "#" in entry}
    unregistered = [
        f"{page}#{anchor}"
        for page in sorted(anchored_pages)
        for anchor in sorted(parse_page(page_file(site_dir, page)).h2_ids)
        if f"{page}#{anchor}" not in entries
    ]
    assert unregistered == [], f"h2 anchors missing from permalinks.txt: {unregistered}"


def test_checker_reports_an_anchor_removed_from_the_build(site_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("pyodide*", "*.whl", "*.zip"))
    entries = read_registry()
    assert missing_permalinks(copy, entries) == [], "the copy should start complete"
    page = copy / "patterns" / "critical-latency" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count('id="counter-signs"') == 1
    page.write_text(html.replace('id="counter-signs"', 'id="when-rag-wins"'), encoding="utf-8")
    (copy / "glossary" / "index.html").unlink()
    problems = missing_permalinks(copy, entries)
    glossary = [entry for entry in entries if entry.startswith("/glossary/")]
    assert problems == [
        "/patterns/critical-latency/#counter-signs: /patterns/critical-latency/ has no element "
        "with id 'counter-signs'",
        *(f"{entry}: page /glossary/ was not built" for entry in glossary),
    ]
