"""Pages and snippets the site builds from the engine's tables, so the docs cannot drift from it."""

from __future__ import annotations

import html
from collections.abc import Callable
from urllib.parse import urlencode

from .breakeven import SENSITIVITY_VOLUMES, WITHIN_MONTHS
from .economics import DAYS_PER_MONTH, MAX_PAYBACK
from .engine import recommend
from .fields import DEFAULTS, FIELDS, GROUPS, Field
from .framework import CRITICAL_SHARE, QUESTIONS
from .patterns import PATTERNS, PATTERNS_BY_ID
from .render_markdown import value_text
from .rules import OPTION_TITLES, OPTIONS, RULES
from .scoring import TIE_ORDER

__all__ = [
    "DECISION_RULES_PAGE",
    "INPUTS_PAGE",
    "MARKER_KINDS",
    "decision_rules_page",
    "generated_pages",
    "inputs_page",
    "render_marker",
    "triggers_snippet",
    "try_query",
    "try_snippet",
]

DECISION_RULES_PAGE = "reference/decision-rules.md"
INPUTS_PAGE = "reference/inputs.md"
# Pattern pages are served at patterns/<id>/, two levels below the site root.
CALCULATOR_FROM_PATTERN = "../../calculator/"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _default_text(field: Field) -> str:
    if field.default is None:
        return f"`null` ({field.null_means})"
    return f"`{value_text(field.name, field.default)}`"


def try_query(pattern_id: str) -> str:
    """The query string of the pattern's example: only the answers that differ from the defaults."""
    example = PATTERNS_BY_ID[pattern_id].example_answers
    pairs = []
    for field in FIELDS:
        if field.name in example and example[field.name] != DEFAULTS[field.name]:
            value = example[field.name]
            pairs.append((field.name, value_text(field.name, value)))
    return urlencode(pairs)


def triggers_snippet(pattern_id: str) -> str:
    """Markdown for a pattern page: the answers that make the calculator report the pattern."""
    pattern = PATTERNS_BY_ID[pattern_id]
    return (
        f"The calculator reports this pattern when {pattern.trigger[0].lower()}"
        f"{pattern.trigger[1:]} See [How the calculator decides]"
        f"(../reference/decision-rules.md#patterns) for every rule it applies."
    )


def try_snippet(pattern_id: str) -> str:
    """HTML for a pattern page: the example's answers and a link that opens them in the calculator.

    Raw HTML rather than a Markdown link, because the link carries a query string to a page URL
    that MkDocs' link validation does not know how to check.
    """
    pattern = PATTERNS_BY_ID[pattern_id]
    href = html.escape(f"{CALCULATOR_FROM_PATTERN}?{try_query(pattern_id)}")
    rows = "\n".join(
        f"<li>{html.escape(f.label)} (<code>{html.escape(f.name)}</code>): "
        f"<code>{html.escape(value_text(f.name, pattern.example_answers[f.name]))}</code></li>"
        for f in FIELDS
        if f.name in pattern.example_answers
    )
    result = recommend(pattern.example_answers)
    outcome = OPTION_TITLES[result["recommendation"]].lower()
    percent = round(result["confidence"] * 100)
    return (
        f"<p>{html.escape(pattern.example)} The example's answers:</p>\n"
        f'<ul class="calculator-example">\n{rows}\n</ul>\n'
        f"<p>With these answers the calculator recommends <strong>{html.escape(outcome)}"
        f"</strong> (confidence {percent}%).</p>\n"
        f'<p><a class="md-button" href="{href}">Open this example in the calculator</a></p>'
    )


MARKER_KINDS: dict[str, Callable[[str], str]] = {
    "triggers": triggers_snippet,
    "try": try_snippet,
}


def render_marker(kind: str, pattern_id: str) -> str:
    """The generated region for one marker, between comments that say where it came from.

    Raises ValueError naming the kind or id when either is unknown.
    """
    if kind not in MARKER_KINDS:
        known = ", ".join(f"'{k}'" for k in MARKER_KINDS)
        raise ValueError(f"calculator marker: expected one of {known}; got '{kind}'")
    if pattern_id not in PATTERNS_BY_ID:
        known = ", ".join(f"'{p.id}'" for p in PATTERNS)
        raise ValueError(f"calculator:{kind} marker: expected one of {known}; got '{pattern_id}'")
    body = MARKER_KINDS[kind](pattern_id)
    return (
        f"<!-- begin generated {kind} {pattern_id} (calculator/patterns.py) -->\n\n"
        f"{body}\n\n<!-- end generated {kind} {pattern_id} -->"
    )


