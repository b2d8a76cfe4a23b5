"""Every internal link and anchor in the built HTML resolves to a file and an element id."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes that name another document of the site; a broken one is a 404 for the reader.
LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}
BASE = "http://site.invalid/"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        for key in ("id", "name") if tag == "a" else ("id",):
            if key in values:
                self.ids.add(values[key])
        attr = LINK_ATTRS.get(tag)
        if attr and attr in values:
            self.links.append(values[attr])


def _parse(file: Path) -> _Page:
    page = _Page()
    page.feed(file.read_text(encoding="utf-8"))
    page.close()
    return page


def _target(site_dir: Path, path: str) -> Path | None:
    """The file a static server returns for a URL path, or None for a 404."""
    candidate = site_dir / unquote(path).lstrip("/")
    if path.endswith("/") or path == "":
        candidate = candidate / "index.html"
    if candidate.is_file():
        return candidate
    return None


def broken_links(site_dir: Path, base_path: str = "/") -> list[str]:
    """Internal links of every HTML file in site_dir that lead nowhere: a missing file or anchor.

    base_path is where the site is published (the path of site_url), so that absolute links such
    as the 404 page's resolve too. Links to other hosts are not followed.
    """
    site_root = urljoin(BASE, base_path)
    files = sorted(site_dir.rglob("*.html"))
    parsed = {file: _parse(file) for file in files}
    problems = []
    for file, page in parsed.items():
        rel = file.relative_to(site_dir).as_posix()
        page_url = urljoin(site_root, rel.removesuffix("index.html"))
        for link in page.links:
            url = urljoin(page_url, link)
            parts = urlsplit(url)
            if parts.scheme in {"data", "mailto", "tel"} or not url.startswith(site_root):
                if url.startswith(BASE):
                    problems.append(f"{rel}: {link!r} points outside the site ({base_path})")
                continue
            target = _target(site_dir, parts.path[len(urlsplit(site_root).path) :])
            if target is None:
                problems.append(f"{rel}: {link!r} leads to a missing file")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if fragment not in ids:
                    problems.append(f"{rel}: {link!r} names a missing anchor #{fragment}")
    return problems


def test_built_site_has_no_broken_internal_link(site_dir: Path) -> None:
    problems = broken_links(site_dir)
    assert not problems, "\n".join(problems)


def test_checker_catches_a_missing_page_and_a_missing_anchor(
    site_dir: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    assert broken_links(copy) == [], "the copy should start clean"
    page = copy / "glossary" / "index.html"
    html = page.read_text(encoding="utf-8")
    body = html.index("<article")
    planted = (
        '<a href="../no-such-page/">gone</a>'
        '<a href="../framework/#gone">gone</a>'
        '<img src="../assets/missing.png" alt="">'
    )
    page.write_text(html[:body] + planted + html[body:], encoding="utf-8")
    problems = broken_links(copy)
    assert problems == [
        "glossary/index.html: '../no-such-page/' leads to a missing file",
        "glossary/index.html: '../framework/#gone' names a missing anchor #gone",
        "glossary/index.html: '../assets/missing.png' leads to a missing file",
    ]


def test_checker_resolves_links_under_a_sub_path(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="/guides/x/a/#here">ok</a><a href="/elsewhere/">out</a><a href="a/#nope">x</a>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2>', encoding="utf-8")
    assert broken_links(tmp_path, "/guides/x/") == [
        "index.html: '/elsewhere/' points outside the site (/guides/x/)",
        "index.html: 'a/#nope' names a missing anchor #nope",
    ]
