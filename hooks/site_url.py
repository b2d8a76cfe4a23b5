"""Refuse to build a site for publishing without the address it will be published at.

A build for publishing is any ``mkdocs build`` or ``mkdocs gh-deploy``: ``site_url`` comes from
the ``SITE_URL`` environment variable (see mkdocs.yml), and the canonical links, the sitemap and
the 404 page carry it. ``mkdocs serve`` (``make serve``) sets its own address before any hook
runs, so it needs none. Portals that drop hooks (Backstage TechDocs) build without one and then
publish no address at all rather than a wrong one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

__all__ = ["MESSAGE", "on_config"]

MESSAGE = (
    "site_url is not set. Set SITE_URL to the address the site will be published at, with its "
    "trailing slash, for example: SITE_URL=https://docs.example.com/guides/llm-choices/ "
    "mkdocs build --strict. For a local check use SITE_URL=http://127.0.0.1:8000/; "
    "`make serve` needs none."
)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Stop the build when neither SITE_URL nor `mkdocs serve` has given the site an address."""
    if not config.site_url:
        raise PluginError(MESSAGE)
    return config
