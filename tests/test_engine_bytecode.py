"""The library the site ships: engine and standard library compiled by the vendored Pyodide.

That the compiled engine gives the same answers as CPython is the parity test's job
(test_pyodide_parity.py runs the shipped library); these tests cover what the build makes.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from tests.support.hooks import load_hook

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
assets = load_hook("pyodide_assets")


def _package(root: Path, **modules: str) -> bytes:
    package = root / "calculator"
    package.mkdir(parents=True, exist_ok=True)
    for name, text in modules.items():
        (package / f"{name}.py").write_text(text, encoding="utf-8")
    return assets.engine_archive(root)


@pytest.mark.node
def test_the_library_is_bytecode_only_and_smaller_than_the_stock_stdlib(
    node: str, tmp_path: Path
) -> None:
    sources = assets.engine_archive(ROOT)
    library = assets.compiled_engine(sources, PYODIDE, node=node, cache=tmp_path)
    engine = {name + "c" for name in zipfile.ZipFile(BytesIO(sources)).namelist()}
    archive = zipfile.ZipFile(BytesIO(library))
    names = set(archive.namelist())
    assert engine <= names
    stdlib = names - engine
    # What Pyodide's own start imports, and what the engine's JSON replies need.
    assert {"encodings/__init__.pyc", "encodings/utf_8.pyc", "json/__init__.pyc",
            "json/encoder.pyc", "dataclasses.pyc", "re/__init__.pyc"} <= stdlib
    assert all(name.endswith(".pyc") for name in names)
    headers = {archive.read(name)[:8] for name in names}
    # One Python wrote them all (that it is Pyodide's, the parity test shows by running them
    # there); flags 1 = hash-based and never checked, as no source ships to check against.
    assert len(headers) == 1, headers
    (header,) = headers
    assert int.from_bytes(header[4:8], "little") == 1
    stock = PYODIDE / "python_stdlib.zip"
    assert len(library) < stock.stat().st_size, (len(library), stock.stat().st_size)
    assert len(stdlib) < len(zipfile.ZipFile(stock).namelist())


@pytest.mark.node
def test_compiling_is_reproducible_and_cached(node: str, tmp_path: Path) -> None:
    sources = _package(tmp_path / "src", __init__="A = 1\n", webapi=WEBAPI)
    first = assets.compiled_engine(sources, PYODIDE, node=node, cache=tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("engine-*.zip"))) == 1
    # A cache hit must not start Node at all: a path that cannot run proves it.
    again = assets.compiled_engine(sources, PYODIDE, node="/nonexistent/node",
                                   cache=tmp_path / "cache")
    fresh = assets.compiled_engine(sources, PYODIDE, node=node, cache=None)
    assert first == again == fresh


@pytest.mark.node
def test_a_source_that_does_not_compile_fails_the_build_naming_it(
    node: str, tmp_path: Path
) -> None:
    sources = _package(tmp_path, __init__="A = 1\n", webapi=WEBAPI, rules="def broken(:\n")
    with pytest.raises(PluginError, match=r"(?s)does not compile in Pyodide.*rules\.py"):
        assets.compiled_engine(sources, PYODIDE, node=node, cache=None)


@pytest.mark.node
def test_an_engine_that_does_not_import_fails_the_build(node: str, tmp_path: Path) -> None:
    sources = _package(tmp_path, __init__="import json\n", webapi="from . import missing\n")
    with pytest.raises(PluginError, match=r"(?s)does not compile in Pyodide.*ImportError.*missing"):
        assets.compiled_engine(sources, PYODIDE, node=node, cache=None)


def test_node_that_cannot_run_is_named(tmp_path: Path) -> None:
    sources = _package(tmp_path, __init__="A = 1\n")
    with pytest.raises(PluginError, match=r"cannot run Node\.js at '/nonexistent/node'"):
        assets.compiled_engine(sources, PYODIDE, node="/nonexistent/node", cache=None)


def test_without_node_the_build_says_what_to_install(tmp_path: Path) -> None:
    sources = _package(tmp_path, __init__="A = 1\n")
    with pytest.raises(PluginError, match=r"Node\.js is not on PATH.*install the Node\.js"):
        assets.compiled_engine(sources, PYODIDE, node=None, cache=tmp_path)


# The smallest engine the compiler's check accepts: it answers the page's three request types and
# refuses any other, as calculator/webapi.py does.
WEBAPI = """
import json
def handle(request):
    kind = json.loads(request)["type"]
    if kind not in ("compute", "adr", "markdown"):
        raise ValueError(f"type: got {kind!r}")
    return json.dumps({"recommendation": "rag"})
"""
