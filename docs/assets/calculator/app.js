// The calculator page: fills the form from the URL, runs the engine in the worker on every change,
// shows the result, and keeps the URL in step. Bound once per page view by glue.js.

import { sharedClient } from "./client.js";
import {
  FAILED_REQUEST, MESSAGE, PAGE_IDS, RESULT_ATTRIBUTES, RESULT_STATE, STATUS, STATUS_LABELS, STEPS,
  STEP_ATTRIBUTES, STEP_LABELS,
} from "./contract.js";
import { build, patch } from "./dom.js";
import { readPinned, readQuery, writePinned, writeQuery } from "./url.js";

// A start slower than this says how long it has been going; only a named failure ends it.
const SLOW_AFTER_MS = 5_000;
// The answers count as settled, and are announced, once they have not changed for this long.
const SETTLE_MS = 800;
// Break-even, the costliest part of a result, follows once the answers have not changed for this
// long (or at once when its section is in view), so that a change is shown without waiting for it.
const BREAK_EVEN_AFTER_MS = 150;
// Longest error message shown under a field; longer ones have the value cut short.
const MESSAGE_MAX = 160;

export function bind(form) {
  const view = new CalculatorView(form);
  view.start(sharedClient(form));
  return view;
}

class CalculatorView {
  constructor(form) {
    this.form = form;
    const byId = (id) => document.getElementById(id);
    this.result = byId(PAGE_IDS.result);
    this.note = byId(PAGE_IDS.note);
    this.progress = byId(PAGE_IDS.progress);
    this.failure = byId(PAGE_IDS.failure);
    this.failureDetail = byId(PAGE_IDS.failure_detail);
    this.actionStatus = byId(PAGE_IDS.action_status);
    this.slow = byId(PAGE_IDS.slow);
    this.announcer = byId(PAGE_IDS.announce);
    this.summary = byId(PAGE_IDS.summary);
    this.summaryBody = byId(PAGE_IDS.summary_body);
    this.announced = this.announcer?.textContent ?? "";
    this.controls = [...form.querySelectorAll("[name]")].filter((el) => el.id.startsWith("calc-"));
    this.names = this.controls.map((control) => control.name);
    this.touched = new Set();
    this.queryErrors = new Map();
    this.answers = null;
    // The tree the shown result was built from; null while it is the pre-rendered one.
    this.view = null;
    this.inFlight = false;
    this.queued = null;
    // Counts the changes sent, so that a break-even reply for earlier answers is dropped.
    this.generation = 0;
    this.fromQuery = readQuery(location.search, this.names);
    this.pinned = readPinned(location.search, this.names);
    this.compareRegion = byId(PAGE_IDS.compare);
    this.pinnedLine = byId(PAGE_IDS.summary_pinned);
    this.fillFromQuery();
    this.showGiven();
    if (Object.keys(this.fromQuery).length) this.markStale();
  }

  start(engine) {
    this.engine = engine;
    // The build disables the controls, which do nothing without this script.
    for (const control of this.controls) control.disabled = false;
    this.bindSummary();
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.form.addEventListener("input", (event) => this.changed(event));
    this.form.addEventListener("change", (event) => this.changed(event));
    for (const button of document.querySelectorAll(".calc-actions button[data-action]")) {
      button.addEventListener("click", () => this.act(button.dataset.action));
    }
    for (const button of this.form.querySelectorAll("button[data-clear]")) {
      button.addEventListener("click", () => this.clear(button.dataset.clear));
    }
    document.querySelector(".calc-actions")?.removeAttribute("hidden");
    if (!engine.isReady) {
      this.setState(RESULT_STATE.loading);
      this.progress.hidden = false;
      this.startedAt = performance.now();
      this.timer = setInterval(() => this.tick(), 1000);
    }
    engine.subscribe(() => this.showProgress());
    engine.ready.then(
      () => {
        this.stopTicking();
        if (this.showsDefaults()) this.settleDefaults();
        else this.compute(true);
      },
      () => this.stopTicking(),
    );
  }

  // A slow start (a busy laptop, a slow portal) is not a failure: Pyodide keeps loading, so the
  // page says how long it has been and stays usable; only a failure the worker names is an error.
  tick() {
    if (!this.connected || this.engine.isReady || this.engine.failure) {
      this.stopTicking();
      return;
    }
    const elapsed = performance.now() - this.startedAt;
    if (elapsed < SLOW_AFTER_MS || !this.slow) return;
    this.slow.hidden = false;
    this.slow.textContent = `Still loading (${Math.round(elapsed / 1000)} s). The answer below ` +
      "is for the default answers; it updates by itself once the calculator has started.";
  }

  stopTicking() {
    clearInterval(this.timer);
    if (this.slow) this.slow.hidden = true;
  }

