"""Properties that hold for every valid set of answers (hypothesis).

The ten laws of the engine come first, one test each (law 6 has one per quantity); they run under
the settings profile loaded in conftest.py, 2,000 cases each in CI.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import PATTERN_IDS, recommend, to_adr, to_markdown, validate
from calculator.answers import Answers
from calculator.assumptions import assumptions
from calculator.cache_costs import CacheTerms, billed_prefix_share
from calculator.economics import TRAINED, estimate, priced
from calculator.fields import FIELDS, FIELDS_BY_NAME
from calculator.flips import _latency_edges, _order
from calculator.patterns import match_patterns
from calculator.rules import LARGE_CORPUS, MIN_EXAMPLES, OPTIONS, RULES
from calculator.scoring import decide, score
from tests.support.answers import answers_strategy, value_strategy

CHANGE_RATES = FIELDS_BY_NAME["corpus_change"].choices  # fastest first
RETRIEVAL = {"rag", "hybrid"}
RESULT_KEYS = {
    "recommendation", "framework_verdict", "questions", "patterns", "scores", "confidence",
    "reasons", "flips", "caveats", "economics", "break_even", "answers", "runner_up",
    "only_option_left", "given", "assumptions",
}
KNOWLEDGE = st.sampled_from(("knowledge", "both"))
# Answers that can change the recommendation; the economics fields never do (see the last test).
decisions = answers_strategy(economics=False)

# Checks that are not laws: a few hundred cases each.
PROPERTY = settings(max_examples=300, deadline=None)


def test_the_laws_run_at_least_2000_cases_each() -> None:
    # The profile conftest.py loads; a quicker one may be chosen by hand, never by CI.
    assert settings().max_examples >= 2000 or settings._current_profile == "dev"


def _given(answers: dict[str, Any], **changes: Any) -> Answers:
    return Answers.from_dict({**answers, **changes})


def _fine_tuning_points(answers: dict[str, Any], **changes: Any) -> tuple[float, str]:
    """Fine-tuning's score as the result shows it (zero when ruled out), and the answer."""
    scored = score(_given(answers, **changes))
    points = scored.raw[OPTIONS.index("fine-tuning")]
    shown = 0.0 if "fine-tuning" in scored.excluded else max(points, 0.0)
    return shown, scored.recommendation


# Law 1: no index, no retrieval.
@given(decisions)
def test_law_1_no_persistent_index_never_yields_retrieval(answers: dict[str, Any]) -> None:
    a = _given(answers, sensitive_data="no-persistent-index")
    assert decide(a) not in RETRIEVAL
    assert "sensitive-data" in match_patterns(a)


# Law 2: access rights and citations need retrieval.
@given(decisions, KNOWLEDGE, st.sampled_from(("citations_required", "per_user_access")))
def test_law_2_citations_or_rights_never_yield_fine_tuning_alone(
    answers: dict[str, Any], need: str, flag: str
) -> None:
    assert decide(_given(answers, need=need, **{flag: True})) != "fine-tuning"


# Law 3: no route, no tuning, and no payback figure for it.
@given(answers_strategy())
def test_law_3_no_route_no_tuning_and_no_payback(answers: dict[str, Any]) -> None:
    result = recommend({**answers, "can_fine_tune": False})
    assert result["recommendation"] not in TRAINED
    economics = result["economics"]
    for option in TRAINED:
        assert economics["payback_months"][option] is None
        assert "no way to fine-tune" in economics["payback_note"][option]


# Law 4: too few examples.
@given(decisions, st.integers(0, MIN_EXAMPLES - 1))
def test_law_4_too_few_examples_never_yield_training(
    answers: dict[str, Any], examples: int
) -> None:
    assert decide(_given(answers, labeled_examples=examples)) not in TRAINED


