"""Measure what gzip and brotli save on the files the calculator downloads.

Usage: .venv/bin/python scripts/measure_compression.py [DIRECTORY_OR_FILE ...]
(default: the Pyodide directory and the calculator's library zip of a built site in site/, or
node_modules/pyodide)

Prints one Markdown table row per file: the size, then the compressed size and the saving for gzip
at levels 1 (nginx's default), 6 (a common dynamic setting) and 9, and brotli at quality 5 (typical
on the fly) and 11 (what a build step uses for files compressed ahead of time).
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import brotli  # type: ignore[import-untyped]  # ships no type information

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".wasm", ".mjs", ".js", ".json", ".zip", ".whl", ".tar"}
Codec = Callable[[bytes], bytes]
CODECS: list[tuple[str, Codec]] = [
    ("gzip -1", lambda data: gzip.compress(data, 1, mtime=0)),
    ("gzip -6", lambda data: gzip.compress(data, 6, mtime=0)),
    ("gzip -9", lambda data: gzip.compress(data, 9, mtime=0)),
    ("br 5", lambda data: brotli.compress(data, quality=5)),
    ("br 11", lambda data: brotli.compress(data, quality=11)),
]


def default_paths() -> list[Path]:
    site = ROOT / "site"
    built = sorted({lock.parent for lock in site.rglob("pyodide-lock.json")})
    library = sorted((site / "assets" / "calculator").glob("engine-*.zip"))
    return built + library if built else [ROOT / "node_modules" / "pyodide"]


def files_in(paths: Iterable[Path]) -> list[Path]:
    found = [
        file
        for path in paths
        for file in ([path] if path.is_file() else sorted(path.rglob("*")))
        if file.is_file() and file.suffix in SUFFIXES and ".map" not in file.suffixes
    ]
    return sorted(found, key=lambda file: -file.stat().st_size)


def cell(size: int, original: int) -> str:
    return f"{size:,} (-{100 * (1 - size / original):.1f} %)"


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or default_paths()
    files = files_in(paths)
    if not files:
        print(f"no Pyodide files under {', '.join(map(str, paths))}", file=sys.stderr)
        return 1
    names = [name for name, _ in CODECS]
    print("| file | bytes | " + " | ".join(names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    totals = [0] * (len(CODECS) + 1)
    for file in files:
        data = file.read_bytes()
        sizes = [len(data)] + [len(codec(data)) for _, codec in CODECS]
        totals = [total + size for total, size in zip(totals, sizes, strict=True)]
        row = [cell(size, sizes[0]) for size in sizes[1:]]
        print(f"| `{file.name}` | {sizes[0]:,} | " + " | ".join(row) + " |")
    row = [cell(size, totals[0]) for size in totals[1:]]
    print(f"| **all** | {totals[0]:,} | " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
