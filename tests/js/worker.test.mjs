// The engine's worker (worker.js) loaded in Node with a fake `self` and a fake Pyodide: every
// request answered once by id, progress as events that never go back on a finished step, and a
// start that cannot succeed ended at once with a step and a reason fit for a reader.
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, mock, test } from "node:test";
import { pathToFileURL } from "node:url";

import { settle } from "./fake_worker.mjs";

const WORKER = new URL("../../docs/assets/calculator/worker.js", import.meta.url).href;
const INDEX_URL = new URL("./fake_pyodide/", import.meta.url).href;
const ENGINE_URL = "https://site.test/assets/calculator/engine.zip";
const WASM_URL = `${INDEX_URL}pyodide.asm.wasm`;
const CONFIG = { indexURL: INDEX_URL, engineURL: ENGINE_URL };
const MB = 1e6;

let loaded = 0;

// A fresh copy of worker.js (its module state included) running against a fake `self`.
// `served` maps a URL to [status, content type, byte count]; anything else is a 404.
async function startWorker({ search = "", served = {} } = {}) {
  const posted = [];
  const waiting = [];
  const listeners = {};
  const fetched = [];
  const fetch = async (input) => {
    const url = String(input);
    fetched.push(url);
    const [status, type, size] = served[url] ?? [404, "text/html", 0];
    return new Response(status === 404 ? "not found" : new Uint8Array(size), {
      status, headers: { "content-type": type, "content-length": String(size) },
    });
  };
  const self = {
    location: { href: `https://site.test/assets/calculator/worker.js${search}` },
    fetch,
    postMessage(message) {
      posted.push(structuredClone(message));
      for (const wait of [...waiting]) wait();
    },
    addEventListener(type, listener) {
      (listeners[type] ??= []).push(listener);
    },
  };
  globalThis.self = self;
  loaded += 1;
  await import(`${WORKER}?copy=${loaded}`);

  const dispatch = (type, event) => {
    for (const listener of listeners[type] ?? []) listener(event);
  };
  // Sends a request and resolves with the worker's reply to it.
  const ask = (id, type, payload) => {
    dispatch("message", { data: { id, type, payload } });
    return replyTo(id);
  };
  const replyTo = (id) => new Promise((resolve) => {
    const check = () => {
      const reply = posted.find((message) => message.id === id && !("type" in message));
      if (!reply) return;
      waiting.splice(waiting.indexOf(check), 1);
      resolve(reply);
    };
    waiting.push(check);
    check();
  });
  const progress = () => posted.filter((message) => message.type === "progress");
  return { self, fetch, fetched, posted, ask, replyTo, dispatch, progress };
}

// A runtime whose engine answers with `handle`; loading it fetches the two large files the way
// Pyodide does and reads them to the end.
function runtime(handle = (text) => JSON.stringify({ echo: JSON.parse(text) })) {
  return async ({ indexURL, stdLibURL }) => {
    const responses = await Promise.all([globalThis.self.fetch(`${indexURL}pyodide.asm.wasm`),
      globalThis.self.fetch(stdLibURL)]);
    await Promise.all(responses.map((response) => response.arrayBuffer()));
    await settle();
    return {
      version: "0.0.test",
      pyimport: (name) => {
        assert.equal(name, "calculator.webapi");
        return { handle };
      },
    };
  };
}

const SERVED = {
  [WASM_URL]: [200, "application/wasm", 3 * MB],
  [ENGINE_URL]: [200, "application/zip", 1.5 * MB],
};

let consoleErrors;

beforeEach(() => {
  globalThis.fakePyodide = { calls: [], load: runtime() };
  consoleErrors = mock.method(console, "error", () => {});
  mock.method(console, "warn", () => {});
});

afterEach(() => {
  mock.restoreAll();
  delete globalThis.self;
  delete globalThis.fakePyodide;
});

// The reply's id with its result or error: the protocol may add fields (timings, say) beside them.
const settled = ({ id, result, error }) => (error === undefined ? { id, result } : { id, error });

// The statuses each step went through, in order.
function history(progress) {
  const steps = {};
  for (const { step, status } of progress) (steps[step] ??= []).push(status);
  return steps;
}

