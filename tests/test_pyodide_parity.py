"""The engine inside Pyodide (Node, from node_modules) gives the same JSON as under CPython."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path
from typing import Any

import pytest

from calculator import input_schema
from calculator.patterns import PATTERNS
from tests.support import parity
from tests.support.hooks import load_hook

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "tests" / "support"
GOLDEN = ROOT / "tests" / "golden"
GENERATED = 250
SEED = 20261125

# Hand-picked corners beyond the patterns' own examples.
CORNERS: list[dict[str, object]] = [
    {},
    {"need": "behavior", "tone": "proprietary", "calls_per_day": 5000, "labeled_examples": 10},
    {"need": "both", "corpus_change": "daily", "calls_per_day": 40000, "labeled_examples": 800},
    {"need": "behavior", "can_fine_tune": False, "labeled_examples": 2000},
    {"sensitive_data": "no-persistent-index", "corpus_change": "realtime"},
    {"citations_required": True, "per_user_access": True, "need": "both"},
    {"corpus_tokens": 20000, "calls_per_day": 50, "need": "knowledge"},
    {"latency_budget_ms": 400, "retrieval_overhead_ms": 250, "calls_per_day": 100000},
    {"latency_budget_ms": 0.5, "retrieval_overhead_ms": 0, "cache_hit_rate": 1,
     "cache_discount": 1},
    {"calls_per_day": 0, "retrain_every_months": 0, "hosting_monthly_cost": 1e6},
]


def golden_cases() -> list[dict[str, object]]:
    """The engine's golden cases (tests/golden), each pattern's example answers, the corners."""
    golden = [
        json.loads(path.read_text(encoding="utf-8"))["answers"]
        for path in sorted(GOLDEN.glob("*.json"))
    ]
    return golden + [dict(pattern.example_answers) for pattern in PATTERNS] + CORNERS


def _number(rng: random.Random, prop: dict[str, Any], integer: bool) -> object:
    low = float(prop.get("minimum", prop.get("exclusiveMinimum", 0)))
    high = float(prop.get("maximum", 10 ** rng.randint(1, 7)))
    value = rng.choice([low, high, rng.uniform(low, high), round(rng.uniform(low, high), 2)])
    if integer:
        value = int(value)
    if "exclusiveMinimum" in prop and value <= prop["exclusiveMinimum"]:
        value = prop["exclusiveMinimum"] + 1
    return value


def generated_cases(count: int, seed: int = SEED) -> list[dict[str, object]]:
    """Valid answer sets drawn from the schema: each field left out half the time."""
    rng = random.Random(seed)
    properties = input_schema()["properties"]
    assert isinstance(properties, dict)
    cases = []
    for _ in range(count):
        answers: dict[str, object] = {}
        for name, prop in properties.items():
            if rng.random() < 0.5:
                continue
            kinds = set(prop["type"]) if isinstance(prop["type"], list) else {prop["type"]}
            if "null" in kinds and rng.random() < 0.2:
                answers[name] = None
            elif "enum" in prop:
                answers[name] = rng.choice(prop["enum"])
            elif "boolean" in kinds:
                answers[name] = rng.random() < 0.5
            else:
                answers[name] = _number(rng, prop, "integer" in kinds)
        cases.append(answers)
    return cases


def test_golden_cases_are_there() -> None:
    assert len(list(GOLDEN.glob("*.json"))) >= 8, "the engine's golden cases are missing"


def test_generated_cases_are_valid_and_varied() -> None:
    from calculator import recommend, validate

    cases = generated_cases(GENERATED)
    assert all(validate(case) == [] for case in cases)
    assert len({json.dumps(case, sort_keys=True) for case in cases}) == GENERATED
    outcomes = {recommend(case)["recommendation"] for case in cases}
    assert len(outcomes) >= 3, outcomes


@pytest.mark.node
def test_pyodide_returns_the_same_json_as_cpython(node: str, tmp_path: Path) -> None:
    golden, generated = golden_cases(), generated_cases(GENERATED)
    cases = golden + generated
    cases_file, output = tmp_path / "cases.json", tmp_path / "pyodide.json"
    cases_file.write_text(json.dumps(cases), encoding="utf-8")
    assets = load_hook("pyodide_assets")
    engine = tmp_path / "engine.zip"
    # The archive the site ships: the engine compiled to bytecode by this same Pyodide.
    engine.write_bytes(assets.engine_for_site(ROOT))
    proc = subprocess.run(
        [node, str(SUPPORT / "pyodide_parity.mjs"), str(ROOT / "node_modules" / "pyodide"),
         str(engine), str(SUPPORT / "parity.py"), str(cases_file), str(output)],
        capture_output=True, text=True, timeout=900, check=False,
    )
    # Node prints the whole minified line around an error; keep what a reader can use.
    assert proc.returncode == 0, "\n".join(line[:300] for line in proc.stderr.splitlines()[-30:])
    versions = json.loads(proc.stdout.strip().splitlines()[-1])
    in_pyodide = json.loads(output.read_text(encoding="utf-8"))
    in_cpython = json.loads(parity.run(json.dumps(cases)))
    assert len(in_pyodide) == len(in_cpython) == len(cases)
    for index, (got, expected) in enumerate(zip(in_pyodide, in_cpython, strict=True)):
        for key in expected:
            assert got[key] == expected[key], (
                f"case {index} ({json.dumps(cases[index])}): '{key}' differs in Pyodide"
            )
    files = len(list(GOLDEN.glob("*.json")))
    print(
        f"\nparity: {len(cases)} answer sets identical ({files} golden files, "
        f"{len(golden) - files} pattern examples and corners, {len(generated)} generated; "
        f"result, ADR, Markdown and page reply; Python {versions['python']} in Pyodide "
        f"{versions['pyodide']})"
    )
