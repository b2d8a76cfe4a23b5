// The calculator's engine, off the main thread: Pyodide (same origin) with the calculator's Python
// library as its standard library: the `calculator` package and the standard-library modules it
// and Pyodide import, compiled to bytecode at build time (hooks/compile_engine.mjs), so that
// nothing is compiled here. Message protocol, every request answered exactly once:
//
//   page → worker  {id, type: "init", payload: {indexURL, engineURL}}  (the same two may also
//                  come in the worker's query string, to fetch ahead of the request)
//                  {id, type: "compute" | "adr" | "markdown" | "break_even", payload}
//                  (see calculator/webapi.py; "break_even" answers the section that "compute"
//                  leaves pending when its payload says break_even_later)
//   worker → page  {id, result, took}  or  {id, error: {step, message}}   (took: ms of work)
//                  {type: "progress", step, status}   (no id: an event, not a reply)
//
// For engine requests `result` is the engine's JSON text, parsed by the page: one parse there is
// cheaper than a parse here plus the structured clone of the object tree that postMessage makes.
//
// Steps, in order: "download" (Pyodide's files and the library), "start" (the Python runtime),
// "engine" (importing the calculator package). An error names its step and a one-line reason
// fit to show a reader; Python tracebacks go to the console only. The types, steps and statuses
// come from contract.js, written from calculator/contract.py, whose TypedDicts describe each
// message.

import { FAILED_REQUEST, MESSAGE, STATUS, STEP, STEPS } from "./contract.js";

let ready = null;
let api = null;

class StartError extends Error {
  // `detail` is the browser's own wording of the problem, for the console, never the page.
  constructor(step, message, detail = "") {
    super(message);
    this.step = step;
    this.detail = detail;
  }
}

const statusOf = {};

// A step that has ended stays ended, whatever order the fetches report in.
function progress(step, status, detail = "") {
  if (statusOf[step] === STATUS.done || statusOf[step] === STATUS.failed) return;
  statusOf[step] = status;
  self.postMessage({ type: MESSAGE.progress, step, status, detail });
}

// Pyodide fetches its own files and the library; watching those fetches lets the page tell a
// blocked or mis-served file from a slow one, and count the bytes of the two large ones (the
// WebAssembly and the library) as they arrive. The download step ends when both have.
function watchDownloads(indexURL, engineURL) {
  const large = [indexURL + "pyodide.asm.wasm", engineURL];
  const nameOf = (url) => (url.startsWith(indexURL) ? url.slice(indexURL.length)
    : url === engineURL ? url.slice(url.lastIndexOf("/") + 1) : "");
  const originalFetch = self.fetch.bind(self);
  const sizes = new Map();
  const received = new Map();
  let reported = 0;
  const report = () => {
    const got = [...received.values()].reduce((a, b) => a + b, 0);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    // A message per megabyte at most: progress should not cost the start time it reports.
    if (got - reported < 1e6 && got < total) return;
    reported = got;
    const mb = (n) => (n / 1e6).toFixed(1);
    const known = sizes.size === large.length && total;
    const detail = known ? `${mb(got)} of ${mb(total)} MB` : `${mb(got)} MB`;
    progress(STEP.download, STATUS.active, detail);
  };
  let finished = 0;
  self.fetch = async (input, options) => {
    const url = input instanceof Request ? input.url : String(input);
    const name = nameOf(url);
    let response;
    try {
      response = await originalFetch(input, options);
    } catch (error) {
      // A lost connection otherwise reaches the reader only as Pyodide's own start failure,
      // which does not say which file never came.
      if (name) failStart(new StartError(STEP.download, `${name} did not arrive (${firstLine(error)})`));
      throw error;
    }
    const type = response.headers.get("content-type") ?? "";
    if (name && !response.ok) {
      failStart(new StartError(STEP.download, `${name} answered HTTP ${response.status}`));
    } else if (name.endsWith(".wasm") && !type.startsWith("application/wasm")) {
      // Browsers refuse to compile WebAssembly served under another type, and Pyodide then
      // waits for ever; saying so at once is the whole point of watching.
      failStart(new StartError(STEP.download,
        `${name} was served as '${type || "no type"}' instead of 'application/wasm'`));
    } else if (large.includes(url) && response.body) {
      // A clone is read for counting; Pyodide keeps the original response, so the browser
      // can still compile the WebAssembly while it streams in (and cache the compiled code).
      sizes.set(name, Number(response.headers.get("content-length")) || 0);
      received.set(name, 0);
      const reader = response.clone().body.getReader();
      (async () => {
        for (;;) {
          const { done: end, value } = await reader.read();
          if (end) break;
          received.set(name, received.get(name) + value.byteLength);
          report();
        }
        finished += 1;
        if (finished === large.length) {
          progress(STEP.download, STATUS.done);
          progress(STEP.start, STATUS.active);
        }
      })().catch(() => {});
    }
    return response;
  };
}