describe("a start that succeeds", () => {
  test("answers init once, after every step is done, with the paths given to Pyodide", async () => {
    const worker = await startWorker({ served: SERVED });
    const reply = await worker.ask(1, "init", CONFIG);
    assert.deepEqual(settled(reply),
      { id: 1, result: { steps: ["download", "start", "engine"], python: "0.0.test" } });
    const steps = history(worker.progress());
    for (const step of ["download", "start", "engine"]) assert.equal(steps[step].at(-1), "done", step);
    for (const [step, seen] of Object.entries(steps)) {
      assert.deepEqual(seen.filter((status) => status === "done"), ["done"], `${step}: ${seen}`);
      assert.ok(!seen.includes("failed"), `${step}: ${seen}`);
    }
    const [options] = globalThis.fakePyodide.calls;
    assert.equal(options.indexURL, INDEX_URL);
    assert.equal(options.stdLibURL, ENGINE_URL);
    assert.equal(worker.posted.filter((message) => message.id === 1).length, 1);
  });

  test("counts the two large downloads in megabytes as they arrive", async () => {
    const worker = await startWorker({ served: SERVED });
    await worker.ask(1, "init", CONFIG);
    const details = worker.progress()
      .filter((message) => message.step === "download" && message.detail)
      .map((message) => message.detail);
    assert.equal(details.at(-1), "4.5 of 4.5 MB", details.join(", "));
  });

  test("hands each engine request to the engine as JSON text, and its reply back as it is", async () => {
    const seen = [];
    globalThis.fakePyodide.load = runtime((text) => {
      seen.push(text);
      return '{"recommendation": "rag"}';
    });
    const worker = await startWorker({ served: SERVED });
    await worker.ask(1, "init", CONFIG);
    const payload = { values: { need: "both" }, pinned: { tone: "formal" } };
    const reply = await worker.ask(2, "compute", payload);
    assert.deepEqual(settled(reply), { id: 2, result: '{"recommendation": "rag"}' });
    assert.deepEqual(seen.map((text) => JSON.parse(text)), [{ type: "compute", payload }]);
    // The break-even section the page asks for after a change goes the same way.
    const later = await worker.ask(3, "break_even", { values: { need: "both" } });
    assert.deepEqual(settled(later), { id: 3, result: '{"recommendation": "rag"}' });
    assert.deepEqual(JSON.parse(seen[1]), { type: "break_even", payload: { values: { need: "both" } } });
  });

  test("starts Python once however many init requests come", async () => {
    const worker = await startWorker({ served: SERVED });
    const replies = await Promise.all([worker.ask(1, "init", CONFIG), worker.ask(2, "init", CONFIG)]);
    assert.deepEqual(replies.map((reply) => reply.id), [1, 2]);
    assert.ok(replies.every((reply) => "result" in reply));
    assert.equal(globalThis.fakePyodide.calls.length, 1);
  });

  test("an engine request sent before init is ready waits for it", async () => {
    const worker = await startWorker({ served: SERVED });
    const init = worker.ask(1, "init", CONFIG);
    const compute = worker.ask(2, "compute", { values: {} });
    const [, reply] = await Promise.all([init, compute]);
    assert.deepEqual(JSON.parse(reply.result), { echo: { type: "compute", payload: { values: {} } } });
  });

  test("an engine that fails on one request answers that request with an error, and goes on", async () => {
    let calls = 0;
    globalThis.fakePyodide.load = runtime(() => {
      calls += 1;
      if (calls === 1) throw new Error('Traceback (most recent call last):\n  File "x.py"');
      return "{}";
    });
    const worker = await startWorker({ served: SERVED });
    await worker.ask(1, "init", CONFIG);
    const before = worker.progress().length;
    assert.deepEqual(settled(await worker.ask(2, "compute", {})), {
      id: 2, error: { step: "compute", message: "the engine could not compute this answer", detail: "" },
    });
    assert.equal(worker.progress().length, before, "a failed request was reported as progress");
    assert.equal(consoleErrors.mock.callCount(), 1, "the traceback did not reach the console");
    assert.deepEqual(settled(await worker.ask(3, "compute", {})), { id: 3, result: "{}" });
  });
});