  bindSummary() {
    const toggle = this.summary?.querySelector(".calc-summary__toggle");
    if (!toggle) return;
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      this.summary.dataset.expanded = String(open);
    });
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
      this.result.getAttribute(RESULT_ATTRIBUTES.state) !== RESULT_STATE.ready &&
      !this.result.hasAttribute(RESULT_ATTRIBUTES.stale) &&
      Object.keys(this.fromQuery).length === 0 &&
      this.touched.size === 0 &&
      this.pinned === null &&
      this.controls.every(atDefault)
    );
  }

  settleDefaults() {
    this.answers = {};
    this.failure.hidden = true;
    this.note.textContent = "Computed for the default answers; it updates as you change them.";
    this.setState(RESULT_STATE.ready);
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

  resetControl(name) {
    const control = this.control(name);
    if (!control) return;
    if (control.type === "checkbox") control.checked = control.defaultChecked;
    else if (control.tagName === "SELECT") {
      for (const option of control.options) option.selected = option.defaultSelected;
    } else control.value = control.defaultValue;
  }

  // The fields the reader gave: set in the form (even back to the default value) or named in the
  // URL. Only these go to the engine and into the URL; the others stay "not answered", so no rule
  // reads their default as a fact and the result lists it among its assumptions.
  given() {
    return new Set([...this.touched, ...Object.keys(this.fromQuery)]);
  }

  showGiven() {
    const given = this.given();
    for (const button of this.form.querySelectorAll("button[data-clear]")) {
      // Written only when different: every write restyles the form, and this runs per change.
      const answered = given.has(button.dataset.clear);
      if (button.hidden === answered) button.hidden = !answered;
      const field = button.closest(".calc-field");
      if (field && field.dataset.given !== String(answered)) field.dataset.given = String(answered);
    }
  }

  // Back to "not answered": the field leaves the URL and the engine assumes its default again.
  clear(name) {
    this.touched.delete(name);
    delete this.fromQuery[name];
    this.queryErrors.delete(name);
    this.resetControl(name);
    this.showGiven();
    this.control(name)?.focus();
    if (!this.engine.isReady) {
      this.markStale();
      return;
    }
    this.compute(false);
  }

  values(initial) {
    const values = {};
    const given = this.given();
    for (const control of this.controls) {
      if (!given.has(control.name)) continue;
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
    this.showGiven();
    if (!this.engine.isReady) {
      this.markStale();
      return;
    }
    this.compute(false);
  }

  // --- computing ---------------------------------------------------------------------------

  // One request at a time; changes made meanwhile are folded into the next one.
  async compute(initial) {
    this.generation += 1;
    clearTimeout(this.breakEvenTimer);
    if (this.inFlight) {
      this.queued = this.queued === null ? initial : this.queued || initial;
      return;
    }
    this.inFlight = true;
    let retry = false;
    try {
      // A shared link shows its whole answer at once; a change leaves break-even for later.
      const payload = this.payload(this.values(initial));
      const reply = await this.engine.request(
        MESSAGE.compute, initial ? payload : { ...payload, break_even_later: true });
      if (!this.connected) return;
      if (initial) this.settleQuery(reply);
      // Opening a URL leaves it as it is; a change (even one made while loading) rewrites it.
      if (!initial || this.touched.size) this.deferURL(reply.query);
      this.render(reply);
      if (this.queued === null) this.scheduleBreakEven();
    } catch (error) {
      // Only the engine failing on an answer is searched; a lost worker is no answer's fault.
      retry = initial && this.connected && error?.step === FAILED_REQUEST &&
        (await this.dropFailingQuery());
      // The answer shown (and its data attributes) still belongs to the earlier answers.
      if (this.connected && !retry) {
        this.markStale(`Not updated for the answers above: ${shorten(error?.message ?? "")}.`);
        // A section an earlier change left busy is settled all the same (its figures, or why
        // there are none), so nothing on the page waits for ever.
        if (this.queued === null) this.scheduleBreakEven();
      }
    } finally {
      this.inFlight = false;
      if (retry) this.queued = true;
      if (this.queued !== null && this.connected) {
        const next = this.queued;
        this.queued = null;
        this.compute(next);
      }
    }
  }

  // --- break-even, after the rest ----------------------------------------------------------

  pendingBreakEven() {
    const section = this.result.querySelector(".calc-view")?.lastElementChild;
    return section?.getAttribute("aria-busy") === "true" ? section : null;
  }

  scheduleBreakEven() {
    const section = this.pendingBreakEven();
    if (!section) return;
    clearTimeout(this.breakEvenTimer);
    this.breakEvenTimer = setTimeout(() => this.showBreakEven(), BREAK_EVEN_AFTER_MS);
    // A reader looking at the section gets it without the wait.
    this.breakEvenWatch?.disconnect();
    if (typeof IntersectionObserver !== "function") return;
    this.breakEvenWatch = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.showBreakEven();
    });
    this.breakEvenWatch.observe(section);
  }

  async showBreakEven() {
    clearTimeout(this.breakEvenTimer);
    this.breakEvenWatch?.disconnect();
    this.breakEvenWatch = null;
    if (this.inFlight || !this.pendingBreakEven()) return;
    const generation = this.generation;
    let section;
    try {
      ({ section } = await this.engine.request(MESSAGE.break_even, { values: this.values(false) }));
    } catch (error) {
      // The engine's own placeholder, no longer busy and saying why: its heading is not
      // spelled a second time here.
      const [tag, busy, [heading]] = this.view[2].at(-1);
      const attributes = { ...busy };
      delete attributes["aria-busy"];
      section = [tag, attributes, [heading, ["p", { class: "calc-pending" },
        [`Break-even could not be worked out: ${shorten(error?.message ?? "")}.`]]]];
    }
    // Answers changed meanwhile: their own reply brings their own placeholder.
    const pending = this.pendingBreakEven();
    if (generation !== this.generation || !this.connected || !pending) return;
    pending.replaceWith(build(section));
    const [tag, attributes, children] = this.view;
    this.view = [tag, attributes, [...children.slice(0, -1), section]];
  }

  // The engine should reject a bad value, not fail on it; if a value from the URL makes it fail
  // all the same, that value is found by trying each alone, reported on its field, and left out.
  async dropFailingQuery() {
    let dropped = false;
    for (const [name, text] of Object.entries(this.fromQuery)) {
      if (this.touched.has(name)) continue;
      try {
        await this.engine.request(MESSAGE.compute, { values: { [name]: text } });
      } catch {
        this.queryErrors.set(name, `${name}: this value could not be used; got ${quote(text)}`);
        delete this.fromQuery[name];
        this.resetControl(name);
        dropped = true;
      }
    }
    return dropped;
  }

  payload(values) {
    return this.pinned === null ? { values } : { values, pinned: this.pinned };
  }

  settleQuery(reply) {
    // A rejected value is no answer: its field takes the default and stays "not answered".
    for (const error of reply.errors) {
      if (error.field in this.fromQuery && !this.touched.has(error.field)) {
        this.queryErrors.set(error.field, error.message);
        delete this.fromQuery[error.field];
        this.resetControl(error.field);
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

  // Replacing the URL costs the main thread several milliseconds, so it waits until the new
  // result has been painted; changes made meanwhile write only the latest answers.
  deferURL(pairs) {
    this.pendingQuery = pairs;
    if (this.urlScheduled) return;
    this.urlScheduled = true;
    requestAnimationFrame(() => setTimeout(() => this.flushURL(), 0));
  }

  flushURL() {
    this.urlScheduled = false;
    const pairs = this.pendingQuery;
    this.pendingQuery = null;
    if (pairs && this.connected) this.writeURL(pairs);
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
    if (this.summaryBody && reply.summary) this.summaryBody.replaceChildren(build(reply.summary));
    this.showGiven();
    delete this.summary?.dataset.stale;
    this.showComparison(reply);
    this.scheduleAnnouncement(reply);
    const attributes = {
      recommendation: reply.recommendation,
      patterns: reply.patterns.join(" "),
      given: reply.given.join(" "),
      assumed: reply.assumed.join(" "),
    };
    for (const [name, value] of Object.entries(attributes)) {
      this.result.setAttribute(RESULT_ATTRIBUTES[name], value);
    }
    this.result.removeAttribute(RESULT_ATTRIBUTES.stale);
    this.failure.hidden = true;
    this.note.textContent = "Computed in your browser for the answers above.";
    this.setState(RESULT_STATE.ready);
  }

  showComparison(reply) {
    const pinned = Boolean(reply.comparison);
    if (this.compareRegion) {
      this.compareRegion.hidden = !pinned;
      this.compareRegion.replaceChildren(...(pinned ? [build(reply.comparison)] : []));
    }
    if (this.pinnedLine) {
      this.pinnedLine.hidden = !pinned;
      this.pinnedLine.textContent = pinned ? reply.pinned_summary : "";
    }
    const unpin = document.querySelector('.calc-actions [data-action="unpin"]');
    if (unpin) unpin.hidden = !pinned;
  }

  // One polite announcement once the answers have settled, not one per keystroke.
  scheduleAnnouncement(reply) {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      if (!this.announcer || !this.connected) return;
      const option = this.result.querySelector(".calc-answer__option")?.textContent ?? "";
      const confidence = this.result.querySelector(".calc-answer__confidence")?.textContent ?? "";
      const base = `Recommendation: ${option}${confidence.trim() ? ` ${confidence.trim()}` : ""}.`;
      const errors = reply.errors.length;
      const unusable = errors ? ` ${errors} answer${errors > 1 ? "s" : ""} could not be used` : "";
      const text = (base === this.announced ? `Unchanged. ${base}` : base) +
        (unusable ? `${unusable}; see the form.` : "");
      this.announced = base;
      this.announcer.textContent = text;
    }, SETTLE_MS);
  }

  showError(name, rawMessage) {
    const message = rawMessage ? shorten(String(rawMessage)) : rawMessage;
    const control = this.control(name);
    const box = document.getElementById(`${control.id}-error`);
    if (!box) return;
    const ids = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    // A field without an error, as most are after each change: nothing to write.
    if (!message && box.hidden && !box.textContent && !ids.includes(box.id) &&
      !control.hasAttribute("aria-invalid")) {
      return;
    }
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
    this.result.setAttribute(RESULT_ATTRIBUTES.state, state);
  }

  markStale(text = null) {
    this.result.setAttribute(RESULT_ATTRIBUTES.stale, "true");
    if (this.summary) this.summary.dataset.stale = "true";
    this.note.textContent = text ??
      "Not yet updated for your answers: the calculator is still starting. " +
      "The answer below is for the default answers.";
  }

  showProgress() {
    if (!this.connected) return false;
    for (const step of STEPS) {
      const item = this.progress.querySelector(`[${STEP_ATTRIBUTES.step}="${step}"]`);
      const status = this.engine.status[step];
      item.setAttribute(STEP_ATTRIBUTES.status, status);
      const detail = status === STATUS.active ? this.engine.detail[step] : "";
      item.querySelector(".calc-step__status").textContent =
        STATUS_LABELS[status] + (detail ? ` (${detail})` : "");
    }
    if (this.engine.failure) this.showFailure(this.engine.failure);
    else if (this.engine.isReady) this.progress.hidden = true;
    return true;
  }

  showFailure(failure) {
    this.stopTicking();
    const message = shorten(String(failure.message ?? ""));
    this.failureDetail.textContent = `${STEP_LABELS[failure.step] ?? failure.step}: ${message}.`;
    this.failure.hidden = false;
    this.setState(RESULT_STATE.error);
  }

  // --- actions -----------------------------------------------------------------------------

  async act(action) {
    // Links, pins and records start from the URL, which must hold the answers shown.
    this.flushURL();
    this.showBreakEven();
    try {
      if (action === "copy-link") {
        // The link opens on the answer, whichever section the reader had scrolled to.
        const url = new URL(location.href);
        url.hash = "answer";
        await navigator.clipboard.writeText(url.href);
        this.showActionStatus("Link copied.");
        return;
      }
      if (action === "pin" || action === "unpin") {
        if (!this.engine.isReady || this.answers === null) {
          this.showActionStatus("Answers can be pinned once the calculator has started.");
          return;
        }
        this.pinned = action === "pin" ? { ...this.answers } : null;
        history.replaceState(history.state, "", writePinned(location.href, this.pinned));
        this.showActionStatus(action === "pin"
          ? "Answers pinned; change some to compare. The link keeps both."
          : "Comparison closed.");
        this.compute(false);
        return;
      }
      if (!this.engine.isReady || this.answers === null) {
        this.showActionStatus("The decision record is available once the calculator has started.");
        return;
      }
      // The site's address as this page knows it, so the record links back to these answers.
      const siteUrl = new URL("..", location.href).href;
      const { text } = await this.engine.request(
        MESSAGE.adr, { ...this.payload(this.answers), site_url: siteUrl });
      if (action === "copy-adr") {
        await navigator.clipboard.writeText(text);
        this.showActionStatus("Decision record copied as Markdown.");
      } else if (action === "download-md") {
        download(text, `decision-${this.result.getAttribute(RESULT_ATTRIBUTES.recommendation)}.md`);
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

// A message fit for the page: one line, and a long value cut to its start and end.
export function shorten(text, max = MESSAGE_MAX) {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const got = line.lastIndexOf("; got ");
  if (got > 0 && got < max - 30) {
    const value = line.slice(got + 6);
    const room = max - got - 6 - 30;
    // The engine quotes a text value; the count is of the value itself.
    const length = value.length - (/^'.*'$/.test(value) ? 2 : 0);
    return `${line.slice(0, got)}; got ${value.slice(0, room)}\u2026${value.slice(-8)} ` +
      `(${length.toLocaleString("en")} characters)`;
  }
  return `${line.slice(0, max - 1)}\u2026`;
}

function quote(text) {
  return shorten(`'${text}'`, 60);
}

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
