"""Build the calculator page: its form from the engine's field table, its answer computed with
CPython.

``docs/calculator.md`` carries a form marker line and the answer region that ``python3 -m
calculator pages docs`` writes for readers without scripts. The form marker becomes one control
per engine field, named after it, with label, help and unit, grouped by the four framework
questions and then the details (the economics in a collapsed block). The answer region becomes the
progress steps, the action buttons and the result region, holding the answer for the default
answers, so a reader sees a real answer before any script has run. The result is rendered from
the same tree (``calculator.result_view.view``) that the browser builds after each change, and
everything around it is built as such a tree too (``html_tree``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from calculator_engine import (
    FIELDS,
    GROUPS,
    OPTIONS_BY_ID,
    RESULT_ATTRIBUTES,
    STATUS_LABELS,
    STEP_ATTRIBUTES,
    STEP_LABELS,
    Element,
    Field,
    Node,
    compute,
    el,
)
from calculator_engine import query_text as _text
from html_tree import attributes, tree_html
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

__all__ = [
    "FORM_MARKER",
    "RESULT_MARKER",
    "form_element",
    "layout_html",
    "result_html",
    "start_html",
    "tree_html",
]

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


def _options(field: Field) -> list[Node]:
    """One option per choice, its help after a dash so that the closed list explains itself."""
    help_for = dict(zip(field.choices, field.choice_help, strict=False))
    return [
        el(
            "option",
            attributes({"value": choice, "selected": "" if choice == field.default else None}),
            choice + (f" \N{EN DASH} {help_for[choice]}" if help_for.get(choice) else ""),
        )
        for choice in field.choices
    ]


def _field(field: Field) -> Element:
    name, label, unit = field.name, field.label, field.unit
    ident = f"calc-{name}"
    described = " ".join([f"{ident}-help", *([f"{ident}-unit"] if unit else [])])
    # Disabled until the page's script has bound the form: without scripts the controls would
    # accept answers and do nothing (the noscript note says so).
    common = {"id": ident, "name": name, "aria-describedby": described, "disabled": ""}
    head: list[Node]
    if field.kind == "bool":
        checked = "" if field.default is True else None
        box = {**common, "type": "checkbox", "value": "true", "checked": checked}
        head = [
            el("span", {"class": "calc-check"},
               el("input", attributes(box)), el("label", {"for": ident}, label)),
        ]
    else:
        if field.kind == "choice":
            control = el("select", common, *_options(field))
        else:
            whole = field.kind == "int"
            numeric = {
                **common,
                "type": "number",
                "inputmode": "numeric" if whole else "decimal",
                "step": "1" if whole else "any",
                "min": None if field.minimum is None else _text(field.minimum),
                "max": None if field.maximum is None else _text(field.maximum),
                "value": _text(field.default),
                "placeholder": field.null_means if field.nullable and field.null_means else None,
            }
            control = el("input", attributes(numeric))
        shown_unit = [el("span", {"class": "calc-unit", "id": f"{ident}-unit"}, unit)]
        head = [
            el("label", {"for": ident}, label),
            el("span", {"class": "calc-input"}, control, *(shown_unit if unit else [])),
        ]
    # Shown by the page's script once the field is answered: back to "not answered", so the
    # engine assumes the default again instead of taking it as the reader's answer.
    clear = el(
        "button",
        {"type": "button", "class": "calc-clear", "data-clear": name,
         "aria-label": f"Clear answer: {label}", "hidden": ""},
        "Clear answer",
    )
    kind = "check" if field.kind == "bool" else "value"
    return el(
        "div", {"class": f"calc-field calc-field--{kind}"},
        *head,
        clear,
        el("p", {"class": "calc-help", "id": f"{ident}-help"}, field.help),
        el("p", {"class": "calc-error", "id": f"{ident}-error", "hidden": ""}),
    )


def form_element(*, pyodide: str, engine: str) -> Element:
    """The form, one fieldset a group of the field table in its order; economics collapsed."""
    groups: list[Node] = []
    for group in GROUPS:
        fields = [_field(field) for field in FIELDS if field.group == group.id]
        if not fields:
            continue
        fieldset = el(
            "fieldset", {"class": "calc-group", "id": f"calc-group-{group.id}"},
            el("legend", {}, group.title),
            el("p", {"class": "calc-group__help"}, group.help),
            *fields,
        )
        if group.id == "economics":
            fieldset = el("details", {"class": "calc-details"},
                          el("summary", {}, group.title), fieldset)
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
    return el("form", form, NOSCRIPT, *groups)


NOSCRIPT = el(
    "noscript", {},
    el(
        "div", {"class": "admonition note calc-noscript"},
        el("p", {"class": "admonition-title"}, "Scripts are off"),
        el(
            "p", {},
            "The questions below are shown for reading only: the calculator runs as a script in "
            "your browser, so without scripts its controls are switched off and the answer "
            "further down is the one for the default answers. The ",
            el("a", {"href": "../framework/"}, "four questions"),
            " lead to the same kind of result by hand, and ",
            el("a", {"href": "../reference/decision-rules/"}, "How the calculator decides"),
            " lists every rule it applies.",
        ),
    ),
)


def layout_html(form: Element, summary: Node) -> str:
    """The form with the answer's summary beside it (above it on narrow screens), so a change of
    answer is seen where it is made; the full answer stays in its own section below."""
    aside = el(
        "aside",
        # A copy of the answer printed in full below, so it does not print.
        {"class": "calc-summary", "id": "calc-summary", "aria-labelledby": "calc-summary-title",
         "data-print": "hide"},
        el("p", {"class": "calc-summary__title", "id": "calc-summary-title"},
           "The answer so far"),
        el("button", {"type": "button", "class": "calc-summary__toggle", "aria-expanded": "false",
                      "aria-controls": "calc-summary-body", "hidden": ""}, "Details"),
        el("div", {"class": "calc-summary__content", "id": "calc-summary-body"}, summary),
        el("p", {"class": "calc-summary__pinned", "id": "calc-summary-pinned", "hidden": ""}),
        el("p", {"class": "calc-summary__link"}, el("a", {"href": "#answer"}, "Full answer below")),
    )
    return tree_html(el("div", {"class": "calc-layout"}, aside, form))


def _code(text: str) -> Element:
    return el("code", {}, text)


# Shown in place of the answer when the calculator cannot start.
FAILURE = el(
    "div", {"class": "calc-failure admonition warning", "id": "calc-failure", "hidden": ""},
    el("p", {"class": "admonition-title"}, "The calculator could not start"),
    el("p", {}, "What went wrong: ",
       el("span", {"id": "calc-failure-detail"}, "its scripts did not load.")),
    el("p", {}, "Likely causes, for whoever runs this site:"),
    el(
        "ul", {},
        el("li", {}, "the server sends ", _code(".wasm"), " files with a type other than ",
           _code("application/wasm"), ";"),
        el("li", {}, "a proxy, firewall or browser extension blocks a file under ",
           _code("assets/pyodide/"), " or ", _code("assets/calculator/"), ";"),
        el("li", {}, "a Content Security Policy whose ", _code("script-src"), " lacks ",
           _code("'wasm-unsafe-eval'"), ";"),
        el("li", {}, "a slow network: the Python runtime is about 13 MB."),
    ),
    el(
        "p", {},
        "The guidance on this site is still valid, and so is the answer below, which was "
        "computed for the default answers when the site was built. ",
        el("a", {"href": "../serving/"}, "Serving the site on a portal"),
        " lists what the server needs.",
    ),
)
ACTIONS = (
    ("copy-link", "Copy link", None),
    ("copy-adr", "Copy as ADR", None),
    ("download-md", "Download .md", None),
    # Keeps the current answers to compare with while others change (query parameter pinned).
    ("pin", "Pin these answers", None),
    ("unpin", "Unpin", ""),
)


def result_html(computed: Mapping[str, Any]) -> str:
    """Progress steps, actions and the result region holding the pre-rendered answer."""
    steps = [
        el("li", {STEP_ATTRIBUTES["step"]: step, STEP_ATTRIBUTES["status"]: "pending"},
           f"{name}: ", el("span", {"class": "calc-step__status"}, STATUS_LABELS["pending"]))
        for step, name in STEP_LABELS.items()
    ]
    progress = el(
        "div", {"class": "calc-progress", "id": "calc-progress", "role": "status", "hidden": ""},
        el("p", {}, "Starting the calculator in your browser."),
        el("ol", {}, *steps),
        # Counts the seconds of a slow start; not live, so it is not read out every second.
        el("p", {"class": "calc-slow", "id": "calc-slow", "aria-live": "off", "hidden": ""}),
    )
    buttons: list[Node] = [
        el("button", attributes({"type": "button", "class": "md-button", "data-action": action,
                                 "hidden": hidden}), label)
        for action, label, hidden in ACTIONS
    ]
    actions = el(
        "div", {"class": "calc-actions", "data-print": "hide", "hidden": ""},
        *buttons,
        el("p", {"class": "calc-action-status", "id": "calc-action-status", "role": "status"}),
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
    section = el(
        "section", state,
        # The one live region: the page writes a sentence here once the answers have settled,
        # so a screen reader hears one announcement per change rather than every section that
        # changed.
        el("p", {"class": "calc-sr-only", "id": "calc-announce", "aria-live": "polite"},
           announcement(computed)),
        FAILURE,
        el("div", {"class": "calc-compare-region", "id": "calc-compare", "hidden": ""}),
        el("p", {"class": "calc-note", "id": "calc-note"},
           "Computed for the default answers when this site was built."),
        computed["view"],
    )
    return "".join(tree_html(part) for part in (progress, actions, section))


def announcement(computed: Mapping[str, Any]) -> str:
    return f"Recommendation: {OPTIONS_BY_ID[str(computed['recommendation'])].name}."


def _asset(files: Iterable[File], test: str, where: str) -> str:
    found = sorted(f.src_uri for f in files if f.src_uri.startswith(test))
    if not found:
        raise PluginError(f"calculator page: no {where} in the site; is hooks/pyodide_assets.py "
                          "listed before hooks/calculator_page.py in mkdocs.yml?")
    return found[-1]


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
    engine = _asset(files, ENGINE_PREFIX, "engine archive")
    loader = _asset((f for f in files if f.src_uri.endswith(PYODIDE_LOADER)), "assets/pyodide/",
                    "Pyodide")
    pyodide = "../" + loader.removesuffix(PYODIDE_LOADER).removeprefix("assets/") + "/"
    form = form_element(pyodide=pyodide, engine=engine.removeprefix(SCRIPTS_DIR))
    # Read as the other readers of the result read it, until the result has a type of its own.
    computed: Mapping[str, Any] = compute({})
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
    script = el("script", {"src": start, **paths})
    preload = el("link", {"rel": "modulepreload", "href": client})
    return tree_html(script) + tree_html(preload)
