"""Put the browser calculator's runtime into the built site: Pyodide and the engine, same origin.

Pyodide comes from the pinned npm package in ``node_modules/pyodide``; only the four files that
``loadPyodide`` fetches besides the standard library are copied, under a folder named after the
version so that a new release never meets an old file in a cache.

In place of Pyodide's ``python_stdlib.zip`` (Python source, compiled on every visit) the worker
loads the calculator's Python library, ``assets/calculator/engine-<hash>.zip``: the engine (the
``calculator`` package) and the standard-library modules that it and Pyodide's start-up import,
compiled to bytecode by that same Pyodide under Node (``compile_engine.mjs``). The hash in the
name changes whenever a source file does, for the same reason as the version folder.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

__all__ = [
    "ENGINE_DIR",
    "PYODIDE_FILES",
    "compiled_engine",
    "engine_archive",
    "engine_for_site",
    "engine_name",
    "pyodide_dest",
    "pyodide_version",
]

# What loadPyodide() fetches when no package is loaded, apart from the standard library: the
# loader, the Emscripten module and its WebAssembly, and the package lock file.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "pyodide-lock.json",
)
# Not copied, but read at build time: the library is compiled from it.
PYODIDE_STDLIB = "python_stdlib.zip"
ENGINE_DIR = "assets/calculator/"
ENGINE_PACKAGE = "calculator"
# A fixed timestamp makes the archive, and so its name, depend on the sources alone.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)
COMPILER = Path(__file__).with_name("compile_engine.mjs")
# Compiling starts a Pyodide under Node (seconds); the result is kept per sources, Pyodide
# version and compiler, so that a rebuild under `mkdocs serve` pays only when the engine changes.
CACHE_DIR = Path("node_modules") / ".cache" / "llm-guide-engine"
COMPILE_TIMEOUT_S = 300

log = logging.getLogger("mkdocs")


def pyodide_source(root: Path) -> Path:
    """The installed npm package, or a build error that says how to install it."""
    source = root / "node_modules" / "pyodide"
    missing = [name for name in (*PYODIDE_FILES, PYODIDE_STDLIB) if not (source / name).is_file()]
    if missing:
        raise PluginError(
            f"pyodide: {source} lacks {', '.join(missing)}; run scripts/setup.sh (npm ci)"
        )
    return source


def pyodide_version(root: Path) -> str:
    """The version of the vendored Pyodide, read from its package.json."""
    package = json.loads((pyodide_source(root) / "package.json").read_text(encoding="utf-8"))
    version = package.get("version")
    if not isinstance(version, str) or not version:
        raise PluginError(f"pyodide: package.json has no version; got {version!r}")
    return version


def pyodide_dest(version: str) -> str:
    """Where the Pyodide files go in the site, relative to the site root."""
    return f"assets/pyodide/{version}/"


def engine_archive(root: Path) -> bytes:
    """The engine's Python sources as a zip whose bytes depend only on their paths and content."""
    package = root / ENGINE_PACKAGE
    sources = sorted(
        path
        for path in package.rglob("*.py")
        if "__pycache__" not in path.parts
    )
    if not sources:
        raise PluginError(f"pyodide: no Python sources under {package}")
    return _zip({path.relative_to(root).as_posix(): path.read_bytes() for path in sources})


def _zip(entries: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on the entries' names and content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, entries[name])
    return buffer.getvalue()


def compiled_engine(
    sources: bytes, pyodide: Path, *, node: str | None, cache: Path | None = None
) -> bytes:
    """The calculator's Python library built from the engine archive ``sources``: the engine and
    the standard-library modules that it and Pyodide import, compiled by the Pyodide in
    ``pyodide`` (see ``compile_engine.mjs``), as one zip that the worker loads as the standard
    library."""
    if node is None:
        raise PluginError(
            "pyodide: Node.js is not on PATH; the build needs it to compile the calculator's "
            "Python library with the vendored Pyodide (install the Node.js that runs npm ci)"
        )
    key = hashlib.sha256(
        sources + (pyodide / "package.json").read_bytes() + COMPILER.read_bytes()
    ).hexdigest()[:24]
    cached = cache / f"engine-{key}.zip" if cache else None
    if cached and cached.is_file():
        return cached.read_bytes()
    with tempfile.TemporaryDirectory(prefix="engine-") as tmp:
        source_zip, library = Path(tmp) / "sources.zip", Path(tmp) / "library.zip"
        source_zip.write_bytes(sources)
        try:
            proc = subprocess.run(
                [node, str(COMPILER), str(pyodide), str(source_zip), str(library)],
                capture_output=True, text=True, timeout=COMPILE_TIMEOUT_S, check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise PluginError(
                f"pyodide: compiling the engine took over {COMPILE_TIMEOUT_S} s; run "
                f"node {COMPILER} by hand to see where it stops"
            ) from error
        except OSError as error:
            raise PluginError(f"pyodide: cannot run Node.js at {node!r} ({error})") from error
        if proc.returncode:
            reason = proc.stderr.strip()[-2000:] or f"node exited with {proc.returncode}"
            raise PluginError(f"pyodide: the engine does not compile in Pyodide:\n{reason}")
        compiled = library.read_bytes()
    if cached:
        _store(cached, compiled)
    return compiled


def _store(path: Path, content: bytes) -> None:
    """Write the cache entry whole or not at all (two builds at once each write their own part
    file); a cache that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_bytes(content)
        partial.replace(path)
    except OSError as error:
        log.debug("pyodide: engine cache not written (%s)", error)


def engine_for_site(root: Path) -> bytes:
    """The library the site ships: the engine under ``root`` compiled for the vendored Pyodide."""
    return compiled_engine(
        engine_archive(root), pyodide_source(root), node=shutil.which("node"),
        cache=root / CACHE_DIR,
    )


def engine_name(archive: bytes) -> str:
    """The archive's file name, with a content hash so that caches never serve a stale engine."""
    return f"engine-{hashlib.sha256(archive).hexdigest()[:12]}.zip"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    source = pyodide_source(root)
    dest = pyodide_dest(pyodide_version(root))
    for name in PYODIDE_FILES:
        files.append(File.generated(config, dest + name, abs_src_path=str(source / name)))
    archive = engine_for_site(root)
    files.append(File.generated(config, ENGINE_DIR + engine_name(archive), content=archive))
    return files
