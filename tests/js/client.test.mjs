// The page's side of the worker protocol (client.js) against a fake worker: every request an id,
// every reply settled once, progress as events, a failure that rejects whatever is pending, and
// the hand-off of a worker that the head's start script began.
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, mock, test } from "node:test";

import { EngineClient, sharedClient, STEPS } from "../../docs/assets/calculator/client.js";
import { FakeWorker, settle } from "./fake_worker.mjs";

const CONFIG = { indexURL: "https://site.test/assets/pyodide/", engineURL: "https://site.test/e.zip" };
const EARLY = Symbol.for("llm-guide.calculator.early-worker");

let consoleErrors;

beforeEach(() => {
  consoleErrors = mock.method(console, "error", () => {});
});

afterEach(() => {
  mock.restoreAll();
});

// A client whose worker has answered the init request: all steps done.
async function started() {
  const worker = new FakeWorker();
  const client = new EngineClient(worker, CONFIG);
  for (const step of STEPS) worker.send({ type: "progress", step, status: "done" });
  worker.send({ id: 1, result: { steps: STEPS, python: "3.14" } });
  await client.ready;
  return { worker, client };
}

// Records whether and how a promise settled, without awaiting it.
function watch(promise) {
  const seen = { settled: false };
  promise.then(
    (value) => Object.assign(seen, { settled: true, value }),
    (error) => Object.assign(seen, { settled: true, error }),
  );
  return seen;
}

describe("EngineClient", () => {
  test("sends init as request 1, with the paths, and counts up from there", async () => {
    const { worker, client } = await started();
    client.request("compute", { values: { need: "both" } });
    client.request("adr", { values: {} });
    assert.deepEqual(worker.posted, [
      { id: 1, type: "init", payload: CONFIG },
      { id: 2, type: "compute", payload: { values: { need: "both" } } },
      { id: 3, type: "adr", payload: { values: {} } },
    ]);
  });

  test("settles each request by its own id, in whatever order the replies come", async () => {
    const { worker, client } = await started();
    const first = client.request("compute", {});
    const second = client.request("compute", {});
    worker.send({ id: 3, result: JSON.stringify({ recommendation: "rag" }) });
    worker.send({ id: 2, result: { recommendation: "hybrid" } });
    // Engine replies come as JSON text and are parsed once, here; others pass as they are.
    assert.deepEqual(await second, { recommendation: "rag" });
    assert.deepEqual(await first, { recommendation: "hybrid" });
    assert.equal(client.pending.size, 0);
  });

  test("settles a request once: a second reply with its id, or an unknown id, is ignored", async () => {
    const { worker, client } = await started();
    const seen = watch(client.request("compute", {}));
    const later = watch(client.request("compute", {}));
    worker.send({ id: 2, result: "1" });
    worker.send({ id: 2, error: { step: "compute", message: "late" } });
    worker.send({ id: 99, result: "2" });
    worker.send(null);
    worker.send("error");
    await settle();
    assert.deepEqual(seen, { settled: true, value: 1 });
    assert.deepEqual(later, { settled: false });
    assert.deepEqual([...client.pending.keys()], [3]);
  });

  test("rejects a request the worker answers with an error, and stays usable", async () => {
    const { worker, client } = await started();
    const failed = client.request("compute", {});
    worker.send({ id: 2, error: { step: "compute", message: "the engine could not compute" } });
    await assert.rejects(failed, { step: "compute", message: "the engine could not compute" });
    assert.equal(client.failure, null);
    assert.ok(client.isReady);
    const next = client.request("compute", {});
    worker.send({ id: 3, result: "{}" });
    assert.deepEqual(await next, {});
  });

  test("reports progress to listeners, and drops a listener that returns false", async () => {
    const worker = new FakeWorker();
    const client = new EngineClient(worker, CONFIG);
    const heard = [];
    const gone = [];
    client.subscribe((c) => heard.push(`${c.status.download}:${c.detail.download ?? ""}`));
    client.subscribe(() => {
      gone.push(1);
      return false;
    });
    worker.send({ type: "progress", step: "download", status: "active", detail: "1.0 of 9.0 MB" });
    worker.send({ type: "progress", step: "download", status: "done" });
    assert.deepEqual(heard, ["pending:", "active:1.0 of 9.0 MB", "done:"]);
    assert.equal(gone.length, 2, "a listener that returned false was told again");
    assert.equal(client.isReady, false);
    worker.send({ type: "progress", step: "start", status: "done" });
    worker.send({ type: "progress", step: "engine", status: "done" });
    assert.equal(client.isReady, true);
    assert.deepEqual(worker.posted.map((m) => m.type), ["init"], "progress was answered");
  });

  test("a worker script that does not load fails the start, rejects everything pending", async () => {
    const worker = new FakeWorker();
    const client = new EngineClient(worker, CONFIG);
    const request = client.request("compute", {});
    const told = [];
    client.subscribe((c) => told.push(c.failure?.step ?? null));
    assert.equal(worker.failToLoad(), true, "the error event was left to the console");
    const failure = { step: "download", message: "the calculator's worker script did not load" };
    await assert.rejects(client.ready, failure);
    await assert.rejects(request, failure);
    assert.deepEqual(client.failure, failure);
    assert.equal(client.status.download, "failed");
    assert.equal(client.pending.size, 0);
    assert.deepEqual(told, [null, "download"]);
    assert.equal(consoleErrors.mock.callCount(), 1);
    assert.match(consoleErrors.mock.calls[0].arguments[0], /could not start \(download\)/);
  });

  test("an init error names its step; a later failure does not replace the first", async () => {
    const worker = new FakeWorker();
    const client = new EngineClient(worker, CONFIG);
    worker.send({ type: "progress", step: "download", status: "done" });
    worker.send({ id: 1, error: { step: "start", message: "no WebAssembly", detail: "CSP" } });
    await assert.rejects(client.ready, { step: "start", message: "no WebAssembly" });
    await settle();
    worker.failToLoad();
    assert.deepEqual(client.failure, { step: "start", message: "no WebAssembly" });
    assert.deepEqual(client.status, { download: "done", start: "failed", engine: "pending" });
    assert.equal(consoleErrors.mock.callCount(), 1);
    assert.equal(consoleErrors.mock.calls[0].arguments[1], "CSP");
  });

  test("a step already done is not marked failed by a failure named for it", async () => {
    const worker = new FakeWorker();
    const client = new EngineClient(worker, CONFIG);
    worker.send({ type: "progress", step: "download", status: "done" });
    client.fail({ step: "download", message: "late" });
    assert.equal(client.status.download, "done");
    await assert.rejects(client.ready, { step: "download" });
  });
});

