// Builds the calculator's Python library for pyodide_assets.py: the engine and the part of the
// standard library that Pyodide and the engine import, all compiled to bytecode by the vendored
// Pyodide's own Python, in one zip that the worker hands to loadPyodide as its standard library.
//
// Why: Pyodide's python_stdlib.zip holds Python source only, so every visit compiled the ~140
// modules that start-up imports, and then the engine, before the first answer (about a second
// of a two-second start). A .pyc file is only valid for the Python version that wrote it, hence
// Pyodide itself does the compiling.
//
// Usage: node compile_engine.mjs PYODIDE_DIR SOURCE_ZIP OUT_ZIP
// The module list comes from running the engine on every kind of request, with good and bad
// answers; the written library is then loaded into a fresh Pyodide and run the same way, so a
// module that the list missed fails the build rather than a reader's calculator. Prints
// {"python", "engine", "stdlib"} (module counts); a source that does not compile or an engine
// that does not run exits 1 with Python's message on stderr.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, sourceZip, outZip] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);

// Every request type the page makes, with valid answers and with answers the engine rejects.
const EXERCISE = `
import json
from calculator import webapi

for kind in ("compute", "adr", "markdown"):
    for values in ({}, {"need": "both", "calls_per_day": "40000", "citations_required": "true"},
                   {"need": "<img src=x>", "calls_per_day": "-1e999", "tone": ""}):
        reply = json.loads(webapi.handle(json.dumps({"type": kind, "payload": {"values": values}})))
        if not reply:
            raise ValueError(f"the engine gave no {kind} reply for {values}")
`;

const BUILD = `
import json, pathlib, py_compile, sys, traceback, zipfile

MODE = py_compile.PycInvalidationMode.UNCHECKED_HASH
STAMP = (2020, 1, 1, 0, 0, 0)


def compile_tree(src, out):
    # Hash-based, unchecked: no timestamp in the file (reproducible), and nothing to check it
    # against since no source ships; dfile names the module in tracebacks.
    for path in sorted(src.rglob("*.py")):
        name = path.relative_to(src).with_suffix(".pyc")
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        py_compile.compile(str(path), cfile=str(out / name), dfile=str(name.with_suffix(".py")),
                           doraise=True, invalidation_mode=MODE)


def stdlib_sources(stdlib):
    prefix = stdlib + "/"
    files = {getattr(module, "__file__", None) or "" for module in list(sys.modules.values())}
    return sorted(f[len(prefix):] for f in files if f.startswith(prefix) and f.endswith(".py"))


def build():
    out = pathlib.Path("/out")
    compile_tree(pathlib.Path("/src"), out)
    sys.path.insert(0, str(out))
    exec(EXERCISE, {})
    stdlib = next(p for p in sys.path if p.endswith(".zip"))
    names = stdlib_sources(stdlib)
    with zipfile.ZipFile(stdlib) as archive:
        archive.extractall("/stdsrc", names)
    compile_tree(pathlib.Path("/stdsrc"), out)
    with zipfile.ZipFile("/library.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as library:
        for path in sorted(out.rglob("*.pyc")):
            info = zipfile.ZipInfo(path.relative_to(out).as_posix(), date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            library.writestr(info, path.read_bytes())
    engine = len(list((out / "calculator").rglob("*.pyc")))
    return {"engine": engine, "stdlib": len(names)}


try:
    reply = build()
except py_compile.PyCompileError as error:
    reply = {"error": str(error).strip()}
except Exception as error:
    where = traceback.extract_tb(error.__traceback__)[-1]
    reply = {"error": f"running the compiled engine failed at {where.filename}, "
                      f"line {where.lineno}: {type(error).__name__}: {error}"}
json.dumps(reply)
`;

// Python's reasons come back as text: a PythonError's message buries them under the runtime's
// own stack.
function fail(reason) {
  process.stderr.write(`${reason}\n`);
  process.exit(1);
}

const builder = await loadPyodide({ indexURL: `${pyodideDir}/` });
builder.unpackArchive(new Uint8Array(readFileSync(sourceZip)), "zip", { extractDir: "/src" });
builder.globals.set("EXERCISE", EXERCISE);
const reply = JSON.parse(builder.runPython(BUILD));
if (reply.error) fail(reply.error);
writeFileSync(outZip, builder.FS.readFile("/library.zip"));

// The library alone, as the browser will have it: nothing from the stock standard library.
const fresh = await loadPyodide({ indexURL: `${pyodideDir}/`, stdLibURL: outZip });
try {
  fresh.runPython(EXERCISE);
} catch (error) {
  const last = String(error.message).trim().split("\n").at(-1);
  fail(`the compiled library misses something the engine needs: ${last}`);
}
// A request the engine refuses must still reach the page as an error, not break the runtime.
const refused = fresh.pyimport("calculator.webapi").handle;
try {
  refused(JSON.stringify({ type: "unknown", payload: {} }));
  fail("the compiled engine accepted a request of an unknown type");
} catch (error) {
  if (!String(error.message).includes("ValueError")) {
    fail(`a refused request did not come back as Python's ValueError: ${error.message}`);
  }
}
const python = fresh.runPython("import sys; sys.version.split()[0]");
console.log(JSON.stringify({ python, engine: reply.engine, stdlib: reply.stdlib }));
