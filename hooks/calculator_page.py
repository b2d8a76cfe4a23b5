"""Build the calculator page: its form from the engine's schema, its answer computed with CPython.

``docs/calculator.md`` carries a form marker line and the answer region that ``python3 -m
calculator pages docs`` writes for readers without scripts. The form marker becomes one control
per engine field, named after it, with label, help and unit, grouped by the four framework
questions and then the details (the economics in a collapsed block). The answer region becomes the
progress steps, the action buttons and the result region, holding the answer for the default
answers, so a reader sees a real answer before any script has run. The result is rendered from
the same tree (``calculator.result_view.view``) that the browser builds after each change.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

__all__ = ["FORM_MARKER", "RESULT_MARKER", "form_html", "result_html", "tree_html"]

PAGE = "calculator.md"
FORM_MARKER = "<!-- calculator:form -->"
# The no-script answer between these comments (calculator/pages.py) gives way to the live one.
RESULT_REGION = re.compile(
    r"<!-- calculator:answer begin\b.*?<!-- calculator:answer end -->", re.DOTALL
)
RESULT_MARKER = "<!-- calculator:answer begin --><!-- calculator:answer end -->"
ENGINE_PREFIX = "assets/calculator/engine-"
# Starts the worker from the head, before the theme's stylesheets and scripts have loaded.
START_SCRIPT = "assets/calculator/start.js"
PYODIDE_LOADER = "/pyodide.mjs"
# Where the page's scripts live; the form's asset paths are relative to it (see app.js).
SCRIPTS_DIR = "assets/calculator/"


def _attrs(attributes: Mapping[str, str | None]) -> str:
    """Attributes as HTML; None leaves one out, an empty string writes a bare attribute."""
    parts = []
    for name, value in attributes.items():
        if value is None:
            continue
        parts.append(f" {name}" if value == "" else f' {name}="{html.escape(value)}"')
    return "".join(parts)


def tree_html(node: Any) -> str:
    """The result tree as HTML: text escaped, attributes quoted (the browser uses DOM calls)."""
    if isinstance(node, str):
        return html.escape(node, quote=False)
    tag, attributes, children = node
    inner = "".join(tree_html(child) for child in children)
    return f"<{tag}{_attrs(attributes)}>{inner}</{tag}>"


def _kinds(prop: Mapping[str, Any]) -> set[str]:
    kind = prop.get("type", "string")
    return set(kind) if isinstance(kind, list) else {str(kind)}


def _text(value: object) -> str:
    from calculator.webapi import query_text

    return query_text(value)


def _options(prop: Mapping[str, Any]) -> str:
    """One option per choice, its help after a dash so that the closed list explains itself."""
    help_for: Mapping[str, str] = prop.get("x-choice-help") or {}
    options = []
    for choice in prop["enum"]:
        selected = "" if choice == prop.get("default") else None
        text = choice + (f" \N{EN DASH} {help_for[choice]}" if help_for.get(choice) else "")
        options.append(
            f"<option{_attrs({'value': choice, 'selected': selected})}>{html.escape(text)}</option>"
        )
    return "".join(options)


def _field(name: str, prop: Mapping[str, Any]) -> str:
    ident = f"calc-{name}"
    kinds = _kinds(prop)
    unit = str(prop.get("x-unit") or "")
    described = " ".join([f"{ident}-help", *([f"{ident}-unit"] if unit else [])])
    label = html.escape(str(prop["x-label"]))
    # Disabled until the page's script has bound the form: without scripts the controls would
    # accept answers and do nothing (the noscript note says so).
    common = {"id": ident, "name": name, "aria-describedby": described, "disabled": ""}
    if "boolean" in kinds:
        checked = "" if prop.get("default") is True else None
        box = {**common, "type": "checkbox", "value": "true", "checked": checked}
        control = f"<input{_attrs(box)}>"
        head = f'<span class="calc-check">{control}<label for="{ident}">{label}</label></span>'
    else:
        if "enum" in prop:
            control = f"<select{_attrs(common)}>{_options(prop)}</select>"
        else:
            minimum = prop.get("minimum", prop.get("exclusiveMinimum"))
            numeric = {
                **common,
                "type": "number",
                "inputmode": "numeric" if "integer" in kinds else "decimal",
                "step": "1" if "integer" in kinds else "any",
                "min": None if minimum is None else _text(minimum),
                "max": None if prop.get("maximum") is None else _text(prop["maximum"]),
                "value": _text(prop.get("default")),
                "placeholder": prop.get("x-null-means") or None,
            }
            control = f"<input{_attrs(numeric)}>"
        unit_html = f'<span class="calc-unit" id="{ident}-unit">{html.escape(unit)}</span>'
        head = (
            f'<label for="{ident}">{label}</label>'
            f'<span class="calc-input">{control}{unit_html if unit else ""}</span>'
        )
    # Shown by the page's script once the field is answered: back to "not answered", so the
    # engine assumes the default again instead of taking it as the reader's answer.
    clear = (
        f'<button type="button" class="calc-clear" data-clear="{name}" '
        f'aria-label="Clear answer: {label}" hidden>Clear answer</button>'
    )
    return (
        f'<div class="calc-field calc-field--{"check" if "boolean" in kinds else "value"}">'
        f"{head}{clear}"
        f'<p class="calc-help" id="{ident}-help">{html.escape(str(prop["x-help"]))}</p>'
        f'<p class="calc-error" id="{ident}-error" hidden></p>'
        "</div>"
    )


def form_html(schema: Mapping[str, Any], *, pyodide: str, engine: str) -> str:
    """The form, one fieldset a group in the schema's order; economics collapsed."""
    properties: Mapping[str, Any] = schema["properties"]
    groups = []
    for group in schema["x-groups"]:
        fields = "".join(_field(n, p) for n, p in properties.items() if p["x-group"] == group["id"])
        if not fields:
            continue
        title, help_text = html.escape(group["title"]), html.escape(group["help"])
        fieldset = (
            f'<fieldset class="calc-group" id="calc-group-{group["id"]}">'
            f"<legend>{title}</legend><p class=\"calc-group__help\">{help_text}</p>{fields}"
            "</fieldset>"
        )
        if group["id"] == "economics":
            fieldset = (
                f'<details class="calc-details"><summary>{title}</summary>{fieldset}</details>'
            )
        groups.append(fieldset)
    form = {
        "id": "calc-form",
        "class": "calc-form",
        "aria-label": "Your answers",
        # The URL holds the answers; a browser restoring old values on reload would contradict it.
        "autocomplete": "off",
        "data-pyodide": pyodide,
        "data-engine": engine,
    }
    return f"<form{_attrs(form)}>{NOSCRIPT}{''.join(groups)}</form>"


