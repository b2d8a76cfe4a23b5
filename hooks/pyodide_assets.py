"""Put the browser calculator's runtime into the built site: Pyodide and the engine, same origin.

Pyodide comes from the pinned npm package in ``node_modules/pyodide``; only the five files that
``loadPyodide`` fetches for a Python without extra packages are copied, under a folder named after
the version so that a new release never meets an old file in a cache. The engine (the
``calculator`` package) is zipped at build time into ``assets/calculator/engine-<hash>.zip``;
the hash in the name changes whenever a source file does, for the same reason.
"""

from __future__ import annotations

import hashlib
import io
import json
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
    "engine_archive",
    "engine_name",
    "pyodide_dest",
    "pyodide_version",
]

# What loadPyodide() fetches when no package beyond the standard library is loaded: the loader,
# the Emscripten module and its WebAssembly, the standard library and the package lock file.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
ENGINE_DIR = "assets/calculator/"
ENGINE_PACKAGE = "calculator"
# A fixed timestamp makes the archive, and so its name, depend on the sources alone.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def pyodide_source(root: Path) -> Path:
    """The installed npm package, or a build error that says how to install it."""
    source = root / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (source / name).is_file()]
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
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sources:
            info = zipfile.ZipInfo(path.relative_to(root).as_posix(), date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def engine_name(archive: bytes) -> str:
    """The archive's file name, with a content hash so that caches never serve a stale engine."""
    return f"engine-{hashlib.sha256(archive).hexdigest()[:12]}.zip"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    source = pyodide_source(root)
    dest = pyodide_dest(pyodide_version(root))
    for name in PYODIDE_FILES:
        files.append(File.generated(config, dest + name, abs_src_path=str(source / name)))
    archive = engine_archive(root)
    files.append(File.generated(config, ENGINE_DIR + engine_name(archive), content=archive))
    return files
