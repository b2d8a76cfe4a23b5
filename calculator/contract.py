"""The contract between the engine, the pages, the build and the browser, declared once.

What the engine returns (``Result``), what the page and its worker say to each other (the
message types below), the options and how each reads, the page's element ids, the data
attributes of ``#calc-result`` and the start-up steps. Python code imports these names; the build
writes the ones the browser needs as ``assets/calculator/contract.js``
(``calculator.contract_js``), which the page's scripts import, so neither side spells them alone.

Names and values here are public: answer fields, result keys, the query string and the data
attributes are only ever added to, never renamed.
"""

# No `from __future__ import annotations`: the TypedDicts' NotRequired keys must show at run time
# (__optional_keys__), which the contract's tests read.
from dataclasses import dataclass
from typing import Literal, NotRequired, TypedDict

from .tree import Element

__all__ = [
    "EARLY_WORKER",
    "FAILED_REQUEST",
    "MESSAGE_TYPES",
    "OPTIONS",
    "OPTIONS_BY_ID",
    "OPTION_TABLE",
    "PAGE_IDS",
    "PROGRESS",
    "REQUEST_TYPES",
    "RESULT_ATTRIBUTES",
    "RESULT_STATES",
    "STATUSES",
    "STATUS_LABELS",
    "STEPS",
    "STEP_ATTRIBUTES",
    "STEP_LABELS",
    "TIE_ORDER",
    "AnsweredQuestion",
    "Assumption",
    "BreakEven",
    "BreakEvenReply",
    "ComputePayload",
    "ComputeReply",
    "Economics",
    "ErrorReply",
    "FieldError",
    "Flip",
    "InitPayload",
    "InitResult",
    "Option",
    "OptionInfo",
    "ProgressMessage",
    "Reason",
    "ReplyError",
    "Request",
    "RequestType",
    "Result",
    "ResultReply",
    "ResultState",
    "Status",
    "Step",
    "TextReply",
    "Verdict",
    "VolumePoint",
]

# --- the options --------------------------------------------------------------------------------

Option = Literal["prompt-engineering", "rag", "fine-tuning", "hybrid"]
"""An option's id: a value of ``recommendation``, a key of ``scores`` and of the costs."""
Verdict = Literal["rag", "evaluate-fine-tuning"]
"""What the four questions alone say (``framework_verdict``)."""


@dataclass(frozen=True, slots=True)
class OptionInfo:
    """One option and every way the guide names it."""

    id: Option
    """The id in results, query strings and CSS classes (``calc-line--<id>``)."""
    short: str
    """A word or two, for a chart's line ends at phone width."""
    name: str
    """The name the calculator page shows: answer, scores, comparison."""
    title: str
    """The full name heading a document: the Markdown summary, the decision record, the rules."""
    in_sentence: str
    """How the option reads inside a sentence ("... against {in_sentence}")."""
    tie_rank: int
    """On equal scores the lower rank wins: the option with fewer moving parts."""


# Display order of the options, which is also the order of the scores and costs in a result.
OPTION_TABLE: tuple[OptionInfo, ...] = (
    OptionInfo(
        id="prompt-engineering",
        short="Prompting",
        name="Prompt engineering",
        title="Prompt engineering",
        in_sentence="prompt engineering",
        tie_rank=1,
    ),
    OptionInfo(
        id="rag",
        short="RAG",
        name="RAG",
        title="Retrieval-augmented generation (RAG)",
        in_sentence="retrieval-augmented generation (RAG)",
        tie_rank=0,
    ),
    OptionInfo(
        id="fine-tuning",
        short="Fine-tuning",
        name="Fine-tuning",
        title="Fine-tuning",
        in_sentence="fine-tuning",
        tie_rank=2,
    ),
    OptionInfo(
        id="hybrid",
        short="Hybrid",
        name="Hybrid: fine-tuning with RAG",
        title="Hybrid: a fine-tuned model with retrieval",
        in_sentence="a fine-tuned model with retrieval (hybrid)",
        tie_rank=3,
    ),
)
OPTIONS: tuple[Option, ...] = tuple(option.id for option in OPTION_TABLE)
OPTIONS_BY_ID: dict[str, OptionInfo] = {option.id: option for option in OPTION_TABLE}
# On equal scores, prefer the option with fewer moving parts.
TIE_ORDER: tuple[Option, ...] = tuple(
    option.id for option in sorted(OPTION_TABLE, key=lambda option: option.tie_rank)
)

