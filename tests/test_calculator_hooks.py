"""The two calculator hooks, called directly, and what they leave in the built site."""

from __future__ import annotations

import html
import json
import re
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from calculator.fields import FIELDS, GROUPS
from calculator.webapi import compute, query_text
from tests.support.hooks import load_hook

ROOT = Path(__file__).resolve().parent.parent
assets = load_hook("pyodide_assets")
page_hook = load_hook("calculator_page")


@pytest.fixture(scope="module")
def config() -> Any:
    loaded = load_config(str(ROOT / "mkdocs.yml"))
    # File.generated() records which plugin made a file; MkDocs sets this while running events.
    loaded.plugins._current_plugin = "test"
    return loaded


def test_only_the_needed_pyodide_files_and_the_engine_are_added(config: Any) -> None:
    files = assets.on_files(Files([]), config=config)
    version = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
    uris = sorted(f.src_uri for f in files)
    engine = [uri for uri in uris if uri.startswith("assets/calculator/engine-")]
    assert len(engine) == 1
    assert re.fullmatch(r"assets/calculator/engine-[0-9a-f]{12}\.zip", engine[0])
    assert sorted(set(uris) - set(engine)) == sorted([
        *(f"assets/pyodide/{version}/{name}"
          for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")),
        "assets/calculator/contract.js",
    ])


def test_the_build_writes_the_contract_module_over_the_committed_copy(config: Any) -> None:
    from mkdocs.structure.files import File

    from calculator import contract_js

    stale = File.generated(config, "assets/calculator/contract.js", content="// stale\n")
    files = assets.on_files(Files([stale]), config=config)
    written = [f for f in files if f.src_uri == "assets/calculator/contract.js"]
    assert len(written) == 1
    assert written[0].content_string == contract_js.render()


def test_engine_archive_is_reproducible_and_holds_the_package() -> None:
    first, second = assets.engine_archive(ROOT), assets.engine_archive(ROOT)
    assert first == second
    names = zipfile.ZipFile(BytesIO(first)).namelist()
    assert {"calculator/__init__.py", "calculator/webapi.py", "calculator/form_text.py",
            "calculator/result_view.py", "calculator/charts.py", "calculator/tree.py",
            "calculator/labels.py"} <= set(names)
    assert all(name.endswith(".py") and "__pycache__" not in name for name in names)


def test_engine_name_follows_the_sources(tmp_path: Path) -> None:
    package = tmp_path / "calculator"
    package.mkdir()
    (package / "__init__.py").write_text("A = 1\n")
    before = assets.engine_name(assets.engine_archive(tmp_path))
    (package / "__init__.py").write_text("A = 2\n")
    assert assets.engine_name(assets.engine_archive(tmp_path)) != before


def test_missing_pyodide_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match=r"lacks pyodide\.mjs.*scripts/setup\.sh"):
        assets.pyodide_source(tmp_path)


def escape_text(text: str) -> str:
    """Text content as the build escapes it (quotes need no escaping outside attributes)."""
    return html.escape(text, quote=False)


def _form(pyodide: str = "p/", engine: str = "e.zip") -> str:
    return str(page_hook.tree_html(page_hook.form_element(pyodide=pyodide, engine=engine)))


def test_form_has_one_labelled_control_per_engine_field() -> None:
    form = _form(pyodide="../pyodide/1/", engine="engine-x.zip")
    for field in FIELDS:
        name = field.name
        assert len(re.findall(rf'\bname="{name}"', form)) == 1, name
        assert f'<label for="calc-{name}">{escape_text(field.label)}</label>' in form
        assert f'id="calc-{name}-help">{escape_text(field.help)}</p>' in form
        if field.unit:
            assert f'id="calc-{name}-unit">{escape_text(field.unit)}</span>' in form
        else:
            assert f'id="calc-{name}-unit"' not in form
    legends = re.findall(r"<legend>(.*?)</legend>", form)
    assert legends == [escape_text(group.title) for group in GROUPS]
    assert re.search(r"<details[^>]*><summary>Economics</summary>", form)
    assert 'data-pyodide="../pyodide/1/"' in form and 'data-engine="engine-x.zip"' in form


def test_controls_follow_the_field_kind() -> None:
    form = _form()
    for field in FIELDS:
        control = re.search(rf'<(input|select) id="calc-{field.name}"[^>]*>', form)
        assert control, field.name
        if field.kind == "choice":
            assert control.group(1) == "select", field.name
        elif field.kind == "bool":
            assert 'type="checkbox"' in control.group(0), field.name
        else:
            attrs = dict(re.findall(r'([a-z-]+)="([^"]*)"', control.group(0)))
            assert attrs["type"] == "number" and attrs["step"] == (
                "1" if field.kind == "int" else "any"
            ), field.name
            assert attrs.get("min") == _bound(field.minimum), field.name
            assert attrs.get("max") == _bound(field.maximum), field.name
            # What an empty (null) answer stands for, shown before the reader types.
            assert attrs.get("placeholder") == (field.null_means or None), field.name


def _bound(value: float | None) -> str | None:
    return None if value is None else query_text(value)


def test_defaults_are_selected_in_the_form() -> None:
    form = _form()
    assert '<option value="knowledge" selected>' in form
    assert re.search(r'name="calls_per_day"[^>]*value="1000"', form)
    assert re.search(r'name="can_fine_tune"[^>]*checked', form)
    assert re.search(r'name="citations_required"(?![^>]*checked)[^>]*>', form)


