// Runs tests/support/parity.py inside Pyodide under Node, with the library the site ships.
// Usage: node pyodide_parity.mjs PYODIDE_DIR ENGINE_ZIP PARITY_PY CASES_JSON OUTPUT_JSON
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [pyodideDir, engineZip, parityPy, casesFile, outputFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
// As in the browser: the site's library (engine and standard library, compiled) is the stdlib.
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, stdLibURL: engineZip });
const namespace = pyodide.globals.get("dict")();
pyodide.runPython(readFileSync(parityPy, "utf8"), { globals: namespace });
const run = namespace.get("run");
writeFileSync(outputFile, run(readFileSync(casesFile, "utf8")));
const version = pyodide.runPython("import sys; sys.version.split()[0]");
console.log(JSON.stringify({ python: version, pyodide: pyodide.version }));
