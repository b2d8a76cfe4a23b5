"""The browser's allow-list (docs/assets/calculator/dom.js) is exactly what the engine's trees use.

The page builds the result, its summary and the comparison from the engine's trees, refusing any
element or attribute outside the allow-list. An element the engine starts writing and the list
lacks would vanish from the page; one the engine stops writing would leave the list wider than it
needs to be. Both fail here, naming the element, over a few hundred answer sets; and in Chromium
the page's trees are the engine's, element for element.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from calculator import webapi
from calculator.fields import FIELDS
from calculator.form_text import query_text
from calculator.tree import Node
from tests.support.answers import values_from
from tests.support.site_pages import CALCULATOR, RESULT, calculator_state, result_text

ROOT = Path(__file__).resolve().parent.parent
DOM = ROOT / "docs" / "assets" / "calculator" / "dom.js"
CASES = 300
SEED = 20261202

# Prints the allow-list as the browser reads it.
READ_LIST = """
const dom = await import(process.argv[1]);
const {HTML_ALLOWED: html, SVG_ALLOWED: svg, SAFE_HREF: href} = dom;
console.log(JSON.stringify({html, svg, href: href.source}));
"""

Use = tuple[str, str, str]  # (namespace, tag, attribute or "" for the tag itself)


@pytest.fixture(scope="module")
def allow_list(node: str) -> dict[str, object]:
    proc = subprocess.run(
        [node, "--input-type=module", "--eval", READ_LIST, DOM.as_uri()],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    listed: dict[str, object] = json.loads(proc.stdout)
    return listed


def _walk(node: Node, in_svg: bool = False) -> Iterator[tuple[Use, str | None]]:
    if isinstance(node, str):
        return
    tag, attributes, children = node
    in_svg = in_svg or tag == "svg"
    space = "svg" if in_svg else "html"
    yield (space, tag, ""), None
    for name, value in attributes.items():
        yield (space, tag, name), value if name == "href" else None
    for child in children:
        yield from _walk(child, in_svg)


def _text(values: dict[str, object]) -> dict[str, str]:
    return {name: query_text(value) for name, value in values.items()}


@pytest.fixture(scope="module")
def engine_uses() -> tuple[set[Use], set[str]]:
    """Every (namespace, tag, attribute) the result, summary, comparison and break-even trees
    use, and every link they make, over seeded answer sets, a third of them with pinned answers
    and a third with break-even left pending."""
    rng = random.Random(SEED)
    fields = list(FIELDS)
    uses: set[Use] = set()
    hrefs: set[str] = set()
    for case in range(CASES):
        values = _text(values_from(fields, rng.getrandbits(len(fields)), rng.getrandbits(32)))
        pinned = (
            _text(values_from(fields, rng.getrandbits(len(fields)), rng.getrandbits(32)))
            if case % 3 == 0 else None
        )
        # Every third case as the page asks after a change: break-even pending, then alone.
        later = case % 3 == 1
        reply = webapi.compute(values, pinned, break_even_later=later)
        trees: dict[str, Node] = {key: reply[key]
                                  for key in ("view", "summary", "comparison") if key in reply}
        if later:
            trees["break_even"] = webapi.break_even_reply(values)["section"]
        for tree in trees.values():
            for use, href in _walk(tree):
                uses.add(use)
                if href is not None:
                    hrefs.add(href)
    return uses, hrefs


def listed_uses(allow_list: dict[str, object]) -> set[Use]:
    uses: set[Use] = set()
    for space in ("html", "svg"):
        table = allow_list[space]
        assert isinstance(table, dict)
        for tag, names in table.items():
            uses.add((space, tag, ""))
            uses |= {(space, tag, name) for name in names}
    return uses


def _named(uses: set[Use]) -> list[str]:
    return sorted(f"<{tag}{' ' + name if name else ''}> ({space})" for space, tag, name in uses)


def test_the_allow_list_holds_exactly_what_the_engine_writes(
    allow_list: dict[str, object], engine_uses: tuple[set[Use], set[str]]
) -> None:
    used, _ = engine_uses
    listed = listed_uses(allow_list)
    assert not used - listed, (
        f"the engine writes what dom.js would refuse: {_named(used - listed)}; "
        "add it to HTML_ALLOWED or SVG_ALLOWED"
    )
    assert not listed - used, (
        f"dom.js allows what the engine no longer writes: {_named(listed - used)}; "
        "remove it from the allow-list"
    )


def test_every_link_the_engine_makes_is_one_the_page_keeps(
    allow_list: dict[str, object], engine_uses: tuple[set[Use], set[str]]
) -> None:
    _, hrefs = engine_uses
    assert hrefs, "no answer set matched a pattern, so no link was checked"
    safe = re.compile(str(allow_list["href"]))
    assert sorted(h for h in hrefs if not safe.match(h)) == []


# The page's elements as a tree in the engine's form, text nodes as strings.
TREE_OF = """(selector) => {
    const tree = (node) => node.nodeType === Node.TEXT_NODE ? node.data : [
        node.localName,
        Object.fromEntries([...node.attributes].map((a) => [a.name, a.value])),
        [...node.childNodes].map(tree),
    ];
    const element = document.querySelector(selector);
    return element && tree(element);
}"""


@pytest.mark.browser
def test_the_page_builds_the_engines_trees_whole(page: Any, site_url: str) -> None:
    # Answers that match patterns, flip, warn and compare, so every part of the result is drawn.
    values = {"need": "behavior", "tone": "proprietary", "calls_per_day": "40000",
              "labeled_examples": "2000", "citations_required": "true"}
    pinned = {"need": "both", "corpus_change": "daily"}
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "refused" in message.text else None)
    query = urlencode({**values, "pinned": urlencode(pinned)})
    page.goto(f"{site_url}{CALCULATOR}?{query}")
    assert calculator_state(page) == "ready", result_text(page)
    reply = json.loads(json.dumps(webapi.compute(values, pinned)))
    page.wait_for_function(
        "([s, r]) => document.querySelector(s).dataset.recommendation === r",
        arg=[RESULT, reply["recommendation"]],
    )
    assert reply["patterns"], "the answers match no pattern: no link is drawn"
    for selector, key in ((f"{RESULT} .calc-view", "view"),
                          ("#calc-summary-body > *", "summary"),
                          ("#calc-compare > *", "comparison")):
        built = page.evaluate(TREE_OF, selector)
        assert built == reply[key], f"the page's {key} is not the engine's"
    assert refused == []
