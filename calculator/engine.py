"""recommend(): answers in, a complete JSON-ready result out."""

from __future__ import annotations

from collections.abc import Mapping

from .answers import Answers
from .assumptions import assumptions
from .breakeven import break_even, not_worked_out
from .caveats import Case, caveats_for
from .contract import AnsweredQuestion, Economics, Reason, Result
from .economics import TRAINED, estimate
from .errors import AnswersNotObjectError
from .fields import FIELDS
from .flips import find_flips
from .framework import answer_questions, verdict
from .patterns import match_patterns
from .rules import OPTIONS, RULES, Rule
from .scoring import Scored, score

__all__ = ["recommend", "recommend_answers"]

_INDEX: dict[str, int] = {option: i for i, option in enumerate(OPTIONS)}


def recommend(answers: Mapping[str, object], *, with_break_even: bool = True) -> Result:
    """Validate the answers and return the result; raise the first AnswerError found."""
    if not isinstance(answers, Mapping):
        raise AnswersNotObjectError(answers)
    return recommend_answers(Answers.from_dict(answers), with_break_even=with_break_even)


def recommend_answers(a: Answers, *, with_break_even: bool = True) -> Result:
    """The result for answers that are already validated.

    ``with_break_even=False`` leaves the break-even figures out (``break_even`` then holds none):
    they are the costliest part, and the page shows them a moment after the rest."""
    scored = score(a)
    rec = scored.recommendation
    questions = answer_questions(a)
    economics = _rule_out_payback(estimate(a), scored)
    scores = _scores(scored)
    return {
        "recommendation": rec,
        "framework_verdict": verdict(questions),
        "questions": questions,
        "patterns": match_patterns(a),
        "scores": scores,
        "confidence": _confidence(scored, scores),
        "reasons": _reasons(scored),
        "flips": find_flips(a, rec),
        "caveats": _caveats(a, scored, questions, economics),
        "economics": economics,
        "break_even": break_even(a) if with_break_even else not_worked_out(),
        "answers": a.to_dict(),
        "runner_up": scored.runner_up,
        "only_option_left": scored.runner_up is None,
        "given": [f.name for f in FIELDS if a.given is None or f.name in a.given],
        "assumptions": assumptions(a),
    }


def _rule_out_payback(economics: Economics, scored: Scored) -> Economics:
    """No payback figure for a trained option the rules ruled out; the note says which rule."""
    payback = economics["payback_months"]
    notes = economics["payback_note"]
    for option in TRAINED:
        why = "; ".join(r.title.lower() for r in scored.applied if option in r.excludes)
        if why:
            payback[option] = None
            notes[option] = f"No payback figure: the option is ruled out ({why})."
    return economics


def _scores(scored: Scored) -> dict[str, float]:
    # Points above the weakest option still in play, so every lead the rules give shows (a floor
    # at zero would hide a lead between two options below it); a ruled-out option scores zero.
    live = [raw for option, raw in zip(OPTIONS, scored.raw, strict=True)
            if option not in scored.excluded]
    weakest = min(live)
    return {
        option: 0.0 if option in scored.excluded else round(raw - weakest, 4)
        for option, raw in zip(OPTIONS, scored.raw, strict=True)
    }


def _confidence(scored: Scored, scores: dict[str, float]) -> float:
    rec = scored.recommendation
    if scored.runner_up is None:
        value = 1.0
    else:
        # The lead the reader sees in the scores.
        margin = scores[rec] - scores[scored.runner_up]
        # 0.5 on a tie, rising towards 1 as the lead grows; a two-point lead gives 0.75.
        value = 0.5 + 0.5 * margin / (margin + 2)
    for rule in scored.applied:
        if rec in rule.confidence_for:
            value *= rule.confidence
    return round(value, 4)


def _weight(rule: Rule, scored: Scored) -> tuple[int, float, float, float]:
    """Sort key: decisive exclusions first, then the rules that did most for the winner's lead."""
    rec = scored.recommendation
    rec_raw = scored.raw[_INDEX[rec]]
    # A rule that ruled out an option which would otherwise have won decided the result.
    decisive = any(scored.raw[_INDEX[o]] >= rec_raw for o in rule.excludes)
    deltas = dict(rule.effects)
    on_rec = deltas.get(rec, 0.0)
    on_runner = deltas.get(scored.runner_up, 0.0) if scored.runner_up else 0.0
    total = sum(abs(d) for d in deltas.values())
    return (0 if decisive else 1, -(on_rec - on_runner), -abs(on_rec), -total)


def _reasons(scored: Scored) -> list[Reason]:
    ranked = sorted(
        enumerate(scored.applied), key=lambda pair: (*_weight(pair[1], scored), pair[0])
    )
    reasons: list[Reason] = []
    for _, rule in ranked:
        base = _REASONS[rule.id]
        # Fresh containers, so that a caller changing one result cannot change the next.
        reasons.append(
            {**base, "points": dict(base["points"]), "excludes": list(base["excludes"]),
             "confidence": dict(base["confidence"])}
        )
    return reasons


def _reason(rule: Rule) -> Reason:
    return {
        "rule": rule.id,
        "effect": rule.effect_text(),
        "text": rule.reason,
        "source": rule.source,
        # The effect as data as well as words, so readers that weigh the reasons (the decision
        # record does) need not look the rule up again.
        "title": rule.title,
        "points": {option: float(delta) for option, delta in rule.effects},
        "excludes": list(rule.excludes),
        "confidence": dict.fromkeys(rule.confidence_for, rule.confidence),
    }


# A reason depends on its rule alone, so each is worked out once.
_REASONS = {rule.id: _reason(rule) for rule in RULES}


def _caveats(
    a: Answers,
    scored: Scored,
    questions: list[AnsweredQuestion],
    economics: Economics,
) -> list[str]:
    return caveats_for(
        Case(
            answers=a,
            recommendation=scored.recommendation,
            applied=frozenset(rule.id for rule in scored.applied),
            last_resort=scored.last_resort,
            framework_verdict=verdict(questions),
            payback=economics["payback_months"],
        )
    )
