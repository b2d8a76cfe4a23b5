"""Write the Markdown that the guide reads from the engine: `python3 -m calculator pages docs`.

Every word a reader reads is committed Markdown, because documentation portals (Backstage
TechDocs) and other builders (Zensical) run no MkDocs hook. This module writes:

- the whole pages ``reference/decision-rules.md`` and ``reference/inputs.md``;
- regions inside hand-written pages, between a begin and an end comment: a pattern page's trigger
  list (``triggers ID``) and its calculator example (``try ID``), and the calculator page's answer
  for readers without scripts (``answer``). A bare ``<!-- calculator:KIND ID -->`` line is
  expanded into a region on the next run, which is how a new page asks for one.

Three modes, as in astral-sh/uv's ``generate_cli_reference``: *write* the files, *check* that the
committed files match (the test suite does this), or *print* what would be written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from . import contract_js
from .contract import OPTIONS_BY_ID
from .docs import generated_pages, triggers_snippet, try_snippet
from .engine import recommend
from .formatting import percent
from .framework import QUESTIONS
from .labels import VERDICT_NAMES
from .patterns import PATTERNS, PATTERNS_BY_ID

__all__ = [
    "COMMAND",
    "DEFAULT_CALCULATOR",
    "REGION",
    "Mode",
    "Outcome",
    "RegionError",
    "answer_region",
    "calculator_url",
    "expected_files",
    "fill_regions",
    "run",
]

COMMAND = "python3 -m calculator pages docs"
# Where "the full calculator" is when mkdocs.yml does not say: this site's own page.
DEFAULT_CALCULATOR = "calculator.md"
CALCULATOR_PAGE = "calculator.md"
# Where the page's scripts live under docs/.
SCRIPTS = "assets/calculator"

Mode = Literal["write", "check", "print"]

# A bare marker line, or a region from its begin comment to the matching end comment.
REGION = re.compile(
    r"<!-- calculator:(?P<kind>[a-z]+)(?: (?P<id>[a-z0-9-]+))? -->"
    r"|<!-- calculator:(?P<rkind>[a-z]+)(?: (?P<rid>[a-z0-9-]+))? begin\b[^>]*-->"
    r".*?<!-- calculator:(?P=rkind)(?: (?P=rid))? end -->",
    re.DOTALL,
)
# Markers that belong to the calculator page's build hook, not to this generator.
HOOK_MARKERS = frozenset({"form", "result"})


class RegionError(ValueError):
    """A marker names a kind or a pattern that does not exist."""


def _link(url: str, page: str, query: str = "", fragment: str = "") -> str:
    """The calculator's address from a page: absolute URLs as they are, docs paths relative."""
    if not re.match(r"[a-z][a-z0-9+.-]*:", url):
        # A path inside docs/: Markdown links are relative to the linking page.
        depth = page.count("/")
        url = "../" * depth + url
    return url + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")


def answer_region(calculator: str) -> str:
    """The calculator page's answer for readers without scripts (TechDocs, print, blocked)."""
    result = recommend({})
    name = OPTIONS_BY_ID[result["recommendation"]].name
    verdict = VERDICT_NAMES[result["framework_verdict"]]
    lines = [
        "!!! note \"Without scripts\"",
        "    This section is the calculator on paper: the answer for the default answers, and the",
        "    four questions to answer by hand. With scripts running, the calculator replaces it",
        "    with the answer for your own inputs.",
        "",
        f"**For the default answers the calculator recommends: {name}** (confidence "
        f"{percent(result['confidence'])}). The four questions alone say: {verdict}. Every "
        "default is listed in [Calculator inputs](reference/inputs.md).",
        "",
        "| Question | Default answer | Points to fine-tuning |",
        "|---|---|---|",
    ]
    for question in result["questions"]:
        points = "yes" if question["points_to_fine_tuning"] else "no"
        lines.append(f"| {question['question']} | {question['answer']} | {points} |")
    lines += ["", "The strongest reasons for this answer:", ""]
    lines += [f"- {reason['text']}" for reason in result["reasons"][:3]]
    lines += [
        "",
        "**The four questions by hand.** Tick each question whose answer points to fine-tuning "
        "for your case.",
        "",
    ]
    for asked in QUESTIONS:
        lines.append(
            f"- [ ] **[{asked.question}](framework.md#{asked.id})** "
            f"Tick it when {asked.points_when}."
        )
    lines += [
        "",
        "Where the ticks lead:",
        "",
        "- **No tick:** use RAG. When the knowledge is small enough to send whole with every "
        "call, try [prompt engineering](options.md#prompt-engineering) on its own first.",
        "- **At least one tick:** evaluate fine-tuning, usually with retrieval beside it for the "
        "facts. Compare your case with the [patterns where fine-tuning wins](patterns/index.md) "
        "and check the costs in [Economics](economics.md).",
        "- **Beyond the four questions** the calculator weighs the details (good examples, "
        "volume, costs); [How the calculator decides](reference/decision-rules.md#rules) lists "
        "every rule it applies.",
        "",
    ]
    if _link(calculator, CALCULATOR_PAGE) == DEFAULT_CALCULATOR:
        lines.append(
            "With scripts running, [the form on this page](#answers) is the full calculator: "
            "it scores your own answers, lists what would change the result and estimates "
            "the costs. Where a portal removes scripts, its owners can link a copy hosted "
            "elsewhere; see [Serving the site on a portal](serving.md#techdocs)."
        )
    else:
        lines.append(
            f"[Open the full calculator]({calculator}){{ .md-button }} to score your own "
            "answers, see what would change the result and estimate the costs."
        )
    return "\n".join(lines)