NOSCRIPT = (
    '<noscript><div class="admonition note calc-noscript">'
    '<p class="admonition-title">Scripts are off</p>'
    "<p>The questions below are shown for reading only: the calculator runs as a script in your "
    "browser, so without scripts its controls are switched off and the answer further down is "
    "the one for the default answers. The <a href=\"../framework/\">four questions</a> lead to the "
    "same kind of result by hand, and <a href=\"../reference/decision-rules/\">How the calculator "
    "decides</a> lists every rule it applies.</p></div></noscript>"
)


def layout_html(form: str, summary: Any) -> str:
    """The form with the answer's summary beside it (above it on narrow screens), so a change of
    answer is seen where it is made; the full answer stays in its own section below."""
    aside = (
        # A copy of the answer printed in full below, so it does not print.
        '<aside class="calc-summary" id="calc-summary" aria-labelledby="calc-summary-title" '
        'data-print="hide">'
        '<p class="calc-summary__title" id="calc-summary-title">The answer so far</p>'
        '<button type="button" class="calc-summary__toggle" aria-expanded="false" '
        'aria-controls="calc-summary-body" hidden>Details</button>'
        f'<div class="calc-summary__content" id="calc-summary-body">{tree_html(summary)}</div>'
        '<p class="calc-summary__pinned" id="calc-summary-pinned" hidden></p>'
        '<p class="calc-summary__link"><a href="#answer">Full answer below</a></p>'
        "</aside>"
    )
    return f'<div class="calc-layout">{aside}{form}</div>'


