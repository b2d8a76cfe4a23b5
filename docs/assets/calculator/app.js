// The calculator page: fills the form from the URL, runs the engine in the worker on every change,
// shows the result, and keeps the URL in step. Bound once per page view by glue.js.

import { STEPS, sharedClient } from "./client.js";
import { build, patch } from "./dom.js";
import { readQuery, writeQuery } from "./url.js";

// A start that takes longer than this is reported as failed (and still completes if it can).
const START_TIMEOUT_MS = 15_000;

export function bind(form) {
  const view = new CalculatorView(form);
  view.start(sharedClient(form));
  return view;
}

class CalculatorView {
  constructor(form) {
    this.form = form;
    this.result = document.getElementById("calc-result");
    this.note = document.getElementById("calc-note");
    this.progress = document.getElementById("calc-progress");
    this.failure = document.getElementById("calc-failure");
    this.failureDetail = document.getElementById("calc-failure-detail");
    this.actionStatus = document.getElementById("calc-action-status");
    this.controls = [...form.querySelectorAll("[name]")].filter((el) => el.id.startsWith("calc-"));
    this.names = this.controls.map((control) => control.name);
    this.touched = new Set();
    this.queryErrors = new Map();
    this.answers = null;
    // The tree the shown result was built from; null while it is the pre-rendered one.
    this.view = null;
    this.inFlight = false;
    this.queued = null;
    this.fromQuery = readQuery(location.search, this.names);
    this.fillFromQuery();
    if (Object.keys(this.fromQuery).length) this.markStale();
  }

  start(engine) {
    this.engine = engine;
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.form.addEventListener("input", (event) => this.changed(event));
    this.form.addEventListener("change", (event) => this.changed(event));
    for (const button of document.querySelectorAll(".calc-actions button[data-action]")) {
      button.addEventListener("click", () => this.act(button.dataset.action));
    }
    document.querySelector(".calc-actions")?.removeAttribute("hidden");
    if (!engine.isReady) {
      this.setState("loading");
      this.progress.hidden = false;
      this.timer = setTimeout(() => this.timedOut(), START_TIMEOUT_MS);
    }
    engine.subscribe(() => this.showProgress());
    engine.ready.then(
      () => {
        clearTimeout(this.timer);
        if (this.showsDefaults()) this.settleDefaults();
        else this.compute(true);
      },
      () => clearTimeout(this.timer),
    );
  }

  // The pre-rendered answer is the engine's answer for the defaults, computed by the same code at
  // build time; while the form still holds the defaults there is nothing to recompute.
  showsDefaults() {
    const atDefault = (control) => {
      if (control.type === "checkbox") return control.checked === control.defaultChecked;
      if (control.tagName === "SELECT") {
        return [...control.options].every((option) => option.selected === option.defaultSelected);
      }
      return control.value === control.defaultValue;
    };
    return (
      this.result.dataset.state !== "ready" &&
      !this.result.dataset.stale &&
      Object.keys(this.fromQuery).length === 0 &&
      this.controls.every(atDefault)
    );
  }

  settleDefaults() {
    this.answers = {};
    this.failure.hidden = true;
    this.note.textContent = "Computed for the default answers; it updates as you change them.";
    this.setState("ready");
  }

  get connected() {
    return this.form.isConnected;
  }

  // --- form and URL ------------------------------------------------------------------------

  fillFromQuery() {
    for (const [name, text] of Object.entries(this.fromQuery)) this.setControl(name, text);
  }

  control(name) {
    return this.controls.find((control) => control.name === name);
  }

  setControl(name, text) {
    const control = this.control(name);
    if (!control) return;
    if (control.type === "checkbox") {
      if (text === "true" || text === "false") control.checked = text === "true";
    } else if (control.tagName === "SELECT") {
      if ([...control.options].some((option) => option.value === text)) control.value = text;
    } else {
      control.value = text;
    }
  }

  values(initial) {
    const values = {};
    for (const control of this.controls) {
      values[control.name] = control.type === "checkbox" ? String(control.checked) : control.value;
    }
    // The first computation judges the URL's own text, so that a rejected value is reported as
    // given rather than as whatever the control made of it.
    if (initial) {
      for (const [name, text] of Object.entries(this.fromQuery)) {
        if (!this.touched.has(name)) values[name] = text;
      }
    }
    return values;
  }

  changed(event) {
    const name = event.target?.name;
    if (!name || !this.names.includes(name)) return;
    // Selects and checkboxes fire both events for one change; typed fields use "input" only.
    const typed = event.target.tagName === "INPUT" && event.target.type !== "checkbox";
    if (typed !== (event.type === "input")) return;
    this.touched.add(name);
    this.queryErrors.delete(name);
    if (!this.engine.isReady) {
      this.markStale();
      return;
    }
    this.compute(false);
  }

  // --- computing ---------------------------------------------------------------------------

