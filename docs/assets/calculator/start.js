// Starts the engine as early as the page allows. The calculator page loads this small classic
// script in its head, ahead of the theme's stylesheets, with the form's asset paths on the script
// element. Chromium runs async and module scripts only once the parser and the first paint leave
// room for them, and a worker starts only when the page's main thread is free to set it up; a
// classic script runs as soon as it arrives, so the worker is created here, at once, with its
// paths in its URL: it fetches its loader and the engine while the page is parsed and painted.
// The init request, which compiles Pyodide's WebAssembly and starts Python (seconds of CPU), is
// sent once the first frame is painted, so that the pre-rendered answer is not held back by it.
// client.js adopts the worker (see EngineClient) when glue.js binds the form. A revisit through
// instant navigation does not run this again; client.js starts a worker itself then.
// A classic script cannot import contract.js, so the init message type and the hand-off symbol
// (EARLY_WORKER) are written out here; tests/test_contract.py holds them to the contract.
(() => {
  const script = document.currentScript;
  const paths = script.dataset;
  const config = {
    indexURL: new URL(paths.pyodide, script.src).href,
    engineURL: new URL(paths.engine, script.src).href,
  };
  // The paths also go in the worker's URL, so that it fetches without waiting for the request.
  const url = new URL(`worker.js?${new URLSearchParams(config)}`, script.src);
  const early = { worker: new Worker(url, { type: "module" }), config, messages: [] };
  // Kept until client.js takes over; a failed worker script is kept as the word "error".
  const keep = (event) => early.messages.push(event.data);
  const failed = (event) => {
    event.preventDefault();
    early.messages.push("error");
  };
  early.worker.addEventListener("message", keep);
  early.worker.addEventListener("error", failed);
  early.stop = () => {
    early.worker.removeEventListener("message", keep);
    early.worker.removeEventListener("error", failed);
  };
  const init = () => early.worker.postMessage({ id: 1, type: "init", payload: early.config });
  requestAnimationFrame(() => setTimeout(init, 0));
  window[Symbol.for("llm-guide.calculator.early-worker")] = early;
  import(new URL("client.js", script.src).href)
    .then(({ sharedClient }) => sharedClient(script))
    .catch((error) => console.error("calculator: could not load its scripts", error));
})();