# --- the result of recommend() ------------------------------------------------------------------


class AnsweredQuestion(TypedDict):
    """One of the four framework questions, answered for these answers."""

    id: str
    """``q1`` to ``q4``, in the framework's order."""
    question: str
    """The question as the framework page asks it."""
    answer: str
    """The answer in a few words, e.g. ``both`` or ``no budget``."""
    points_to_fine_tuning: bool
    """Whether this answer points towards fine-tuning."""
    why: str
    """One sentence on why the answer points where it does."""


class Reason(TypedDict):
    """A rule that applied, most decisive first."""

    rule: str
    """The rule's id in the rule table (``calculator.rules``)."""
    effect: str
    """Its effect on the scores in words, e.g. ``hybrid +2.5, rag +0.5``."""
    text: str
    """Why the rule holds, in a sentence."""
    source: str
    """Where the rule comes from: the article, a guide, or this guide's heuristic."""
    title: str
    """The rule's title, as the decision-rules page lists it."""
    points: dict[str, float]
    """Points the rule adds to (or takes from) each option it touches, by option id."""
    excludes: list[str]
    """The options the rule rules out, by id; empty when it only moves scores."""
    confidence: dict[str, float]
    """The factor the rule applies to the confidence when the recommendation is one of these
    option ids; empty when it leaves the confidence alone."""


class Flip(TypedDict):
    """The nearest value of one answer that changes the recommendation."""

    field: str
    """The answer field."""
    value: object
    """The value that flips the result, as the engine writes it (JSON scalar or null)."""
    recommendation: Option
    """The option recommended with that value."""


class Assumption(TypedDict):
    """A field the reader left out whose default the result relies on."""

    field: str
    """The answer field."""
    value: object
    """The value assumed for it (after a price preset, for the cost figures)."""
    text: str
    """The assumption in a sentence."""


class Economics(TypedDict):
    """Costs per option in USD, and payback against the cheaper untrained option."""

    currency: Literal["USD"]
    """The currency of every amount."""
    calls_per_month: int
    """The volume the costs are for: calls a day times the days in a month."""
    monthly_cost: dict[str, float]
    """Running cost per month per option id, later training runs included."""
    upfront_cost: dict[str, float]
    """One-off cost per option id: retrieval set-up, data preparation, the first training."""
    cost_per_1000_calls: dict[str, float]
    """Token cost of a thousand calls per option id."""
    first_year_cost: dict[str, float]
    """One-off cost plus twelve months of running per option id."""
    payback_against: str
    """The untrained option the trained ones are measured against (the cheaper per month)."""
    payback_months: dict[str, int | None]
    """Per trained option, the month by which it has repaid its one-off costs; null if never
    within the horizon or if the rules ruled the option out."""
    payback_note: dict[str, str]
    """Per trained option, the payback in a sentence."""
    assumptions: list[str]
    """The cost assumptions in sentences: prices, presets, defaults used."""


class VolumePoint(TypedDict):
    """The answer at one volume of the sensitivity table."""

    calls_per_day: int
    """The volume tried."""
    recommendation: Option
    """The option recommended at that volume."""
    payback_against: str
    """The untrained option the paybacks are measured against at that volume."""
    payback_months: dict[str, int | None]
    """Per trained option, the payback month at that volume; null if never or ruled out."""


class BreakEven(TypedDict):
    """The volume at which training pays for itself, and the answer across volumes."""

    within_months: int
    """The payback horizon the break-even volume is for."""
    days_per_month: int
    """Days in a month, as the cost model counts them."""
    calls_per_day: dict[str, int | None]
    """Per trained option, the smallest volume that repays it within the horizon; null if none
    up to the field's maximum."""
    against: dict[str, str | None]
    """Per trained option, the untrained option it is measured against at that volume."""
    volumes: list[VolumePoint]
    """The recommendation and paybacks from 100 to 1,000,000 calls a day."""


