export NO_MKDOCS_2_WARNING := 1

# The two commands in the README: `make serve` and `make test`.
.PHONY: serve test setup setup-test lint pages

# Pages generated from the engine are committed; serve writes them first, test checks them.
serve: setup pages
	.venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test: setup-test lint
	.venv/bin/python -m calculator pages docs --mode check
	.venv/bin/python -m pytest

pages: setup
	.venv/bin/python -m calculator pages docs

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --with-browser --with-portals

lint:
	.venv/bin/ruff check .
	.venv/bin/mypy --strict calculator
	npx --no-install eslint .
