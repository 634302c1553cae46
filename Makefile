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

.PHONY: run test lint bench schema neo4j-start neo4j-stop clean web chromium report-tools \
	report-check

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

# The partnership report rendered as an office prints it: LibreOffice Calc headless (XLSX to PDF),
# poppler (PDF to PNG, PDF text) and CJK fonts, installed with apt-get when missing.
report-tools:
	@command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && \
	  fc-list :lang=zh 2>/dev/null | grep -q . || \
	  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	      --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-noto-cjk; } || \
	  echo "LibreOffice could not be installed: the report's rendering test will be skipped"

# The district's 2021 report from `rencheng` to XLSX, PDF and PNG in build/report/ (checked by
# tests/app/test_report_render.py; docs/report-*.png are copies).
report-check: $(STAMP) report-tools
	YM_REPORT_DIR=build/report $(BIN)/pytest tests/app/test_report_render.py -q

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
