# The README's commands. `make site` builds the site from the bundled archive;
# `make test` runs every test. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LINTED := converter sitesearch tests scripts benchmarks tools hooks
# The configuration `make site` builds with, and the site's address for the converter
# (the feed) when it is not mkdocs.yml's site_url; `make preview` sets both.
MKDOCS_CONFIG ?= mkdocs.yml
SITE_URL ?=
# Read by the shell from the environment, never pasted into the command as text.
export SITE_URL

.PHONY: site convert build offline test quick golden clean serve links bench preview zensical lock

site: build

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Every dependency at the version and with the hashes of requirements/*.txt (locked from
# pyproject.toml: README, Security); then the project itself, over them, with neither
# dependencies nor a build environment fetched on the side.
$(VENV)/.site: pyproject.toml requirements/site.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/site.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test: pyproject.toml requirements/test.txt $(VENV)/.site
	$(BIN)/pip install --quiet --require-hashes -r requirements/test.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The benchmark's own tools (the `bench` extra: jieba, Pagefind) over the test venv;
# the test suite runs the benchmark's quick mode, so `make test` and `make quick` use it.
$(VENV)/.bench: pyproject.toml requirements/bench.txt $(VENV)/.test
	$(BIN)/pip install --quiet --require-hashes -r requirements/bench.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# requirements/*.txt again from pyproject.toml, every version and hash (pip-tools, in a
# venv of its own). Dependabot proposes the same updates as pull requests.
PIP_TOOLS ?= pip-tools==7.6.2
LOCK := pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --build-deps-for=editable
lock:
	$(PYTHON) -m venv .cache/lock
	.cache/lock/bin/pip install --quiet '$(PIP_TOOLS)'
	.cache/lock/bin/$(LOCK) --extra site -o requirements/site.txt pyproject.toml
	.cache/lock/bin/$(LOCK) --extra site --extra test -o requirements/test.txt pyproject.toml
	.cache/lock/bin/$(LOCK) --extra site --extra test --extra bench -o requirements/bench.txt pyproject.toml

# The converter lists archive/ itself: the exports' names never become shell text, and
# a name that is not YYYY-MM.txt is refused, saying so.
convert: $(VENV)/.site
	$(BIN)/python -m converter convert archive --out docs --jobs 0 $(if $(SITE_URL),--site-url "$$SITE_URL")

# `mkdocs build --strict` and the search index (`python -m sitesearch`), side by side:
# the index reads docs/, not the built pages (tools/build.py).
build: convert
	$(BIN)/python -m tools.build -f $(MKDOCS_CONFIG) --site-dir site

# The downloadable edition: dist/bulletin-offline.zip, opened from index.html (file://).
offline: convert
	$(BIN)/python -m tools.build -f mkdocs.offline.yml --site-dir site-offline
	$(BIN)/python scripts/make_zip.py site-offline dist/bulletin-offline.zip bulletin-offline

# Internal links and anchors of the built site (run after `make site`; CI does).
links: $(VENV)/.test
	$(BIN)/python scripts/check_links.py site

# A pull request's preview (CI, `make preview PR=12`): the site as `make site` builds
# it, addressed under pr/12/ of the Pages site, its "edit this page" links on the pull
# request's branch (GITHUB_HEAD_REF). mkdocs.preview.yml inherits mkdocs.yml.
preview: $(VENV)/.site
	test -n "$(PR)" || { echo "make preview needs PR=<pull request number>"; exit 2; }
	url="$$($(BIN)/python -m scripts.preview config --number '$(PR)' --out mkdocs.preview.yml)" \
		&& $(MAKE) build MKDOCS_CONFIG=mkdocs.preview.yml SITE_URL="$$url"

# docs/ (converted as `make site` does) built by Zensical, pinned in pyproject.toml: every
# page there with its meta line, tables and footnotes (tests/test_zensical.py, which
# builds the converted sample too; its search test, in Chromium, is left to `make test`).
zensical: convert $(VENV)/.test
	$(BIN)/pytest tests/test_zensical.py -m "not browser"

# Editors' preview: rebuilds only the pages that changed (at 240 issues an edit shows
# in about 3 s; the first build takes the full build's time). Search needs `make site`.
serve: convert
	$(BIN)/mkdocs serve --dirty

test: $(VENV)/.bench
	bash scripts/ensure-browser
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	$(BIN)/pytest

# The edit-test loop: lint, types and the tests that neither build the site, start
# Chromium nor convert full-size exports (pytest markers). `make test` runs them all.
quick: $(VENV)/.bench
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	$(BIN)/pytest -m "not site and not browser and not slow"

# Performance at archive scale: N synthetic issues per size; writes
# benchmarks/results.json and BENCHMARKS.md (takes about half an hour at the default sizes).
# The bare Material baseline is built twice: without jieba (in .cache/bench-bare, a venv
# of requirements/site.txt alone that the benchmark makes: the verdict) and with it
# (this venv, for reference).
BENCH_SIZES ?= 12 120 240
bench: $(VENV)/.bench
	bash scripts/ensure-browser
	$(BIN)/python -m benchmarks.run --sizes $(BENCH_SIZES)

# Regenerate the golden Markdown of the sample issue and the expected output of the
# behaviour cases (tests/cases/); review the diff before committing.
golden: $(VENV)/.site
	$(BIN)/python -m tests.golden
	$(BIN)/python -m tests.cases

clean:
	rm -rf site site-offline .site.build .site-offline.build dist .cache .pytest_cache .mypy_cache .ruff_cache mkdocs.preview.yml
