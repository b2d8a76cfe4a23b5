// Compiles the engine to bytecode with the vendored Pyodide's own Python, for pyodide_assets.py.
// A .pyc file is only valid for the Python version that wrote it, and the browser would otherwise
// compile every module from source on each visit, which is most of the engine's start-up time.
//
// Usage: node compile_engine.mjs PYODIDE_DIR SOURCE_ZIP OUT_DIR
// Writes OUT_DIR/<package path>.pyc for every .py in SOURCE_ZIP (sourceless, as Python imports
// them when no .py sits beside them), imports the compiled package once and computes the default
// answer with it, then prints {"python": version, "files": count}. A source that does not compile
// or a package that does not import exits 1 with Python's message on stderr.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, sourceZip, outDir] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/` });
pyodide.unpackArchive(new Uint8Array(readFileSync(sourceZip)), "zip", { extractDir: "/src" });

// Python's reasons come back as text in the reply: a PythonError's message would bury them
// under the runtime's own stack.
const reply = JSON.parse(pyodide.runPython(`
import json, pathlib, py_compile, sys, traceback

def compile_all(src, out):
    names = []
    for path in sorted(src.rglob("*.py")):
        name = path.relative_to(src).with_suffix(".pyc")
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        # The hash-based, unchecked form: no source timestamp in the file (reproducible), and
        # nothing to check against since no source ships; dfile names the module in tracebacks.
        py_compile.compile(
            str(path), cfile=str(out / name), dfile=str(name.with_suffix(".py")), doraise=True,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        names.append(name.as_posix())
    return names

def check(out):
    sys.path.insert(0, str(out))
    from calculator import webapi
    reply = json.loads(webapi.handle(json.dumps({"type": "compute", "payload": {}})))
    if not reply.get("recommendation"):
        raise ValueError(f"the compiled engine answered {reply!r}")

try:
    names = compile_all(pathlib.Path("/src"), pathlib.Path("/out"))
except py_compile.PyCompileError as error:
    reply = {"error": str(error).strip()}
else:
    try:
        check(pathlib.Path("/out"))
        reply = {"names": names}
    except Exception as error:
        where = traceback.extract_tb(error.__traceback__)[-1]
        reply = {"error": f"importing the compiled engine failed at {where.filename}, "
                          f"line {where.lineno}: {type(error).__name__}: {error}"}
json.dumps(reply)
`));
if (reply.error) {
  process.stderr.write(`${reply.error}\n`);
  process.exit(1);
}

const { names } = reply;
for (const name of names) {
  const target = join(outDir, name);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, pyodide.FS.readFile(`/out/${name}`));
}
const python = pyodide.runPython("import sys; sys.version.split()[0]");
console.log(JSON.stringify({ python, files: names.length }));
