"""Measure the calculator page in Chromium against a bare page that only loads the same Pyodide.

Run: .venv/bin/python bench/browser.py [--runs N] [--changes N] [--input-only]

Builds the site into a temporary folder, adds a bare page (a module worker that imports the
vendored pyodide.mjs and calls loadPyodide, nothing else, with the stock python_stdlib.zip from the
npm package), serves both from one loopback server with the cache headers the serving guide
recommends, and prints one table. Targets:

- calculator interactive (data-state="ready") <= 1.10x bare Pyodide ready, cold and warm cache;
- pre-rendered answer on screen <= 1.2x a plain guidance page's load;
- input -> updated result on screen, p95 <= 16 ms (flips included);
- calculator page bytes <= 1.05x the bare page's bytes;
- a guidance page loads no Pyodide byte.

The floor is a page that only fetches and compiles pyodide.asm.wasm (no Python at all): no page
that runs Pyodide can be interactive sooner. The calculator's start is also split into its steps
as the worker reports them (download of Pyodide's files and the library, Python started, engine
imported), measured from navigation start, cold cache.

The calculator loads the site's compiled library (engine plus the standard-library modules it
needs, see hooks/compile_engine.mjs) in place of python_stdlib.zip. So that the table shows where
the time goes, one more row compares it with a bare page that loads that same library (no target).

Input to updated result is timed from the input event to the moment the changed result is in
the DOM with its layout done, with the page at the form (the full answer below it, out of view)
and again with the full answer scrolled into view. The break-even section follows once the
answers have rested (150 ms, see app.js): a further row times a change until that section is
updated. Each change is split into its parts: the page handling the event and sending the engine
request, the request and reply crossing between page and worker, the engine's own time in the
worker, and the page parsing and showing the reply.
--input-only skips the page loads and prints only these rows.

Figures are medians over --runs page loads (cold: a new browser context each time; warm: a
reload in a context that has loaded the page once); ratios are the median of the ratios of
loads made back to back.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.support.server import DEFAULT_TYPES  # noqa: E402

GUIDANCE = "framework/"
CALCULATOR = "calculator/"
BARE = "bare/"
# The bare page again, with the calculator's library as the standard library: equal terms.
BARE_LIBRARY = "bare/?library"
# Fetching and compiling Pyodide's WebAssembly, and nothing else: the floor of any start.
FLOOR = "bare/floor.html"
TIMEOUT_MS = 120_000
SHARED_QUERY = "?need=both&tone=proprietary&calls_per_day=40000&labeled_examples=2000"

BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title>
<script type="module" src="bare.js"></script></head>
<body data-state="loading"><p>Loading Pyodide.</p></body></html>
"""
BARE_JS = """const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
worker.onmessage = (event) => {
  window.__readyAt = performance.now();
  window.__reply = event.data;
  document.body.dataset.state = "ready";
};
const given = new URLSearchParams(location.search);
const at = (path) => new URL(path, import.meta.url).href;
worker.postMessage({
  indexURL: at("INDEX"),
  library: given.has("library") ? at("LIBRARY") : null,
  snapshot: given.has("snapshot") ? at("INDEXsnapshot.bin") : null,
  engine: given.has("engine"),
});
"""
FLOOR_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Compile Pyodide's WebAssembly</title>
<script type="module">
WebAssembly.compileStreaming(fetch(new URL("INDEXpyodide.asm.wasm", import.meta.url))).then(() => {
  window.__readyAt = performance.now();
  document.body.dataset.state = "ready";
});
</script></head>
<body data-state="loading"><p>Compiling.</p></body></html>
"""
BARE_WORKER = """self.onmessage = async (event) => {
  const { indexURL, library, snapshot, engine } = event.data;
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  const options = { indexURL };
  if (library) options.stdLibURL = library;
  if (snapshot) options._loadSnapshot = fetch(snapshot).then((r) => r.arrayBuffer());
  const pyodide = await loadPyodide(options);
  // With the engine: imported and asked once, so that parity can be checked.
  const reply = engine ? pyodide.pyimport("calculator.webapi").handle(
    JSON.stringify({ type: "compute", payload: { values: { need: "behavior" } } })) : "ready";
  self.postMessage(reply);
};
"""
# The snapshot experiment: Pyodide started under Node with the calculator's library and the
# engine imported, its memory saved; the browser then starts from that memory.
SNAPSHOT_JS = """import { loadPyodide } from "PYODIDE";
import { writeFileSync } from "node:fs";
const pyodide = await loadPyodide({ _makeSnapshot: true, stdLibURL: "LIBRARY" });
pyodide.pyimport("calculator.webapi");
writeFileSync("OUT", pyodide.makeMemorySnapshot());
"""
# Bare Pyodide with the calculator's library, engine imported: the snapshot's comparison.
BARE_ENGINE = "bare/?library&engine"
BARE_SNAPSHOT = "bare/?library&engine&snapshot"

# Set before any page script: when the pre-rendered answer is first painted, when the engine's
# answer is shown, and a helper that times one change until the next frame has been painted.
PROBE = """
(() => {
  // When each start step was first reported by the calculator's worker.
  window.__steps = {};
  // Every engine request: when the page sent it, when its reply reached the page (before the
  // page's own listener parses it), the engine's time as the worker reports it, reply length.
  window.__requests = [];
  const sent = new Map();
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", ({ data }) => {
        if (sent.has(data?.id)) {
          const request = sent.get(data.id);
          sent.delete(data.id);
          Object.assign(request, { received: performance.now(), took: data.took ?? NaN,
            chars: typeof data.result === "string" ? data.result.length : 0 });
          window.__lastReply = data.result;
        }
        if (data?.type !== "progress") return;
        const key = `${data.step}:${data.status}`;
        window.__steps[key] ??= performance.now();
      });
    }
    postMessage(message, ...rest) {
      if (message?.type && message.type !== "init") {
        const request = { type: message.type, sent: performance.now() };
        sent.set(message.id, request);
        window.__requests.push(request);
      }
      return super.postMessage(message, ...rest);
    }
  };
  const afterPaint = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  new MutationObserver((_, observer) => {
    const result = document.getElementById("calc-result");
    // Whole once the parser has moved past it (to the next heading).
    if (!result?.nextElementSibling) return;
    observer.disconnect();
    afterPaint().then(() => { window.__answerShownAt = performance.now(); });
    new MutationObserver(() => {
      if (result.dataset.state === "ready" && !window.__readyAt) {
        window.__readyAt = performance.now();
      }
    }).observe(result, { attributes: true, attributeFilter: ["data-state"] });
  }).observe(document, { childList: true, subtree: true });
  // Two figures per change: until the new result is in the DOM with its layout done (ready for
  // the next frame), and until that frame has been painted (which adds the wait for vsync).
  window.__timeChange = async (change) => {
    const result = document.getElementById("calc-result");
    const first = window.__requests.length;
    let rendered = 0;
    const updated = new Promise((done) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        result.getBoundingClientRect();
        rendered = performance.now();
        done();
      });
      observer.observe(result, { childList: true, subtree: true });
    });
    const start = performance.now();
    change();
    await updated;
    await afterPaint();
    const painted = performance.now();
    // Where the time went, from the engine requests this change made (the last one answered).
    const requests = window.__requests.slice(first)
      .filter((r) => r.type === "compute" && r.received <= rendered);
    const last = requests[requests.length - 1];
    return {
      rendered: rendered - start,
      painted: painted - start,
      toRequest: last ? last.sent - start : NaN,
      engine: last ? last.took : NaN,
      transit: last ? last.received - last.sent - last.took : NaN,
      render: last ? rendered - last.received : NaN,
      chars: last ? last.chars : NaN,
    };
  };
  // Break-even follows the rest of a change (see app.js): from the input event until the section
  // that went busy holds the figures again, with its layout done.
  window.__timeBreakEven = (change) => new Promise((done) => {
    const result = document.getElementById("calc-result");
    let busy = false;
    let start = 0;
    const observer = new MutationObserver(() => {
      const section = result.querySelector(".calc-view")?.lastElementChild;
      if (section?.getAttribute("aria-busy") === "true") busy = true;
      else if (busy && section?.querySelector(".calc-breakeven")) {
        observer.disconnect();
        result.getBoundingClientRect();
        done(performance.now() - start);
      }
    });
    observer.observe(result, { childList: true, subtree: true, attributes: true });
    start = performance.now();
    change();
  });
})();
"""

# One change per call, cycling through fields of every kind so that each one really changes.
CHANGES = """([index]) => window.__timeChange(() => {
  const form = document.getElementById("calc-form");
  const set = (name, value) => {
    const el = form.elements[name];
    if (el.type === "checkbox") el.checked = value; else el.value = value;
    el.dispatchEvent(new Event(el.type === "number" ? "input" : "change", { bubbles: true }));
  };
  const needs = ["knowledge", "behavior", "both"];
  const tones = ["generic", "house-style", "proprietary"];
  switch (index % 5) {
    case 0: set("need", needs[index % 3]); break;
    case 1: set("calls_per_day", String(500 + index * 137)); break;
    case 2: set("tone", tones[index % 3]); break;
    case 3: set("citations_required", index % 2 === 0); break;
    default: set("latency_budget_ms", String(300 + index * 11)); break;
  }
})"""


# The same changes, timed until the break-even section is updated.
BREAK_EVEN_CHANGES = CHANGES.replace("window.__timeChange(", "window.__timeBreakEven(")


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the serving guide's cache rules; counts the body bytes it sends."""

    counter: ClassVar[dict[str, int]] = {}
    lock = threading.Lock()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def end_headers(self) -> None:
        versioned = "/assets/pyodide/" in self.path or "/engine-" in self.path
        cache = "public, max-age=31536000, immutable" if versioned else "no-cache"
        self.send_header("Cache-Control", cache)
        super().end_headers()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        start = source.tell()
        super().copyfile(source, outputfile)
        with self.lock:
            self.counter[self.path] = self.counter.get(self.path, 0) + source.tell() - start


