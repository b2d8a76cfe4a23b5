"""Content Security Policy for the built site: hash every inline script and write the policy out.

The theme puts small inline scripts into every page (palette, local-storage scope, tab anchors)
and their text changes with the page depth, the site URL and the theme version, so no hand-written
list of hashes stays right for long. After the build this hook reads every HTML file in the site,
hashes each inline script a browser would execute, and writes:

- ``csp.txt``: the policy as one line, for the server's ``Content-Security-Policy`` header;
- ``_headers``: the same policy plus MIME type and cache rules, in the format static hosts read;
- the policy itself into the serving guide, where the page has the ``<!-- csp:policy -->`` marker.

Two settings under ``extra:`` in mkdocs.yml, each also set by an environment variable there:
``csp_frame_ancestors`` (``CSP_FRAME_ANCESTORS``, default ``'self'``) names who may frame the site,
for a portal that shows the calculator in an iframe; ``csp_meta`` (``CSP_META=1``) also writes the
policy into every page as a ``<meta>`` tag, for hosts that cannot set response headers; browsers
ignore ``frame-ancestors`` there.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from html_tree import tree_html
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

__all__ = [
    "InlineCode",
    "build_policy",
    "headers_file",
    "inline_code",
    "meta_policy",
    "settings",
    "source_hash",
]

log = logging.getLogger("mkdocs")

POLICY_FILE = "csp.txt"
HEADERS_FILE = "_headers"
POLICY_MARKER = "<!-- csp:policy -->"

# Script types a browser runs as classic or module scripts, plus the JSON types that script-src
# still governs (import maps, speculation rules). Any other type is a data block, never run.
_JS_TYPES = frozenset(
    [
        "",
        *"""module importmap speculationrules text/javascript application/javascript
        application/ecmascript application/x-ecmascript application/x-javascript text/ecmascript
        text/jscript text/livescript text/x-ecmascript text/x-javascript text/javascript1.0
        text/javascript1.1 text/javascript1.2 text/javascript1.3 text/javascript1.4
        text/javascript1.5""".split(),
    ]
)
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href"})
_META_AFTER = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
# Files whose name or folder changes whenever their content does, so caches may keep them for good:
# the theme's bundles and the engine archive carry a content hash, Pyodide a versioned folder.
_FINGERPRINTED = re.compile(
    r"\.[0-9a-f]{8}\.min\.(?:js|css)$|/engine-[0-9a-f]{12}\.zip$|/pyodide/\d[^/]*/[^/]+$"
)


class InlineCode:
    """Inline scripts, event-handler attributes, javascript: URLs and inline styles of one page."""

    def __init__(self) -> None:
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.handlers: list[str] = []
        self.style_attrs: list[str] = []


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = InlineCode()
        self._script: list[str] | None = None
        self._style: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.found.handlers.append(f"<{tag} {name}=...>")
            elif name in _URL_ATTRS and value.strip().lower().startswith("javascript:"):
                self.found.handlers.append(f"<{tag} {name}={value[:40]!r}>")
        if "style" in values:
            self.found.style_attrs.append(f"<{tag} style={values['style'][:40]!r}>")
        if tag == "style":
            self._style = []
        if tag == "script" and "src" not in values:
            kind = values.get("type", "").strip().lower()
            if kind in _JS_TYPES or ("type" not in values and "language" in values):
                self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        if self._style is not None:
            self._style.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.found.scripts.append("".join(self._script))
            self._script = None
        if tag == "style" and self._style is not None:
            self.found.styles.append("".join(self._style))
            self._style = None


def inline_code(page_html: str) -> InlineCode:
    """Find the inline code in one HTML document that a policy has to allow or forbid."""
    collector = _Collector()
    collector.feed(page_html)
    collector.close()
    return collector.found


def source_hash(text: str) -> str:
    """The CSP source expression for an inline script or style (newlines normalised as parsed)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def build_policy(
    scripts: set[str], styles: set[str] | None = None, *, frame_ancestors: str = "'self'"
) -> str:
    """The site's policy: same-origin everything, WebAssembly compilation, hashed inline code."""
    directives = [
        ("default-src", "'self'"),
        # Pyodide compiles WebAssembly; 'wasm-unsafe-eval' allows that and nothing else (no eval()).
        ("script-src", " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(scripts)])),
        # The search index and the calculator each run in a worker loaded from the site itself.
        ("worker-src", "'self'"),
        # No 'unsafe-inline': the theme sets styles only through the CSSOM (element.style), which
        # a policy does not restrict, and no page carries a style attribute (the build checks).
        ("style-src", " ".join(["'self'", *sorted(styles or ())])),
        ("connect-src", "'self'"),
        # The theme's icons and the calculator's charts are SVG, some as data: URLs in the CSS.
        ("img-src", "'self' data:"),
        ("font-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'self'"),
        ("frame-ancestors", frame_ancestors),
    ]
    return "; ".join(f"{name} {value}" for name, value in directives)


def meta_policy(policy: str) -> str:
    """The policy without the directives that browsers ignore in a <meta> tag."""
    ignored = ("frame-ancestors", "report-uri", "report-to", "sandbox")
    kept = [part for part in policy.split("; ") if not part.startswith(ignored)]
    return "; ".join(kept)


def headers_file(policy: str, base_path: str, site_dir: Path) -> str:
    """The `_headers` file: the policy for every path, wasm types, long caching where safe."""
    lines = [
        f"{base_path}*",
        f"  Content-Security-Policy: {policy}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: same-origin",
    ]
    # No catch-all Cache-Control: static hosts join the values of every rule that matches a path,
    # and their default (revalidate every time) is right for pages.
    for file in sorted(path for path in site_dir.rglob("*") if path.is_file()):
        rel = file.relative_to(site_dir).as_posix()
        rules = []
        if file.suffix == ".wasm":
            rules.append("  Content-Type: application/wasm")
        if _FINGERPRINTED.search("/" + rel):
            rules.append("  Cache-Control: public, max-age=31536000, immutable")
        if rules:
            lines += ["", f"{base_path}{rel}", *rules]
    return "\n".join(lines) + "\n"


def settings(extra: Mapping[str, object]) -> tuple[str, bool]:
    """``(frame_ancestors, with_meta)`` from mkdocs.yml's ``extra``, where ``!ENV`` has already
    read CSP_FRAME_ANCESTORS and CSP_META (an empty variable reads as null: the default)."""
    ancestors = extra.get("csp_frame_ancestors")
    if ancestors is None or (isinstance(ancestors, str) and not ancestors.strip()):
        ancestors = "'self'"
    # A semicolon or a line break would end the directive and smuggle in another.
    if not isinstance(ancestors, str) or re.search(r"[;,\x00-\x1f]", ancestors):
        raise PluginError(
            f"csp: extra.csp_frame_ancestors (CSP_FRAME_ANCESTORS) must be CSP sources "
            f"separated by spaces, such as 'self' https://portal.example.com; got "
            f"{_shown(ancestors)}"
        )
    meta = extra.get("csp_meta")
    if meta is None or meta is False or meta == 0:
        return ancestors.strip(), False
    if meta is True or meta == 1:
        return ancestors.strip(), True
    raise PluginError(
        f"csp: extra.csp_meta (CSP_META) must be true or false (1 or 0); got {_shown(meta)}"
    )


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Refuse a bad setting before the build, rather than after it."""
    settings(config.extra)
    return config


@event_priority(-100)  # after every other hook has written its files into the site
def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    pages = sorted(site_dir.rglob("*.html"))
    scripts: set[str] = set()
    styles: set[str] = set()
    for path in pages:
        found = inline_code(path.read_text(encoding="utf-8"))
        scripts.update(source_hash(text) for text in found.scripts)
        styles.update(source_hash(text) for text in found.styles)
        rel = path.relative_to(site_dir).as_posix()
        blocked = found.handlers + found.style_attrs
        if blocked:
            examples = ", ".join(blocked[:3])
            log.warning(
                f"csp: {rel} has {len(blocked)} inline handler(s) or style attribute(s) that the "
                f"policy blocks, e.g. {examples}; use a script file or a class in a stylesheet"
            )

    ancestors, with_meta = settings(config.extra)
    policy = build_policy(scripts, styles, frame_ancestors=ancestors)
    base_path = urlsplit(config.site_url or "/").path or "/"
    (site_dir / POLICY_FILE).write_text(policy + "\n", encoding="utf-8")
    (site_dir / HEADERS_FILE).write_text(headers_file(policy, base_path, site_dir), "utf-8")

    shown = tree_html(("pre", {"class": "csp-policy"}, [("code", {}, [policy])]))
    meta = tree_html(
        ("meta", {"http-equiv": "Content-Security-Policy", "content": meta_policy(policy)}, [])
    )
    for path in pages:
        text = path.read_text(encoding="utf-8")
        changed = text.replace(POLICY_MARKER, shown)
        if with_meta:
            changed = _META_AFTER.sub(lambda m: m.group(0) + meta, changed, count=1)
        if changed != text:
            path.write_text(changed, encoding="utf-8")
    log.info(f"csp: {len(scripts)} script and {len(styles)} style hashes from {len(pages)} pages")