def test_tree_html_escapes_text_and_attributes() -> None:
    tree = ("p", {"title": '"><script>'}, ["<img src=x onerror=alert(1)>", ("b", {}, ["&"])])
    assert page_hook.tree_html(tree) == (
        '<p title="&quot;&gt;&lt;script&gt;">&lt;img src=x onerror=alert(1)&gt;<b>&amp;</b></p>'
    )


def test_void_elements_have_no_end_tag_and_bare_attributes_no_value() -> None:
    tree = ("p", {}, [("input", {"disabled": "", "value": 'a"b'}, []), "x"])
    assert page_hook.tree_html(tree) == '<p><input disabled value="a&quot;b">x</p>'
    with pytest.raises(ValueError, match=r"<br> is a void element and cannot hold \['x'\]"):
        page_hook.tree_html(("br", {}, ["x"]))


def test_prerendered_result_carries_the_default_answer() -> None:
    computed = compute({})
    result = page_hook.result_html(computed)
    assert 'data-state="prerendered"' in result
    assert f'data-recommendation="{computed["recommendation"]}"' in result
    assert 'aria-live="polite"' in result
    assert page_hook.tree_html(computed["view"]) in result
    for step in ("Download the Python runtime", "Start Python", "Load the calculator engine"):
        assert step in result


class _Page:
    def __init__(self, src_uri: str) -> None:
        self.file = type("F", (), {"src_uri": src_uri})()
        self.url = src_uri.removesuffix(".md") + "/"


def test_other_pages_pass_through_and_markers_are_required(config: Any) -> None:
    files = assets.on_files(Files([]), config=config)
    text = "<p>x</p>"
    assert page_hook.on_page_content(text, page=_Page("glossary.md"), config=config,
                                     files=files) == text
    with pytest.raises(PluginError, match="calculator:form"):
        page_hook.on_page_content(text, page=_Page("calculator.md"), config=config, files=files)
    both = f"{page_hook.FORM_MARKER}\n{page_hook.RESULT_MARKER}"
    built = page_hook.on_page_content(both, page=_Page("calculator.md"), config=config,
                                      files=files)
    assert 'id="calc-form"' in built and 'id="calc-result"' in built
    assert re.search(r'data-pyodide="\.\./pyodide/[^"/]+/"', built)
    assert re.search(r'data-engine="engine-[0-9a-f]{12}\.zip"', built)
    assert "<script" not in built


def test_the_head_starts_the_engine_before_the_theme_loads(config: Any) -> None:
    files = assets.on_files(Files([]), config=config)
    both = f"{page_hook.FORM_MARKER}\n{page_hook.RESULT_MARKER}"
    content = page_hook.on_page_content(both, page=_Page("calculator.md"), config=config,
                                        files=files)
    head = '<head><meta charset="utf-8"><link rel="stylesheet" href="../main.css">'
    output = page_hook.on_post_page(f"<html>{head}</head><body>{content}</body></html>",
                                    page=_Page("calculator.md"), config=config)
    form = re.search(r'data-pyodide="([^"]+)" data-engine="([^"]+)"', content)
    assert form
    # An external classic script (never inline, so a strict CSP allows it) with the form's
    # paths, ahead of the first stylesheet; the module it imports is preloaded beside it.
    start = (
        f'<script src="../assets/calculator/start.js" data-pyodide="{form.group(1)}" '
        f'data-engine="{form.group(2)}"></script>'
        '<link rel="modulepreload" href="../assets/calculator/client.js">'
    )
    assert f'<meta charset="utf-8">{start}<link rel="stylesheet"' in output
    assert output.count("start.js") == 1
    glossary = "<head><link rel=\"stylesheet\"></head>"
    assert page_hook.on_post_page(glossary, page=_Page("glossary.md"), config=config) == glossary
    with pytest.raises(PluginError, match="lacks the calculator's form"):
        page_hook.on_post_page("<head></head>", page=_Page("calculator.md"), config=config)


def test_built_site(site_dir: Path) -> None:
    calculator = (site_dir / "calculator" / "index.html").read_text(encoding="utf-8")
    assert calculator.count('id="calc-form"') == 1 and calculator.count('id="calc-result"') == 1
    assert "calculator:form" not in calculator and "calculator:result" not in calculator
    engine = re.search(r'data-engine="([^"]+)"', calculator)
    pyodide = re.search(r'data-pyodide="([^"]+)"', calculator)
    assert engine and pyodide
    head = calculator[: calculator.index("</head>")]
    assert re.search(r'<script src="\.\./assets/calculator/start\.js" data-pyodide="[^"]+" '
                     r'data-engine="[^"]+"></script>', head)
    scripts = site_dir / "assets" / "calculator"
    assert (scripts / engine.group(1)).is_file()
    assert (scripts / pyodide.group(1) / "pyodide.asm.wasm").is_file()
    vendored = sorted(p.name for p in (site_dir / "assets" / "pyodide").rglob("*") if p.is_file())
    assert vendored == sorted(assets.PYODIDE_FILES)
    # Guidance pages reference the glue script only, never Pyodide or the engine.
    glossary = (site_dir / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "assets/calculator/glue.js" in glossary
    assert "pyodide" not in glossary.lower() and "engine-" not in glossary