def make_snapshot(dest: Path) -> int:
    """Write the memory snapshot next to the site's Pyodide; return its size in bytes."""
    (index,) = (dest / "assets" / "pyodide").glob("*/pyodide.mjs")
    (library,) = (dest / "assets" / "calculator").glob("engine-*.zip")
    out = index.parent / "snapshot.bin"
    script = (SNAPSHOT_JS.replace("PYODIDE", (ROOT / "node_modules/pyodide/pyodide.mjs").as_uri())
              .replace("LIBRARY", str(library)).replace("OUT", str(out)))
    runner = dest.parent / "snapshot.mjs"
    runner.write_text(script, encoding="utf-8")
    subprocess.run(["node", str(runner)], check=True, capture_output=True, timeout=600)
    return out.stat().st_size


def build(dest: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(dest)],
        cwd=ROOT, capture_output=True, text=True, check=False,
        # Built for the loopback address it is measured at (hooks/site_url.py needs one).
        env={"SITE_URL": "http://127.0.0.1:8000/", **os.environ},
    )
    if proc.returncode:
        sys.exit(f"mkdocs build failed:\n{proc.stdout}\n{proc.stderr}")
    (index,) = (dest / "assets" / "pyodide").glob("*/pyodide.mjs")
    (library,) = (dest / "assets" / "calculator").glob("engine-*.zip")
    # Stock Pyodide for the reference; the site itself does not ship this file.
    shutil.copyfile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip",
                    index.parent / "python_stdlib.zip")
    bare = dest / BARE
    bare.mkdir()
    (bare / "index.html").write_text(BARE_HTML, encoding="utf-8")
    relative = f"../{index.parent.relative_to(dest).as_posix()}/"
    script = BARE_JS.replace("INDEX", relative).replace(
        "LIBRARY", f"../{library.relative_to(dest).as_posix()}"
    )
    (bare / "bare.js").write_text(script, encoding="utf-8")
    (bare / "worker.js").write_text(BARE_WORKER, encoding="utf-8")
    (bare / "floor.html").write_text(FLOOR_HTML.replace("INDEX", relative), encoding="utf-8")


