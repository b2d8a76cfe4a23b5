// The few DOM calls dom.js makes, kept in plain objects so that Node can run it without a
// browser: elements keep their namespace, attributes and children, text nodes their text.

const HTML_NS = "http://www.w3.org/1999/xhtml";

class FakeNode {
  constructor() {
    this.parentNode = null;
  }

  get childNodes() {
    return this.children;
  }

  remove() {
    if (!this.parentNode) return;
    const siblings = this.parentNode.children;
    siblings.splice(siblings.indexOf(this), 1);
    this.parentNode = null;
  }

  replaceWith(node) {
    const parent = this.parentNode;
    if (!parent) throw new Error("replaceWith on a node that has no parent");
    node.remove();
    parent.children.splice(parent.children.indexOf(this), 1, node);
    node.parentNode = parent;
    this.parentNode = null;
  }
}

export class FakeText extends FakeNode {
  constructor(data) {
    super();
    this.data = data;
    this.children = [];
  }
}

export class FakeElement extends FakeNode {
  constructor(namespaceURI, tagName) {
    super();
    this.namespaceURI = namespaceURI;
    this.tagName = tagName;
    this.attributes = new Map();
    this.children = [];
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }

  append(...nodes) {
    for (const node of nodes) {
      node.remove();
      this.children.push(node);
      node.parentNode = this;
    }
  }

  // The text of the subtree, as textContent reads it.
  get textContent() {
    return this.children.map((child) => child.data ?? child.textContent).join("");
  }
}

export const fakeDocument = {
  createTextNode: (data) => new FakeText(String(data)),
  createElement: (tag) => new FakeElement(HTML_NS, tag),
  createElementNS: (namespace, tag) => new FakeElement(namespace, tag),
};

// The element tree back as [tag, {attribute: value}, [child, ...]], text as strings, so that a
// test compares what was built with the tree it was built from.
export function asTree(node) {
  if (node instanceof FakeText) return node.data;
  return [node.tagName, Object.fromEntries(node.attributes), node.children.map(asTree)];
}

export { HTML_NS };
