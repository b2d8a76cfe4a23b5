// The answers in the query string: engine field names, values as the engine writes them. Only
// the fields the reader gave are written (a default the reader chose included); parameters that
// are not engine fields (a portal's tracking tags, say) are left where they are.

export function readQuery(search, fieldNames) {
  const params = new URLSearchParams(search);
  const values = {};
  for (const name of fieldNames) {
    if (params.has(name)) values[name] = params.get(name);
  }
  return values;
}

// `pairs` lists the given answers in form order, as [name, text].
export function writeQuery(href, fieldNames, pairs) {
  const url = new URL(href);
  const fields = new Set(fieldNames);
  const kept = [...url.searchParams].filter(([name]) => !fields.has(name));
  url.search = new URLSearchParams([...kept, ...pairs]).toString();
  return url.href;
}

// The pinned answers (see app.js): a query string of their own in the parameter `pinned`, so a
// link reproduces the comparison. Null when nothing is pinned; only engine fields are kept.
export const PINNED = "pinned";

export function readPinned(search, fieldNames) {
  const params = new URLSearchParams(search);
  return params.has(PINNED) ? readQuery(params.get(PINNED), fieldNames) : null;
}

export function writePinned(href, pinned) {
  const url = new URL(href);
  if (pinned === null) url.searchParams.delete(PINNED);
  else url.searchParams.set(PINNED, new URLSearchParams(pinned).toString());
  return url.href;
}