def _rule_table() -> list[str]:
    lines = [
        "| Rule | Applies when | Effect on the scores | Why | Source |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| `{rule.id}` | {_cell(rule.when)} | {_cell(rule.effect_text())} | "
        f"{_cell(rule.reason)} | {_cell(rule.source)} |"
        for rule in RULES
    ]
    return lines


def decision_rules_page() -> str:
    """Markdown of the page "How the calculator decides", rendered from the tables."""
    percent = round(CRITICAL_SHARE * 100)
    lines = [
        "# How the calculator decides",
        "",
        "<!-- Generated at build time from calculator/rules.py, calculator/patterns.py and "
        "calculator/framework.py; edit those, not this page. -->",
        "",
        "The calculator starts from the four questions of the [framework](../framework.md), then "
        "refines the answer with the rules below. Every rule is a row in one table in the "
        "engine; this page, the explanations in each result and the pattern pages are all "
        "rendered from that table.",
        "",
        "## The four questions {#questions}",
        "",
        "Applied literally, the framework says: if no question points to fine-tuning, use RAG; "
        "if at least one does, evaluate fine-tuning. Results report this as "
        "`framework_verdict` (`rag` or `evaluate-fine-tuning`).",
        "",
        "| Question | Points to fine-tuning when |",
        "|---|---|",
    ]
    lines += [f"| {q.id}: {q.question} | {_cell(q.points_when)} |" for q in QUESTIONS]
    lines += [
        "",
        f"Question 3 needs a threshold. Retrieval counts as critical when it takes at least "
        f"{percent}% of the latency budget: 250 ms of a 400 ms budget is 62% (critical), while "
        "30 ms of a 2,000 ms budget is under 2% (not critical). A quarter is the point at which "
        "the remaining time no longer leaves comfortable room for the model's own prefill and "
        "generation under load.",
        "",
        "## From scores to a recommendation {#scoring}",
        "",
        "Each option ("
        + ", ".join(f"`{o}`" for o in OPTIONS)
        + ") starts at zero. Every rule that applies adds or takes away points, and some rules "
        "rule an option out entirely. The option with the most points among those not ruled "
        "out is the recommendation; on a tie the order "
        + ", ".join(f"`{o}`" for o in TIE_ORDER)
        + " decides, which prefers fewer moving parts. Reported scores are floored at zero and "
        "ruled-out options show zero.",
        "",
        "Confidence grows with the lead over the runner-up: 0.5 + 0.5 * lead / (lead + 2), so a "
        "tie gives 0.5 and a two-point lead 0.75. Some rules lower it further, as the table "
        "shows.",
        "",
        "The rules are built so that some things always hold: more calls a day never lowers the "
        "fine-tuning score, knowledge that changes faster never raises it, and requiring "
        "citations never moves a retrieval answer (RAG or hybrid) to another option. The test "
        "suite checks these properties on hundreds of generated cases.",
        "",
        "## Rules {#rules}",
        "",
        *_rule_table(),
        "",
        "## Patterns {#patterns}",
        "",
        "A result lists the patterns its answers trigger. The pattern rules in the table above "
        "add their points when a pattern matches.",
        "",
        "| Pattern | Triggered when |",
        "|---|---|",
    ]
    lines += [f"| [{p.title}](../patterns/{p.id}.md) | {_cell(p.trigger)} |" for p in PATTERNS]
    lines += [
        "",
        "## What would change the answer {#flips}",
        "",
        "For each input the calculator tries other values: every choice of an unordered list, "
        "and for ordered ones (change rates, counts, budgets) the values on each side of the "
        "current answer, nearest first. It reports the nearest value on each side that changes "
        "the recommendation. Question 3 turns on a ratio, so for the two latency inputs it also "
        "tries the round values on either side of the edge, which moves with the other input: "
        "with 250 ms of retrieval, budgets of 1,000 ms and 1,050 ms. Economics inputs never "
        "change the recommendation, so they are not tried.",
        "",
        "## Economics {#economics}",
        "",
        f"Monthly cost assumes {DAYS_PER_MONTH} days a month. Per call, input tokens are billed "
        "at the input price and output tokens at the output price. The fixed part of a prompt "
        "(instructions, and for prompt engineering a small corpus sent whole) is cached at the "
        "given hit rate and discount; retrieved text changes with every call and is not.",
        "",
        "| Option | Tokens per call | Fixed monthly cost | One-off cost |",
        "|---|---|---|---|",
        "| "
        + OPTION_TITLES["prompt-engineering"]
        + " | instructions, plus the corpus when its size is known (otherwise the retrieved "
        "tokens, sent by hand) for knowledge needs | review of prompted output | none |",
        "| " + OPTION_TITLES["rag"] + " | instructions and retrieved tokens | retrieval running "
        "cost and review of prompted output | retrieval build cost |",
        "| " + OPTION_TITLES["fine-tuning"] + " | the share of instructions a fine-tuned model "
        "still needs, at the fine-tuned price factor | hosting, plus one training run per "
        "retraining interval | dataset preparation and one training run |",
        "| " + OPTION_TITLES["hybrid"] + " | as fine-tuning, plus retrieved tokens at the "
        "fine-tuned price | both of the above | both of the above |",
        "",
        "Payback compares fine-tuning and the hybrid with the cheaper of prompt engineering and "
        "RAG per month: the extra one-off cost divided by the monthly saving. When there is no "
        f"saving, or the payback would take more than {MAX_PAYBACK} months, payback is `null`: "
        "at those figures the option does not repay its costs. Token prices alone rarely make "
        "the case at low volume; the time people spend reviewing prompted output often does, "
        "which is why it is an input of its own. Every figure is an input; see "
        "[Calculator inputs](inputs.md#economics).",
        "",
        "## Break-even volume {#break-even}",
        "",
        "The result's `break_even` gives, for fine-tuning and the hybrid, the smallest number of "
        f"calls a day at which the payback above is at most {WITHIN_MONTHS} months (as reported, "
        "to a tenth of a month), against whichever of prompt engineering and RAG is cheaper at "
        "that volume, and `null` when no volume up to the input's maximum gets there. Its "
        "`volumes` list the recommendation and both paybacks at "
        + ", ".join(f"{v:,}" for v in SENSITIVITY_VOLUMES)
        + " calls a day, with every other answer unchanged; the calculator page draws them on a "
        "log scale.",
        "",
    ]
    return "\n".join(lines)