def serve(directory: Path) -> tuple[str, dict[str, int], Callable[[], None]]:
    counter: dict[str, int] = {}
    handler = type(
        "Handler",
        (_CountingHandler,),
        {"counter": counter, "extensions_map": {**_CountingHandler.extensions_map,
                                                 **DEFAULT_TYPES}},
    )
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
    )
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host, port = httpd.server_address[:2]

    def stop() -> None:
        httpd.shutdown()
        httpd.server_close()

    return f"http://{host!s}:{port}/", counter, stop


def wait_ready(page: Any, selector: str) -> float:
    page.wait_for_function(
        f"document.querySelector('{selector}')?.dataset.state === 'ready' && window.__readyAt",
        timeout=TIMEOUT_MS,
    )
    return float(page.evaluate("window.__readyAt"))


def loaded_at(page: Any) -> float:
    page.wait_for_load_state("load")
    return float(page.evaluate(
        "performance.getEntriesByType('navigation')[0].loadEventEnd || performance.now()"
    ))


def measure(args: argparse.Namespace) -> list[tuple[str, str, str, str]]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        if args.snapshot:
            args.snapshot_bytes = make_snapshot(site)
        base, counter, stop = serve(site)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    if args.input_only:
                        return _input_rows(browser, base, args)
                    return _runs(browser, base, counter, args)
                finally:
                    browser.close()
        finally:
            stop()


