"""Price presets: register figures fill what the reader left out; an organisation's win."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import presets
from calculator.answers import Answers, normalise
from calculator.docs import inputs_page
from calculator.economics import estimate, priced
from calculator.facts import FACTS_BY_ID, OVERRIDES_FILE, FactError
from calculator.fields import FIELDS, FIELDS_BY_NAME
from tests.support.answers import answers_strategy
from tests.support.hooks import load_hook

ROOT = Path(__file__).resolve().parent.parent
ECONOMICS = [f for f in FIELDS if f.group == "economics"]
OVERRIDES = {
    "organisation": "Example Corp",
    "facts": {"hosted-api-input-price": {"value": "1.60", "note": "negotiated rate"}},
}


@pytest.fixture
def organisation() -> Iterator[None]:
    presets.set_overrides(json.dumps(OVERRIDES))
    yield
    presets.set_overrides(None)


def test_every_preset_names_real_fields_and_facts_with_numbers() -> None:
    assert set(presets.PRESETS) == set(FIELDS_BY_NAME["price_preset"].choices) - {"none"}
    for name, figures in presets.PRESETS.items():
        for figure in figures:
            assert FIELDS_BY_NAME[figure.field].group == "economics", (name, figure.field)
            if figure.fact:
                assert figure.fact in FACTS_BY_ID
            else:
                assert figure.reason
        values = presets.preset_figures(name)
        # Every figure is a valid answer for its field.
        normalise({field: value for field, (value, _, _) in values.items()
                   if FIELDS_BY_NAME[field].kind != "int"})


def test_the_hosted_preset_reads_the_register() -> None:
    a = priced(normalise({"price_preset": "hosted-api"}))
    assert (a.input_price_per_mtok, a.output_price_per_mtok) == (2.0, 8.0)
    assert a.cache_discount == pytest.approx(0.75)
    assert a.cache_minimum_tokens == 1024 and isinstance(a.cache_minimum_tokens, int)
    stated = " ".join(estimate(normalise({"price_preset": "hosted-api"}))["assumptions"])
    assert "(hosted-api-input-price, register, secondary, checked 2 Dec 2026)" in stated
    assert "(openai-ft-gpt4o-price, register, unconfirmed, an illustrative figure" in stated


@given(answers_strategy(fields=ECONOMICS), st.sampled_from(tuple(presets.PRESETS)))
def test_a_figure_the_reader_gives_always_wins(answers: dict[str, Any], preset: str) -> None:
    a = Answers.from_dict({**answers, "price_preset": preset})
    filled = priced(a)
    for name, value in answers.items():
        if name != "price_preset":
            assert getattr(filled, name) == value, name
    # A record built in code states every field, so no preset fills anything.
    whole = Answers(**{**a.to_dict(), "price_preset": preset})
    assert priced(whole) == whole


def test_an_organisations_figure_reaches_the_engine_marked_as_its_own(organisation: None) -> None:
    e = estimate(normalise({"price_preset": "hosted-api", "need": "behavior"}))
    stated = " ".join(e["assumptions"])
    assert "input price 1.6 from '1.60'" in stated
    assert "your organisation's figure (Example Corp; public figure: $2.00 per million" in stated
    assert priced(normalise({"price_preset": "open-weights"})).input_price_per_mtok == 1.6
    # Its own answer still wins over its organisation's figure.
    assert priced(normalise({"price_preset": "hosted-api", "input_price_per_mtok": 3})
                  ).input_price_per_mtok == 3


def test_an_organisations_figure_shows_on_the_generated_inputs_page(organisation: None) -> None:
    page = inputs_page()
    assert "Example Corp's overrides file" in page
    assert ("| `input_price_per_mtok` | 1.6 | [1.60](../facts.md#hosted-api-input-price), "
            "**your organisation** (Example Corp; public figure: $2.00 per million input "
            "tokens)") in page


def test_without_overrides_the_page_shows_public_figures() -> None:
    page = inputs_page()
    assert "**your organisation**" not in page and "overrides file and replace" not in page
    assert "| `input_price_per_mtok` | 2 | [$2.00 per million input tokens]" in page


def _copy_with_overrides(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "calculator", tmp_path / "calculator",
                    ignore=shutil.ignore_patterns("__pycache__", "organisation_overrides.py"))
    (tmp_path / OVERRIDES_FILE).write_text(json.dumps(OVERRIDES), encoding="utf-8")
    return tmp_path


def test_the_command_line_engine_reads_the_repositorys_overrides_file(tmp_path: Path) -> None:
    root = _copy_with_overrides(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "calculator", "recommend"],
        input=json.dumps({"price_preset": "hosted-api"}), capture_output=True, text=True,
        cwd=root, check=True, timeout=60,
    )
    stated = " ".join(json.loads(proc.stdout)["economics"]["assumptions"])
    assert "your organisation's figure (Example Corp" in stated


def test_the_site_build_ships_the_overrides_to_the_browser_engine(tmp_path: Path) -> None:
    assets = load_hook("pyodide_assets")
    assert assets.OVERRIDES_FILE == OVERRIDES_FILE
    archive = zipfile.ZipFile(BytesIO(assets.engine_archive(_copy_with_overrides(tmp_path))))
    module: dict[str, Any] = {}
    exec(archive.read("calculator/organisation_overrides.py").decode(), module)
    assert json.loads(module["OVERRIDES_JSON"]) == OVERRIDES
    plain = zipfile.ZipFile(BytesIO(assets.engine_archive(ROOT)))
    assert "calculator/organisation_overrides.py" not in plain.namelist()


RUN = """
import json
from calculator.economics import estimate
from calculator.answers import normalise


def run(text):
    return json.dumps([estimate(normalise(case))["assumptions"] for case in json.loads(text)])
"""


@pytest.mark.node
def test_the_browser_engine_uses_the_organisations_figure(node: str, tmp_path: Path) -> None:
    assets = load_hook("pyodide_assets")
    root = _copy_with_overrides(tmp_path / "repo")
    library = assets.compiled_engine(assets.engine_archive(root), ROOT / "node_modules" / "pyodide",
                                     node=node, cache=None)
    engine, script = tmp_path / "engine.zip", tmp_path / "run.py"
    cases, output = tmp_path / "cases.json", tmp_path / "out.json"
    engine.write_bytes(library)
    script.write_text(RUN, encoding="utf-8")
    cases.write_text(json.dumps([{"price_preset": "hosted-api"}]), encoding="utf-8")
    proc = subprocess.run(
        [node, str(ROOT / "tests" / "support" / "pyodide_parity.mjs"),
         str(ROOT / "node_modules" / "pyodide"), str(engine), str(script), str(cases),
         str(output)],
        capture_output=True, text=True, timeout=900, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (stated,) = json.loads(output.read_text(encoding="utf-8"))
    assert "your organisation's figure (Example Corp" in " ".join(stated)


def test_an_organisations_figure_out_of_range_names_the_fact() -> None:
    bad = {"organisation": "Example Corp",
           "facts": {"hosted-api-cache-discount": {"value": "150% off"}}}
    presets.set_overrides(json.dumps(bad))
    try:
        with pytest.raises(FactError, match=r"fact 'hosted-api-cache-discount': expected a number "
                           r"from 0 to 1 for cache_discount \(the figure times 0.01\); got "
                           r"'150% off'"):
            presets.preset_figures("hosted-api")
    finally:
        presets.set_overrides(None)
