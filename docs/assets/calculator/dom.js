// Builds the engine's result tree ([tag, {attribute: value}, [child, ...]], leaves are strings) with
// DOM calls. Strings become text nodes, never markup, so nothing in an answer can inject HTML.
//
// Only the elements and attributes the engine writes (calculator/result_view.py, charts.py and
// compare.py) are built; anything else is refused, so that a tree which is not the engine's
// (a bug, or a worker that was tampered with) cannot add a script, a frame, a handler or a link
// elsewhere. tests/test_result_allowlist.py fails when the engine and these lists drift apart.

const SVG_NS = "http://www.w3.org/2000/svg";

const CLASS = ["class"];
// Tag -> the attributes it may carry, outside an <svg> element.
export const HTML_ALLOWED = {
  a: ["href"],
  code: [],
  dd: [],
  div: CLASS,
  dl: CLASS,
  dt: [],
  h3: [],
  li: [],
  ol: CLASS,
  p: CLASS,
  // aria-busy: the break-even section while it is being worked out (see app.js).
  section: ["class", "aria-busy"],
  span: CLASS,
  strong: CLASS,
  table: CLASS,
  tbody: [],
  td: [],
  th: ["scope"],
  thead: [],
  tr: [],
  ul: CLASS,
};

// Tag -> the attributes it may carry, in the charts (an <svg> element and what it holds).
export const SVG_ALLOWED = {
  svg: ["class", "role", "aria-label", "width", "height"],
  title: [],
  line: ["class", "x1", "x2", "y1", "y2"],
  rect: ["class", "x", "y", "width", "height"],
  text: ["class", "x", "y", "text-anchor", "dominant-baseline"],
};

// Only the links the result makes (pattern pages, relative to the calculator page).
export const SAFE_HREF = /^(?:\.\.?\/|#|\?)/;

const has = (table, key) => Object.hasOwn(table, key);

// Whether `name="value"` may be set on `tag`; `allowed` is the tag's list.
function attributeAllowed(allowed, name, value) {
  if (!allowed.includes(name) || typeof value !== "string") return false;
  return name !== "href" || SAFE_HREF.test(value);
}

export function build(node, inSvg = false) {
  if (typeof node === "string") return document.createTextNode(node);
  const [tag, attributes, children] = Array.isArray(node) ? node : [];
  const svg = inSvg || tag === "svg";
  const table = svg ? SVG_ALLOWED : HTML_ALLOWED;
  if (typeof tag !== "string" || !has(table, tag) || !Array.isArray(children)) {
    // An empty text node keeps the parent's children in step with the tree (see patch).
    console.warn("calculator: refused an element the result does not use:", tag);
    return document.createTextNode("");
  }
  const element = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (attributeAllowed(table[tag], name, value)) element.setAttribute(name, value);
    else console.warn(`calculator: refused the attribute ${name} on <${tag}>`);
  }
  for (const child of children) element.append(build(child, svg));
  return element;
}

// Replaces only the children of `element` whose tree changed since `previous` (the tree the
// element was built from), so that a change of answer rewrites a few sections rather than the
// whole result, and screen readers hear only what changed.
export function patch(element, previous, next) {
  const [, , before] = previous;
  const [, , after] = next;
  const nodes = [...element.childNodes];
  if (nodes.length !== before.length) {
    element.replaceWith(build(next));
    return;
  }
  after.forEach((child, index) => {
    if (index >= before.length) element.append(build(child));
    else if (JSON.stringify(child) !== JSON.stringify(before[index])) {
      nodes[index].replaceWith(build(child));
    }
  });
  for (const extra of nodes.slice(after.length)) extra.remove();
}
