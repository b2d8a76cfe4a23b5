"""The field table: every answer the engine takes, with its type, range, default and form text.

Everything else about an answer is derived from this table: the answers record and its defaults
(answers.py), the JSON Schema (schema.py), the form's controls and labels (the calculator page's
build hook), the query string (form_text.py) and the reference page (docs.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .formatting import encode

__all__ = [
    "DEFAULTS",
    "FIELDS",
    "FIELDS_BY_NAME",
    "GROUPS",
    "Field",
    "Group",
    "fields_in",
    "label",
]

Kind = Literal["choice", "bool", "int", "number"]
Control = Literal["select", "checkbox", "number"]

# The JSON type of each kind, and the Python type the answers record holds it as.
JSON_TYPES: dict[Kind, str] = {
    "choice": "string", "bool": "boolean", "int": "integer", "number": "number",
}
PYTHON_TYPES: dict[Kind, str] = {"choice": "str", "bool": "bool", "int": "int", "number": "float"}


@dataclass(frozen=True, kw_only=True, slots=True)
class Group:
    """A block of the form: one framework question, the refining details, or the economics."""

    id: str
    title: str
    help: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Field:
    """One answer: its JSON type and range, default, form text, and the values flips try."""

    name: str
    kind: Kind
    default: object
    label: str
    help: str
    group: str
    unit: str = ""
    choices: tuple[str, ...] = ()
    choice_help: tuple[str, ...] = ()
    minimum: float | None = None
    exclusive_minimum: bool = False
    maximum: float | None = None
    nullable: bool = False
    null_means: str = ""
    # Values tried when looking for the smallest change that alters the answer, in order.
    ladder: tuple[object, ...] = ()
    # Ordered fields report the nearest flip on each side; unordered ones report every flip.
    ordered: bool = True
    # Whether flips are searched at all (economics fields never change the recommendation).
    flips: bool = True

    @property
    def allowed(self) -> str:
        """What the field accepts, in the words an error message uses."""
        if self.kind == "choice":
            text = "one of " + ", ".join(f"'{c}'" for c in self.choices)
        elif self.kind == "bool":
            text = "true or false"
        else:
            noun = "an integer" if self.kind == "int" else "a number"
            if self.exclusive_minimum and self.minimum is not None and self.maximum is not None:
                text = f"{noun} > {encode(self.minimum)} and <= {encode(self.maximum)}"
            elif self.minimum is not None and self.maximum is not None:
                text = f"{noun} from {encode(self.minimum)} to {encode(self.maximum)}"
            elif self.minimum is not None:
                op = ">" if self.exclusive_minimum else ">="
                text = f"{noun} {op} {encode(self.minimum)}"
            else:
                text = noun
        return text + " or null" if self.nullable else text

    @property
    def json_type(self) -> str | list[str]:
        """The JSON Schema ``type``: a list with "null" when the field may be left empty."""
        json_type = JSON_TYPES[self.kind]
        return [json_type, "null"] if self.nullable else json_type

    @property
    def python_type(self) -> str:
        """The annotation the answers record declares for the field, as text ("int | None")."""
        python_type = PYTHON_TYPES[self.kind]
        return f"{python_type} | None" if self.nullable else python_type

    @property
    def control(self) -> Control:
        """The form control that takes the answer: a list, a check box or a number box."""
        if self.kind == "choice":
            return "select"
        return "checkbox" if self.kind == "bool" else "number"

    @property
    def choice_texts(self) -> tuple[tuple[str, str], ...]:
        """Each choice with its help ("" where it has none), in the table's order."""
        helps = self.choice_help or ("",) * len(self.choices)
        return tuple(zip(self.choices, helps, strict=True))


GROUPS: tuple[Group, ...] = (
    Group(
        id="q1",
        title="Knowledge or behaviour?",
        help="Is the model missing facts it has never seen, or a way of answering that prompts "
        "cannot hold steady?",
    ),
    Group(
        id="q2",
        title="How often does the knowledge change?",
        help="Knowledge that moves faster than a model can be retrained belongs in retrieval.",
    ),
    Group(
        id="q3",
        title="Is latency critical?",
        help="Retrieval adds a fixed delay to every answer; it matters when it takes a large "
        "share of the budget.",
    ),
    Group(
        id="q4",
        title="May the data sit in a persistent index?",
        help="Some data may be used for training in a controlled setting but may not stay in a "
        "standing search index.",
    ),
    Group(
        id="details",
        title="Details that refine the answer",
        help="Volume, voice, terminology, task shape, examples and access rules.",
    ),
    Group(
        id="economics",
        title="Economics",
        help="Token counts, prices and one-off costs for the monthly cost and payback estimate. "
        "They do not change the recommendation.",
    ),
)

_CALLS_LADDER = (0, 10, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000)