class Result(TypedDict):
    """What ``calculator.recommend`` returns: JSON-ready, the same in Python and the browser."""

    recommendation: Option
    """The recommended option."""
    framework_verdict: Verdict
    """What the four questions alone say."""
    questions: list[AnsweredQuestion]
    """The four questions, answered."""
    patterns: list[str]
    """Ids of the patterns the answers match (``calculator.patterns``)."""
    scores: dict[str, float]
    """Points per option id above the weakest option still in play, in display order; an option
    ruled out scores zero."""
    confidence: float
    """From 0.5 (a tie) towards 1 as the lead grows, lowered by some rules."""
    reasons: list[Reason]
    """The rules that applied, most decisive first."""
    flips: list[Flip]
    """The nearest single-answer changes that alter the recommendation."""
    caveats: list[str]
    """What to watch with this recommendation, in sentences."""
    economics: Economics
    """Costs and payback at the reader's volume."""
    break_even: BreakEven
    """Break-even volumes and the answer across volumes."""
    answers: dict[str, object]
    """Every answer field with the value used, defaults included."""
    runner_up: Option | None
    """The second-best option still in play; null when only one is left."""
    only_option_left: bool
    """True when the rules ruled out every other option."""
    given: list[str]
    """The fields the reader gave, in form order."""
    assumptions: list[Assumption]
    """The fields left out whose default the result relies on."""


# --- the calculator page ------------------------------------------------------------------------

# The ids of the page's elements that the scripts look up.
PAGE_IDS: dict[str, str] = {
    "form": "calc-form",
    "result": "calc-result",
    "note": "calc-note",
    "progress": "calc-progress",
    "failure": "calc-failure",
    "failure_detail": "calc-failure-detail",
    "action_status": "calc-action-status",
    "slow": "calc-slow",
    "announce": "calc-announce",
    "summary": "calc-summary",
    "summary_body": "calc-summary-body",
    "summary_pinned": "calc-summary-pinned",
    "compare": "calc-compare",
}

# The data attributes of #calc-result, which tests and embedding pages read.
RESULT_ATTRIBUTES: dict[str, str] = {
    "state": "data-state",
    "recommendation": "data-recommendation",
    "patterns": "data-patterns",
    "given": "data-given",
    "assumed": "data-assumed",
    "stale": "data-stale",
}

ResultState = Literal["prerendered", "loading", "ready", "error"]
# data-state: the build's answer, the engine starting, the engine's answer, a failed start.
RESULT_STATES: tuple[ResultState, ...] = ("prerendered", "loading", "ready", "error")

# --- starting the engine in the browser ---------------------------------------------------------

Step = Literal["download", "start", "engine"]
STEPS: tuple[Step, ...] = ("download", "start", "engine")
# As the page lists them while the engine starts, and names a failed one.
STEP_LABELS: dict[Step, str] = {
    "download": "Download the Python runtime",
    "start": "Start Python",
    "engine": "Load the calculator engine",
}
Status = Literal["pending", "active", "done", "failed"]
STATUSES: tuple[Status, ...] = ("pending", "active", "done", "failed")
# The attributes of each step's item in the list of steps (#calc-progress li).
STEP_ATTRIBUTES: dict[str, str] = {"step": "data-step", "status": "data-status"}
# How a step's status reads next to its label.
STATUS_LABELS: dict[Status, str] = {
    "pending": "waiting",
    "active": "in progress",
    "done": "done",
    "failed": "failed",
}
# The step an error names when the engine fails on a request after it has started.
FAILED_REQUEST = "compute"

# The global symbol (Symbol.for) under which the head's start script leaves the worker it
# started, {worker, config, messages, stop}, for the page's client to adopt.
EARLY_WORKER = "llm-guide.calculator.early-worker"

# --- the worker protocol ------------------------------------------------------------------------

RequestType = Literal["init", "compute", "adr", "markdown", "break_even"]
REQUEST_TYPES: tuple[RequestType, ...] = ("init", "compute", "adr", "markdown", "break_even")
# The type of the worker's one unrequested message.
PROGRESS = "progress"
MESSAGE_TYPES: tuple[str, ...] = (*REQUEST_TYPES, PROGRESS)


