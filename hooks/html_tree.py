"""HTML from the engine's element tree: the one place where the hooks turn data into markup.

What a hook adds to a page is built as the tree the engine gives the browser
(``calculator.tree``), and only this module writes it out, so text and attribute values are
escaped here and nowhere else, and no hook pastes a value into a string of markup.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # For the type only: writing a tree needs no engine (csp.py uses this module too).
    from calculator_engine import Node

__all__ = ["VOID", "attributes", "tree_html"]

# Elements that have no end tag and can have no content.
VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()
)


def attributes(values: Mapping[str, str | None]) -> dict[str, str]:
    """The attributes that apply: None leaves one out; an empty string is a bare attribute
    (``disabled``, ``hidden``, ``selected``)."""
    return {name: value for name, value in values.items() if value is not None}


def tree_html(node: Node) -> str:
    """The tree as HTML: text escaped, attribute values escaped and quoted, void elements
    without an end tag (the browser builds the same tree with DOM calls)."""
    if isinstance(node, str):
        return html.escape(node, quote=False)
    tag, attrs, children = node
    start = f"<{tag}{''.join(_attribute(name, value) for name, value in attrs.items())}>"
    if tag in VOID:
        if children:
            raise ValueError(f"<{tag}> is a void element and cannot hold {children!r:.60}")
        return start
    return f"{start}{''.join(tree_html(child) for child in children)}</{tag}>"


def _attribute(name: str, value: str) -> str:
    return f" {name}" if value == "" else f' {name}="{html.escape(value)}"'
