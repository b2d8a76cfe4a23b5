"""The source's four questions, applied literally, and the facts the rules read from the answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .answers import Answers
from .contract import AnsweredQuestion, Verdict
from .formatting import percent, rounded

__all__ = [
    "CRITICAL_SHARE",
    "FAST_CHANGES",
    "QUESTIONS",
    "STABLE_CHANGES",
    "Question",
    "answer_questions",
    "knowledge_rate",
    "latency_critical",
    "verdict",
]

# Change rates at which knowledge counts as stable enough to train into weights.
STABLE_CHANGES = frozenset({"quarterly", "yearly", "static"})
# Change rates that a fine-tuning cycle (days to weeks per run) cannot keep up with.
FAST_CHANGES = frozenset({"realtime", "hourly", "daily", "weekly"})
# Retrieval is a material cost to latency once it takes this share of the budget.
CRITICAL_SHARE = 0.25


def latency_critical(answers: Answers) -> bool:
    """Question 3: a budget is set and the retrieval time given would use CRITICAL_SHARE of it."""
    budget = answers.latency_budget_ms
    overhead = answers.retrieval_overhead_ms
    return budget is not None and overhead is not None and overhead >= CRITICAL_SHARE * budget


def knowledge_rate(answers: Answers) -> str | None:
    """How often the knowledge changes, when there is knowledge and the reader said; else None.

    A behaviour-only gap has no knowledge to keep current, so its rate of change is never judged.
    """
    if answers.need == "behavior" or not answers.known("corpus_change"):
        return None
    return answers.corpus_change


@dataclass(frozen=True, kw_only=True, slots=True)
class Question:
    """One of the four framework questions and the answers that point it to fine-tuning."""

    id: str
    question: str
    points_when: str


QUESTIONS: tuple[Question, ...] = (
    Question(
        id="q1",
        question="Is the gap knowledge or behaviour?",
        points_when="the need is behaviour, or both behaviour and knowledge",
    ),
    Question(
        id="q2",
        question="Does the knowledge change often?",
        points_when="the knowledge changes quarterly or more slowly",
    ),
    Question(
        id="q3",
        question="Is latency critical for the product?",
        points_when=(
            "a latency budget is set and retrieval takes at least "
            f"{percent(CRITICAL_SHARE)} of it (250 ms of a 400 ms budget is critical; "
            "30 ms of 2,000 ms is not)"
        ),
    ),
    Question(
        id="q4",
        question="Must sensitive data stay out of a persistent index?",
        points_when="the data may not sit in a standing index",
    ),
)


def _q1(a: Answers) -> tuple[str, bool, str]:
    points = a.need in ("behavior", "both")
    if a.need == "knowledge":
        why = "The gap is facts, which retrieval supplies at query time."
    elif a.need == "behavior":
        why = "The gap is a way of answering, which training can make the default."
    else:
        why = "Part of the gap is a way of answering, which training can make the default."
    return a.need, points, why


def _q2(a: Answers) -> tuple[str, bool, str]:
    rate = knowledge_rate(a)
    if a.need == "behavior":
        return "not asked", False, "The gap is behaviour alone: no knowledge has to stay current."
    if rate is None:
        return "not given", False, "How often the knowledge changes was not given."
    points = rate in STABLE_CHANGES
    if points:
        why = "Knowledge this stable can be trained in without frequent retraining."
    else:
        why = "Knowledge that moves this often is cheaper to refresh in an index than in weights."
    return rate, points, why


def _q3(a: Answers) -> tuple[str, bool, str]:
    budget = a.latency_budget_ms
    overhead = a.retrieval_overhead_ms
    if budget is None:
        return "no budget", False, "Without a latency budget, retrieval time is not a constraint."
    if overhead is None:
        return (
            f"{rounded(budget)} ms budget, retrieval time not given",
            False,
            "Without the time retrieval adds, its share of the budget is unknown.",
        )
    if overhead >= budget:
        share_text = "all of it or more"
    else:
        share_text = percent(overhead / budget)
    answer = f"{rounded(overhead)} ms of {rounded(budget)} ms ({share_text})"
    if latency_critical(a):
        why = "Retrieval would take a material share of the budget on every request."
    else:
        why = "Retrieval fits inside the budget with room to spare."
    return answer, latency_critical(a), why


def _q4(a: Answers) -> tuple[str, bool, str]:
    points = a.sensitive_data == "no-persistent-index"
    if points:
        why = "A standing index of these documents is not allowed; weights avoid keeping one."
    else:
        why = "The documents may be indexed, so retrieval stays available."
    return a.sensitive_data, points, why


_ANSWERERS = (_q1, _q2, _q3, _q4)


def answer_questions(answers: Answers) -> list[AnsweredQuestion]:
    """The four questions as result records: id, question, answer, points_to_fine_tuning, why."""
    out: list[AnsweredQuestion] = []
    for question, answerer in zip(QUESTIONS, _ANSWERERS, strict=True):
        answer, points, why = answerer(answers)
        out.append(
            {
                "id": question.id,
                "question": question.question,
                "answer": answer,
                "points_to_fine_tuning": points,
                "why": why,
            }
        )
    return out


def verdict(questions: Sequence[AnsweredQuestion]) -> Verdict:
    """The source's rule: RAG unless at least one question points to fine-tuning."""
    if any(q["points_to_fine_tuning"] for q in questions):
        return "evaluate-fine-tuning"
    return "rag"