# Law 5: unanswered is unknown, not a fact.
@given(answers_strategy(), st.data())
def test_law_5_a_field_left_out_never_counts(answers: dict[str, Any], data: Any) -> None:
    """What a result holds against an option, or a pattern it names, holds whatever the fields
    left out turn out to be; the result names each default it used."""
    left_out = [f for f in FIELDS if f.name not in answers and f.name != "need"]
    completion = data.draw(answers_strategy(fields=left_out))
    a = Answers.from_dict(answers)
    completed = Answers.from_dict({**answers, **completion})
    applied = {rule.id for rule in score(a).applied} - {"baseline"}
    later = {rule.id for rule in score(completed).applied}
    # "Try prompting first" waits for a pattern; only a pattern the new answers trigger lifts it.
    if "prompting-first" in applied - later:
        assert match_patterns(completed)
        applied.discard("prompting-first")
    assert applied <= later
    assert set(match_patterns(a)) <= set(match_patterns(completed))
    result = recommend(answers)
    assert result["given"] == [f.name for f in FIELDS if f.name in answers]
    assumed = {entry["field"] for entry in result["assumptions"]}
    assert assumed.isdisjoint(answers)
    if "calls_per_day" not in answers:
        assert any("Assumed 1,000 calls a day" in e["text"] for e in result["assumptions"])


@given(decisions, st.sampled_from(CHANGE_RATES), st.sampled_from(CHANGE_RATES))
def test_law_5_a_behaviour_gap_is_not_judged_on_its_knowledge(
    answers: dict[str, Any], one: str, other: str
) -> None:
    first = score(_given(answers, need="behavior", corpus_change=one))
    second = score(_given(answers, need="behavior", corpus_change=other))
    assert first == second
    adr = to_adr(recommend({**answers, "need": "behavior", "corpus_change": one}))
    assert not re.search(r"changes ({})".format("|".join(CHANGE_RATES)), adr)


# Law 6: monotone where the world is monotone.
def _size(tokens: int | None) -> float:
    return math.inf if tokens is None else tokens


corpus_sizes = value_strategy(FIELDS_BY_NAME["corpus_tokens"])


@given(decisions, corpus_sizes, corpus_sizes)
def test_law_6_a_larger_corpus_never_moves_the_answer_to_prompting(
    answers: dict[str, Any], one: int | None, other: int | None
) -> None:
    smaller, larger = sorted((one, other), key=_size)
    large = score(_given(answers, corpus_tokens=larger))
    only_left = large.runner_up is None
    if large.recommendation == "prompt-engineering" and not only_left:
        assert decide(_given(answers, corpus_tokens=smaller)) == "prompt-engineering"
    # Knowledge beyond a prompt is never prompted, unless every other option is ruled out.
    if answers.get("need", "knowledge") != "behavior" and _size(larger) > LARGE_CORPUS:
        assert large.recommendation != "prompt-engineering" or only_left


@given(decisions, st.integers(0, 10**6), st.integers(0, 10**6))
def test_law_6_more_calls_never_move_fine_tuning_down(
    answers: dict[str, Any], one: int, other: int
) -> None:
    low, high = sorted((one, other))
    fewer, fewer_rec = _fine_tuning_points(answers, calls_per_day=low)
    more, more_rec = _fine_tuning_points(answers, calls_per_day=high)
    assert more >= fewer
    if fewer_rec == "fine-tuning":
        assert more_rec == "fine-tuning"


@given(decisions, st.sampled_from(CHANGE_RATES), st.sampled_from(CHANGE_RATES))
def test_law_6_faster_knowledge_never_moves_fine_tuning_up(
    answers: dict[str, Any], one: str, other: str
) -> None:
    faster, slower = sorted((one, other), key=CHANGE_RATES.index)
    fast, fast_rec = _fine_tuning_points(answers, corpus_change=faster)
    slow, slow_rec = _fine_tuning_points(answers, corpus_change=slower)
    assert fast <= slow
    if fast_rec == "fine-tuning":
        assert slow_rec == "fine-tuning"


budgets = value_strategy(FIELDS_BY_NAME["latency_budget_ms"])


@given(decisions, budgets, budgets)
def test_law_6_a_tighter_budget_never_moves_fine_tuning_down(
    answers: dict[str, Any], one: float | None, other: float | None
) -> None:
    tight, loose = sorted((one, other), key=lambda b: math.inf if b is None else b)
    tighter, tighter_rec = _fine_tuning_points(answers, latency_budget_ms=tight)
    looser, looser_rec = _fine_tuning_points(answers, latency_budget_ms=loose)
    assert tighter >= looser
    if looser_rec == "fine-tuning":
        assert tighter_rec == "fine-tuning"