let failStart = () => {};

// The smallest valid WebAssembly module: compiling it tells whether the page's Content Security
// Policy allows WebAssembly at all, which Pyodide would otherwise discover by hanging.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

// What costs the page nothing while it paints: Pyodide's loader, fetched as soon as the paths
// are known. Compiling and starting Python waits for the init request.
let prepared = null;

function prepare({ indexURL, engineURL }) {
  if (!prepared) {
    watchDownloads(indexURL, engineURL);
    const loader = import(indexURL + "pyodide.mjs");
    loader.catch(() => {}); // reported when awaited in start()
    prepared = { loader };
  }
  return prepared;
}

async function start({ indexURL, engineURL }) {
  // Compiled synchronously: eight bytes take no time, whereas the asynchronous compile waits for
  // a busy page's background threads.
  try {
    new WebAssembly.Module(EMPTY_MODULE);
  } catch (error) {
    throw new StartError(STEP.start, "the site's Content Security Policy does not allow " +
      "WebAssembly ('wasm-unsafe-eval' is missing from script-src)", firstLine(error));
  }
  const { loader } = prepare({ indexURL, engineURL });
  progress(STEP.download, STATUS.active);
  let loadPyodide;
  try {
    ({ loadPyodide } = await loader);
  } catch (error) {
    throw new StartError(STEP.download, `pyodide.mjs did not load (${firstLine(error)})`);
  }
  let pyodide;
  try {
    pyodide = await loadPyodide({
      indexURL,
      stdLibURL: engineURL,
      stdout: () => {},
      stderr: (text) => console.warn(text),
    });
  } catch (error) {
    throw new StartError(STEP.start, `the Python runtime did not start (${firstLine(error)})`);
  }
  progress(STEP.download, STATUS.done);
  progress(STEP.start, STATUS.done);
  progress(STEP.engine, STATUS.active);
  try {
    const webapi = pyodide.pyimport("calculator.webapi");
    api = webapi.handle;
  } catch (error) {
    console.error("calculator: the engine did not load", error);
    throw new StartError(STEP.engine, "the calculator engine did not load");
  }
  progress(STEP.engine, STATUS.done);
  return { steps: STEPS, python: pyodide.version };
}

// A reason fit for a reader: the first line of a JavaScript error, never a Python traceback.
function firstLine(error) {
  const text = String(error?.message ?? error).split("\n")[0].slice(0, 200);
  return /Traceback|File "/.test(text) ? "see the browser console" : text;
}

function init(payload) {
  if (!ready) {
    ready = new Promise((resolve, reject) => {
      failStart = reject;
      start(payload).then(resolve, reject);
    });
  }
  return ready;
}

async function answer(type, payload) {
  if (type === MESSAGE.init) return init(payload);
  await ready;
  try {
    return api(JSON.stringify({ type, payload }));
  } catch (error) {
    console.error("calculator: the engine failed on a request", type, payload, error);
    throw new StartError(FAILED_REQUEST, "the engine could not compute this answer");
  }
}

self.addEventListener("message", async (event) => {
  const { id, type, payload } = event.data ?? {};
  try {
    const began = performance.now();
    const result = await answer(type, payload);
    // How long the engine took, for bench/browser.py's breakdown; the page ignores it.
    self.postMessage({ id, result, took: performance.now() - began });
  } catch (error) {
    const step = error instanceof StartError ? error.step : STEP.start;
    if (step !== FAILED_REQUEST) progress(step, STATUS.failed);
    const message = error instanceof StartError ? error.message : firstLine(error);
    const detail = error instanceof StartError ? error.detail : "";
    self.postMessage({ id, error: { step, message, detail } });
  }
});

// Anything that escapes (an abort inside the runtime) still ends the start with a reason.
self.addEventListener("unhandledrejection", (event) => {
  failStart(new StartError(STEP.start, `the Python runtime stopped (${firstLine(event.reason)})`));
});
self.addEventListener("error", (event) => {
  failStart(new StartError(STEP.start, `the Python runtime stopped (${firstLine(event.message)})`));
});

// A worker that the page's head script started carries its paths in its own URL, so it fetches
// what it can before the init request comes (which the page sends once it has painted).
const given = new URL(self.location.href).searchParams;
if (given.has("indexURL") && given.has("engineURL")) {
  prepare({ indexURL: given.get("indexURL"), engineURL: given.get("engineURL") });
}