def _load(browser: Any, url: str, probe: bool) -> tuple[Any, Any]:
    context = browser.new_context()
    page = context.new_page()
    if probe:
        page.add_init_script(PROBE)
    page.goto(url)
    return context, page


def _runs(
    browser: Any, base: str, counter: dict[str, int], args: argparse.Namespace
) -> list[tuple[str, str, str, str]]:
    cold: dict[str, list[float]] = {"bare": [], "calc": [], "library": [], "floor": []}
    warm: dict[str, list[float]] = {"bare": [], "calc": [], "library": [], "floor": []}
    steps: dict[str, list[float]] = {step: [] for step in STEP_MARKS}
    shown, guidance = [], []
    size = {"bare": 0, "calc": 0, "guidance": 0, "guidance_pyodide": 0}
    pages = [("bare", BARE, "body"), ("calc", CALCULATOR, "#calc-result"),
             ("library", BARE_LIBRARY, "body"), ("floor", FLOOR, "body")]
    if args.snapshot:
        for key in ("engine", "snapshot"):
            cold[key], warm[key] = [], []
        pages += [("engine", BARE_ENGINE, "body"), ("snapshot", BARE_SNAPSHOT, "body")]
    replies: dict[str, str] = {}
    with_answers: list[float] = []
    for run in range(args.runs):
        # Alternate the order, so that neither page always meets the other's leftovers.
        for key, path, selector in pages if run % 2 == 0 else pages[::-1]:
            counter.clear()
            context, page = _load(browser, base + path, probe=key == "calc")
            cold[key].append(wait_ready(page, selector))
            if key == "calc":
                shown.append(float(page.evaluate("window.__answerShownAt")))
                marks = page.evaluate("window.__steps")
                for step in STEP_MARKS:
                    steps[step].append(float(marks.get(step, "nan")))
            page.wait_for_load_state("networkidle")
            if run == 0 and key in size:
                size[key] = sum(counter.values())
            if run == 0 and key in ("engine", "snapshot"):
                size[key] = sum(counter.values())
                replies[key] = str(page.evaluate("window.__reply"))
            page.reload()
            warm[key].append(wait_ready(page, selector))
            context.close()
        # Answers in the URL: the first answer is computed in the browser, not pre-rendered.
        context, page = _load(browser, base + CALCULATOR + SHARED_QUERY, probe=True)
        with_answers.append(wait_ready(page, "#calc-result"))
        context.close()
        counter.clear()
        context, page = _load(browser, base + GUIDANCE, probe=False)
        guidance.append(loaded_at(page))
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        if run == 0:
            size["guidance"] = sum(counter.values())
            size["guidance_pyodide"] = sum(
                n for path, n in counter.items() if "/assets/pyodide/" in path or "/engine-" in path
            )
        context.close()

    def median(values: list[float]) -> float:
        return statistics.median(values)

    rows = [
        _row("Interactive, cold cache (ms)", cold["calc"], cold["bare"], 1.10),
        _row("Interactive, warm cache (ms)", warm["calc"], warm["bare"], 1.10),
        _row("Interactive, cold, vs bare Pyodide loading the same library (ms)",
             cold["calc"], cold["library"], None),
        _row("Interactive, warm, vs bare Pyodide loading the same library (ms)",
             warm["calc"], warm["library"], None),
        _row("Interactive, cold, answers in the URL (ms)", with_answers, cold["bare"], 1.10),
        _row("Floor: fetch and compile pyodide.asm.wasm alone, cold (ms; calculator / floor)",
             cold["calc"], cold["floor"], None),
        _row("Floor: fetch and compile pyodide.asm.wasm alone, warm (ms; calculator / floor)",
             warm["calc"], warm["floor"], None),
        *(
            (f"Calculator start, cold: {label} (ms from navigation)",
             f"{median(steps[step]):.0f}", "", "where the time goes")
            for step, label in STEP_MARKS.items()
        ),
        _row("Pre-rendered answer on screen vs guidance page load (ms)", shown, guidance, 1.2),
        *_input_rows(browser, base, args),
        _row("Bytes transferred, cold (kB)", [size["calc"] / 1000], [size["bare"] / 1000], 1.05),
        *(_snapshot_rows(cold, warm, size, replies, args) if args.snapshot else []),
        ("Pyodide and engine bytes on a guidance page", f"{size['guidance_pyodide']}", "0",
         f"{'met' if size['guidance_pyodide'] == 0 else 'MISSED'}; "
         f"whole page {size['guidance'] / 1000:.0f} kB"),
    ]
    return rows


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