def result_html(computed: Mapping[str, Any]) -> str:
    """Progress steps, actions and the result region holding the pre-rendered answer."""
    from calculator.contract import RESULT_ATTRIBUTES, STATUS_LABELS, STEP_ATTRIBUTES, STEP_LABELS

    steps = "".join(
        f'<li{_attrs({STEP_ATTRIBUTES["step"]: step, STEP_ATTRIBUTES["status"]: "pending"})}>'
        f'{html.escape(name)}: '
        f'<span class="calc-step__status">{STATUS_LABELS["pending"]}</span></li>'
        for step, name in STEP_LABELS.items()
    )
    progress = (
        '<div class="calc-progress" id="calc-progress" role="status" hidden>'
        f"<p>Starting the calculator in your browser.</p><ol>{steps}</ol>"
        # Counts the seconds of a slow start; not live, so it is not read out every second.
        '<p class="calc-slow" id="calc-slow" aria-live="off" hidden></p></div>'
    )
    buttons = (
        ("copy-link", "Copy link", None),
        ("copy-adr", "Copy as ADR", None),
        ("download-md", "Download .md", None),
        # Keeps the current answers to compare with while others change (query parameter pinned).
        ("pin", "Pin these answers", None),
        ("unpin", "Unpin", ""),
    )
    actions = (
        '<div class="calc-actions" data-print="hide" hidden>'
        + "".join(f'<button type="button" class="md-button" data-action="{action}"'
                  f'{_attrs({"hidden": hidden})}>{label}</button>'
                  for action, label, hidden in buttons)
        + '<p class="calc-action-status" id="calc-action-status" role="status"></p></div>'
    )
    failure = (
        '<div class="calc-failure admonition warning" id="calc-failure" hidden>'
        '<p class="admonition-title">The calculator could not start</p>'
        '<p>What went wrong: <span id="calc-failure-detail">its scripts did not load.</span></p>'
        "<p>Likely causes, for whoever runs this site:</p><ul>"
        "<li>the server sends <code>.wasm</code> files with a type other than "
        "<code>application/wasm</code>;</li>"
        "<li>a proxy, firewall or browser extension blocks a file under "
        "<code>assets/pyodide/</code> or <code>assets/calculator/</code>;</li>"
        "<li>a Content Security Policy whose <code>script-src</code> lacks "
        "<code>'wasm-unsafe-eval'</code>;</li>"
        "<li>a slow network: the Python runtime is about 13 MB.</li></ul>"
        "<p>The guidance on this site is still valid, and so is the answer below, which was "
        "computed for the default answers when the site was built. "
        '<a href="../serving/">Serving the site on a portal</a> lists what the server needs.</p>'
        "</div>"
    )
    state = {
        "id": "calc-result",
        "class": "calc-result",
        RESULT_ATTRIBUTES["state"]: "prerendered",
        RESULT_ATTRIBUTES["recommendation"]: str(computed["recommendation"]),
        RESULT_ATTRIBUTES["patterns"]: " ".join(computed["patterns"]),
        # The fields the reader gave, and those left out whose default the result assumed.
        RESULT_ATTRIBUTES["given"]: " ".join(computed["given"]),
        RESULT_ATTRIBUTES["assumed"]: " ".join(computed["assumed"]),
        # The heading above the marker in calculator.md.
        "aria-labelledby": "answer",
    }
    # The one live region: the page writes a sentence here once the answers have settled, so a
    # screen reader hears one announcement per change rather than every section that changed.
    announce = (
        '<p class="calc-sr-only" id="calc-announce" aria-live="polite">'
        f"{html.escape(announcement(computed))}</p>"
    )
    return (
        f"{progress}{actions}<section{_attrs(state)}>{announce}"
        f"{failure}"
        '<div class="calc-compare-region" id="calc-compare" hidden></div>'
        '<p class="calc-note" id="calc-note">Computed for the default answers when this site was '
        "built.</p>"
        f"{tree_html(computed['view'])}</section>"
    )