describe("a start that cannot succeed", () => {
  // Asks for init and checks the error reply and that the step named was reported failed.
  async function failsWith(worker, step, message) {
    const reply = await worker.ask(1, "init", CONFIG);
    assert.equal(reply.error?.step, step, JSON.stringify(reply));
    assert.match(reply.error.message, message);
    assert.ok(!/Traceback|File "/.test(reply.error.message), reply.error.message);
    const steps = history(worker.progress());
    assert.equal(steps[step].at(-1), "failed", JSON.stringify(steps));
    return reply;
  }

  // A runtime that fetches what Pyodide fetches, then never finishes, as Pyodide does when the
  // browser will not compile its WebAssembly.
  const hangs = async ({ indexURL, stdLibURL }) => {
    await Promise.all([globalThis.self.fetch(`${indexURL}pyodide.asm.wasm`),
      globalThis.self.fetch(stdLibURL)]);
    return new Promise(() => {});
  };

  test("WebAssembly served under another type is named at once, not waited for", async () => {
    globalThis.fakePyodide.load = hangs;
    const worker = await startWorker({
      served: { ...SERVED, [WASM_URL]: [200, "application/octet-stream", 3 * MB] },
    });
    const reply = await failsWith(worker, "download", /^pyodide\.asm\.wasm was served as/);
    assert.equal(reply.error.message,
      "pyodide.asm.wasm was served as 'application/octet-stream' instead of 'application/wasm'");
  });

  test("a library the server does not have is named with its HTTP status", async () => {
    globalThis.fakePyodide.load = hangs;
    const worker = await startWorker({ served: { [WASM_URL]: SERVED[WASM_URL] } });
    const reply = await failsWith(worker, "download", /answered HTTP 404$/);
    assert.equal(reply.error.message, "engine.zip answered HTTP 404");
  });

  test("a loader that does not load fails the download step", async () => {
    const worker = await startWorker();
    const reply = await worker.ask(1, "init", { ...CONFIG, indexURL: pathToFileURL("/nonexistent/").href });
    assert.equal(reply.error.step, "download");
    assert.match(reply.error.message, /^pyodide\.mjs did not load \(/);
  });

  test("a runtime that throws fails the start step without showing a traceback", async () => {
    globalThis.fakePyodide.load = async () => {
      throw new Error('Traceback (most recent call last):\n  File "/lib/python.py", line 1');
    };
    const worker = await startWorker({ served: SERVED });
    const reply = await failsWith(worker, "start", /^the Python runtime did not start/);
    assert.equal(reply.error.message, "the Python runtime did not start (see the browser console)");
  });

  test("an engine that does not import fails the engine step", async () => {
    const load = runtime();
    globalThis.fakePyodide.load = async (options) => ({
      ...(await load(options)),
      pyimport: () => {
        throw new Error("ModuleNotFoundError: No module named 'calculator'");
      },
    });
    const worker = await startWorker({ served: SERVED });
    const reply = await failsWith(worker, "engine", /^the calculator engine did not load$/);
    assert.equal(history(worker.progress()).start.at(-1), "done");
    assert.equal(reply.error.detail, "");
  });

  test("a rejection that escapes the runtime ends the start with its reason", async () => {
    globalThis.fakePyodide.load = () => new Promise(() => {});
    const worker = await startWorker({ served: SERVED });
    const reply = worker.ask(1, "init", CONFIG);
    await settle();
    worker.dispatch("unhandledrejection", { reason: new Error("RuntimeError: memory access out of bounds") });
    const { error } = await reply;
    assert.deepEqual(error, {
      step: "start",
      message: "the Python runtime stopped (RuntimeError: memory access out of bounds)",
      detail: "",
    });
  });

  test("a policy that forbids WebAssembly is named before anything is fetched", async () => {
    const real = globalThis.WebAssembly;
    const blocked = Object.create(real);
    blocked.Module = class {
      constructor() {
        throw new Error("WebAssembly.Module(): Wasm code generation disallowed by embedder");
      }
    };
    globalThis.WebAssembly = blocked;
    try {
      const worker = await startWorker({ served: SERVED });
      const reply = await failsWith(worker, "start", /'wasm-unsafe-eval' is missing/);
      assert.match(reply.error.detail, /disallowed by embedder/);
      assert.deepEqual(worker.fetched, []);
      assert.equal(globalThis.fakePyodide.calls.length, 0);
    } finally {
      globalThis.WebAssembly = real;
    }
  });

  test("every later request is answered with the start's failure", async () => {
    globalThis.fakePyodide.load = async () => {
      throw new Error("no memory");
    };
    const worker = await startWorker({ served: SERVED });
    await worker.ask(1, "init", CONFIG);
    const reply = await worker.ask(2, "compute", {});
    assert.equal(reply.error.step, "start");
    assert.equal(reply.error.message, "the Python runtime did not start (no memory)");
  });
});

describe("paths in the worker's URL", () => {
  test("start the downloads before the init request", async () => {
    const search = `?${new URLSearchParams(CONFIG)}`;
    const worker = await startWorker({ search, served: SERVED });
    assert.notEqual(worker.self.fetch, worker.fetch, "fetches are not watched before init");
    assert.deepEqual(worker.posted, [], "the worker spoke before it was asked");
  });

  test("are optional: without them nothing starts until init", async () => {
    const worker = await startWorker({ served: SERVED });
    assert.equal(worker.self.fetch, worker.fetch);
  });
});
