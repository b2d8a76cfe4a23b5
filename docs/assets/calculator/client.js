// The page's side of the worker protocol (see worker.js): one worker per window, one `ready`
// promise, every request an id, every reply settled exactly once. Instant navigation keeps the
// window, so a revisited calculator finds the engine already running.

import { EARLY_WORKER, MESSAGE, STATUS, STEP, STEPS } from "./contract.js";

export { STEPS };

let shared = null;

// The window's one client, started from the form's data attributes (paths relative to this
// module, so they hold under any sub-path), or adopted from the head's start script, which has
// already created the worker and sent it the init request. A client whose start failed is
// replaced: a revisit tries again.
export function sharedClient(form) {
  if (!shared || shared.failure) {
    shared?.worker.terminate();
    const early = window[EARLY];
    delete window[EARLY];
    const base = import.meta.url;
    shared = early && !shared
      ? new EngineClient(early.worker, early.config, early)
      : new EngineClient(new Worker(new URL("./worker.js", base), { type: "module" }), {
          indexURL: new URL(form.dataset.pyodide, base).href,
          engineURL: new URL(form.dataset.engine, base).href,
        });
  }
  return shared;
}

// Where start.js leaves the worker it started: {worker, config, messages, stop}.
const EARLY = Symbol.for(EARLY_WORKER);

export class EngineClient {
  // `early`: a worker that start.js created and sent the init request (id 1) to, with the
  // messages it has answered so far; they are replayed here in the order they came.
  constructor(worker, config, early = null) {
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.status = Object.fromEntries(STEPS.map((step) => [step, STATUS.pending]));
    this.detail = {};
    this.failure = null;
    this.worker = worker;
    this.worker.addEventListener("message", (event) => this.receive(event.data));
    // A worker script that cannot load (blocked, wrong type, refused by a policy) only says so here.
    const scriptFailed = () =>
      this.fail({ step: STEP.download, message: "the calculator's worker script did not load" });
    this.worker.addEventListener("error", (event) => {
      event.preventDefault?.();
      scriptFailed();
    });
    if (early) {
      early.stop();
      this.nextId = 2;
      this.ready = new Promise((resolve, reject) => {
        this.pending.set(1, { resolve, reject });
      });
      for (const message of early.messages) {
        if (message === "error") scriptFailed();
        else this.receive(message);
      }
    } else {
      this.ready = this.request(MESSAGE.init, config);
    }
    this.ready.then(
      () => this.emit(),
      (error) => this.fail(error),
    );
  }

  request(type, payload) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, type, payload });
    });
  }

  receive(message) {
    if (message?.type === MESSAGE.progress) {
      this.status[message.step] = message.status;
      this.detail[message.step] = message.detail ?? "";
      this.emit();
      return;
    }
    const entry = this.pending.get(message?.id);
    if (!entry) return;
    this.pending.delete(message.id);
    if ("error" in message) entry.reject(message.error);
    else entry.resolve(typeof message.result === "string" ? JSON.parse(message.result) : message.result);
  }

  fail(error) {
    if (this.failure) return;
    this.failure = { step: error?.step ?? STEP.start, message: String(error?.message ?? error) };
    // For whoever opens the console: the reason, and the browser's own words when there are some.
    console.error(`calculator: could not start (${this.failure.step}): ${this.failure.message}`,
      error?.detail ?? "");
    if (this.status[this.failure.step] !== STATUS.done) {
      this.status[this.failure.step] = STATUS.failed;
    }
    for (const { reject } of this.pending.values()) reject(this.failure);
    this.pending.clear();
    this.emit();
  }

  get isReady() {
    return STEPS.every((step) => this.status[step] === STATUS.done) && !this.failure;
  }

  // Listeners are told about every change of progress; they return false to stop listening
  // (their page has been navigated away from).
  subscribe(listener) {
    this.listeners.add(listener);
    listener(this);
  }

  emit() {
    for (const listener of [...this.listeners]) {
      if (listener(this) === false) this.listeners.delete(listener);
    }
  }
}
