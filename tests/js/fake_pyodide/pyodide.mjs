// Stands in for Pyodide's loader in worker.test.mjs: each test sets `globalThis.fakePyodide.load`
// to the runtime it wants (or a failure), and reads back the options the worker passed.
export async function loadPyodide(options) {
  const plan = globalThis.fakePyodide;
  plan.calls.push(options);
  return plan.load(options);
}
