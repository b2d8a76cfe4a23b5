"""hooks/site_url.py: a build for publishing states its address; `mkdocs serve` needs none."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from tests.conftest import ROOT
from tests.support.hooks import load_hook

hook = load_hook("site_url")


def _config(site_url: str | None) -> MkDocsConfig:
    config = MkDocsConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    config.load_dict({"site_name": "Test", "site_url": site_url})
    errors, _ = config.validate()
    assert not errors, errors
    return config


def test_a_config_without_an_address_is_refused() -> None:
    with pytest.raises(PluginError, match=r"site_url is not set\. Set SITE_URL to the address"):
        hook.on_config(_config(None))
    config = _config("https://docs.example.com/guide/")
    assert hook.on_config(config) is config


def test_a_build_without_site_url_fails_saying_how_to_set_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 1
    assert "SITE_URL=https://docs.example.com/guides/llm-choices/ mkdocs build" in proc.stderr
    assert "`make serve` needs none" in proc.stderr
    assert not (tmp_path / "index.html").exists()


def test_serve_gives_the_site_its_own_address() -> None:
    """What makes `make serve` work without SITE_URL: MkDocs sets site_url before any hook."""
    import inspect

    from mkdocs.commands import serve

    source = inspect.getsource(serve.serve)
    assert source.index("config.site_url = serve_url") < source.index("build(config")
