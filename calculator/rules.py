"""The rule table: each refinement as data, with its effect on every option, reason and source."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict

from .answers import Answers
from .conditions import Condition, answer_is, at_volume, calls_at_least, calls_below
from .contract import OPTIONS
from .framework import FAST_CHANGES, STABLE_CHANGES, knowledge_rate
from .patterns import (
    HIGH_VOLUME,
    PATTERNS,
    PATTERNS_BY_ID,
    SMALL_CORPUS,
    corpus_size,
    match_patterns,
)

__all__ = [
    "ARTICLE",
    "FEW_EXAMPLES",
    "HEURISTIC",
    "LARGE_CORPUS",
    "LOW_VOLUME",
    "MIN_EXAMPLES",
    "MOVING_CHANGES",
    "OPTIONS",
    "RULES",
    "SOURCES",
    "VERY_HIGH_VOLUME",
    "Rule",
]

MIN_EXAMPLES = 50
FEW_EXAMPLES = 300
MANY_EXAMPLES = 1000
LOW_VOLUME = 100
VERY_HIGH_VOLUME = 10_000
LARGE_CORPUS = 200_000
# Change rates at which trained-in facts go stale between runs (monthly or faster).
MOVING_CHANGES = FAST_CHANGES | {"monthly"}

# The article every rule without another source comes from (index.md#about names and links it).
ARTICLE = "Kliente360 article"
# Thresholds that turn the article's words into numbers are this guide's own; the framework
# page's "Where the thresholds come from" section gives the reasoning for each.
HEURISTIC = "This guide's heuristic"

SOURCES: dict[str, str] = {
    "article": f"{ARTICLE}: the four questions and the six patterns",
    "article-default": f"{ARTICLE}: RAG as the default when no question applies",
    "heuristic-stable": (
        f"{HEURISTIC}: quarterly or slower counts as stable, monthly or faster as moving "
        f"(question 2 of the {ARTICLE} gives no number)"
    ),
    "heuristic-latency": (
        f"{HEURISTIC}: retrieval taking a quarter of the latency budget is critical (the "
        f"{ARTICLE} gives the overhead, not a share)"
    ),
    "heuristic-volume": (
        f"{HEURISTIC}: 1,000 calls a day is high volume and under 100 is low (the {ARTICLE} "
        "speaks of thousands of calls a day)"
    ),
    "heuristic-narrow": (
        f"{HEURISTIC}: a narrow task accepts knowledge that changes monthly, applied to the "
        f"{ARTICLE}'s narrow-domain pattern"
    ),
    "openai-examples": (
        "OpenAI fine-tuning guide: clear gains usually show from 50 to 100 training examples "
        "(platform.openai.com/docs/guides/fine-tuning)"
    ),
    "caching": (
        "Prompt caching guides of OpenAI and Anthropic: a repeated prompt prefix is billed at a "
        "discount and starts faster"
    ),
    "access": (
        "Retrieval vendors' security guidance (for example Azure AI Search security trimming): "
        "rights and citations are applied to documents fetched per query"
    ),
    "memorisation": (
        "Carlini et al., Extracting Training Data from Large Language Models (USENIX Security "
        "2021): models can repeat rare training text verbatim"
    ),
    "pricing": "Provider price lists: input tokens are billed on every call",
    "prompting-first": (
        f"{ARTICLE} and OpenAI's fine-tuning guide: start with prompt engineering and "
        "fine-tune when a measured prompt falls short"
    ),
}


@dataclass(frozen=True, kw_only=True, slots=True)
class Rule:
    """One rule: when it applies, how it moves each option's score, and why."""

    id: str
    title: str
    when: str
    applies: Callable[[Answers], bool]
    # Every field `applies` may look at; flips re-test only the rules that read the changed field.
    reads: tuple[str, ...]
    effects: tuple[tuple[str, float], ...] = ()
    excludes: tuple[str, ...] = ()
    # Multiplies the confidence when the recommendation is one of confidence_for.
    confidence: float = 1.0
    confidence_for: tuple[str, ...] = ()
    reason: str
    source: str
    caveat: str = ""
    # The caveat is shown only when the recommendation is one of these (all when empty).
    caveat_for: tuple[str, ...] = ()
    pattern: str = ""

    def effect_text(self) -> str:
        """The rule's effect in one phrase, such as "fine-tuning +2, rag -1.5"."""
        parts = [f"{option} {delta:+g}" for option, delta in self.effects]
        if self.excludes:
            parts.append("rules out " + " and ".join(self.excludes))
        if self.confidence != 1.0:
            parts.append(f"confidence x{self.confidence:g} for " + " or ".join(self.confidence_for))
        return ", ".join(parts)


