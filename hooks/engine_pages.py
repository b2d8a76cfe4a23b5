"""Pages and pattern-page snippets generated from the calculator engine's tables.

- ``on_files`` adds reference/decision-rules.md and reference/inputs.md as generated files
  (``File.generated``); nothing is written into ``docs/``.
- ``on_page_markdown`` replaces the marker lines ``<!-- calculator:triggers ID -->`` and
  ``<!-- calculator:try ID -->`` with the pattern's trigger conditions and a calculator link
  built from its example answers, between comments that mark the generated region.

An unknown or missing pattern id is logged as an error naming it, so ``--strict`` fails.
The page text itself comes from ``calculator/docs.py``; this file only wires it into MkDocs.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

__all__ = ["MARKER", "on_files", "on_page_markdown"]

log = logging.getLogger("mkdocs")

# Only the two kinds this hook owns; other calculator markers belong to the calculator page.
MARKER = re.compile(r"<!--\s*calculator:(?P<kind>triggers|try)(?:\s+(?P<id>[^\s>]+))?\s*-->")


def _engine_docs(config: MkDocsConfig) -> ModuleType:
    """The engine's docs module, imported from the project that holds mkdocs.yml."""
    root = str(Path(config.config_file_path).parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    import calculator.docs

    return calculator.docs


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the decision-rules and inputs pages, rendered from the engine's tables."""
    for src_uri, content in _engine_docs(config).generated_pages():
        if files.get_file_from_path(src_uri) is not None:
            log.error("engine_pages: %s exists in docs/ but is generated; remove it", src_uri)
            continue
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """Replace calculator markers on pattern pages with their generated regions."""
    if "calculator:" not in markdown:
        return None
    docs = _engine_docs(config)

    def replace(match: re.Match[str]) -> str:
        try:
            return str(docs.render_marker(match["kind"], match["id"] or ""))
        except ValueError as error:
            log.error("%s: %s", page.file.src_uri, error)
            return match[0]

    return MARKER.sub(replace, markdown)
