"""The browser's entry point: JSON text in, JSON text out.

The calculator page's worker sends the raw text of the form's controls and query string
(``calculator.form_text`` turns it into typed answers); the engine judges and recommends, and the
reply carries the result as a tree of elements (``calculator.result_view``) that the build writes
as HTML for the first paint and the browser builds with DOM calls after each change.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from . import recommend, to_adr, to_markdown
from .form_text import parse_values, query_pairs, query_text
from .labels import OPTION_NAMES
from .result_view import summary, view
from .tree import Element, Node

__all__ = [
    "OPTION_NAMES",
    "Element",
    "Node",
    "compute",
    "handle",
    "parse_values",
    "query_pairs",
    "query_text",
    "view",
]


def compute(values: Mapping[str, str]) -> dict[str, object]:
    """Everything the page shows for one state of the form."""
    answers, errors = parse_values(values)
    result = recommend(answers)
    return {
        "recommendation": result["recommendation"],
        "patterns": result["patterns"],
        "answers": result["answers"],
        "errors": [error.to_dict() for error in errors],
        "query": query_pairs(result["answers"]),
        "texts": {name: query_text(value) for name, value in result["answers"].items()},
        "view": view(result),
        "summary": summary(result),
    }


def handle(request: str) -> str:
    """Answer one request ``{"type", "payload"}`` from the browser with JSON text.

    Every type takes the payload ``{"values": {field: text}}``. ``compute`` answers with what
    the page shows; ``adr`` and ``markdown`` with ``{"text": ...}``, exactly what
    ``python3 -m calculator recommend --format adr|markdown`` prints for the same answers.
    """
    message = json.loads(request)
    kind, payload = message["type"], message.get("payload") or {}
    values = payload.get("values") or {}
    reply: object
    if kind == "compute":
        reply = compute(values)
    elif kind == "adr":
        reply = {"text": to_adr(recommend(parse_values(values)[0]))}
    elif kind == "markdown":
        reply = {"text": to_markdown(recommend(parse_values(values)[0]))}
    else:
        raise ValueError(f"type: expected one of 'compute', 'adr', 'markdown'; got {kind!r}")
    return json.dumps(reply, ensure_ascii=False, allow_nan=False)
