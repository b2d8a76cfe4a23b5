"""Pages and snippets the site builds from the engine's tables, so the docs cannot drift from it."""

from __future__ import annotations

import html
from urllib.parse import urlencode

from .breakeven import SENSITIVITY_VOLUMES, WITHIN_MONTHS
from .contract import OPTIONS, OPTIONS_BY_ID
from .economics import DAYS_PER_MONTH, MAX_PAYBACK
from .engine import recommend
from .fields import FIELDS, GROUPS, Field
from .formatting import count, encode, figure, percent
from .framework import CRITICAL_SHARE, QUESTIONS
from .patterns import PATTERNS, PATTERNS_BY_ID
from .presets import presets_markdown
from .render_markdown import value_text
from .rules import HEURISTIC, LARGE_CORPUS, MIN_EXAMPLES, RULES
from .scoring import TIE_ORDER

__all__ = [
    "DECISION_RULES_PAGE",
    "INPUTS_PAGE",
    "decision_rules_page",
    "generated_pages",
    "inputs_page",
    "triggers_snippet",
    "try_query",
    "try_snippet",
]

DECISION_RULES_PAGE = "reference/decision-rules.md"
INPUTS_PAGE = "reference/inputs.md"
# The calculator page as a pattern page (docs/patterns/<id>.md) links it.
CALCULATOR_FROM_PATTERN = "../calculator.md"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _default_text(field: Field) -> str:
    if field.default is None:
        return f"`null` ({field.null_means})"
    return f"`{value_text(field.name, field.default)}`"


def try_query(pattern_id: str) -> str:
    """The query string of the pattern's example: every answer it gives, a default included."""
    example = PATTERNS_BY_ID[pattern_id].example_answers
    pairs = [(f.name, encode(example[f.name])) for f in FIELDS if f.name in example]
    return urlencode(pairs)


def triggers_snippet(pattern_id: str) -> str:
    """Markdown for a pattern page: the answers that make the calculator report the pattern."""
    pattern = PATTERNS_BY_ID[pattern_id]
    return (
        f"The calculator reports this pattern when {pattern.trigger[0].lower()}"
        f"{pattern.trigger[1:]} See [How the calculator decides]"
        f"(../reference/decision-rules.md#patterns) for every rule it applies."
    )


def try_snippet(pattern_id: str, *, calculator: str = CALCULATOR_FROM_PATTERN) -> str:
    """A pattern page's example: its answers in a list and a Markdown link that opens them.

    ``calculator`` is the calculator page as the pattern page links it: a docs path such as
    ``../calculator.md`` (MkDocs and other builders turn it into the page's address and keep the
    query string) or an absolute address of a calculator hosted elsewhere.
    """
    pattern = PATTERNS_BY_ID[pattern_id]
    rows = "\n".join(
        f"<li>{html.escape(f.label)} (<code>{html.escape(f.name)}</code>): "
        f"<code>{html.escape(value_text(f.name, pattern.example_answers[f.name]))}</code></li>"
        for f in FIELDS
        if f.name in pattern.example_answers
    )
    result = recommend(pattern.example_answers)
    outcome = OPTIONS_BY_ID[result["recommendation"]].in_sentence
    standing = (
        "the only option left"
        if result["only_option_left"]
        else f"confidence {percent(result['confidence'])}"
    )
    return (
        f"{pattern.example} The example's answers:\n\n"
        f'<ul class="calculator-example">\n{rows}\n</ul>\n\n'
        f"With these answers the calculator recommends **{outcome}** ({standing}).\n\n"
        f"[Open this example in the calculator]({calculator}?{try_query(pattern_id)})"
        "{ .md-button }"
    )


def _rule_table() -> list[str]:
    lines = [
        "| Rule | Applies when | Effect on the scores | Why | Source |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| `{rule.id}` | {_cell(rule.when)} | {_cell(rule.effect_text())} | "
        f"{_cell(rule.reason)} | {_source_text(rule.source)} |"
        for rule in RULES
    ]
    return lines


def _source_text(source: str) -> str:
    """A rule's source; a threshold of this guide's links to the reasoning behind it."""
    if source.startswith(HEURISTIC):
        return f"{_cell(source)} ([why this threshold](../framework.md#thresholds))"
    return _cell(source)


