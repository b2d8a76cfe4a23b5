"""`python3 -m calculator`: formats, the schema, and one clear line for each kind of bad input."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculator import input_schema, recommend, to_adr, to_markdown

ROOT = Path(__file__).resolve().parent.parent
PROPRIETARY = {"need": "behavior", "tone": "proprietary", "calls_per_day": 5000,
               "labeled_examples": 2000}


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "calculator", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_recommend_reads_stdin_and_prints_json() -> None:
    proc = run("recommend", stdin=json.dumps(PROPRIETARY))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert json.loads(proc.stdout) == recommend(PROPRIETARY)


def test_recommend_reads_a_file(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(PROPRIETARY), encoding="utf-8")
    proc = run("recommend", "--answers", str(answers))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["recommendation"] == "fine-tuning"


def test_empty_input_means_all_defaults() -> None:
    proc = run("recommend", stdin="")
    assert json.loads(proc.stdout) == recommend({})


@pytest.mark.parametrize(("fmt", "render"), [("markdown", to_markdown), ("adr", to_adr)])
def test_text_formats_match_the_library(fmt: str, render: object) -> None:
    proc = run("recommend", "--format", fmt, stdin=json.dumps(PROPRIETARY))
    assert proc.returncode == 0, proc.stderr
    assert callable(render)
    assert proc.stdout == render(recommend(PROPRIETARY))


def test_schema_prints_the_input_schema() -> None:
    proc = run("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == input_schema()


def _other_pythons() -> list[str]:
    """CPython 3.11 or later interpreters on this machine besides the one running the tests."""
    found = set()
    for pattern in ("/usr/bin/python3.1[1-9]", "/root/.pyenv/versions/3.1[1-9]*/bin/python3"):
        found.update(str(p) for p in Path("/").glob(pattern.lstrip("/")))
    return sorted(found)


def test_runs_from_a_fresh_copy_without_installing(tmp_path: Path) -> None:
    # Only the package directory, outside the repository and its virtual environment.
    copy = tmp_path / "clone"
    shutil.copytree(ROOT / "calculator", copy / "calculator")
    proc = subprocess.run(
        ["/usr/bin/python3", "-s", "-E", "-m", "calculator", "recommend"],
        input="{}", capture_output=True, text=True, cwd=copy, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["recommendation"] == "rag"


@pytest.mark.parametrize("python", _other_pythons())
def test_every_python_gives_the_same_json(python: str, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "calculator", tmp_path / "calculator")
    answers = json.dumps({"need": "both", "corpus_change": "daily", "latency_budget_ms": 700.5,
                          "calls_per_day": 4321, "labeled_examples": 150, "cache_hit_rate": 0.37})
    proc = subprocess.run(
        [python, "-s", "-E", "-m", "calculator", "recommend"],
        input=answers, capture_output=True, text=True, cwd=tmp_path, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == run("recommend", stdin=answers).stdout


def test_output_does_not_depend_on_the_hash_seed() -> None:
    answers = json.dumps({"need": "both", "corpus_change": "daily", "citations_required": True})
    outputs = {
        run("recommend", stdin=answers, env={"PYTHONHASHSEED": seed}).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1


BAD_INPUT = [
    pytest.param(
        '{"need": "facts"}',
        "need: expected one of 'knowledge', 'behavior', 'both'; got 'facts'",
        id="value-not-allowed",
    ),
    pytest.param(
        '{"tones": "proprietary"}',
        "tones: unknown field; expected a field among 'need', 'corpus_change', ",
        id="unknown-field",
    ),
    pytest.param(
        '{"calls_per_day": "many"}',
        "calls_per_day: expected an integer from 0 to 1000000000; got 'many'",
        id="wrong-type",
    ),
    pytest.param(
        '{"calls_per_day": -5}',
        "calls_per_day: expected an integer from 0 to 1000000000; got -5",
        id="out-of-range",
    ),
    pytest.param(
        '{"latency_budget_ms": 0}',
        "latency_budget_ms: expected a number > 0 and <= 3600000 or null; got 0",
        id="exclusive-minimum",
    ),
    pytest.param(
        '{"labeled_examples": 12.5}',
        "labeled_examples: expected an integer from 0 to 1000000000; got 12.5",
        id="fraction-for-a-count",
    ),
    pytest.param(
        '{"citations_required": "yes"}',
        "citations_required: expected true or false; got 'yes'",
        id="string-for-a-boolean",
    ),
    pytest.param(
        '{"calls_per_day": true}',
        "calls_per_day: expected an integer from 0 to 1000000000; got true",
        id="boolean-for-a-count",
    ),
    pytest.param(
        '{"cache_hit_rate": 1.5}',
        "cache_hit_rate: expected a number from 0 to 1; got 1.5",
        id="above-maximum",
    ),
    pytest.param(
        '{"tone": null}',
        "tone: expected one of 'generic', 'house-style', 'proprietary'; got null",
        id="null-not-allowed",
    ),
    pytest.param(
        '{"need": "behavior",\n "tone": "proprietary",,}',
        "answers: invalid JSON at line 2, column 24: Expecting property name enclosed in double "
        "quotes; expected a JSON object of answers",
        id="invalid-json",
    ),
    pytest.param(
        '["need", "behavior"]',
        "answers: expected an object of answers such as {\"need\": \"behavior\"}; got a list",
        id="list-not-object",
    ),
    pytest.param(
        '"behavior"',
        "answers: expected an object of answers such as {\"need\": \"behavior\"}; got 'behavior'",
        id="string-not-object",
    ),
    pytest.param(
        '{"calls_per_day": NaN}',
        "calls_per_day: expected an integer from 0 to 1000000000; got NaN",
        id="not-a-number",
    ),
    pytest.param(
        '{"latency_budget_ms": -Infinity}',
        "latency_budget_ms: expected a number > 0 and <= 3600000 or null; got -Infinity",
        id="minus-infinity-as-written",
    ),
    pytest.param(
        '{"retrieval_overhead_ms": 1e999}',
        "retrieval_overhead_ms: expected a number from 0 to 3600000 or null; got 1e999",
        id="overflowing-number-as-written",
    ),
    pytest.param(
        '{"calls_per_day": ' + "7" * 5000 + "}",
        "calls_per_day: expected an integer from 0 to 1000000000; got 77777777777777777777... "
        "(a number of 5,000 characters)",
        id="integer-of-thousands-of-digits",
    ),
    pytest.param(
        '{"need": ' + "[" * 5000 + "]" * 5000 + "}",
        "need: expected one of 'knowledge', 'behavior', 'both'; got a value nested thousands of "
        "levels deep",
        id="nested-thousands-deep",
    ),
    pytest.param(
        "[" * 5000 + "]" * 5000,
        "answers: expected an object of answers such as {\"need\": \"behavior\"}; got a value "
        "nested thousands of levels deep",
        id="answers-nested-thousands-deep",
    ),
    pytest.param(
        '{"tone": "house\\nstyle\\u001b[31m"}',
        "tone: expected one of 'generic', 'house-style', 'proprietary'; "
        "got 'house\\nstyle\\x1b[31m'",
        id="newline-and-escape-escaped",
    ),
    pytest.param(
        json.dumps({"need": "k" * 10_000_000}),
        "need: expected one of 'knowledge', 'behavior', 'both'; got '" + "k" * 60
        + "... (10,000,000 characters)'",
        id="ten-megabyte-string",
    ),
    pytest.param(
        '{"need": "knowledge", "tone": "generic", "need": "behavior"}',
        "need: given twice; expected each field once; got 'knowledge' and then 'behavior'",
        id="duplicate-key",
    ),
    pytest.param(
        json.dumps({f"unknown_{i}": i for i in range(300_000)}),
        "unknown_0: unknown field; expected a field among 'need', ",
        id="300000-unknown-keys",
    ),
]


@pytest.mark.parametrize(("stdin", "message"), BAD_INPUT)
def test_bad_input_exits_2_with_one_line(stdin: str, message: str) -> None:
    proc = run("recommend", stdin=stdin)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr[:500]
    assert lines[0].startswith(message)
    assert "Traceback" not in proc.stderr
    # The value as shown never takes more than about 80 characters of the line.
    if "; got " in lines[0]:
        assert len(lines[0].rsplit("; got ", 1)[1]) <= 100


def test_reading_stops_at_the_first_unknown_key() -> None:
    # Anything after the first unknown key is never read: here, text that is not JSON at all.
    proc = run("recommend", stdin='{"unknown_0": 1, "need": ' + "]" * 100_000)
    assert proc.returncode == 2
    assert proc.stderr.startswith("unknown_0: unknown field;")


def test_answers_dash_reads_standard_input() -> None:
    proc = run("recommend", "--answers", "-", stdin=json.dumps(PROPRIETARY))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == recommend(PROPRIETARY)


def test_input_that_is_not_utf8_is_one_line() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "calculator", "recommend", "--answers", "-"],
        input=b'{"need": "\xff"}', capture_output=True, cwd=ROOT, check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith("--answers: cannot read standard input: ")
    assert proc.stderr.count(b"\n") == 1


def test_schema_into_a_reader_that_stops_early_ends_quietly() -> None:
    proc = subprocess.run(
        f"{shlex.quote(sys.executable)} -m calculator schema | head -1",
        shell=True, capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert proc.stdout == "{\n"
    assert proc.stderr == ""


def test_site_url_puts_the_calculator_link_in_the_record() -> None:
    proc = run("recommend", "--format", "adr", "--site-url", "https://guide.example/llm/",
               stdin=json.dumps(PROPRIETARY))
    assert proc.returncode == 0, proc.stderr
    assert (
        "<https://guide.example/llm/calculator/?need=behavior&calls_per_day=5000"
        "&tone=proprietary&labeled_examples=2000>"
    ) in proc.stdout


def test_unknown_field_lists_every_allowed_field() -> None:
    proc = run("recommend", stdin='{"tones": "proprietary"}')
    assert "'can_fine_tune'" in proc.stderr
    assert proc.stderr.rstrip().endswith("got 'proprietary'")


def test_missing_answers_file_is_one_line(tmp_path: Path) -> None:
    proc = run("recommend", "--answers", str(tmp_path / "nope.json"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "nope.json" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unknown_format_is_a_usage_error() -> None:
    proc = run("recommend", "--format", "yaml", stdin="{}")
    assert proc.returncode == 2
    assert "invalid choice: 'yaml'" in proc.stderr
    assert "Traceback" not in proc.stderr