def _try(calculator: str, page: str) -> Callable[[str], str]:
    return lambda pattern_id: try_snippet(pattern_id, calculator=_link(calculator, page))


def _render(kind: str, ident: str, *, calculator: str, page: str) -> str:
    """The body of one region; raises RegionError naming a bad kind or id."""
    if kind == "answer":
        if ident:
            raise RegionError(f"calculator:answer marker: expected no id; got '{ident}'")
        return answer_region(calculator)
    kinds: dict[str, Callable[[str], str]] = {
        "triggers": triggers_snippet,
        "try": _try(calculator, page),
    }
    if kind not in kinds:
        known = ", ".join(f"'{k}'" for k in (*kinds, "answer"))
        raise RegionError(f"calculator marker: expected one of {known}; got '{kind}'")
    if ident not in PATTERNS_BY_ID:
        known = ", ".join(f"'{p.id}'" for p in PATTERNS)
        raise RegionError(f"calculator:{kind} marker: expected one of {known}; got '{ident}'")
    return kinds[kind](ident)


def fill_regions(markdown: str, *, calculator: str, page: str) -> str:
    """Markdown with every generated region (and bare marker) rewritten from the engine."""

    def replace(match: re.Match[str]) -> str:
        kind = match["kind"] or match["rkind"]
        ident = match["id"] or match["rid"] or ""
        if kind in HOOK_MARKERS:
            return match[0]
        label = f"calculator:{kind}" + (f" {ident}" if ident else "")
        try:
            body = _render(kind, ident, calculator=calculator, page=page)
        except RegionError as error:
            raise RegionError(f"{page}: {error}") from None
        return (
            f"<!-- {label} begin: written by `{COMMAND}`; edit calculator/, not this region -->"
            f"\n\n{body}\n\n<!-- {label} end -->"
        )

    return REGION.sub(replace, markdown)


def calculator_url(config_file: Path) -> str:
    """``extra.calculator_url`` from mkdocs.yml, or this site's own calculator page."""
    # MkDocs' own loader, so that !ENV and INHERIT mean what they mean to the build.
    from mkdocs.utils.yaml import yaml_load

    with config_file.open(encoding="utf-8") as handle:
        config = yaml_load(handle) or {}
    extra = config.get("extra") or {}
    url = extra.get("calculator_url") or DEFAULT_CALCULATOR
    if not isinstance(url, str):
        raise ValueError(f"{config_file}: extra.calculator_url: expected an address or a page "
                         f"in docs/; got {url!r}")
    return url


def _hand_written(docs: Path, generated: set[str]) -> Iterator[Path]:
    for path in sorted(docs.rglob("*.md")):
        if path.relative_to(docs).as_posix() not in generated:
            yield path


def expected_files(docs: Path, *, calculator: str) -> dict[Path, str]:
    """Every file the generator owns, with the text it should hold."""
    files = {docs / path: text for path, text in generated_pages()}
    # The contract's names for the page's scripts, committed beside them.
    files[docs / SCRIPTS / contract_js.FILE_NAME] = contract_js.render()
    for path in _hand_written(docs, {path for path, _ in generated_pages()}):
        text = path.read_text(encoding="utf-8")
        if "<!-- calculator:" in text:
            page = path.relative_to(docs).as_posix()
            filled = fill_regions(text, calculator=calculator, page=page)
            if filled != text or REGION.search(text):
                files[path] = filled
    return files


@dataclass(frozen=True, kw_only=True, slots=True)
class Outcome:
    """What a run found: the files whose committed text differs from the generated text."""

    stale: tuple[Path, ...]
    written: tuple[Path, ...]


def run(docs: Path, *, mode: Mode, config_file: Path | None = None,
        out: Callable[[str], object] = print) -> Outcome:
    """Generate into docs/ (write), compare with it (check) or print the generated text."""
    config_file = config_file or docs.parent / "mkdocs.yml"
    files = expected_files(docs, calculator=calculator_url(config_file))
    stale = tuple(
        path for path, text in files.items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    )
    written: list[Path] = []
    if mode == "print":
        for path, text in files.items():
            out(f"<!-- {path} -->\n{text}")
    elif mode == "write":
        for path in stale:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(files[path], encoding="utf-8")
            written.append(path)
    return Outcome(stale=stale, written=tuple(written))
