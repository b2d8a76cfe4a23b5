"""The result as data: a tree ``[tag, {attribute: value}, [child, ...]]`` whose leaves are strings.

The build writes the tree as HTML for the answer shown at first paint and the browser builds it
with DOM calls, so the page shows one rendering, never two that drift apart. Text in the tree is
data: the browser sets it as text, never parses it as markup.
"""

from __future__ import annotations

from typing import TypeAlias

__all__ = ["Element", "Node", "el"]

Node: TypeAlias = "str | Element"
Element: TypeAlias = "tuple[str, dict[str, str], list[Node]]"


def el(tag: str, attrs: dict[str, str] | None = None, *children: Node) -> Element:
    """One element of the tree; children may be elements or text."""
    return (tag, attrs or {}, list(children))
