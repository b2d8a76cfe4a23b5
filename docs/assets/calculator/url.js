// The answers in the query string: engine field names, values as the engine writes them. Only
// fields that differ from their defaults are written; parameters that are not engine fields
// (a portal's tracking tags, say) are left where they are.

export function readQuery(search, fieldNames) {
  const params = new URLSearchParams(search);
  const values = {};
  for (const name of fieldNames) {
    if (params.has(name)) values[name] = params.get(name);
  }
  return values;
}

// `pairs` lists the non-default answers in form order, as [name, text].
export function writeQuery(href, fieldNames, pairs) {
  const url = new URL(href);
  const fields = new Set(fieldNames);
  const kept = [...url.searchParams].filter(([name]) => !fields.has(name));
  url.search = new URLSearchParams([...kept, ...pairs]).toString();
  return url.href;
}