def _allowed_text(field: Field) -> str:
    if field.kind == "choice":
        return "<br>".join(
            f"`{c}`: {h}" if h else f"`{c}`"
            for c, h in zip(field.choices, field.choice_help or ("",) * len(field.choices),
                            strict=True)
        )
    if field.kind == "bool":
        return "`true` or `false`"
    noun = "a whole number" if field.kind == "int" else "a number"
    if field.exclusive_minimum:
        text = f"{noun} above {_figure(field.minimum)}, up to {_figure(field.maximum)}"
    else:
        text = f"{noun} from {_figure(field.minimum)} to {_figure(field.maximum)}"
    if field.nullable:
        text += f", or `null` ({field.null_means})"
    return text


def _figure(value: float | None) -> str:
    if value is None:
        return "any"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


def inputs_page() -> str:
    """Markdown of the page "Calculator inputs": every field with its allowed values."""
    lines = [
        "# Calculator inputs",
        "",
        "<!-- Generated at build time from calculator/fields.py; edit that, not this page. -->",
        "",
        "The calculator takes one JSON object of answers. Every field is optional: a missing "
        "field takes its default, and a field the calculator does not know is an error. The "
        "same names are used in the calculator page's address, in the command line and in the "
        "schema printed by `python3 -m calculator schema`.",
        "",
        "```sh",
        "echo '{\"need\": \"behavior\", \"tone\": \"proprietary\", \"calls_per_day\": 5000, "
        "\"labeled_examples\": 2000}' | python3 -m calculator recommend --format markdown",
        "```",
        "",
        "A value of the wrong type, out of range or not among the choices stops the command "
        "with exit status 2 and one line that names the field, the value and what is allowed, "
        "for example `need: expected one of 'knowledge', 'behavior', 'both'; got 'facts'`.",
        "",
    ]
    for group in GROUPS:
        lines += [f"## {group.title} {{#{group.id}}}", "", group.help, ""]
        lines += [
            "| Field | On the form | Meaning | Allowed | Default | Unit |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| `{field.name}` | {_cell(field.label)} | {_cell(field.help)} | "
            f"{_cell(_allowed_text(field))} | {_default_text(field)} | {field.unit or '-'} |"
            for field in FIELDS
            if field.group == group.id
        ]
        lines.append("")
    return "\n".join(lines)


def generated_pages() -> list[tuple[str, str]]:
    """Every page the build adds from the engine: (path under docs, Markdown)."""
    return [(DECISION_RULES_PAGE, decision_rules_page()), (INPUTS_PAGE, inputs_page())]
