// Builds the engine's result tree ([tag, {attribute: value}, [child, ...]], leaves are strings) with
// DOM calls. Strings become text nodes, never markup, so nothing in an answer can inject HTML.

const SVG_NS = "http://www.w3.org/2000/svg";
// Only the links the result makes (pattern pages, relative to the calculator page).
const SAFE_HREF = /^(?:\.\.?\/|#|\?)/;

export function build(node, inSvg = false) {
  if (typeof node === "string") return document.createTextNode(node);
  const [tag, attributes, children] = node;
  const svg = inSvg || tag === "svg";
  const element = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (/^on/i.test(name) || name === "style") continue;
    if (name === "href" && !SAFE_HREF.test(value)) continue;
    element.setAttribute(name, value);
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
