"""calculator.tree: the element tuples the page's result is made of."""

from __future__ import annotations

from calculator.tree import el


def test_el_builds_tag_attributes_and_children() -> None:
    assert el("p") == ("p", {}, [])
    link = el("a", {"href": "x/"}, "text", el("b"))
    assert link == ("a", {"href": "x/"}, ["text", ("b", {}, [])])