  // One request at a time; changes made meanwhile are folded into the next one.
  async compute(initial) {
    if (this.inFlight) {
      this.queued = this.queued === null ? initial : this.queued || initial;
      return;
    }
    this.inFlight = true;
    try {
      const reply = await this.engine.request("compute", { values: this.values(initial) });
      if (!this.connected) return;
      if (initial) this.settleQuery(reply);
      // Opening a URL leaves it as it is; a change (even one made while loading) rewrites it.
      if (!initial || this.touched.size) this.writeURL(reply.query);
      this.render(reply);
    } catch (error) {
      // The answer shown (and its data attributes) still belongs to the earlier answers.
      if (this.connected) {
        this.result.dataset.stale = "true";
        this.note.textContent = `Not updated for the answers above: ${error.message}.`;
      }
    } finally {
      this.inFlight = false;
      if (this.queued !== null && this.connected) {
        const next = this.queued;
        this.queued = null;
        this.compute(next);
      }
    }
  }

  settleQuery(reply) {
    for (const error of reply.errors) {
      if (error.field in this.fromQuery && !this.touched.has(error.field)) {
        this.queryErrors.set(error.field, error.message);
      }
    }
    for (const name of Object.keys(this.fromQuery)) {
      if (!this.touched.has(name)) this.setControl(name, reply.texts[name]);
    }
  }

  writeURL(pairs) {
    const href = writeQuery(location.href, this.names, pairs);
    if (href !== location.href) history.replaceState(history.state, "", href);
  }

  render(reply) {
    // The answers as the URL holds them, which is what the decision record is made from.
    this.answers = Object.fromEntries(reply.query);
    const errors = new Map(this.queryErrors);
    for (const error of reply.errors) errors.set(error.field, error.message);
    for (const name of this.names) this.showError(name, errors.get(name));

    const current = this.result.querySelector(".calc-view");
    if (this.view) patch(current, this.view, reply.view);
    else current.replaceWith(build(reply.view));
    this.view = reply.view;
    this.result.dataset.recommendation = reply.recommendation;
    this.result.dataset.patterns = reply.patterns.join(" ");
    delete this.result.dataset.stale;
    this.failure.hidden = true;
    this.note.textContent = "Computed in your browser for the answers above.";
    this.setState("ready");
  }

  showError(name, message) {
    const control = this.control(name);
    const box = document.getElementById(`${control.id}-error`);
    if (!box) return;
    const ids = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    const others = ids.filter((id) => id !== box.id);
    if (message) {
      box.textContent = message;
      box.hidden = false;
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby", [...others, box.id].join(" "));
    } else {
      box.textContent = "";
      box.hidden = true;
      control.removeAttribute("aria-invalid");
      control.setAttribute("aria-describedby", others.join(" "));
    }
  }

  // --- state and progress ------------------------------------------------------------------

  setState(state) {
    this.result.dataset.state = state;
  }

  markStale() {
    this.result.dataset.stale = "true";
    this.note.textContent =
      "Not yet updated for your answers: the calculator is still starting. " +
      "The answer below is for the default answers.";
  }

  showProgress() {
    if (!this.connected) return false;
    for (const step of STEPS) {
      const item = this.progress.querySelector(`[data-step="${step}"]`);
      const status = this.engine.status[step];
      item.dataset.status = status;
      const detail = status === "active" ? this.engine.detail[step] : "";
      item.querySelector(".calc-step__status").textContent =
        STATUS_TEXT[status] + (detail ? ` (${detail})` : "");
    }
    if (this.engine.failure) this.showFailure(this.engine.failure);
    else if (this.engine.isReady) this.progress.hidden = true;
    return true;
  }

  timedOut() {
    if (!this.connected || this.engine.isReady || this.engine.failure) return;
    this.showFailure({
      step: STEPS.find((step) => this.engine.status[step] !== "done") ?? "engine",
      message: `it has not finished after ${START_TIMEOUT_MS / 1000} seconds; ` +
        "it keeps trying, and the answer updates by itself if it gets there",
    });
  }

  showFailure(failure) {
    this.failureDetail.textContent = `${STEP_NAMES[failure.step] ?? failure.step}: ${failure.message}.`;
    this.failure.hidden = false;
    this.setState("error");
  }

  // --- actions -----------------------------------------------------------------------------

  async act(action) {
    try {
      if (action === "copy-link") {
        await navigator.clipboard.writeText(location.href);
        this.showActionStatus("Link copied.");
        return;
      }
      if (!this.engine.isReady || this.answers === null) {
        this.showActionStatus("The decision record is available once the calculator has started.");
        return;
      }
      const { text } = await this.engine.request("adr", { values: this.answers });
      if (action === "copy-adr") {
        await navigator.clipboard.writeText(text);
        this.showActionStatus("Decision record copied as Markdown.");
      } else if (action === "download-md") {
        download(text, `decision-${this.result.dataset.recommendation}.md`);
        this.showActionStatus("Decision record downloaded.");
      }
    } catch (error) {
      this.showActionStatus(
        action === "copy-link"
          ? "Copying failed; copy the address from the address bar instead."
          : `That did not work: ${error?.message ?? error}`,
      );
    }
  }

  showActionStatus(text) {
    if (this.actionStatus) this.actionStatus.textContent = text;
  }
}

const STEP_NAMES = {
  download: "Downloading the Python runtime",
  start: "Starting Python",
  engine: "Loading the calculator engine",
};
const STATUS_TEXT = { pending: "waiting", active: "in progress", done: "done", failed: "failed" };

function download(text, filename) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
