"""What a reader finds in a site built by another builder (TechDocs, Zensical), in figures.

``python3 -m tests.support.portal_checks SITE_DIR`` prints the figures for a built site.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from tests.support.site_pages import page_paths
from tests.test_external_hosts import external_fetches
from tests.test_permalinks import missing_permalinks, read_registry

# An href to a Markdown source, which no builder serves: "x.md", "../x.md#a", "x.md?q=1".
MD_HREF = re.compile(r"""href=["'](?P<url>[^"'#?]*\.md)(?:[#?][^"']*)?["']""")


class _SectionText(HTMLParser):
    """The text from the element with a given id up to the next h1 or h2."""

    def __init__(self, anchor: str) -> None:
        super().__init__(convert_charrefs=True)
        self.anchor = anchor
        self.inside = False
        self.done = False
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.inside and tag in ("h1", "h2"):
            self.inside, self.done = False, True
        if not self.done and dict(attrs).get("id") == self.anchor and tag in ("h1", "h2"):
            self.inside = True
            self.skip = 1  # the heading's own text
        elif self.inside and tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self.inside and self.skip and tag in ("h1", "h2", "script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.inside and not self.skip:
            self.parts.append(data)


def section_words(html: str, anchor: str) -> list[str]:
    """The words a reader sees under the heading with that id (not the heading's own)."""
    parser = _SectionText(anchor)
    parser.feed(html)
    parser.close()
    return re.findall(r"\S+", " ".join(parser.parts))


def md_links(site_dir: Path) -> list[str]:
    """Every link to a .md file, as 'page: href'."""
    found = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        found += [f"{rel}: {m['url']}" for m in MD_HREF.finditer(file.read_text("utf-8"))]
    return found


@dataclass(frozen=True, kw_only=True, slots=True)
class Figures:
    """The figures the serving guide and the tests report for one build."""

    pages: int
    try_links: int
    registry: int
    missing: tuple[str, ...]
    md_links: tuple[str, ...]
    answer_words: int
    external: tuple[str, ...]

    def summary(self) -> str:
        return (
            f"pages: {self.pages}; pattern pages with a calculator link: {self.try_links}; "
            f"permalink registry: {self.registry - len(self.missing)}/{self.registry} found; "
            f"links to .md files: {len(self.md_links)}; words under 'The answer': "
            f"{self.answer_words}; fetches from other hosts: {len(self.external)}"
        )


def figures(site_dir: Path) -> Figures:
    """Measure a built site against the permalink registry and the no-script promises."""
    entries = read_registry()
    calculator = site_dir / "calculator" / "index.html"
    words = section_words(calculator.read_text("utf-8"), "answer") if calculator.is_file() else []
    patterns = sorted((site_dir / "patterns").glob("*/index.html"))
    return Figures(
        pages=len(page_paths(site_dir)),
        try_links=sum("Open this example in the calculator" in p.read_text("utf-8")
                      for p in patterns),
        registry=len(entries),
        missing=tuple(missing_permalinks(site_dir, entries)),
        md_links=tuple(md_links(site_dir)),
        answer_words=len(words),
        external=tuple(external_fetches(site_dir)),
    )


if __name__ == "__main__":
    result = figures(Path(sys.argv[1]))
    print(result.summary())
    for line in (*result.missing, *result.md_links, *result.external):
        print("  " + line)
