// The DOM builder: the engine's tree built as it is, text kept as text, and anything outside the
// allow-list (scripts, frames, handlers, styles, links elsewhere) refused.
import assert from "node:assert/strict";
import { beforeEach, describe, mock, test } from "node:test";

import { build, HTML_ALLOWED, patch, SVG_ALLOWED } from "../../docs/assets/calculator/dom.js";
import { asTree, FakeElement, fakeDocument, FakeText, HTML_NS } from "./fake_dom.mjs";

const SVG_NS = "http://www.w3.org/2000/svg";

// A tree shaped like the engine's: a section with a table, a list of links and a chart.
const RESULT = ["div", { class: "calc-view" }, [
  ["p", { class: "calc-answer" }, [
    "Recommendation: ",
    ["strong", { class: "calc-answer__option" }, ["RAG"]],
    ["span", { class: "calc-answer__confidence" }, [" (confidence 80%)"]],
  ]],
  ["section", { class: "calc-part" }, [
    ["h3", {}, ["Matched patterns"]],
    ["ul", { class: "calc-patterns" }, [
      ["li", {}, [["a", { href: "../patterns/narrow-domain/" }, ["Narrow domain"]]]],
    ]],
  ]],
  ["section", { class: "calc-part" }, [
    ["table", { class: "calc-costs" }, [
      ["thead", {}, [["tr", {}, [["th", { scope: "col" }, ["Option"]]]]]],
      ["tbody", {}, [["tr", {}, [["th", { scope: "row" }, ["RAG"]], ["td", {}, ["$1,200"]]]]]],
    ]],
    ["svg", { class: "calc-chart", role: "img", "aria-label": "Scores", width: "100%",
      height: "92" }, [
      ["title", {}, ["Scores"]],
      ["rect", { x: "0", y: "22", width: "82.0%", height: "16", class: "calc-bar" }, []],
      ["text", { x: "0", y: "16", class: "calc-chart__label", "text-anchor": "end" }, ["RAG"]],
      ["line", { x1: "20%", x2: "72%", y1: "4", y2: "4", class: "calc-chart__grid" }, []],
    ]],
  ]],
]];

let warnings;

beforeEach(() => {
  globalThis.document = fakeDocument;
  warnings = mock.method(console, "warn", () => {});
});

function namespaces(node, found = new Map()) {
  if (node instanceof FakeElement) {
    found.set(node.tagName, node.namespaceURI);
    for (const child of node.children) namespaces(child, found);
  }
  return found;
}

describe("build", () => {
  test("builds the engine's tree element for element, without a warning", () => {
    const element = build(RESULT);
    assert.deepEqual(asTree(element), RESULT);
    assert.equal(warnings.mock.callCount(), 0);
  });

  test("puts the chart and only the chart in the SVG namespace", () => {
    const found = namespaces(build(RESULT));
    for (const tag of ["svg", "title", "rect", "text", "line"]) {
      assert.equal(found.get(tag), SVG_NS, tag);
    }
    for (const tag of ["div", "p", "a", "table", "th", "td"]) {
      assert.equal(found.get(tag), HTML_NS, tag);
    }
  });

  test("keeps markup in a string as text", () => {
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const element = build(["p", {}, [markup]]);
    assert.equal(element.children.length, 1);
    assert.ok(element.children[0] instanceof FakeText);
    assert.equal(element.textContent, markup);
  });

  for (const [tree, where] of [
    [["script", {}, ["alert(1)"]], "a script"],
    [["iframe", { src: "https://example.com/" }, []], "a frame"],
    [["object", { data: "x.swf" }, []], "an object"],
    [["style", {}, ["body{display:none}"]], "a style sheet"],
    [["img", { src: "x" }, []], "an image"],
    [["form", { action: "https://example.com/" }, []], "a form"],
    [["title", {}, ["not in HTML"]], "an SVG-only element outside the chart"],
    [["svg", {}, [["foreignObject", {}, [["div", {}, []]]]]], "HTML inside the chart"],
    [["svg", {}, [["a", { href: "javascript:alert(1)" }, []]]], "a link inside the chart"],
    [["svg", {}, [["script", {}, ["alert(1)"]]]], "a script inside the chart"],
    [["constructor", {}, []], "a name that is a property of every object"],
  ]) {
    test(`refuses ${where}, and everything inside it`, () => {
      const parent = build(["div", {}, ["before", tree, "after"]]);
      const refusedAt = tree[0] === "svg" ? parent.children[1] : parent;
      const built = JSON.stringify(asTree(parent));
      for (const text of ["alert", "display:none", "not in HTML", "example.com"]) {
        assert.ok(!built.includes(text), `${text} was built: ${built}`);
      }
      // A refused element leaves an empty text node, so the children stay in step with the tree.
      assert.equal(refusedAt.children.length, tree[0] === "svg" ? 1 : 3);
      assert.deepEqual(asTree(refusedAt.children.at(tree[0] === "svg" ? 0 : 1)), "");
      assert.equal(warnings.mock.callCount(), 1);
    });
  }

  for (const [tag, attributes] of [
    ["p", { onclick: "alert(1)" }],
    ["span", { ONMOUSEOVER: "alert(1)" }],
    ["div", { style: "position:fixed" }],
    ["a", { href: "javascript:alert(1)" }],
    ["a", { href: " javascript:alert(1)" }],
    ["a", { href: "data:text/html,<script>alert(1)</script>" }],
    ["a", { href: "https://example.com/" }],
    ["a", { href: "//example.com/" }],
    ["a", { href: "/elsewhere/" }],
    ["a", { target: "_blank" }],
    ["span", { href: "../patterns/x/" }],
    ["td", { class: "not-allowed-here" }],
    ["rect", { onload: "alert(1)" }],
    ["p", { class: 42 }],
  ]) {
    const [name, value] = Object.entries(attributes)[0];
    test(`drops ${name}=${JSON.stringify(value)} on <${tag}> and keeps the element`, () => {
      const inner = [tag, attributes, ["kept"]];
      const tree = tag === "rect" ? ["svg", {}, [inner]] : inner;
      const element = build(tree);
      const target = tag === "rect" ? element.children[0] : element;
      assert.equal(target.tagName, tag);
      assert.deepEqual([...target.attributes.keys()], []);
      assert.equal(target.textContent, "kept");
      assert.equal(warnings.mock.callCount(), 1);
    });
  }

  for (const href of ["../patterns/narrow-domain/", "./facts/", "#answer", "?need=both"]) {
    test(`keeps the relative link ${href}`, () => {
      assert.equal(build(["a", { href }, ["x"]]).attributes.get("href"), href);
    });
  }

  for (const [tree, what] of [
    [null, "null"],
    [42, "a number"],
    [["p"], "an element without children"],
    [["p", {}, "text"], "children that are not a list"],
    [[["p", {}, []], {}, []], "a tag that is not a string"],
  ]) {
    test(`refuses ${what} rather than throwing`, () => {
      assert.deepEqual(asTree(build(tree)), "");
      assert.equal(warnings.mock.callCount(), 1);
    });
  }

  test("allows no handler, style or frame-like attribute on any tag", () => {
    for (const table of [HTML_ALLOWED, SVG_ALLOWED]) {
      for (const [tag, names] of Object.entries(table)) {
        for (const name of names) {
          assert.doesNotMatch(name, /^on|^style$|^src|^xlink:|^formaction$/i, `${tag} ${name}`);
        }
      }
    }
  });
});