def decision_rules_page() -> str:
    """Markdown of the page "How the calculator decides", rendered from the tables."""
    lines = [
        "# How the calculator decides",
        "",
        "<!-- Written by `python3 -m calculator pages docs` from calculator/rules.py, "
        "calculator/patterns.py and calculator/framework.py; edit those, not this page. -->",
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
        f"{percent(CRITICAL_SHARE)} of the latency budget: 250 ms of a 400 ms budget is 62.5% "
        "(critical), while 30 ms of a 2,000 ms budget is under 2% (not critical). A quarter is "
        "the point at which the remaining time no longer leaves comfortable room for the "
        "model's own prefill and generation under load. The quarter is this guide's heuristic, "
        "not the Kliente360 article's: rules whose source begins \"This guide's heuristic\" "
        "apply a threshold of this guide, and [where the thresholds come "
        "from](../framework.md#thresholds) gives the reasoning for each.",
        "",
        "## From scores to a recommendation {#scoring}",
        "",
        "Each option ("
        + ", ".join(f"`{o}`" for o in OPTIONS)
        + ") starts at zero. Every rule that applies adds or takes away points, and some rules "
        "rule an option out entirely. The option with the most points among those not ruled "
        "out is the recommendation; on a tie the order "
        + ", ".join(f"`{o}`" for o in TIE_ORDER)
        + " decides, which prefers fewer moving parts. Reported scores count the points above "
        "the weakest option still in play, so every lead shows; ruled-out options show zero. "
        "If the answers rule out every option, prompt engineering with only what each request "
        "needs is what remains, and the result says so.",
        "",
        "Confidence grows with the lead over the runner-up in the reported scores: "
        "0.5 + 0.5 * lead / (lead + 2), so a tie gives 0.5 and a two-point lead 0.75. Some "
        "rules lower it further, as the table shows. When every other option is ruled out the "
        "result says \"the only option left\" instead of a confidence.",
        "",
        "### Answers left out {#unanswered}",
        "",
        "A field the reader leaves out is unknown, not a fact. It keeps its default so that the "
        "form and the cost estimate have a figure, but no rule and no pattern reads that "
        "default: a rule about call volume waits for a volume, one about the rate of change "
        "waits for a rate. The result lists each default it used under `assumptions` (\"Assumed "
        "1,000 calls a day for the cost estimate\") and the fields given under `given`. The "
        "one exception is `need`: every answer starts from question 1, so when it is left out "
        "the Kliente360 article's starting case, a knowledge gap, is taken and listed among the "
        "assumptions. A behaviour-only gap is never judged on how its knowledge changes. On the "
        "calculator page an answer counts as given once the reader sets it, even to its default "
        "value, and the page's address holds exactly the given answers; **Clear answer** takes "
        "a question back to not answered.",
        "",
        "### Laws {#laws}",
        "",
        "The rules are built so that these hold for every valid set of answers; the test suite "
        "checks each on 2,000 generated cases:",
        "",
        "1. `sensitive_data` = `no-persistent-index` never gives RAG or a hybrid.",
        "2. A knowledge need (`knowledge` or `both`) with `citations_required` or "
        "`per_user_access` never gives fine-tuning alone.",
        "3. `can_fine_tune` = `false` never gives fine-tuning or a hybrid, and their payback is "
        "`null` with a note saying why.",
        f"4. Fewer than {MIN_EXAMPLES} `labeled_examples` never give fine-tuning or a hybrid.",
        "5. A field left out never triggers a pattern and never counts against an option.",
        "6. A larger corpus never moves the answer to prompt engineering, and knowledge beyond "
        f"what fits a prompt ({count(LARGE_CORPUS)} tokens) never gets it unless every other "
        "option is ruled out; more calls never lower fine-tuning's score or take its "
        "recommendation away; faster-changing knowledge never raises it; a tighter latency "
        "budget never lowers it.",
        "7. A tie gives at most 50% confidence; no reason claims a payback the economics deny, "
        "or denies one they show; every flip, applied, gives the answer it names.",
        "8. With `prompting_tried` = `good-enough` a behaviour gap keeps prompt engineering and "
        "nothing is trained; with `no`, nothing is trained unless a pattern applies, and the "
        "result says what to measure first; `unknown` changes nothing.",
        "9. The costs add up: the first training run is counted once, prompting a knowledge "
        "need carries the knowledge (or the part that fits), fine-tuning never shortens the "
        "reader's own input, and every figure states its assumptions.",
        "10. The decision record fits the case: no sentence about knowledge for a behaviour "
        "gap or about citations nobody asked for, a Confirmation section with a measure and a "
        "threshold, and the whole command that reproduces it.",
        "",
        "## Rules {#rules}",
        "",
        *_rule_table(),
        "",
        "A result lists the rules that applied under `reasons`, the most decisive first. Each "
        "reason names its rule (`rule`, `title`), says what it does and why in words (`effect` "
        "as in the table, `text`, `source`), and gives the same effect as data: `points`, the "
        "points it adds to each option it moves (negative where it takes points away); "
        "`excludes`, the options it rules out; and `confidence`, the factor by which it "
        "multiplies the confidence when the recommendation is one of the options named.",
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
        "(instructions, and for prompt engineering the knowledge it carries) is cached at the "
        "given hit rate and discount, but only when it is at least `cache_minimum_tokens` long; "
        "a call that misses the cache pays `cache_write_multiplier` times the input price for "
        "it. The reader's own input (`request_tokens`) and retrieved text change with every "
        "call and are not cached. Every option sends the reader's input in full: fine-tuning "
        "shortens only the instructions. The `batch_share` of calls sent through a batch API "
        "pay `batch_discount` less for every token. A tuned model's own prices, when given, "
        "replace the fine-tuned price factor. A price preset fills the price fields left out "
        "(see [Price presets](inputs.md#price-presets)).",
        "",
        "| Option | Tokens per call | Fixed monthly cost | One-off cost |",
        "|---|---|---|---|",
        "| "
        + OPTIONS_BY_ID["prompt-engineering"].title
        + f" | instructions, plus for knowledge needs the knowledge itself: the whole corpus "
        f"when it fits, otherwise (or when its size is not given) the {count(LARGE_CORPUS)} tokens "
        "that fit a prompt | review of prompted output | none |",
        "| " + OPTIONS_BY_ID["rag"].title + " | instructions and retrieved tokens | "
        "retrieval running cost and review of prompted output | retrieval build cost |",
        "| " + OPTIONS_BY_ID["fine-tuning"].title + " | the share of instructions a fine-tuned "
        "model still needs, at the tuned model's prices | hosting, plus retraining runs and "
        "base-model retirements spread over their intervals | dataset preparation and the "
        "first training run |",
        "| " + OPTIONS_BY_ID["hybrid"].title + " | as fine-tuning, plus retrieved tokens at the "
        "fine-tuned price | both of the above | both of the above |",
        "",
        "Payback compares fine-tuning and the hybrid with the cheaper of prompt engineering and "
        "RAG month by month: the first training run is paid up front, each retraining run "
        "and each base-model retirement in the month it happens, and payback is the first "
        "month by whose end the trained option has cost no more in total. `first_year_cost` "
        "adds up the first twelve months the same way."
        f" When that never happens within {MAX_PAYBACK} months, or the option is ruled out, "
        "payback is `null` and `payback_note` says why. Token prices alone rarely make "
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
        + ", ".join(count(v) for v in SENSITIVITY_VOLUMES)
        + " calls a day, with every other answer unchanged; the calculator page draws them on a "
        "log scale.",
        "",
    ]
    return "\n".join(lines)


