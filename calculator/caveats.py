"""The caveat table: every warning a result can carry, each with the condition that shows it.

A rule's own caveat (`Rule.caveat`) comes first, in rule order; the caveats that read more than one
rule (the framework's verdict, the answers, the payback) follow in the order declared here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .answers import Answers
from .economics import MAX_PAYBACK, TRAINED
from .framework import STABLE_CHANGES, knowledge_rate, latency_critical
from .rules import MIN_EXAMPLES, RULES, Rule

__all__ = ["CAVEATS", "Case", "Caveat", "caveats_for"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Case:
    """What a caveat's condition may look at: the answers and what the engine made of them."""

    answers: Answers
    recommendation: str
    # Ids of the rules that applied.
    applied: frozenset[str]
    # The rules ruled out every option and prompting was kept anyway.
    last_resort: bool
    framework_verdict: str
    # Payback month per trained option, None where it does not repay (economics' payback_months).
    payback: Mapping[str, object]

    @property
    def trains(self) -> bool:
        """The recommendation trains a model."""
        return self.recommendation in TRAINED

    @property
    def knows(self) -> bool:
        """The gap has knowledge in it (`need` is not `behavior`)."""
        return self.answers.need != "behavior"


@dataclass(frozen=True, kw_only=True, slots=True)
class Caveat:
    """One caveat: an id to name it by, its text, and when a result shows it."""

    id: str
    text: str
    shows: Callable[[Case], bool]


def _rule_caveat(rule: Rule) -> Caveat:
    """A rule's caveat: shown when the rule applied and the recommendation is one it names."""

    def shows(case: Case) -> bool:
        return rule.id in case.applied and (
            not rule.caveat_for or case.recommendation in rule.caveat_for
        )

    return Caveat(id=rule.id, text=rule.caveat, shows=shows)


def _stale_facts(case: Case, rate_given: bool) -> bool:
    """Fine-tuning alone carries the knowledge, and its rate of change is (not) given."""
    if case.recommendation != "fine-tuning" or not case.knows:
        return False
    rate = knowledge_rate(case.answers)
    if rate is None:
        return not rate_given
    return rate_given and rate not in STABLE_CHANGES


CAVEATS: tuple[Caveat, ...] = (
    *(_rule_caveat(rule) for rule in RULES if rule.caveat),
    Caveat(
        id="verdict-rag-overruled",
        text="None of the four questions points to fine-tuning; the recommendation comes from "
        "the refinements listed under reasons.",
        shows=lambda c: c.framework_verdict == "rag" and c.recommendation != "rag",
    ),
    Caveat(
        id="verdict-fine-tuning-outweighed",
        text="At least one of the four questions points to fine-tuning, but other answers "
        "outweigh it; see the flips for what would change the result.",
        shows=lambda c: c.framework_verdict == "evaluate-fine-tuning" and not c.trains,
    ),
    Caveat(
        id="collect-examples",
        text="Collect reviewed examples while the prompt is in use; at about 50 to 100, test a "
        "fine-tuned model against it.",
        shows=lambda c: "too-few-examples" in c.applied
        and c.recommendation == "prompt-engineering"
        and c.answers.need != "knowledge",
    ),
    Caveat(
        id="training-not-considered",
        text="Fine-tuning and hybrid were not considered because no fine-tuning route is "
        "available.",
        shows=lambda c: "no-fine-tuning-route" in c.applied,
    ),
    Caveat(
        id="send-and-discard",
        text="With no standing index, current documents must be sent with each request and "
        "discarded afterwards.",
        shows=lambda c: "no-persistent-index" in c.applied and c.knows,
    ),
    Caveat(
        id="last-resort",
        text="Every option is ruled out by some answer, so prompt engineering is what remains: "
        "send only what each request needs, fetched from its source and discarded afterwards, "
        "and revisit the answers that rule out retrieval and training.",
        shows=lambda c: c.last_resort,
    ),
    Caveat(
        id="change-rate-unknown",
        text="How often the knowledge changes was not given; facts trained into the model go "
        "stale if it moves, so check that before training them in.",
        shows=lambda c: _stale_facts(c, rate_given=False),
    ),
    Caveat(
        id="facts-go-stale",
        text="Facts trained into the model go stale as the knowledge changes; plan a "
        "retraining schedule or move the facts into retrieval.",
        shows=lambda c: _stale_facts(c, rate_given=True),
    ),
    Caveat(
        id="examples-unknown",
        text=f"Training needs at least {MIN_EXAMPLES} reviewed examples; how many exist was not "
        "given.",
        shows=lambda c: c.trains and not c.answers.known("labeled_examples"),
    ),
    Caveat(
        id="prompt-untried",
        text="Prompt engineering has not been tried: a pattern favours training, but score a "
        "careful prompt on held-out cases first, so the fine-tuned model has a baseline to "
        "beat.",
        shows=lambda c: c.trains and c.answers.prompting_tried == "no",
    ),
    Caveat(
        id="measure-retrieval-latency",
        text="Retrieval takes a large share of the latency budget; measure it under load.",
        shows=lambda c: c.recommendation in ("rag", "hybrid") and latency_critical(c.answers),
    ),
    Caveat(
        id="no-payback",
        text="With the cost figures given, the trained option does not repay its one-off costs "
        f"within {MAX_PAYBACK // 12} years; the case for it rests on quality, latency, "
        "privacy or review time saved, not on token prices.",
        shows=lambda c: c.trains and c.payback.get(c.recommendation) is None,
    ),
)


def caveats_for(case: Case) -> list[str]:
    """The caveats a result shows, in table order."""
    return [caveat.text for caveat in CAVEATS if caveat.shows(case)]