describe("patch", () => {
  // The element as the page holds it: built from `tree` and placed in a parent.
  function placed(tree) {
    const parent = new FakeElement(HTML_NS, "main");
    parent.append(build(tree));
    return parent;
  }

  const section = (title, text) => ["section", { class: "calc-part" }, [["h3", {}, [title]], text]];
  // The view with one section per [title, text] pair, or a given tree in its place.
  const view = (...parts) => ["div", { class: "calc-view" },
    parts.map((part) => (part.length === 2 ? section(...part) : part))];
  const SCRIPT = ["script", {}, ["alert(1)"]];
  const before = view(["A", "one"], ["B", "two"], ["C", "three"]);

  test("replaces only the children whose tree changed", () => {
    const parent = placed(before);
    const element = parent.children[0];
    const [first, second, third] = element.children;
    const after = view(["A", "one"], ["B", "2"], ["C", "three"]);
    patch(element, before, after);
    assert.equal(parent.children[0], element, "the root was rebuilt");
    assert.equal(element.children[0], first);
    assert.notEqual(element.children[1], second);
    assert.equal(element.children[2], third);
    assert.deepEqual(asTree(element), after);
  });

  test("appends new children and removes those no longer in the tree", () => {
    const parent = placed(before);
    const element = parent.children[0];
    const longer = view(["A", "one"], ["B", "two"], ["C", "three"], ["D", "four"]);
    patch(element, before, longer);
    assert.deepEqual(asTree(element), longer);
    const shorter = view(["A", "one"]);
    patch(element, longer, shorter);
    assert.deepEqual(asTree(element), shorter);
  });

  test("rebuilds the whole element when its children no longer match the tree", () => {
    const parent = placed(before);
    const element = parent.children[0];
    element.children[2].remove();
    const after = view(["A", "1"], ["B", "two"], ["C", "three"]);
    patch(element, before, after);
    assert.notEqual(parent.children[0], element);
    assert.deepEqual(asTree(parent.children[0]), after);
  });

  test("keeps a refused child's place, so the next patch still lines up", () => {
    const withScript = view(["A", "one"], SCRIPT, ["C", "three"]);
    const parent = placed(withScript);
    const element = parent.children[0];
    const third = element.children[2];
    const after = view(["A", "1"], SCRIPT, ["C", "three"]);
    patch(element, withScript, after);
    assert.equal(parent.children[0], element);
    assert.equal(element.children[2], third);
    assert.equal(element.children[0].textContent, "A1");
  });
});
