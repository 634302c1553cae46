# The two commands of the README: `make run` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The console and GraphiQL (web/): dependencies from the lock file, then a build whenever a
# source, the config, the lock file or README.md (GraphiQL's example tabs) changed.
WEB_MODULES := web/node_modules/.package-lock.json
WEB_DIST := web/dist/index.html
WEB_SOURCES := $(shell find web/src -type f 2>/dev/null) web/index.html web/graphiql.html \
	web/vite.config.js web/package.json README.md

.PHONY: run test lint bench schema neo4j-start neo4j-stop clean web chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(WEB_MODULES): web/package-lock.json web/package.json
	cd web && npm ci --no-audit --no-fund
	touch $(WEB_MODULES)

$(WEB_DIST): $(WEB_MODULES) $(WEB_SOURCES)
	cd web && npm run build
	touch $(WEB_DIST)

web: $(WEB_DIST)

# The browser tests drive Debian's Chromium (Playwright cannot download its own browsers here),
# with CJK fonts so that screenshots show the Chinese labels. Failure only skips those tests.
chromium:
	@command -v chromium >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q . || \
	  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	      chromium fonts-noto-cjk; } || \
	  echo "chromium could not be installed: the browser tests will be skipped"

run: $(STAMP) $(WEB_DIST)
	$(BIN)/youth-matrix serve

test: $(STAMP) $(WEB_DIST) chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports && $(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m bench

schema: $(STAMP)
	$(BIN)/youth-matrix export-schema

neo4j-start: $(STAMP)
	$(BIN)/youth-matrix neo4j start

neo4j-stop: $(STAMP)
	$(BIN)/youth-matrix neo4j stop

clean:
	-$(BIN)/youth-matrix neo4j stop
	rm -rf $(VENV) .neo4j web/dist web/node_modules
