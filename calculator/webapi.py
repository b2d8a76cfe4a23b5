"""The browser's entry point: JSON text in, JSON text out.

The calculator page's worker sends the raw text of the form's controls and query string
(``calculator.form_text`` turns it into typed answers); the engine judges and recommends, and the
reply carries the result as a tree of elements (``calculator.result_view``) that the build writes
as HTML for the first paint and the browser builds with DOM calls after each change.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping

from . import compare, recommend, to_markdown
from .adr import to_adr_compared as to_adr
from .answers import Answers
from .breakeven import break_even
from .contract import OPTIONS_BY_ID, REQUEST_TYPES, BreakEvenReply, ComputeReply, Result
from .form_text import parse_values, query_pairs, query_text
from .formatting import percent
from .result_view import break_even_section, summary, view
from .tree import Element, Node

__all__ = [
    "Element",
    "Node",
    "break_even_reply",
    "compute",
    "handle",
    "parse_values",
    "query_pairs",
    "query_text",
    "view",
]


def compute(
    values: Mapping[str, str],
    pinned: Mapping[str, str] | None = None,
    *,
    break_even_later: bool = False,
) -> ComputeReply:
    """Everything the page shows for one state of the form (and the pinned answers, if any).

    ``break_even_later`` leaves the break-even section pending (see ``break_even_reply``), so
    that a change of answer is shown without waiting for its costliest part; the comparison
    with pinned answers needs the figures, so with pinned answers they are always worked out."""
    answers, errors = parse_values(values)
    later = break_even_later and pinned is None
    result = recommend(answers, with_break_even=not later)
    reply: ComputeReply = {
        "recommendation": result["recommendation"],
        "patterns": result["patterns"],
        "answers": result["answers"],
        "errors": [error.to_dict() for error in errors],
        "query": query_pairs(result["answers"], result["given"]),
        "given": result["given"],
        "assumed": [item["field"] for item in result["assumptions"]],
        "texts": {name: query_text(value) for name, value in result["answers"].items()},
        "view": view(result, break_even_pending=later),
        "summary": summary(result),
    }
    if pinned is not None:
        before = _pinned_result(tuple(sorted((str(k), str(v)) for k, v in pinned.items())))
        # First, as they always came.
        reply = {
            "comparison": compare.view(before, result),
            "pinned_summary": f"Pinned answers give {OPTIONS_BY_ID[before['recommendation']].name} "
            f"(confidence {percent(before['confidence'])}).",
            **reply,
        }
    return reply


def break_even_reply(values: Mapping[str, str]) -> BreakEvenReply:
    """The break-even section for one state of the form, as ``compute`` shows it in full."""
    answers = Answers.from_dict(parse_values(values)[0])
    return {"section": break_even_section(break_even(answers), answers.calls_per_day)}


@functools.lru_cache(maxsize=4)
def _pinned_result(pinned: tuple[tuple[str, str], ...]) -> Result:
    # The pinned answers stay the same while the reader changes the others: computed once.
    return recommend(parse_values(dict(pinned))[0])


def handle(request: str) -> str:
    """Answer one request ``{"type", "payload"}`` from the browser with JSON text.

    Every type takes the payload ``{"values": {field: text}}``, and optionally ``"pinned"``:
    answers of the same kind to compare with (the page's ``pinned`` query parameter).
    ``values`` holds only the fields the reader gave (set in the form, even to the default value,
    or named in the URL); a field left out is not answered, and its default is an assumption.
    ``compute`` answers with what the page shows, including ``query`` (the given answers as
    query-string pairs, in form order), ``given`` and ``assumed`` (field names, the page's
    ``data-given`` and ``data-assumed``); ``adr`` and ``markdown`` with
    ``{"text": ...}``, exactly what ``python3 -m calculator recommend --format adr|markdown``
    prints for the same answers (the ADR with a comparison section when answers are pinned).
    ``compute`` also takes ``"break_even_later": true``: the reply's view then holds the
    break-even section as a busy placeholder (``aria-busy="true"``), and ``break_even`` answers
    with ``{"section": ...}``, that section in full for the same values, to put in its place.
    ``adr`` also takes ``"site_url"``, the guide's address (what ``--site-url`` gives the
    command line): the record then ends with a link to the calculator holding the same answers.

    A value the engine refuses leaves its field at the default, and ``compute`` lists the refusal
    under ``errors``, one object per field::

        {"kind": "OutOfRangeError", "field": "calls_per_day", "value": -5,
         "allowed": "an integer from 0 to 1000000000",
         "message": "calls_per_day: expected an integer from 0 to 1000000000; got -5"}

    ``message`` is the one line the command line prints; ``field`` and ``value`` are cut and
    escaped like it when they are long or hold control characters, so the page can show the
    message next to the field as text.
    """
    message = json.loads(request)
    kind, payload = message["type"], message.get("payload") or {}
    values = payload.get("values") or {}
    reply: object
    pinned = payload.get("pinned")
    if kind == "compute":
        reply = compute(values, pinned, break_even_later=payload.get("break_even_later") is True)
    elif kind == "break_even":
        reply = break_even_reply(values)
    elif kind == "adr":
        site_url = payload.get("site_url")
        result = recommend(parse_values(values)[0])
        reply = {"text": to_adr(result, pinned,
                                site_url=site_url if isinstance(site_url, str) else None)}
    elif kind == "markdown":
        reply = {"text": to_markdown(recommend(parse_values(values)[0]))}
    else:
        # The worker answers init itself; every other request type comes here.
        handled = ", ".join(repr(t) for t in REQUEST_TYPES if t != "init")
        raise ValueError(f"type: expected one of {handled}; got {kind!r}")
    return json.dumps(reply, ensure_ascii=False, allow_nan=False)