def _allowed_text(field: Field) -> str:
    if field.kind == "choice":
        return "<br>".join(f"`{c}`: {h}" if h else f"`{c}`" for c, h in field.choice_texts)
    if field.kind == "bool":
        return "`true` or `false`"
    noun = "a whole number" if field.kind == "int" else "a number"
    if field.exclusive_minimum:
        text = f"{noun} above {_bound(field.minimum)}, up to {_bound(field.maximum)}"
    else:
        text = f"{noun} from {_bound(field.minimum)} to {_bound(field.maximum)}"
    if field.nullable:
        text += f", or `null` ({field.null_means})"
    return text


def _bound(value: float | None) -> str:
    return "any" if value is None else figure(value)


def inputs_page() -> str:
    """Markdown of the page "Calculator inputs": every field with its allowed values."""
    lines = [
        "# Calculator inputs",
        "",
        "<!-- Written by `python3 -m calculator pages docs` from calculator/fields.py; edit "
        "that, not this page. -->",
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
    lines += presets_markdown()
    return "\n".join(lines)


def generated_pages() -> list[tuple[str, str]]:
    """Every page the build adds from the engine: (path under docs, Markdown)."""
    return [(DECISION_RULES_PAGE, decision_rules_page()), (INPUTS_PAGE, inputs_page())]
