"""calculator.result_view: the result region as a tree of elements with safe attributes only."""

from __future__ import annotations

from typing import Any

from calculator import recommend
from calculator.result_view import view


def _walk(node: Any) -> list[Any]:
    if isinstance(node, str):
        return [node]
    tag, attrs, children = node
    assert isinstance(tag, str) and isinstance(attrs, dict)
    return [node, *(n for child in children for n in _walk(child))]


def test_view_is_a_tree_of_safe_elements() -> None:
    result = recommend({"tone": "proprietary", "calls_per_day": 5000, "need": "behavior",
                        "labeled_examples": 500})
    nodes = _walk(view(result))
    elements = [n for n in nodes if not isinstance(n, str)]
    assert all(not name.startswith("on") and name != "style"
               for _, attrs, _ in elements for name in attrs)
    links = [attrs["href"] for tag, attrs, _ in elements if tag == "a"]
    assert links == [f"../patterns/{p}/" for p in result["patterns"]]
    svgs = [attrs for tag, attrs, _ in elements if tag == "svg"]
    # Scores, cost over the months, payback across volume.
    assert len(svgs) == 3 and all(a["role"] == "img" and a["aria-label"] for a in svgs)