class InitPayload(TypedDict):
    """Where the worker finds Pyodide and the engine (absolute URLs)."""

    indexURL: str
    """The folder holding ``pyodide.mjs`` and its files, with a trailing slash."""
    engineURL: str
    """The engine library ``engine-<hash>.zip``."""


class ComputePayload(TypedDict):
    """The payload of ``compute``, ``adr``, ``markdown`` and ``break_even``."""

    values: dict[str, str]
    """The text of the fields the reader gave, by field name."""
    pinned: NotRequired[dict[str, str] | None]
    """Pinned answers of the same kind to compare with (the ``pinned`` query parameter)."""
    site_url: NotRequired[str | None]
    """``adr`` only: the guide's address, so the record links back to these answers."""
    break_even_later: NotRequired[bool]
    """``compute`` only: leave the break-even section pending (busy, no figures), for the page to
    ask ``break_even`` once the answers settle; ignored with pinned answers."""


class Request(TypedDict):
    """Page to worker: every request is answered exactly once, with its id."""

    id: int
    """Unique per client; 1 is the init request."""
    type: RequestType
    """What is asked."""
    payload: InitPayload | ComputePayload
    """``InitPayload`` for ``init``, else ``ComputePayload``."""


class InitResult(TypedDict):
    """The reply to ``init``."""

    steps: list[Step]
    """The steps that ran."""
    python: str
    """Pyodide's version."""


class FieldError(TypedDict):
    """A value the engine refused (``calculator.errors.AnswerError.to_dict``)."""

    kind: str
    """The error's class name, e.g. ``OutOfRangeError``."""
    field: str
    """The field as given, shortened when long."""
    value: object
    """The value, or its shortened and escaped text."""
    allowed: str
    """What the field allows."""
    message: str
    """The one line the command line prints."""


class ComputeReply(TypedDict):
    """The reply to ``compute``: everything the page shows for one state of the form."""

    recommendation: Option
    """The recommended option: ``data-recommendation``."""
    patterns: list[str]
    """Matched pattern ids: ``data-patterns``."""
    answers: dict[str, object]
    """Every answer with the value used."""
    errors: list[FieldError]
    """Values refused, one per field; the field keeps its default."""
    query: list[tuple[str, str]]
    """The given answers as query-string pairs, in form order."""
    given: list[str]
    """The fields the reader gave: ``data-given``."""
    assumed: list[str]
    """The fields left out whose default the result assumed: ``data-assumed``."""
    texts: dict[str, str]
    """Each answer as the form and query string write it."""
    view: Element
    """The result as a tree of elements (``calculator.result_view``)."""
    summary: Element
    """The short answer beside the form, as a tree."""
    comparison: NotRequired[Element]
    """With pinned answers: the two results side by side, as a tree."""
    pinned_summary: NotRequired[str]
    """With pinned answers: what they give, in a sentence."""


class BreakEvenReply(TypedDict):
    """The reply to ``break_even``: the result's break-even section for the answers given."""

    section: Element
    """The section as a tree, the same as the one ``ComputeReply.view`` holds in full."""


class TextReply(TypedDict):
    """The reply to ``adr`` and ``markdown``."""

    text: str
    """The Markdown, as the command line prints it."""


class ResultReply(TypedDict):
    """Worker to page: a request answered. For engine requests ``result`` is the engine's JSON
    text (``ComputeReply`` or ``TextReply``), which the page parses."""

    id: int
    """The request's id."""
    result: str | InitResult
    """JSON text for engine requests, an ``InitResult`` for ``init``."""


class ReplyError(TypedDict):
    """Why a request failed, fit to show a reader."""

    step: str
    """The ``Step`` that failed, or ``FAILED_REQUEST`` for a request after the start."""
    message: str
    """One line for the page; never a traceback."""
    detail: str
    """The browser's own words, for the console."""


class ErrorReply(TypedDict):
    """Worker to page: a request failed."""

    id: int
    """The request's id."""
    error: ReplyError
    """What failed."""


class ProgressMessage(TypedDict):
    """Worker to page, unrequested (no id): a step of the start changed status."""

    type: Literal["progress"]
    """Always ``PROGRESS``."""
    step: Step
    """The step."""
    status: Status
    """Its new status; ``done`` and ``failed`` are final."""
    detail: str
    """For an active download, the megabytes received so far."""
