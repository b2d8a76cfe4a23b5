export NO_MKDOCS_2_WARNING := 1

# The two commands in the README: `make serve` and `make test`.
.PHONY: serve test setup setup-test lint pages js-test

# Pages generated from the engine are committed; serve writes them first, test checks them.
serve: setup pages
	.venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test: setup-test lint js-test
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
	.venv/bin/mypy --strict calculator hooks
	npx --no-install eslint .

# The browser code's unit tests, on Node's own runner. A glob that matches no file fails (Node
# cannot find it). Node reports a file that holds no test as one passing test named by its path,
# so the TAP copy is checked for such entries and for at least one pass.
JS_TAP := test-artifacts/node-tests.tap
js-test:
	mkdir -p $(dir $(JS_TAP))
	node --test --test-timeout=60000 \
		--test-reporter=spec --test-reporter-destination=stdout \
		--test-reporter=tap --test-reporter-destination=$(JS_TAP) tests/js/*.test.mjs
	@if grep '^# Subtest: /' $(JS_TAP) >&2; then echo "js-test: the files above hold no test" >&2; exit 1; fi
	@grep -q '^# pass [1-9]' $(JS_TAP) || { echo "js-test: no JavaScript test ran" >&2; exit 1; }
