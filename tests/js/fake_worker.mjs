// A stand-in for the page's Worker: it records what the page posts and lets a test answer, in
// any order, as the engine's worker would.

export class FakeWorker {
  constructor(url = null, options = null) {
    this.url = url;
    this.options = options;
    this.posted = [];
    this.listeners = { message: [], error: [] };
    this.terminated = false;
  }

  addEventListener(type, listener) {
    this.listeners[type].push(listener);
  }

  removeEventListener(type, listener) {
    this.listeners[type] = this.listeners[type].filter((known) => known !== listener);
  }

  postMessage(message) {
    this.posted.push(structuredClone(message));
  }

  terminate() {
    this.terminated = true;
  }

  // The worker answers `data`, as a message event.
  send(data) {
    for (const listener of [...this.listeners.message]) listener({ data: structuredClone(data) });
  }

  // The worker's script did not load: an error event, which the page should keep from the
  // console; returns whether it did.
  failToLoad() {
    let prevented = false;
    const event = { preventDefault: () => { prevented = true; } };
    for (const listener of [...this.listeners.error]) listener(event);
    return prevented;
  }
}

// Resolves once the microtasks queued so far (promise callbacks) have run.
export const settle = () => new Promise((resolve) => {
  setImmediate(resolve);
});