# Law 7: honest numbers.
_CLAIMS_PAYBACK = re.compile(r"\b(can repay|repays|pays back|repay the training)\b")
_DENIES_PAYBACK = re.compile(r"\b(never repay|never pays|does not repay|never pay)\b")


@given(answers_strategy())
def test_law_7_numbers_and_words_agree(answers: dict[str, Any]) -> None:
    result = recommend(answers)
    rec, runner = result["recommendation"], result["runner_up"]
    scores = result["scores"]
    if runner is None:
        assert result["only_option_left"]
        assert len([o for o in OPTIONS if o != rec and scores[o] == 0]) == 3
        adr, markdown = to_adr(result), to_markdown(result)
        assert "It is the only option left" in adr and "a confidence of" not in adr
        assert "The only option left" in markdown and "- Confidence:" not in markdown
    else:
        assert not result["only_option_left"]
        assert scores[rec] >= scores[runner]
        if scores[rec] == scores[runner]:
            assert result["confidence"] <= 0.5
    # No reason or caveat claims a payback the economics deny, or denies one they show.
    if rec in TRAINED:
        texts = [r["text"] for r in result["reasons"]] + result["caveats"]
        payback = result["economics"]["payback_months"][rec]
        wrong = _CLAIMS_PAYBACK if payback is None else _DENIES_PAYBACK
        assert not any(wrong.search(text) for text in texts), texts
    for flip in result["flips"]:
        changed = decide(_given(answers, **{flip["field"]: flip["value"]}))
        assert changed == flip["recommendation"] != rec


# Law 8: prompting first for behaviour.
@given(decisions, st.sampled_from(("behavior", "both")), st.sampled_from(
    ("no", "fell-short", "good-enough")
))
def test_law_8_prompting_comes_first(answers: dict[str, Any], need: str, tried: str) -> None:
    result = recommend({**answers, "need": need, "prompting_tried": tried})
    rec = result["recommendation"]
    if tried == "good-enough":
        assert rec not in TRAINED
        if need == "behavior":
            assert rec == "prompt-engineering"
    if tried == "no" and not result["patterns"]:
        assert rec not in TRAINED
        assert any("held out" in c and "target" in c for c in result["caveats"])
    if tried == "no" and rec in TRAINED:
        assert any("has not been tried" in c for c in result["caveats"])
    # Unknown is neutral: saying so changes nothing but the record of what was given.
    unknown = score(_given(answers, need=need, prompting_tried="unknown"))
    silent = {k: v for k, v in answers.items() if k != "prompting_tried"}
    assert unknown == score(_given(silent, need=need))