def _knows(a: Answers) -> bool:
    return a.need != "behavior"


def _rate_in(a: Answers, rates: frozenset[str]) -> bool:
    rate = knowledge_rate(a)
    return rate is not None and rate in rates


def _below_volume(a: Answers, calls: int) -> bool:
    return a.known("calls_per_day") and a.calls_per_day < calls


def _examples(a: Answers, low: float, high: float) -> bool:
    """The reader gave a number of reviewed examples from `low` up to but excluding `high`."""
    return a.known("labeled_examples") and low <= a.labeled_examples < high


def _examples_given(low: float, high: float) -> Condition:
    """Reviewed examples from `low` up to but excluding `high`, in the fewest words."""
    if low == 0:
        words = f"below {high:,}"
    elif high == math.inf:
        words = f"at least {low:,}"
    else:
        words = f"from {low:,} to {high - 1:,}"
    return Condition(
        f"`labeled_examples` is {words}", lambda a: _examples(a, low, high), ("labeled_examples",)
    )


def _corpus_in(a: Answers, low: float, high: float) -> bool:
    """The reader gave a knowledge size above `low` and at most `high` tokens."""
    size = corpus_size(a)
    return size is not None and low < size <= high


def _shapes_behaviour(a: Answers, tried: str) -> bool:
    return a.need != "knowledge" and a.prompting_tried == tried


# Every field a pattern reads: the rule that waits for a pattern reads them all.
_PATTERN_FIELDS = tuple(dict.fromkeys(f for p in PATTERNS for f in p.trigger_fields))


class _When(TypedDict):
    """The fields of a rule that a condition fills."""

    when: str
    applies: Callable[[Answers], bool]
    reads: tuple[str, ...]


def _when(condition: Condition) -> _When:
    """A condition as a rule's `when`, `applies` and `reads`: `Rule(..., **_when(c), ...)`."""
    return {"when": condition.words, "applies": condition.test, "reads": condition.reads}


def _pattern_rule(
    pattern_id: str,
    *,
    title: str = "",
    when: str = "",
    effects: tuple[tuple[str, float], ...],
    reason: str,
    source: str,
    caveat: str = "",
    caveat_for: tuple[str, ...] = (),
) -> Rule:
    """The rule that adds a pattern's points: it applies exactly when the pattern matches.

    Its id is the pattern's; its title and wording default to the pattern's title and trigger.
    """
    pattern = PATTERNS_BY_ID[pattern_id]
    return Rule(
        id=pattern_id,
        title=title or f"Pattern: {pattern.title.lower()}",
        when=when or pattern.trigger.removesuffix("."),
        applies=pattern.predicate,
        reads=pattern.trigger_fields,
        effects=effects,
        reason=reason,
        source=source,
        caveat=caveat,
        caveat_for=caveat_for,
        pattern=pattern_id,
    )


# By name, not by position: the option table may grow.
PE, RAG, FT, HY = "prompt-engineering", "rag", "fine-tuning", "hybrid"