def announcement(computed: Mapping[str, Any]) -> str:
    from calculator.contract import OPTIONS_BY_ID

    return f"Recommendation: {OPTIONS_BY_ID[str(computed['recommendation'])].name}."


def _asset(files: Iterable[Any], test: str, where: str) -> str:
    found = sorted(f.src_uri for f in files if f.src_uri.startswith(test))
    if not found:
        raise PluginError(f"calculator page: no {where} in the site; is hooks/pyodide_assets.py "
                          "listed before hooks/calculator_page.py in mkdocs.yml?")
    return found[-1]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = str(Path(config.config_file_path).parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    return config


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != PAGE:
        return html_text
    if html_text.count(FORM_MARKER) != 1:
        raise PluginError(f"{PAGE}: expected the marker {FORM_MARKER} once; "
                          f"got {html_text.count(FORM_MARKER)}")
    if len(RESULT_REGION.findall(html_text)) != 1:
        raise PluginError(f"{PAGE}: expected the region {RESULT_MARKER} once; "
                          f"got {len(RESULT_REGION.findall(html_text))}; run "
                          "`python3 -m calculator pages docs`")
    from calculator import input_schema
    from calculator.webapi import compute

    engine = _asset(files, ENGINE_PREFIX, "engine archive")
    loader = _asset((f for f in files if f.src_uri.endswith(PYODIDE_LOADER)), "assets/pyodide/",
                    "Pyodide")
    pyodide = "../" + loader.removesuffix(PYODIDE_LOADER).removeprefix("assets/") + "/"
    form = form_html(input_schema(), pyodide=pyodide, engine=engine.removeprefix(SCRIPTS_DIR))
    computed = compute({})
    return swap_markers(html_text, layout_html(form, computed["summary"]), result_html(computed))


def swap_markers(html_text: str, form: str, result: str) -> str:
    """The page with its two markers replaced by the form and the result."""
    return RESULT_REGION.sub(lambda _: result, html_text.replace(FORM_MARKER, form))


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if page.file.src_uri != PAGE:
        return output
    return output.replace(_HEAD_ANCHOR, start_html(output, page.url) + _HEAD_ANCHOR, 1)


# The theme's first stylesheet: the start goes before it, so the browser asks for it first.
_HEAD_ANCHOR = '<link rel="stylesheet"'
_FORM_ASSET = re.compile(r'<form [^>]*id="calc-form"[^>]*>')


def start_html(output: str, page_url: str) -> str:
    """The head's start of the engine: the start module with the form's asset paths, and a
    preload of the module it imports, so that neither waits for the page to be parsed."""
    form = _FORM_ASSET.search(output)
    if not form or _HEAD_ANCHOR not in output:
        raise PluginError(f"{PAGE}: the built page lacks the calculator's form or a stylesheet")
    paths = {
        name: html.unescape(match.group(1))
        for name in ("data-pyodide", "data-engine")
        if (match := re.search(rf'{name}="([^"]*)"', form.group(0)))
    }
    start = get_relative_url(START_SCRIPT, page_url)
    client = get_relative_url(SCRIPTS_DIR + "client.js", page_url)
    return (
        f'<script{_attrs({"src": start, **paths})}></script>'
        f'<link rel="modulepreload"{_attrs({"href": client})}>'
    )