# Law 9: economics that add up.
@given(answers_strategy(), st.integers(1, 10_000), st.floats(1, 1e5))
def test_law_9_economics_add_up(answers: dict[str, Any], extra: int, training: float) -> None:
    a = Answers.from_dict(answers)
    economics = estimate(a)
    # The first training run is counted once: over a year, runs = 1 + one per cadence after it.
    cheap = estimate(_given(answers, training_cost=0))["first_year_cost"]
    dear = estimate(_given(answers, training_cost=training))["first_year_cost"]
    every = a.retrain_every_months
    runs = 1 + (11 // every if every else 0)
    for option in TRAINED:
        assert math.isclose(dear[option], cheap[option] + runs * training, rel_tol=1e-9,
                            abs_tol=0.02)
    assert dear["rag"] == cheap["rag"]
    # Prompting a knowledge need carries the knowledge, or the part of it that fits, in the
    # cached prefix, which is cached only from the minimum and may pay a write surcharge.
    p = priced(a)
    terms = CacheTerms(minimum_tokens=p.cache_minimum_tokens, read_multiplier=1 - p.cache_discount,
                       write_multiplier=p.cache_write_multiplier, fact_ids=())

    def fixed(tokens: float) -> float:
        return tokens * billed_prefix_share(tokens, p.cache_hit_rate, terms)

    batch = 1 - p.batch_share * p.batch_discount
    price = p.input_price_per_mtok / 1e6 * batch
    if a.need != "behavior":
        carried = LARGE_CORPUS if a.corpus_tokens is None else min(a.corpus_tokens, LARGE_CORPUS)
        behaviour = estimate(_given(answers, need="behavior"))
        with_knowledge = economics["cost_per_1000_calls"]["prompt-engineering"]
        without = behaviour["cost_per_1000_calls"]["prompt-engineering"]
        added = fixed(p.prompt_tokens + carried) - fixed(p.prompt_tokens)
        assert math.isclose(with_knowledge, without + added * price * 1000,
                            rel_tol=1e-9, abs_tol=1e-3)
    # Fine-tuning never shortens the reader's own input: every option pays for all of it.
    extra = min(extra, 10_000_000 - a.request_tokens)
    more = estimate(_given(answers, request_tokens=a.request_tokens + extra))
    tuned = (p.fine_tuned_input_price_per_mtok if p.fine_tuned_input_price_per_mtok is not None
             else p.fine_tuned_price_factor * p.input_price_per_mtok) / 1e6 * batch
    for option in OPTIONS:
        per_token = tuned if option in TRAINED else price
        before = economics["cost_per_1000_calls"][option]
        assert math.isclose(more["cost_per_1000_calls"][option],
                            before + extra * per_token * 1000, rel_tol=1e-9, abs_tol=1e-3)
    # Every figure states its assumptions, the defaults among them.
    stated = " ".join(economics["assumptions"])
    assert f"{a.calls_per_day:,} a day" in stated
    assert f"{a.prompt_tokens:,} instruction tokens" in stated
    assert f"{a.request_tokens:,} tokens of the reader's own input" in stated
    assert "first training run" in stated
    defaulted = {f.name for f in FIELDS if f.group == "economics" and f.name not in answers}
    assert defaulted <= {entry["field"] for entry in assumptions(a)}


# Law 10: a record a reviewer would sign.
_SECTIONS = ("### Confirmation", "## Caveats", "## When to Revisit", "## Assumptions")


@given(answers_strategy(), st.sampled_from((None, "https://guide.example/docs/")))
def test_law_10_the_record_fits_the_case(answers: dict[str, Any], site: str | None) -> None:
    result = recommend(answers)
    text = to_adr(result, site_url=site)
    a = Answers.from_dict(answers)
    body = text.split("## More Information")[0]
    title = text.split("\n# ", 1)[1].split("\n", 1)[0]
    assert "give the model what it lacks" not in title
    assert all(section in body for section in _SECTIONS)
    confirmation = body.split("### Confirmation")[1].split("\n## ")[0]
    assert re.search(r"\d", confirmation) and ("measur" in confirmation)
    # No sentence that contradicts the case.
    if a.need == "behavior":
        assert not re.search(r"knowledge (changes|does not change)", body)
        assert "stale" not in body and "facts trained" not in body.lower()
    if not a.citations_required:
        assert "can cite" not in body and "citation" not in confirmation
    assert "because of this rule" not in body and not re.search(r"\([+-]\d", body)
    assert not re.search(r"changes static|changes realtime", body)
    # The whole command, input included, reproduces the record; the link carries the answers.
    command = text.split("```sh\n")[1].split("\n```")[0]
    assert command.startswith("python3 -m calculator recommend --format adr --answers - <<'EOF'")
    embedded = json.loads(command.split("\n", 1)[1].rsplit("\nEOF", 1)[0])
    assert embedded == answers
    assert recommend(embedded) == result
    if site:
        assert f"<{site}calculator/" in text
    else:
        assert "calculator/?" not in text


# Checks on the shape of every result.
@PROPERTY
@given(answers_strategy())
def test_any_valid_answers_give_a_valid_result(answers: dict[str, Any]) -> None:
    assert validate(answers) == []
    result = recommend(answers)
    assert RESULT_KEYS <= result.keys()
    assert result["recommendation"] in OPTIONS
    assert result["framework_verdict"] in ("rag", "evaluate-fine-tuning")
    assert [q["id"] for q in result["questions"]] == ["q1", "q2", "q3", "q4"]
    assert all(isinstance(q["points_to_fine_tuning"], bool) for q in result["questions"])
    assert result["framework_verdict"] == (
        "evaluate-fine-tuning"
        if any(q["points_to_fine_tuning"] for q in result["questions"])
        else "rag"
    )
    assert result["patterns"] == [p for p in PATTERN_IDS if p in result["patterns"]]
    assert list(result["scores"]) == list(OPTIONS)
    assert all(score >= 0 for score in result["scores"].values())
    assert 0 <= result["confidence"] <= 1
    assert {r["rule"] for r in result["reasons"]} <= {rule.id for rule in RULES}
    assert all(r["text"] and r["source"] and r["effect"] for r in result["reasons"])
    assert result["answers"] == {**Answers.from_dict({}).to_dict(), **answers}
    # JSON-ready: survives a strict round trip unchanged.
    assert json.loads(json.dumps(result, allow_nan=False)) == result
    assert to_markdown(result).startswith("# Recommendation: ")
    assert "## Pros and Cons of the Options" in to_adr(result)


@PROPERTY
@given(answers_strategy())
def test_the_reasons_account_for_the_scores(answers: dict[str, Any]) -> None:
    # The effects each reason carries, added up, give the scores, the options ruled out and the
    # ceiling on the confidence, with no look-up in the rule table.
    result = recommend(answers)
    reasons = result["reasons"]
    totals = {o: math.fsum(r["points"].get(o, 0.0) for r in reasons) for o in OPTIONS}
    ruled_out = {o for r in reasons for o in r["excludes"]}
    if ruled_out == set(OPTIONS):
        ruled_out.discard("prompt-engineering")
    live = [o for o in OPTIONS if o not in ruled_out]
    floor = min(totals[o] for o in live)
    assert result["scores"] == {
        o: 0.0 if o in ruled_out else round(totals[o] - floor, 4) for o in OPTIONS
    }
    assert result["recommendation"] in live
    assert result["scores"][result["recommendation"]] == max(result["scores"][o] for o in live)
    ceiling = math.prod(r["confidence"].get(result["recommendation"], 1.0) for r in reasons)
    assert result["confidence"] <= ceiling
    assert all(set(r["points"]) | set(r["excludes"]) | set(r["confidence"]) <= set(OPTIONS)
               for r in reasons)


@PROPERTY
@given(answers_strategy())
def test_a_pattern_rule_applies_exactly_when_its_pattern_matches(answers: dict[str, Any]) -> None:
    a = Answers.from_dict(answers)
    matched = set(match_patterns(a))
    assert {rule.pattern for rule in RULES if rule.pattern and rule.applies(a)} == matched


@PROPERTY
@given(answers_strategy())
def test_citations_never_move_the_answer_away_from_retrieval(answers: dict[str, Any]) -> None:
    without = recommend({**answers, "citations_required": False})
    if without["recommendation"] in RETRIEVAL:
        assert recommend({**answers, "citations_required": True})["recommendation"] in RETRIEVAL


@PROPERTY
@given(answers_strategy())
def test_flips_are_the_nearest_change_on_each_side(answers: dict[str, Any]) -> None:
    a = Answers.from_dict(answers)
    rec = decide(a)
    flips = {(f["field"], json.dumps(f["value"])) for f in recommend(answers)["flips"]}
    edges = _latency_edges(a)
    for field in FIELDS:
        if not field.flips:
            continue
        for side in _order(field, getattr(a, field.name), edges.get(field.name, ())):
            for value in side:
                changes = decide(Answers.from_dict({**answers, field.name: value})) != rec
                # Values before the first change are not flips; the first change is reported.
                assert ((field.name, json.dumps(value)) in flips) == changes
                if changes:
                    break


@PROPERTY
@given(answers_strategy(), st.data())
def test_rules_read_only_the_fields_they_declare(answers: dict[str, Any], data: Any) -> None:
    a = Answers.from_dict(answers)
    field = data.draw(st.sampled_from(FIELDS))
    other = Answers.from_dict({**answers, field.name: data.draw(value_strategy(field))})
    for rule in RULES:
        if field.name not in rule.reads:
            assert rule.applies(a) == rule.applies(other), (rule.id, field.name)


@PROPERTY
@given(answers_strategy())
def test_economics_fields_never_change_the_recommendation(answers: dict[str, Any]) -> None:
    economics = {f.name for f in FIELDS if f.group == "economics"}
    core = {k: v for k, v in answers.items() if k not in economics}
    assert recommend(answers)["recommendation"] == recommend(core)["recommendation"]