# The parts of one change, in order, as __timeChange returns them.
BREAKDOWN = {
    "toRequest": "input event handled, engine request sent",
    "transit": "request and reply between page and worker",
    "engine": "engine in the worker (Pyodide, JSON text included)",
    "render": "reply parsed and shown (DOM built, layout done)",
}


def _input_rows(
    browser: Any, base: str, args: argparse.Namespace
) -> list[tuple[str, str, str, str]]:
    """Input to updated result: the p95 against one frame, and where the time goes."""
    context, page = _load(browser, base + CALCULATOR, probe=True)
    wait_ready(page, "#calc-result")
    for index in range(10):  # warm-up: the first calls pay for imports and JIT
        page.evaluate(CHANGES, [index])
    timed = [page.evaluate(CHANGES, [index]) for index in range(args.changes)]
    # Each of these waits for break-even, so fewer of them: it follows a pause in the changes.
    break_even = sorted(float(page.evaluate(BREAK_EVEN_CHANGES, [index]))
                        for index in range(max(20, args.changes // 5)))
    # The same with the full answer scrolled into view (the form then out of it): what a change
    # costs when every section it rewrites has to be laid out and painted at once.
    page.evaluate("document.getElementById('answer').scrollIntoView()")
    page.wait_for_timeout(200)
    in_view = sorted(float(page.evaluate(CHANGES, [index])["rendered"])
                     for index in range(max(20, args.changes // 3)))
    # Parsing the reply is part of "shown"; timed apart here, on the last reply, 50 times.
    parse = float(page.evaluate("""() => {
        const text = window.__lastReply, times = [];
        for (let i = 0; i < 50; i++) {
            const t = performance.now(); JSON.parse(text); times.push(performance.now() - t);
        }
        return times.sort((a, b) => a - b)[25];
    }"""))
    context.close()
    latencies = sorted(float(t["rendered"]) for t in timed)
    painted = [float(t["painted"]) for t in timed]
    chars = [float(t["chars"]) for t in timed]
    p95 = _p95(latencies)
    return [
        ("Input to updated result rendered, p95 (ms)", f"{p95:.1f}", "16 (one frame)",
         f"{'met' if p95 <= 16 else 'MISSED'}; median {statistics.median(latencies):.1f}, "
         f"max {latencies[-1]:.1f}, n={len(latencies)}"),
        ("Break-even section updated, ms after the last change, p95 (ms)",
         f"{_p95(break_even):.1f}", "", f"median {statistics.median(break_even):.1f}, "
         f"n={len(break_even)}; it waits for the answers to rest 150 ms"),
        ("Input to updated result rendered, full answer in view, p95 (ms)",
         f"{_p95(in_view):.1f}", "", f"median {statistics.median(in_view):.1f}, "
         f"n={len(in_view)}"),
        ("Input to next painted frame, p95 (ms; includes the wait for vsync)",
         f"{_p95(painted):.1f}", "", f"median {statistics.median(painted):.1f}"),
        *(
            (f"Input to updated result, part: {label} (ms, p95)",
             f"{_p95([float(t[key]) for t in timed]):.1f}", "",
             f"median {statistics.median(float(t[key]) for t in timed):.1f}")
            for key, label in BREAKDOWN.items()
        ),
        ("Input to updated result: reply size (characters, median) and its JSON.parse (ms)",
         f"{statistics.median(chars):.0f}", "", f"parse median {parse:.2f} ms"),
    ]


def _snapshot_rows(
    cold: dict[str, list[float]], warm: dict[str, list[float]], size: dict[str, int],
    replies: dict[str, str], args: argparse.Namespace,
) -> list[tuple[str, str, str, str]]:
    """Start from the memory snapshot against a normal start, both with the engine imported."""
    same = replies.get("engine") == replies.get("snapshot") and bool(replies.get("engine"))
    return [
        _row("Snapshot experiment: engine ready from snapshot vs normal start, cold (ms)",
             cold["snapshot"], cold["engine"], None),
        _row("Snapshot experiment: engine ready from snapshot vs normal start, warm (ms)",
             warm["snapshot"], warm["engine"], None),
        _row("Snapshot experiment: bytes, cold (kB)", [size["snapshot"] / 1000],
             [size["engine"] / 1000], None),
        ("Snapshot experiment: snapshot file (kB, uncompressed)",
         f"{args.snapshot_bytes / 1000:.0f}", "", "same answer as a normal start" if same
         else "ANSWERS DIFFER"),
    ]


# The worker's progress reports that end each part of the start (see worker.js).
STEP_MARKS = {
    "download:done": "Pyodide's files and the library downloaded",
    "start:done": "Python started (WebAssembly compiled and instantiated)",
    "engine:done": "engine imported",
}


def _row(
    name: str, ours: list[float], reference: list[float], limit: float | None
) -> tuple[str, str, str, str]:
    """Medians of both, and the median of the ratios of runs made back to back (which cancels
    much of the drift in a shared machine's load). No limit: a figure to read, not a target."""
    ratio = statistics.median(a / b for a, b in zip(ours, reference, strict=True))
    verdict = "no target" if limit is None else (
        f"(target <= {limit}x) {'met' if ratio <= limit else 'MISSED'}"
    )
    return (
        name,
        f"{statistics.median(ours):.0f}",
        f"{statistics.median(reference):.0f}",
        f"{ratio:.2f}x {verdict}",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="page loads per figure")
    parser.add_argument("--changes", type=int, default=200, help="timed input changes")
    parser.add_argument("--snapshot", action="store_true",
                        help="also time Pyodide started from a memory snapshot made under Node")
    parser.add_argument("--input-only", action="store_true",
                        help="only the input-to-screen figures (no page loads timed)")
    args = parser.parse_args()
    rows = measure(args)
    header = ("Measure", "Calculator", "Reference", "Ratio / verdict")
    print(f"Chromium, {args.runs} runs per load figure (median), loopback server\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\nReference: bare Pyodide page for load and bytes; framework/ page load for the "
          "pre-rendered answer; one 60 Hz frame for input latency.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