# The shapes most economics fields share: type, range and unit.
_TOKENS: dict[str, Any] = {"kind": "int", "minimum": 0, "maximum": 10_000_000, "unit": "tokens"}
_SHARE: dict[str, Any] = {"kind": "number", "minimum": 0, "maximum": 1, "unit": "share"}
_PRICE: dict[str, Any] = {
    "kind": "number", "minimum": 0, "maximum": 10_000, "unit": "USD per 1M tokens",
}
_COST: dict[str, Any] = {"kind": "number", "minimum": 0, "maximum": 1e9, "unit": "USD"}
_MONTHLY_COST: dict[str, Any] = {**_COST, "unit": "USD/month"}
_MONTHS: dict[str, Any] = {"kind": "int", "minimum": 0, "maximum": 120, "unit": "months"}


def _economics(shape: Mapping[str, Any] | None = None, /, **spec: Any) -> Field:
    """A figure for the cost estimate: in the economics group, and never tried by flips since it
    cannot change the recommendation."""
    return Field(**(shape or {}), **spec, group="economics", flips=False)


FIELDS: tuple[Field, ...] = (
    Field(
        name="need",
        kind="choice",
        default="knowledge",
        choices=("knowledge", "behavior", "both"),
        choice_help=(
            "facts the model has not seen: documents, products, records",
            "a way of answering: tone, format, terminology, reasoning steps",
            "both facts and a way of answering",
        ),
        label="What does the model lack?",
        help="Knowledge is facts; behaviour is how the answer is shaped.",
        group="q1",
        ordered=False,
    ),
    Field(
        name="corpus_change",
        kind="choice",
        default="weekly",
        choices=(
            "realtime", "hourly", "daily", "weekly", "monthly", "quarterly", "yearly", "static",
        ),
        label="How often does the knowledge change?",
        help="Quarterly or slower counts as stable; weekly or faster cannot wait for retraining.",
        group="q2",
    ),
    Field(
        name="corpus_tokens",
        kind="int",
        default=None,
        minimum=0,
        maximum=1e12,
        nullable=True,
        null_means="unknown or large",
        label="Size of the knowledge",
        help="Tokens in the material answers draw on; leave empty when unknown or large.",
        unit="tokens",
        group="q2",
        ladder=(1000, 10000, 50000, 100000, 1000000, 10000000, None),
    ),
    Field(
        name="latency_budget_ms",
        kind="number",
        default=None,
        minimum=0,
        maximum=3_600_000,
        exclusive_minimum=True,
        nullable=True,
        null_means="no budget",
        label="Latency budget (p95, end to end)",
        help="The slowest answer users accept for 95 in 100 requests; leave empty when there is "
        "no budget.",
        unit="ms",
        group="q3",
        ladder=(200, 400, 800, 1000, 1500, 2000, 3000, 5000, 10000, None),
    ),
    Field(
        name="retrieval_overhead_ms",
        kind="number",
        default=None,
        minimum=0,
        maximum=3_600_000,
        nullable=True,
        null_means="not measured",
        label="Time retrieval adds",
        help="About 30 ms for a lean pipeline, 250 ms typical, 600 ms with re-ranking; leave "
        "empty until measured, and question 3 stays open.",
        unit="ms",
        group="q3",
        ladder=(0, 30, 100, 150, 250, 400, 600, 1000),
    ),
    Field(
        name="sensitive_data",
        kind="choice",
        default="none",
        choices=("none", "internal", "no-persistent-index"),
        choice_help=(
            "no rule against it: the documents may sit in a search or vector index",
            "internal or confidential, and may be indexed behind access control",
            "some of it (customer PII, say) must never sit in a search or vector index; it may "
            "be used to train a model",
        ),
        label="May the data be stored in a search or vector index?",
        help="Which data policy keeps out of any index the live system searches, as a reviewer "
        "would state it: for example, customer PII must never sit in a vector index.",
        group="q4",
    ),
    Field(
        name="calls_per_day",
        kind="int",
        default=1000,
        minimum=0,
        maximum=1e9,
        label="Calls per day",
        help="Requests the system answers on an ordinary day.",
        unit="calls/day",
        group="details",
        ladder=_CALLS_LADDER,
    ),
    Field(
        name="tone",
        kind="choice",
        default="generic",
        choices=("generic", "house-style", "proprietary"),
        choice_help=(
            "any clear, polite answer will do",
            "a style guide a prompt can describe",
            "a distinctive voice that reviewers must approve",
        ),
        label="Voice",
        help="How distinctive the wording of answers must be.",
        group="details",
    ),
    Field(
        name="consistency",
        kind="choice",
        default="normal",
        choices=("normal", "strict"),
        choice_help=(
            "small variations between answers are fine",
            "the same input must come back in the same form",
        ),
        label="Consistency",
        help="Strict means identical inputs must give answers of identical form.",
        group="details",
    ),
    Field(
        name="terminology",
        kind="choice",
        default="general",
        choices=("general", "specialized", "closed"),
        choice_help=(
            "everyday language",
            "a professional vocabulary found in public text",
            "internal codes and jargon absent from public text",
        ),
        label="Terminology",
        help="Closed means internal codes and jargon the base model never read.",
        group="details",
    ),
    Field(
        name="task_shape",
        kind="choice",
        default="open-ended",
        choices=(
            "open-ended", "question-answering", "classification", "extraction", "styled-generation",
        ),
        choice_help=(
            "free-form help on anything in the domain",
            "answers to a known set of questions",
            "picking one of a fixed set of labels",
            "pulling fields out of documents of a standard layout",
            "writing text in a set form: replies, drafts, summaries",
        ),
        label="Task shape",
        help="Narrow tasks (labels, fields, a fixed set of questions) are easy to train.",
        group="details",
        ordered=False,
    ),
    Field(
        name="prompting_tried",
        kind="choice",
        default="unknown",
        choices=("unknown", "no", "fell-short", "good-enough"),
        choice_help=(
            "not stated: counts neither for nor against any option",
            "not yet: try a well-written prompt first unless a pattern clearly applies",
            "a careful prompt was measured and missed the target",
            "a prompt already gives the behaviour wanted",
        ),
        label="Has prompt engineering been tried?",
        help="Whether a careful prompt was written and measured for the behaviour, and how it "
        "went; prompting comes before training.",
        group="details",
        ordered=False,
    ),
    Field(
        name="labeled_examples",
        kind="int",
        default=0,
        minimum=0,
        maximum=1e9,
        label="Good examples available",
        help="Reviewed input and output pairs you could train on.",
        unit="examples",
        group="details",
        ladder=(0, 10, 49, 50, 100, 299, 300, 1000, 5000),
    ),
    Field(
        name="citations_required",
        kind="bool",
        default=False,
        label="Answers must cite sources",
        help="Each answer links to the documents it used.",
        group="details",
        ladder=(False, True),
    ),
    Field(
        name="per_user_access",
        kind="bool",
        default=False,
        label="Per-user access rights",
        help="Readers may only see documents they are entitled to.",
        group="details",
        ladder=(False, True),
    ),
    Field(
        name="can_fine_tune",
        kind="bool",
        default=True,
        label="A fine-tuning route exists",
        help="A hosted fine-tuning API or your own GPUs are available to you.",
        group="details",
        ladder=(False, True),
    ),
    # Economics: figures for the cost estimate only.
    _economics(
        _TOKENS,
        name="prompt_tokens",
        default=1500,
        label="Instruction tokens per call",
        help="System prompt, instructions and worked examples: the fixed part of each prompt, "
        "which fine-tuning can shorten.",
    ),
    _economics(
        _TOKENS,
        name="request_tokens",
        default=300,
        label="Reader's input per call",
        help="The request itself (a message, an invoice, a conversation so far); every option "
        "sends it in full, fine-tuned or not.",
    ),
    _economics(
        _TOKENS,
        name="retrieved_tokens",
        default=3000,
        label="Retrieved tokens per call",
        help="Context that retrieval (or the request itself) adds to each prompt.",
    ),
    _economics(
        _TOKENS,
        name="output_tokens",
        default=300,
        label="Output tokens per call",
        help="Length of a typical answer.",
    ),
    _economics(
        _SHARE,
        name="fine_tuned_prompt_share",
        default=0.3,
        label="Prompt left after fine-tuning",
        help="Share of the instruction tokens a fine-tuned model still needs (0.3 = 30%).",
    ),
    _economics(
        _PRICE,
        name="input_price_per_mtok",
        default=2.5,
        label="Input price",
        help="Price of a million input tokens on the base model.",
    ),
    _economics(
        _PRICE,
        name="output_price_per_mtok",
        default=10.0,
        label="Output price",
        help="Price of a million output tokens on the base model.",
    ),
    _economics(
        name="fine_tuned_price_factor",
        kind="number",
        default=1.5,
        minimum=0,
        maximum=100,
        label="Fine-tuned price factor",
        help="Token prices of the fine-tuned model as a multiple of the base model's.",
        unit="x",
    ),
    _economics(
        _SHARE,
        name="cache_hit_rate",
        default=0.5,
        label="Prompt cache hit rate",
        help="Share of the fixed prompt served from the provider's prompt cache.",
    ),
    _economics(
        _SHARE,
        name="cache_discount",
        default=0.5,
        label="Cache discount",
        help="Price cut on cached input tokens (0.5 = half price, 0.9 = a tenth of the price).",
    ),
    _economics(
        _MONTHLY_COST,
        name="retrieval_monthly_cost",
        default=300.0,
        label="Retrieval running cost",
        help="Vector store, embedding calls and pipeline upkeep each month.",
    ),
    _economics(
        _COST,
        name="retrieval_setup_cost",
        default=8000.0,
        label="Retrieval build cost",
        help="One-off cost of building the ingestion and retrieval pipeline.",
    ),
    _economics(
        _COST,
        name="data_preparation_cost",
        default=10000.0,
        label="Dataset preparation cost",
        help="One-off cost of collecting, cleaning and reviewing training examples.",
    ),
    _economics(
        _COST,
        name="training_cost",
        default=500.0,
        label="Cost of one training run",
        help="Compute and evaluation for one fine-tuning run.",
    ),
    _economics(
        _MONTHS,
        name="retrain_every_months",
        default=3,
        label="Retraining cadence",
        help="Months between training runs; 0 means the model is trained once.",
    ),
    _economics(
        _MONTHLY_COST,
        name="prompted_review_monthly_cost",
        default=0.0,
        label="Review of prompted output",
        help="Monthly cost of people checking and correcting an untrained model's output, which "
        "a fine-tuned model largely removes.",
    ),
    _economics(
        _MONTHLY_COST,
        name="hosting_monthly_cost",
        default=0.0,
        label="Fine-tuned model hosting",
        help="Monthly cost of serving the fine-tuned model; 0 for pay-per-token hosted APIs.",
    ),
    _economics(
        name="price_preset",
        kind="choice",
        default="none",
        choices=("none", "hosted-api", "managed-cloud", "open-weights"),
        choice_help=(
            "no preset: the price fields keep the calculator's defaults unless you give them",
            "a hosted API's list prices, its cache terms and batch discount",
            "a managed cloud route's list prices, with the tuned model at the base model's price",
            "prompt a hosted API model, tune a small open-weight model served on your own GPU",
        ),
        label="Price preset",
        help="Fills the price fields you did not give with a route's figures from the facts "
        "register (or your organisation's own); a figure you give always wins.",
        ordered=False,
    ),
    _economics(
        _TOKENS,
        name="cache_minimum_tokens",
        default=1024,
        label="Cache minimum",
        help="Shortest prompt prefix the provider caches; a shorter fixed prompt pays the full "
        "input price on every call (1,024 tokens at OpenAI and for several Anthropic models).",
    ),
    _economics(
        name="cache_write_multiplier",
        kind="number",
        default=1.0,
        minimum=1,
        maximum=10,
        label="Cache write price",
        help="Price of writing the prompt cache on a miss, as a multiple of the input price: 1 "
        "where writes cost nothing extra (OpenAI), 1.25 for Anthropic's five-minute cache.",
        unit="x",
    ),
    _economics(
        _SHARE,
        name="batch_share",
        default=0.0,
        label="Calls sent as batches",
        help="Share of the calls that can wait for a batch API's answer (hours rather than "
        "seconds); 0 when every answer is needed at once.",
    ),
    _economics(
        _SHARE,
        name="batch_discount",
        default=0.5,
        label="Batch discount",
        help="Price cut on batched calls, input and output alike (0.5 = half price at OpenAI "
        "and Anthropic).",
    ),
    _economics(
        _PRICE,
        name="fine_tuned_input_price_per_mtok",
        default=None,
        nullable=True,
        null_means="the base input price times the fine-tuned price factor",
        label="Fine-tuned model's input price",
        help="The tuned model's own input price, when you tune a smaller or different model "
        "than the one you prompt; replaces the price factor for input tokens.",
    ),
    _economics(
        _PRICE,
        name="fine_tuned_output_price_per_mtok",
        default=None,
        nullable=True,
        null_means="the base output price times the fine-tuned price factor",
        label="Fine-tuned model's output price",
        help="The tuned model's own output price; replaces the price factor for output tokens.",
    ),
    _economics(
        _MONTHS,
        name="retirement_every_months",
        default=18,
        label="Base model lifetime",
        help="Months until the base model under a fine-tune retires and the tune must move to a "
        "new one; 0 when you control the weights and nothing retires.",
    ),
    _economics(
        _COST,
        name="retirement_cost",
        default=3000.0,
        label="Cost of a base model retirement",
        help="Re-tuning on the new base model and re-running the evaluation set when the base "
        "model retires.",
    ),
)

FIELDS_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
DEFAULTS: dict[str, object] = {f.name: f.default for f in FIELDS}


def label(name: str) -> str:
    """The form's label of a field; a name the table does not hold stays as it is."""
    field = FIELDS_BY_NAME.get(name)
    return field.label if field is not None else name


def fields_in(group: str) -> tuple[Field, ...]:
    """The fields of one group of the form, in the table's order."""
    return tuple(f for f in FIELDS if f.group == group)