describe("hand-off from the start script", () => {
  // What start.js leaves: the worker, its config, the messages kept so far and a stop function.
  function early(messages) {
    const worker = new FakeWorker();
    const stopped = [];
    return { worker, config: CONFIG, messages, stop: () => stopped.push(true), stopped };
  }

  test("replays the kept messages in order and goes on with id 2", async () => {
    const handed = early([
      { type: "progress", step: "download", status: "done" },
      { type: "progress", step: "start", status: "done" },
      { type: "progress", step: "engine", status: "active" },
    ]);
    const client = new EngineClient(handed.worker, handed.config, handed);
    assert.deepEqual(handed.stopped, [true]);
    assert.deepEqual(handed.worker.posted, [], "init was sent again");
    assert.equal(client.status.engine, "active");
    handed.worker.send({ type: "progress", step: "engine", status: "done" });
    handed.worker.send({ id: 1, result: { steps: STEPS } });
    await client.ready;
    assert.ok(client.isReady);
    client.request("compute", {});
    assert.deepEqual(handed.worker.posted.map((m) => m.id), [2]);
  });

  test("a reply to init that came before the hand-off settles ready", async () => {
    const handed = early([
      ...STEPS.map((step) => ({ type: "progress", step, status: "done" })),
      { id: 1, result: { steps: STEPS } },
    ]);
    const client = new EngineClient(handed.worker, handed.config, handed);
    assert.deepEqual(await client.ready, { steps: STEPS });
    assert.equal(client.pending.size, 0);
  });

  test("a worker script that failed before the hand-off fails the start", async () => {
    const handed = early([{ type: "progress", step: "download", status: "active" }, "error"]);
    const client = new EngineClient(handed.worker, handed.config, handed);
    await assert.rejects(client.ready, { step: "download" });
    assert.equal(client.status.download, "failed");
  });
});

describe("sharedClient", () => {
  const FORM = { dataset: { pyodide: "../pyodide/", engine: "../engine/engine.zip" } };
  // The first test's client, which it leaves failed for the second to replace.
  let adopted = null;

  beforeEach(() => {
    globalThis.window = {};
    globalThis.Worker = FakeWorker;
  });

  afterEach(() => {
    delete globalThis.window;
    delete globalThis.Worker;
  });

  // The module keeps its client across tests: this must be the module's first sharedClient call.
  test("adopts the start script's worker once, then keeps one client per window", async () => {
    const worker = new FakeWorker();
    const stopped = [];
    globalThis.window[EARLY] = { worker, config: CONFIG, messages: [], stop: () => stopped.push(true) };
    const first = sharedClient(FORM);
    assert.equal(first.worker, worker);
    assert.deepEqual(stopped, [true]);
    assert.equal(globalThis.window[EARLY], undefined, "the hand-off was left for another client");
    assert.deepEqual(worker.posted, [], "init was sent again");
    assert.equal(sharedClient(FORM), first);
    first.fail({ step: "start", message: "gone" });
    await assert.rejects(first.ready);
    adopted = first;
  });

  test("replaces a failed client with a worker of its own, paths resolved from client.js", async () => {
    const failed = adopted;
    assert.ok(failed?.failure, "the previous test left no failed client");
    globalThis.window[EARLY] = { worker: new FakeWorker(), config: CONFIG, messages: [], stop: () => {} };
    const fresh = sharedClient(FORM);
    assert.notEqual(fresh, failed);
    assert.ok(failed.worker.terminated, "the failed worker was left running");
    assert.match(String(fresh.worker.url), /\/docs\/assets\/calculator\/worker\.js$/);
    assert.deepEqual(fresh.worker.options, { type: "module" });
    const [init] = fresh.worker.posted;
    assert.equal(init.type, "init");
    assert.match(init.payload.indexURL, /\/docs\/assets\/pyodide\/$/);
    assert.match(init.payload.engineURL, /\/docs\/assets\/engine\/engine\.zip$/);
    assert.equal(sharedClient(FORM), fresh, "a working client was replaced");
  });
});
