"""Flips: the nearest single-field changes that alter the recommendation."""

from __future__ import annotations

from calculator import recommend
from calculator.answers import normalise
from calculator.fields import FIELDS_BY_NAME
from calculator.flips import _latency_edges, _order, candidates, find_flips
from calculator.scoring import decide


def test_candidates_of_a_choice_are_its_choices() -> None:
    assert candidates(FIELDS_BY_NAME["tone"]) == ("generic", "house-style", "proprietary")


def test_ordered_fields_are_searched_outwards_from_the_current_value() -> None:
    down, up = _order(FIELDS_BY_NAME["corpus_change"], "monthly")
    assert down == ("weekly", "daily", "hourly", "realtime")
    assert up == ("quarterly", "yearly", "static")


def test_off_ladder_numbers_sit_between_rungs() -> None:
    down, up = _order(FIELDS_BY_NAME["calls_per_day"], 750)
    assert down[0] == 500 and up[0] == 1000


def test_null_sits_at_the_end_of_its_ladder() -> None:
    down, up = _order(FIELDS_BY_NAME["latency_budget_ms"], None)
    assert up == () and down[0] == 10000


def test_unordered_fields_try_every_other_value() -> None:
    assert _order(FIELDS_BY_NAME["need"], "both") == (("knowledge",), ("behavior",))


def test_a_count_and_a_flag_of_equal_value_get_their_own_orders() -> None:
    # The cache behind _order must not confuse 1 with True or 1 with 1.0.
    calls = FIELDS_BY_NAME["calls_per_day"]
    assert _order(calls, 1)[0][0] == _order(calls, 1.0)[0][0] == 0
    assert _order(FIELDS_BY_NAME["can_fine_tune"], True) == ((False,), ())
    assert _order(FIELDS_BY_NAME["can_fine_tune"], False) == ((), (True,))


def test_few_examples_flip_at_the_threshold() -> None:
    answers = {"need": "behavior", "tone": "proprietary", "calls_per_day": 5000,
               "labeled_examples": 20}
    flips = find_flips(normalise(answers), "prompt-engineering")
    assert {"field": "labeled_examples", "value": 50, "recommendation": "fine-tuning"} in flips


def test_latency_flips_sit_just_past_question_3s_edge() -> None:
    # 250 ms of overhead is critical up to a 1,000 ms budget; a 400 ms budget stays critical
    # while retrieval takes 100 ms or more.
    answers = {"need": "knowledge", "corpus_change": "quarterly", "latency_budget_ms": 400,
               "retrieval_overhead_ms": 250, "calls_per_day": 20000, "labeled_examples": 1000}
    flips = {f["field"]: f for f in recommend(answers)["flips"]}
    assert flips["latency_budget_ms"] == {
        "field": "latency_budget_ms", "value": 1050, "recommendation": "rag",
    }
    assert flips["retrieval_overhead_ms"]["value"] == 90
    assert decide(normalise({**answers, "latency_budget_ms": 1000})) == "fine-tuning"
    assert decide(normalise({**answers, "retrieval_overhead_ms": 100})) == "fine-tuning"


def test_latency_edges_follow_the_other_answer() -> None:
    a = normalise({"latency_budget_ms": 2000, "retrieval_overhead_ms": 30})
    assert _latency_edges(a) == {"latency_budget_ms": (100, 150),
                                 "retrieval_overhead_ms": (490, 500)}
    assert _latency_edges(normalise({"retrieval_overhead_ms": 0})) == {}


def test_economics_fields_are_never_flipped() -> None:
    fields = {f["field"] for f in recommend({"need": "both"})["flips"]}
    assert not fields & {"prompt_tokens", "cache_hit_rate", "training_cost"}


# Run in a fresh interpreter: the option table is read when the engine's modules are imported, so
# the extra option goes in before any of them load (the package's __init__ is skipped for that).
_FIFTH_OPTION = r"""
import dataclasses, json, sys, types

package = types.ModuleType("calculator")
package.__path__ = [sys.argv[1]]
sys.modules["calculator"] = package

from calculator import contract

agent = contract.OptionInfo(id="agent", short="Agent", name="Agent", title="An agent",
                            in_sentence="an agent", tie_rank=len(contract.OPTION_TABLE))
contract.OPTION_TABLE = (*contract.OPTION_TABLE, agent)
contract.OPTIONS = (*contract.OPTIONS, agent.id)
contract.OPTIONS_BY_ID[agent.id] = agent
contract.TIE_ORDER = (*contract.TIE_ORDER, agent.id)

from calculator import rules

# A rule that makes the fifth option win whenever the gap is behaviour alone.
rules.RULES = (*rules.RULES, dataclasses.replace(
    rules.RULES[0], id="agent-for-behaviour", applies=lambda a: a.need == "behavior",
    reads=("need",), effects=((agent.id, 50.0),), excludes=()))

from calculator.answers import normalise
from calculator.flips import find_flips
from calculator.scoring import decide

out = {}
for need in ("knowledge", "behavior"):
    answers = normalise({"need": need})
    out[need] = {"recommendation": decide(answers),
                 "flips": find_flips(answers, decide(answers))}
print(json.dumps(out))
"""


def test_flips_work_for_a_fifth_option() -> None:
    import json
    import subprocess
    import sys
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "calculator"
    run = subprocess.run([sys.executable, "-c", _FIFTH_OPTION, str(package)],
                         capture_output=True, text=True, check=False, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout)
    knowledge, behaviour = out["knowledge"], out["behavior"]
    assert behaviour["recommendation"] == "agent"
    assert knowledge["recommendation"] != "agent"
    # The search reaches the fifth option from elsewhere, and leaves it by the same field.
    assert {"field": "need", "value": "behavior", "recommendation": "agent"} in knowledge["flips"]
    away = [f for f in behaviour["flips"] if f["field"] == "need"]
    assert away and all(f["recommendation"] != "agent" for f in away)
