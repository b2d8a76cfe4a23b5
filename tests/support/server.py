"""A static file server on a free loopback port, with the knobs that portal tests need."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

# Python's mimetypes table may lack these; a wrong wasm type is exactly what breaks Pyodide.
DEFAULT_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".svg": "image/svg+xml",
}


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    extra_headers: Mapping[str, str] = {}
    blocked: tuple[str, ...] = ()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def _route(self) -> bool:
        path = self.path
        if not path.startswith(self.prefix):
            self.send_error(404, "outside the served prefix")
            return False
        if any(part in path for part in self.blocked):
            self.send_error(403, "blocked by test")
            return False
        self.path = "/" + path[len(self.prefix) :]
        return True

    def do_GET(self) -> None:
        if self._route():
            super().do_GET()

    def do_HEAD(self) -> None:
        if self._route():
            super().do_HEAD()


class StaticServer:
    """Serve directory under prefix (e.g. '/guides/llm-choices/') on 127.0.0.1 and a free port."""

    def __init__(
        self,
        directory: Path,
        *,
        prefix: str = "/",
        headers: Mapping[str, str] | None = None,
        mime_overrides: Mapping[str, str] | None = None,
        block: Iterable[str] = (),
    ) -> None:
        if not (prefix.startswith("/") and prefix.endswith("/")):
            raise ValueError(f"prefix: expected a path between two '/'; got {prefix!r}")
        types = {**DEFAULT_TYPES, **(mime_overrides or {})}
        handler = type(
            "Handler",
            (_Handler,),
            {
                "prefix": prefix,
                "extra_headers": dict(headers or {}),
                "blocked": tuple(block),
                "extensions_map": {**_Handler.extensions_map, **types},
            },
        )
        self.prefix = prefix
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
        )
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}{self.prefix}"

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
