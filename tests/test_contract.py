"""calculator.contract: the one declaration of what the engine, pages and browser share.

The result and the replies match their TypedDicts key for key, every key says what it holds, the
browser's contract.js is the contract's rendering, and no page script spells a contract value
that it should import.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from calculator import contract, contract_js, recommend
from calculator.contract import (
    OPTION_TABLE,
    OPTIONS,
    OPTIONS_BY_ID,
    AnsweredQuestion,
    Assumption,
    BreakEven,
    ComputeReply,
    Economics,
    FieldError,
    Flip,
    Reason,
    Result,
    VolumePoint,
)
from calculator.webapi import compute, handle

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "docs" / "assets" / "calculator"
# Answers that give flips, assumptions, refused values and both trained options' figures.
ANSWERS = {"need": "both", "tone": "proprietary", "calls_per_day": 5000}


def keys(typed: Any) -> set[str]:
    return set(typed.__required_keys__)


def test_the_result_has_exactly_the_declared_keys() -> None:
    result = recommend(ANSWERS)
    assert set(result) == keys(Result)
    nested: list[tuple[Any, list[dict[str, Any]]]] = [
        (AnsweredQuestion, list(result["questions"])),
        (Reason, list(result["reasons"])),
        (Flip, list(result["flips"])),
        (Assumption, list(result["assumptions"])),
        (Economics, [dict(result["economics"])]),
        (BreakEven, [dict(result["break_even"])]),
        (VolumePoint, list(result["break_even"]["volumes"])),
    ]
    for typed, records in nested:
        assert records, f"no {typed.__name__} to check"
        for record in records:
            assert set(record) == keys(typed), typed.__name__


def test_the_compute_reply_has_the_declared_keys_with_and_without_pinned_answers() -> None:
    alone = compute({**{k: str(v) for k, v in ANSWERS.items()}, "calls_per_day": "-5"})
    assert set(alone) == keys(ComputeReply)
    assert set(alone["errors"][0]) == keys(FieldError)
    pinned = compute({"need": "behavior"}, pinned={"need": "knowledge"})
    assert set(pinned) == keys(ComputeReply) | ComputeReply.__optional_keys__


@pytest.mark.parametrize("kind", [kind for kind in contract.REQUEST_TYPES if kind != "init"])
def test_the_engine_answers_every_request_type_the_worker_forwards(kind: str) -> None:
    # The worker answers init itself and hands every other type to calculator.webapi.handle.
    reply = json.loads(handle(json.dumps({"type": kind, "payload": {"values": {}}})))
    assert reply


def test_every_typeddict_key_and_option_attribute_says_what_it_holds() -> None:
    tree = ast.parse((ROOT / "calculator" / "contract.py").read_text(encoding="utf-8"))
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    assert len(classes) > 10
    for cls in classes:
        body = cls.body[1:] if ast.get_docstring(cls) else cls.body
        for index, statement in enumerate(body):
            if not isinstance(statement, ast.AnnAssign):
                continue
            following = body[index + 1] if index + 1 < len(body) else None
            documented = (
                isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            )
            assert documented, f"{cls.name}.{ast.unparse(statement.target)} has no docstring"


def test_the_option_table_names_every_option_once() -> None:
    assert OPTIONS == tuple(option.id for option in OPTION_TABLE)
    assert len(set(OPTIONS)) == len(OPTIONS) and set(OPTIONS_BY_ID) == set(OPTIONS)
    assert sorted(option.tie_rank for option in OPTION_TABLE) == list(range(len(OPTIONS)))
    for option in OPTION_TABLE:
        assert all([option.short, option.name, option.title, option.in_sentence])
        # The short name labels a chart's line end beside the plot at phone width.
        assert len(option.short) <= 12 and ":" not in option.short
        assert option.in_sentence[0].islower() or option.in_sentence.startswith("RAG")
    assert set(contract.Option.__args__) == set(OPTIONS)


def test_every_option_id_in_the_scores_of_a_result() -> None:
    assert tuple(recommend({})["scores"]) == OPTIONS


def test_the_committed_module_is_the_rendering_of_the_contract() -> None:
    committed = (SCRIPTS / contract_js.FILE_NAME).read_text(encoding="utf-8")
    assert committed == contract_js.render(), (
        "docs/assets/calculator/contract.js is stale: run `python3 -m calculator pages docs`"
    )
    assert contract_js.render() == contract_js.render()


def test_the_module_exports_the_contract_to_javascript(node: str) -> None:
    # Node reads the module as the browser does; its exports must be the contract's values.
    module = (SCRIPTS / contract_js.FILE_NAME).as_uri()
    script = (f"const c = await import({json.dumps(module)});"
              "console.log(JSON.stringify({...c, frozen: Object.values(c).every("
              "(v) => typeof v !== 'object' || Object.isFrozen(v))}));")
    run = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True,
                         text=True, check=False, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    exported = json.loads(run.stdout)
    assert exported.pop("frozen") is True
    assert exported == json.loads(json.dumps(contract_js.exports()))


# Contract values the page's scripts must import rather than write out: steps, statuses,
# message types, element ids, data attributes and the hand-off symbol. (Result states are left
# out of the scan: "error" is also a DOM event's name.)
def _imported_values() -> set[str]:
    return {
        *contract.STEPS,
        *contract.STATUSES,
        *contract.MESSAGE_TYPES,
        contract.FAILED_REQUEST,
        *contract.PAGE_IDS.values(),
        *contract.RESULT_ATTRIBUTES.values(),
        *contract.STEP_ATTRIBUTES.values(),
        contract.EARLY_WORKER,
    }


# start.js is a classic script, run before any module can load, so it cannot import: it writes
# out exactly these values, and must agree with the contract about them.
_CLASSIC_SCRIPT = {"start.js": {"init", contract.EARLY_WORKER}}
# A comment or a string literal, whichever starts first, so that quotes in comments and "//" in
# strings are read for what they are.
_TOKEN = re.compile(r"""//[^\n]*|/\*.*?\*/|(["'`])((?:\\.|(?!\1).)*?)\1""", re.DOTALL)


def quoted_contract_values(source: str) -> set[str]:
    """Contract values written as a whole string literal in a script's code (not its comments)."""
    strings = {m.group(2) for m in _TOKEN.finditer(source) if m.group(1)}
    return strings & _imported_values()


def test_the_scan_finds_a_value_written_out() -> None:
    source = 'const a = document.getElementById("calc-result"); // "calc-note"\nx(`progress`);'
    assert quoted_contract_values(source) == {"calc-result", "progress"}


def test_no_page_script_writes_out_a_contract_value() -> None:
    scripts = sorted(p for p in SCRIPTS.glob("*.js") if p.name != contract_js.FILE_NAME)
    assert {p.name for p in scripts} >= {"app.js", "client.js", "glue.js", "start.js", "worker.js"}
    for script in scripts:
        found = quoted_contract_values(script.read_text(encoding="utf-8"))
        assert found == _CLASSIC_SCRIPT.get(script.name, set()), (
            f"{script.name} writes out {sorted(found)}: import them from contract.js"
        )
