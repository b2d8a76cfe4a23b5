"""The built site fetches nothing from another host: no external script, style, font or module."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

# An address on another host: an absolute http(s) URL or a protocol-relative one.
_EXTERNAL = r"(?:https?:)?//"
# Link relations that make the browser fetch or connect; canonical, alternate and the like do not.
FETCHING_RELS = frozenset(
    {
        "stylesheet",
        "preload",
        "modulepreload",
        "prefetch",
        "preconnect",
        "dns-prefetch",
        "icon",
        "apple-touch-icon",
        "manifest",
    }
)
# Attributes that the browser loads from, on whatever element carries them.
FETCHING_ATTRS = ("src", "srcset", "poster", "data")

CSS_URL = re.compile(rf"""url\(\s*['"]?\s*(?P<url>{_EXTERNAL}[^'")\s]*)""", re.IGNORECASE)
CSS_IMPORT = re.compile(rf"""@import\s+(?:url\(\s*)?['"]?(?P<url>{_EXTERNAL}[^'")\s;]*)""", re.I)
JS_IMPORT = re.compile(
    rf"""(?:\bimport\b[^'"();]*?\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bimportScripts\s*\(\s*)"""
    rf"""['"`](?P<url>{_EXTERNAL}[^'"`]*)""",
)
_IS_EXTERNAL = re.compile(rf"^\s*{_EXTERNAL}", re.IGNORECASE)


class _Fetches(HTMLParser):
    """Collects the external addresses an HTML page makes the browser load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._inline: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in FETCHING_ATTRS:
            for url in values.get(name, "").split(","):
                if _IS_EXTERNAL.match(url):
                    self.found.append(f"<{tag} {name}={url.strip().split(' ')[0]}>")
        rels = set(values.get("rel", "").lower().split())
        if tag == "link" and rels & FETCHING_RELS and _IS_EXTERNAL.match(values.get("href", "")):
            self.found.append(f"<link rel={values['rel']} href={values['href']}>")
        if tag in {"script", "style"}:
            self._inline = tag

    def handle_endtag(self, tag: str) -> None:
        self._inline = None

    def handle_data(self, data: str) -> None:
        if self._inline == "script":
            self.found.extend(scan_text(data, ".js"))
        elif self._inline == "style":
            self.found.extend(scan_text(data, ".css"))


def scan_text(text: str, suffix: str) -> list[str]:
    """External fetches in the text of one built file, judged by its suffix (.html, .css, .js)."""
    if suffix == ".html":
        parser = _Fetches()
        parser.feed(text)
        parser.close()
        return parser.found
    if suffix == ".css":
        return [f"url({m['url']})" for m in CSS_URL.finditer(text)] + [
            f"@import {m['url']}" for m in CSS_IMPORT.finditer(text)
        ]
    if suffix in {".js", ".mjs"}:
        return [f"import {m['url']}" for m in JS_IMPORT.finditer(text)]
    return []


def external_fetches(site_dir: Path) -> list[str]:
    """Every external fetch in the built HTML, CSS and JS, as 'path: what'."""
    return [
        f"{file.relative_to(site_dir).as_posix()}: {found}"
        for file in sorted(site_dir.rglob("*"))
        if file.suffix in {".html", ".css", ".js", ".mjs"} and file.is_file()
        for found in scan_text(file.read_text(encoding="utf-8", errors="replace"), file.suffix)
    ]


def test_built_site_loads_nothing_from_another_host(site_dir: Path) -> None:
    scanned = [p for p in site_dir.rglob("*") if p.suffix in {".html", ".css", ".js", ".mjs"}]
    assert len(scanned) > 20, "the scan should cover the pages, the theme and the calculator"
    problems = external_fetches(site_dir)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (".html", '<script src="https://cdn.example/lib.js"></script>'),
        (".html", "<img srcset='//img.example/a.png 1x, /b.png 2x' alt=''>"),
        (".html", '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'),
        (".html", '<link rel="preload" as="font" href="https://fonts.gstatic.com/r.woff2">'),
        (".html", '<link rel="modulepreload" href="//cdn.example/m.mjs">'),
        (".html", '<style>@import "https://cdn.example/x.css";</style>'),
        (".html", '<script type="module">import { x } from "https://cdn.example/x.js";</script>'),
        (".css", "@font-face { src: url(https://fonts.example/f.woff2) format('woff2'); }"),
        (".css", "@import url('https://cdn.example/theme.css');"),
        (".js", 'import { loadPyodide } from "https://cdn.jsdelivr.net/pyodide/pyodide.mjs";'),
        (".js", "const m = await import('https://cdn.example/engine.js');"),
        (".js", 'import "https://analytics.example/tag.js";'),
        (".js", 'importScripts("https://cdn.example/worker.js");'),
    ],
)
def test_scanner_flags_a_fetch_from_another_host(suffix: str, text: str) -> None:
    assert scan_text(text, suffix) != [], f"missed in {suffix}: {text}"


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (".html", '<link rel="canonical" href="https://docs.example/guide/">'),
        (".html", '<a href="https://platform.openai.com/docs/guides/fine-tuning">guide</a>'),
        (".html", '<script src="../assets/javascripts/bundle.js"></script>'),
        (".html", '<link rel="stylesheet" href="assets/stylesheets/main.css">'),
        (
            ".css",
            "background: url(\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>\")",
        ),
        (".css", "src: url(../fonts/local.woff2)"),
        (".js", 'import { x } from "./url.js"; const m = await import("../worker.js");'),
        (".js", 'const docs = "https://example.org/docs";'),
    ],
)
def test_scanner_lets_local_loads_and_plain_links_pass(suffix: str, text: str) -> None:
    assert scan_text(text, suffix) == []


def test_a_planted_external_stylesheet_is_reported(site_dir: Path, tmp_path: Path) -> None:
    page = tmp_path / "glossary" / "index.html"
    page.parent.mkdir()
    html = (site_dir / "glossary" / "index.html").read_text(encoding="utf-8")
    head = html.index("</head>")
    planted = '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">'
    page.write_text(html[:head] + planted + html[head:], encoding="utf-8")
    assert external_fetches(tmp_path) == [
        "glossary/index.html: <link rel=stylesheet "
        "href=https://fonts.googleapis.com/css2?family=Roboto>"
    ]