RULES: tuple[Rule, ...] = (
    Rule(
        id="baseline",
        title="Retrieval is the default",
        when="always",
        applies=lambda a: True,
        reads=(),
        effects=((RAG, 1), (PE, 0.5), (HY, -0.5)),
        reason="Before any answer tips the balance, retrieval needs no training data and is "
        "kept current by re-indexing; a hybrid carries the most moving parts.",
        source=SOURCES["article-default"],
    ),
    Rule(
        id="q1-knowledge",
        title="The gap is knowledge",
        **_when(answer_is("need", "knowledge")),
        effects=((RAG, 2), (PE, 1), (FT, -1), (HY, -1)),
        reason="Missing facts are best handed to the model at query time; training is a poor "
        "way to store facts.",
        source=SOURCES["article"],
    ),
    Rule(
        id="q1-behavior",
        title="The gap is behaviour",
        **_when(answer_is("need", "behavior")),
        effects=((FT, 2), (PE, 1), (RAG, -1.5), (HY, -0.5)),
        reason="A way of answering is learned from examples; fetching documents does not change "
        "how the model writes.",
        source=SOURCES["article"],
    ),
    Rule(
        id="q1-both",
        title="The gap is knowledge and behaviour",
        **_when(answer_is("need", "both")),
        effects=((HY, 2.5), (FT, 1.5), (RAG, 0.5), (PE, 0.5)),
        reason="Behaviour can be trained while facts still arrive through retrieval: the two "
        "combine in a hybrid.",
        source=SOURCES["article"],
    ),
    Rule(
        id="q2-stable",
        title="The knowledge is stable",
        when="`need` is `knowledge` or `both` and `corpus_change` is `quarterly`, `yearly` or "
        "`static`",
        applies=lambda a: _rate_in(a, STABLE_CHANGES),
        reads=("need", "corpus_change"),
        effects=((FT, 1.5), (HY, 0.5)),
        reason="Stable material is trained once and stays right, so the training cost is spread "
        "over a long time.",
        source=SOURCES["heuristic-stable"],
    ),
    Rule(
        id="knowledge-moves",
        title="The knowledge moves",
        when="`need` is `knowledge` or `both` and `corpus_change` is `monthly` or faster",
        applies=lambda a: _rate_in(a, MOVING_CHANGES),
        reads=("need", "corpus_change"),
        effects=((FT, -1.5),),
        reason="Facts in the weights go stale between training runs; every change means another "
        "run and another evaluation.",
        source=SOURCES["heuristic-stable"],
    ),
    Rule(
        id="knowledge-fast",
        title="The knowledge moves faster than retraining",
        when="`need` is `knowledge` or `both` and `corpus_change` is `weekly` or faster",
        applies=lambda a: _rate_in(a, FAST_CHANGES),
        reads=("need", "corpus_change"),
        effects=((FT, -2.5), (RAG, 1), (HY, 0.5)),
        reason="A training cycle takes days to weeks, so knowledge that changes this often can "
        "only be kept current in an index.",
        source=SOURCES["article"],
    ),
    Rule(
        id="both-moving",
        title="Behaviour on top of moving knowledge",
        when="`need` is `both` and `corpus_change` is `monthly` or faster",
        applies=lambda a: a.need == "both" and _rate_in(a, MOVING_CHANGES),
        reads=("need", "corpus_change"),
        effects=((HY, 1.5),),
        reason="Train the behaviour and retrieve the facts: the hybrid keeps each part where it "
        "changes at its own pace.",
        source=SOURCES["article"],
    ),
    _pattern_rule(
        "critical-latency",
        title="Retrieval takes a material share of the latency budget",
        when="`latency_budget_ms` is set and `retrieval_overhead_ms` is at least 25% of it",
        effects=((FT, 2), (PE, 0.5), (RAG, -1.5), (HY, -1.5)),
        reason="Embedding the query, searching and re-ranking happen before the first token; "
        "a model without that step answers sooner and more predictably.",
        source=SOURCES["heuristic-latency"],
        caveat="If the knowledge must stay fresh, measure a lean retrieval path (about 30 ms) "
        "before giving up on retrieval.",
        caveat_for=(RAG, HY),
    ),
    Rule(
        id="no-persistent-index",
        title="No persistent index allowed",
        **_when(answer_is("sensitive_data", "no-persistent-index")),
        effects=((FT, 1.5), (PE, 1)),
        excludes=(RAG, HY),
        reason="Without a standing index there is nothing to search, for RAG or for a hybrid; "
        "material has to be sent with each request, while a stable task can be trained in a "
        "controlled environment.",
        source=SOURCES["article"],
        caveat="Train on de-identified data and test for memorisation: a model can repeat rare "
        "training text word for word.",
        caveat_for=(FT, HY),
        pattern="sensitive-data",
    ),
    Rule(
        id="citations",
        title="Answers must cite sources",
        **_when(answer_is("citations_required", True)),
        effects=((RAG, 2), (HY, 2), (FT, -2), (PE, -1)),
        reason="A citation points at a document fetched for this answer; weights cannot say "
        "where a fact came from.",
        source=SOURCES["access"],
    ),
    Rule(
        id="per-user-access",
        title="Readers see only what they are entitled to",
        **_when(answer_is("per_user_access", True)),
        effects=((RAG, 2), (HY, 2), (FT, -2), (PE, -1)),
        reason="Access rights are checked when documents are fetched for a reader; whatever is "
        "trained into weights is visible to every user.",
        source=SOURCES["access"],
    ),
    Rule(
        id="weights-cannot-cite-or-restrict",
        title="Knowledge with citations or access rights stays out of weights",
        when="`need` is `knowledge` or `both`, and `citations_required` or `per_user_access` "
        "is true",
        applies=lambda a: _knows(a) and (a.citations_required or a.per_user_access),
        reads=("need", "citations_required", "per_user_access"),
        excludes=(FT,),
        reason="Facts trained into weights cannot name their source and are visible to every "
        "user, so a knowledge need with citations or access rights is never met by fine-tuning "
        "alone.",
        source=SOURCES["access"],
    ),
    Rule(
        id="too-few-examples",
        title="Too few examples to train on",
        **_when(_examples_given(0, MIN_EXAMPLES)),
        excludes=(FT, HY),
        reason="Training needs reviewed examples; with fewer than about 50 the gain is unreliable, "
        "so start with prompt engineering and collect examples as you go.",
        source=SOURCES["openai-examples"],
    ),
    Rule(
        id="few-hundred-examples",
        title="Only a few hundred examples",
        **_when(_examples_given(MIN_EXAMPLES, FEW_EXAMPLES)),
        confidence=0.8,
        confidence_for=(FT, HY),
        reason="A small training set can work, but the result is less certain; keep a held-out "
        "set to compare against the prompted baseline.",
        source=SOURCES["openai-examples"],
        caveat="With only a few hundred examples, compare the fine-tuned model against a "
        "well-prompted base model on held-out cases before switching.",
        caveat_for=(FT, HY),
    ),
    Rule(
        id="many-examples",
        title="A large set of examples",
        **_when(_examples_given(MANY_EXAMPLES, math.inf)),
        effects=((FT, 0.5), (HY, 0.5)),
        reason="A thousand or more reviewed examples covers edge cases that a prompt can only "
        "hint at.",
        source=SOURCES["openai-examples"],
    ),
    Rule(
        id="no-fine-tuning-route",
        title="No way to fine-tune",
        **_when(answer_is("can_fine_tune", False)),
        excludes=(FT, HY),
        reason="Without a hosted fine-tuning service or own GPUs, training is not an option.",
        source=SOURCES["article"],
    ),
    Rule(
        id="low-volume",
        title="Low volume",
        **_when(calls_below(LOW_VOLUME)),
        effects=((FT, -1.5), (HY, -1.5)),
        reason="Dataset work and training are fixed costs, and at a few dozen calls a day a "
        "shorter prompt saves little against them.",
        source=SOURCES["heuristic-volume"],
    ),
    Rule(
        id="volume-thousands",
        title="Thousands of calls a day",
        **_when(calls_at_least(HIGH_VOLUME)),
        effects=((FT, 0.5), (HY, 0.5)),
        reason="At this volume a trained behaviour that needs a shorter prompt is repeated on "
        "every call; the cost estimate shows what that is worth at the prices given.",
        source=SOURCES["heuristic-volume"],
    ),
    Rule(
        id="volume-tens-of-thousands",
        title="Tens of thousands of calls a day",
        **_when(calls_at_least(VERY_HIGH_VOLUME)),
        effects=((FT, 0.5), (HY, 0.5), (PE, -0.5)),
        reason="Long instructions repeated on every call become a large line on the invoice.",
        source=SOURCES["pricing"],
    ),
    Rule(
        id="small-corpus-low-volume",
        title="Small knowledge at low volume",
        when=(
            f"`need` is `knowledge` or `both`, `corpus_tokens` is at most {SMALL_CORPUS:,} and "
            f"`calls_per_day` is below {HIGH_VOLUME:,}"
        ),
        applies=lambda a: _corpus_in(a, -1, SMALL_CORPUS) and _below_volume(a, HIGH_VOLUME),
        reads=("need", "corpus_tokens", "calls_per_day"),
        effects=((PE, 2.5),),
        reason="Material this small can ride in the prompt itself; with prompt caching that is "
        "cheaper to build and run than an ingestion and search pipeline.",
        source=SOURCES["caching"],
    ),
    Rule(
        id="small-corpus-high-volume",
        title="Knowledge in every prompt at very high volume",
        when=(
            f"`need` is `knowledge` or `both`, `corpus_tokens` is at most {LARGE_CORPUS:,} and "
            f"`calls_per_day` is at least {VERY_HIGH_VOLUME:,}"
        ),
        applies=lambda a: _corpus_in(a, -1, LARGE_CORPUS) and at_volume(a, VERY_HIGH_VOLUME),
        reads=("need", "corpus_tokens", "calls_per_day"),
        effects=((PE, -1),),
        reason="Sending the whole corpus with every call costs tokens and prefill time even when "
        "cached.",
        source=SOURCES["caching"],
    ),
    Rule(
        id="medium-corpus",
        title="Knowledge that fills most of a prompt",
        when=(
            f"`need` is `knowledge` or `both` and `corpus_tokens` is above {SMALL_CORPUS:,} and "
            f"at most {LARGE_CORPUS:,}"
        ),
        applies=lambda a: _corpus_in(a, SMALL_CORPUS, LARGE_CORPUS),
        reads=("need", "corpus_tokens"),
        effects=((PE, -2),),
        reason="Knowledge of this size still fits in a prompt, but it crowds out instructions "
        "and makes every call slow to start; a larger corpus never makes prompting more "
        "attractive.",
        source=SOURCES["caching"],
    ),
    Rule(
        id="large-corpus",
        title="Knowledge too large for a prompt",
        when=(
            f"`need` is `knowledge` or `both` and `corpus_tokens` is unknown or above "
            f"{LARGE_CORPUS:,}"
        ),
        applies=lambda a: _corpus_in(a, LARGE_CORPUS, math.inf),
        reads=("need", "corpus_tokens"),
        excludes=(PE,),
        reason="Only a slice of a large collection fits in a prompt; something has to choose the "
        "slice, which is what retrieval does.",
        source=SOURCES["article"],
    ),
    Rule(
        id="house-style",
        title="A describable house style",
        **_when(answer_is("tone", "house-style")),
        effects=((PE, 0.5), (FT, 0.5)),
        reason="A style guide that fits in a paragraph can be followed from instructions; "
        "training makes it steadier.",
        source=SOURCES["article"],
    ),
    Rule(
        id="proprietary-voice",
        title="A proprietary voice",
        **_when(answer_is("tone", "proprietary")),
        effects=((FT, 1), (HY, 0.5), (PE, -0.5), (RAG, -0.5)),
        reason="A distinctive voice is learned from approved texts far more reliably than from a "
        "description of it.",
        source=SOURCES["article"],
    ),
    _pattern_rule(
        "proprietary-tone",
        effects=((FT, 1.5), (HY, 1)),
        reason="At volume, reviewers cannot keep correcting drift in a prompted voice; a trained "
        "voice is the default on every call.",
        source=SOURCES["heuristic-volume"],
    ),
    Rule(
        id="specialized-terms",
        title="Specialised vocabulary",
        **_when(answer_is("terminology", "specialized")),
        effects=((FT, 0.5), (HY, 0.5)),
        reason="Public professional vocabulary is mostly known to base models; training sharpens "
        "its use a little.",
        source=SOURCES["article"],
    ),
    _pattern_rule(
        "closed-terminology",
        effects=((FT, 2), (HY, 1.5), (PE, -1), (RAG, -1)),
        reason="Internal codes the base model never read need long glossaries in every prompt; "
        "training teaches their meaning once.",
        source=SOURCES["article"],
    ),
    Rule(
        id="strict-consistency",
        title="Strict consistency",
        **_when(answer_is("consistency", "strict")),
        effects=((FT, 0.5), (HY, 0.5), (PE, -0.5), (RAG, -0.5)),
        reason="Identical inputs should give answers of identical form; a long prompt leaves "
        "more room for variation.",
        source=SOURCES["article"],
    ),
    _pattern_rule(
        "consistency-at-scale",
        effects=((FT, 1.5), (HY, 1), (PE, -1), (RAG, -1)),
        reason="Small differences in phrasing or context order multiply across thousands of "
        "calls; a trained behaviour with a short prompt varies less.",
        source=SOURCES["heuristic-volume"],
    ),
    _pattern_rule(
        "narrow-domain",
        title="Pattern: narrow high-frequency task",
        when=(
            "a classification or extraction task, or questions over a small corpus, at "
            f"{HIGH_VOLUME:,} or more calls a day with knowledge that changes monthly or slower"
        ),
        effects=((FT, 2), (RAG, -1)),
        reason="A small, fixed task space is learned precisely; no search step is needed to pick "
        "a label or fill a field.",
        source=SOURCES["heuristic-narrow"],
    ),
    Rule(
        id="prompting-good-enough",
        title="Prompting already gives the behaviour",
        **_when(answer_is("need", "behavior") & answer_is("prompting_tried", "good-enough")),
        excludes=(RAG, FT, HY),
        reason="A prompt that already gives the behaviour wanted is kept: training or an index "
        "would add cost and upkeep for nothing the reader lacks.",
        source=SOURCES["prompting-first"],
    ),
    Rule(
        id="prompting-good-enough-both",
        title="Prompting already gives the behaviour; the knowledge remains",
        **_when(answer_is("need", "both") & answer_is("prompting_tried", "good-enough")),
        excludes=(FT, HY),
        reason="The way of answering already comes from the prompt, so nothing needs training; "
        "only the knowledge is left to supply.",
        source=SOURCES["prompting-first"],
    ),
    Rule(
        id="prompting-fell-short",
        title="Prompting was tried and fell short",
        when="`need` is `behavior` or `both` and `prompting_tried` is `fell-short`",
        applies=lambda a: _shapes_behaviour(a, "fell-short"),
        reads=("need", "prompting_tried"),
        effects=((PE, -1.5), (FT, 0.5), (HY, 0.5)),
        reason="A careful prompt was measured and missed the target; examples can teach what "
        "instructions could not.",
        source=SOURCES["prompting-first"],
    ),
    Rule(
        id="prompting-first",
        title="Try prompting before training",
        when="`need` is `behavior` or `both`, `prompting_tried` is `no`, and no pattern applies",
        applies=lambda a: _shapes_behaviour(a, "no") and not match_patterns(a),
        reads=("need", "prompting_tried", *_PATTERN_FIELDS),
        excludes=(FT, HY),
        reason="Prompt engineering has not been tried and no pattern makes training clearly "
        "worth it, so write and measure a careful prompt before collecting a training set.",
        source=SOURCES["prompting-first"],
        caveat="Before any training, score a careful prompt on at least 50 reviewed cases held "
        "out for testing, with the measure the behaviour is judged by (reviewer approval, format "
        "errors, label accuracy); fine-tune only if the prompt misses a target set beforehand.",
    ),
)
