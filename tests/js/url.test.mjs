// The URL codec: the answers in the query string, the pinned answers in a parameter of their own,
// and every parameter that is not an engine field left where it was.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  PINNED, readPinned, readQuery, writePinned, writeQuery,
} from "../../docs/assets/calculator/url.js";

const FIELDS = ["need", "calls_per_day", "citations_required", "tone"];
const PAGE = "https://docs.example.com/guide/calculator/";

// Texts a reader or a portal can put in a URL: separators, escapes, spaces, plus signs, letters
// outside ASCII, an empty value. Drawn by a seeded generator, so a failure replays.
const PIECES = ["a", "Z", "0", " ", "+", "&", "=", "?", "#", "%", "%20", "/", ";", "'", "\"",
  "<", ">", "é", "日本", "😀", "\u00a0", "-", "_", "."];

function* texts(seed, count) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  for (let i = 0; i < count; i++) {
    const length = next() % 7;
    yield Array.from({ length }, () => PIECES[next() % PIECES.length]).join("");
  }
}

describe("readQuery", () => {
  test("reads only engine fields, as the text given", () => {
    const search = "?need=both&utm_source=portal&calls_per_day=40%2C000&tone=";
    assert.deepEqual(readQuery(search, FIELDS), { need: "both", calls_per_day: "40,000", tone: "" });
  });

  test("takes the first of a repeated field", () => {
    assert.deepEqual(readQuery("?need=both&need=behavior", FIELDS), { need: "both" });
  });

  test("reads nothing from an empty query", () => {
    assert.deepEqual(readQuery("", FIELDS), {});
    assert.deepEqual(readQuery("?", FIELDS), {});
  });
});

describe("writeQuery", () => {
  test("keeps other parameters first, in their order, then the answers in form order", () => {
    const href = `${PAGE}?utm_source=portal&need=rag&b=2&tone=formal#answer`;
    const written = new URL(writeQuery(href, FIELDS, [["need", "both"], ["calls_per_day", "5000"]]));
    assert.deepEqual([...written.searchParams],
      [["utm_source", "portal"], ["b", "2"], ["need", "both"], ["calls_per_day", "5000"]]);
    assert.equal(written.hash, "#answer");
    assert.equal(written.pathname, "/guide/calculator/");
  });

  test("leaves no question mark when nothing is given", () => {
    assert.equal(writeQuery(`${PAGE}?need=both`, FIELDS, []), PAGE);
  });

  test("writes what readQuery reads back, whatever the text", () => {
    let checked = 0;
    const values = [...texts(20261202, 400)];
    for (let i = 0; i + 2 < values.length; i += 3) {
      const pairs = [["need", values[i]], ["tone", values[i + 1]]];
      const other = values[i + 2];
      const href = writeQuery(`${PAGE}?other=${encodeURIComponent(other)}`, FIELDS, pairs);
      const search = new URL(href).search;
      assert.deepEqual(readQuery(search, FIELDS), Object.fromEntries(pairs), href);
      assert.equal(new URLSearchParams(search).get("other"), other, href);
      checked += 1;
    }
    assert.ok(checked > 100);
  });
});

describe("pinned answers", () => {
  test("are null when the URL pins nothing", () => {
    assert.equal(readPinned("?need=both", FIELDS), null);
  });

  test("round-trip through their own parameter, beside the answers", () => {
    const pinned = { need: "both", tone: "a&b=c d+e", calls_per_day: "100" };
    const href = writePinned(`${PAGE}?need=behavior&utm=x`, pinned);
    const search = new URL(href).search;
    assert.deepEqual(readPinned(search, FIELDS), pinned);
    assert.deepEqual(readQuery(search, FIELDS), { need: "behavior" });
    assert.equal(new URLSearchParams(search).get("utm"), "x");
  });

  test("keep only engine fields", () => {
    const search = `?${PINNED}=${encodeURIComponent("need=both&evil=1")}`;
    assert.deepEqual(readPinned(search, FIELDS), { need: "both" });
  });

  test("are removed by writing null, and the rest of the URL stays", () => {
    const href = writePinned(`${PAGE}?need=both&${PINNED}=need%3Drag#answer`, null);
    assert.equal(href, `${PAGE}?need=both#answer`);
  });

  test("pinning nothing still pins: an empty parameter, read back as no answers", () => {
    const href = writePinned(PAGE, {});
    assert.deepEqual(readPinned(new URL(href).search, FIELDS), {});
  });
});
