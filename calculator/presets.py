"""Price presets: a route's figures, read from the facts register, for the fields a reader left out.

A preset never overrides an answer the reader gave; it stands in for the calculator's own default.
Each figure names the register fact it comes from, so the result can say where and when it was
checked. An organisation's overrides file (``facts-overrides.json`` at the repository root, or
the copy the site build puts into the browser's engine as ``organisation_overrides``) replaces
the public figures; the result then marks them as the organisation's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .facts import FACTS, OVERRIDES_FILE, Fact, FactError, apply_overrides, load_overrides
from .fields import FIELDS_BY_NAME
from .formatting import number

__all__ = [
    "PRESETS",
    "PresetFigure",
    "active_facts",
    "preset_figures",
    "presets_markdown",
    "set_overrides",
]

_NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


@dataclass(frozen=True, kw_only=True, slots=True)
class PresetFigure:
    """One field a preset fills: from a register fact (its first number times ``scale``), or a
    fixed value that follows from the route itself, with the reason."""

    field: str
    fact: str = ""
    scale: float = 1.0
    value: float = 0.0
    reason: str = ""


_HOSTED_PRICES = (
    PresetFigure(field="input_price_per_mtok", fact="hosted-api-input-price"),
    PresetFigure(field="output_price_per_mtok", fact="hosted-api-output-price"),
)
PRESETS: dict[str, tuple[PresetFigure, ...]] = {
    "hosted-api": (
        *_HOSTED_PRICES,
        PresetFigure(field="fine_tuned_price_factor", fact="openai-ft-gpt4o-price"),
        PresetFigure(field="cache_discount", fact="hosted-api-cache-discount", scale=0.01),
        PresetFigure(field="cache_minimum_tokens", fact="openai-cache-minimum"),
        PresetFigure(field="cache_write_multiplier", value=1.0,
                     reason="the hosted API charges nothing extra to write its cache"),
        PresetFigure(field="batch_discount", fact="openai-batch-discount", scale=0.01),
        PresetFigure(field="hosting_monthly_cost", value=0.0,
                     reason="tuned models are billed per token, with no hosting fee"),
    ),
    "managed-cloud": (
        PresetFigure(field="input_price_per_mtok", fact="managed-cloud-input-price"),
        PresetFigure(field="output_price_per_mtok", fact="managed-cloud-output-price"),
        PresetFigure(field="fine_tuned_price_factor", fact="managed-cloud-tuned-price-factor"),
        PresetFigure(field="batch_discount", fact="openai-batch-discount", scale=0.01),
    ),
    "open-weights": (
        *_HOSTED_PRICES,
        PresetFigure(field="fine_tuned_input_price_per_mtok", value=0.0,
                     reason="the tuned model runs on a GPU paid by the month, not by the token"),
        PresetFigure(field="fine_tuned_output_price_per_mtok", value=0.0,
                     reason="the tuned model runs on a GPU paid by the month, not by the token"),
        PresetFigure(field="hosting_monthly_cost", fact="open-weights-gpu-month"),
        PresetFigure(field="training_cost", fact="open-weights-training-run"),
        PresetFigure(field="retirement_every_months", value=0,
                     reason="you hold the weights, so no provider retires the base model"),
    ),
}

_OVERRIDDEN: list[tuple[Fact, ...]] = []


def _number(fact: Fact) -> float:
    match = _NUMBER.search(fact.value)
    if match is None:
        raise FactError(fact.id, "value", fact.value, "a figure that starts with a number")
    return float(match.group().replace(",", ""))


def _overrides_text() -> str | None:
    """The organisation's overrides: the copy built into the engine, else the repository's file."""
    try:
        from .organisation_overrides import OVERRIDES_JSON  # type: ignore[import-not-found]
    except ImportError:
        path = Path(__file__).resolve().parent.parent / OVERRIDES_FILE
        return path.read_text(encoding="utf-8") if path.is_file() else None
    return str(OVERRIDES_JSON)


def set_overrides(text: str | None) -> tuple[Fact, ...]:
    """Use ``text`` (an overrides file's content, or None for the public register) from now on."""
    facts = FACTS if text is None else apply_overrides(FACTS, load_overrides(text))
    _OVERRIDDEN[:] = [facts]
    return facts


def active_facts() -> tuple[Fact, ...]:
    """The register as the presets use it: the organisation's figures in front, if it has any."""
    if not _OVERRIDDEN:
        set_overrides(_overrides_text())
    return _OVERRIDDEN[0]


def preset_figures(name: str) -> dict[str, tuple[float, Fact | None, str]]:
    """Field -> (value, the fact it comes from or None, the reason for a fixed value)."""
    by_id = {fact.id: fact for fact in active_facts()}
    figures: dict[str, tuple[float, Fact | None, str]] = {}
    for figure in PRESETS.get(name, ()):
        if figure.fact:
            fact = by_id[figure.fact]
            value = _number(fact) * figure.scale
            field = FIELDS_BY_NAME[figure.field]
            low = field.minimum if field.minimum is not None else value
            high = field.maximum if field.maximum is not None else value
            if not low <= value <= high:
                # An organisation's figure out of the field's range would fail every estimate.
                shown = f"{field.allowed} for {figure.field}" + (
                    f" (the figure times {number(figure.scale)})" if figure.scale != 1 else ""
                )
                raise FactError(fact.id, "value", fact.value, shown)
            figures[figure.field] = (value, fact, "")
        else:
            figures[figure.field] = (figure.value, None, figure.reason)
    return figures


_TITLES = {
    "hosted-api": "Hosted API",
    "managed-cloud": "Managed cloud",
    "open-weights": "Self-hosted open weights",
}


def presets_markdown(facts_page: str = "../facts.md") -> list[str]:
    """The presets' figures as Markdown lines, each with its register entry and checked date."""
    facts = active_facts()
    organisations = sorted({fact.organisation for fact in facts if fact.organisation})
    lines = [
        "## Price presets {#price-presets}",
        "",
        "`price_preset` fills the price fields you leave out with one route's figures; a figure "
        "you give always wins, and the result's assumptions list every figure the preset "
        "supplied. Figures come from the [facts register](" + facts_page + "); an *unconfirmed* "
        "one is illustrative, not a quote.",
        "",
    ]
    if organisations:
        lines += [
            "!!! info \"Your organisation's figures\"",
            "    Figures marked *your organisation* come from "
            + ", ".join(organisations)
            + "'s overrides file and replace the public register's.",
            "",
        ]
    for name, figures in PRESETS.items():
        lines += [f"### {_TITLES[name]} (`{name}`)", "", "| Field | Figure | From |"]
        lines.append("|---|---|---|")
        for figure in figures:
            value, fact, reason = preset_figures(name)[figure.field]
            if fact is None:
                origin = reason
            else:
                whose = (
                    f"**your organisation** ({fact.organisation}; public figure: "
                    f"{fact.public_value})"
                    if fact.organisation
                    else fact.status
                    + (" (illustrative figure)" if fact.status == "unconfirmed" else "")
                )
                origin = (
                    f"[{fact.value}]({facts_page}#{fact.id}), {whose}, checked "
                    f"{fact.checked.day} {fact.checked:%b %Y}"
                )
            lines.append(f"| `{figure.field}` | {number(value)} | {origin} |")
        lines.append("")
    return lines
