# Button Ad Studio: `make run` sets up and starts the app; `make test` sets up and runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# fonts-noto-core: Noto Sans Arabic, Hebrew, Devanagari, Thai and the other scripts' fonts,
# so right-to-left and Indic/Thai copy shapes in the previews without any web font.
# fonts-liberation, fonts-dejavu-core: the faces the sample creatives are set in (make
# sample-images redraws them byte for byte; tests/tools checks it).
# haproxy: the load balancer of `make cluster` (and of its browser test).
APT_PACKAGES := chromium fonts-dejavu-core fonts-liberation fonts-noto-color-emoji fonts-noto-core \
	haproxy

.PHONY: run cluster test lint format bench bench-cluster screenshots sample-images browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

# Without sign-in the drafts are the starter's: the claim link opens them in another browser.
# tools/serve.py is `streamlit` with TCP_NODELAY on every connection (see its docstring).
run: $(VENV)/.runtime
	$(BIN)/python -m components.storage.workspace --port $(PORT)
	$(BIN)/python tools/serve.py run app.py --server.port $(PORT)

# One Streamlit process per core behind HAProxy (sticky by cookie), drafts in PostgreSQL:
# DATABASE_URL when set, else a throwaway cluster that is removed when this stops (Ctrl+C).
cluster: $(VENV)/.runtime browser
	@if [ -n "$$DATABASE_URL" ]; then $(BIN)/python tools/cluster.py --port $(PORT); \
	else tools/with_postgres.sh $(BIN)/python tools/cluster.py --port $(PORT); fi

# Browser tests need Debian's Chromium (Playwright's own browser download cannot work here)
# and the fonts above; only the packages not yet installed are fetched.
browser:
	@missing=$$(for pkg in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q 'ok installed' || echo $$pkg; \
	done); \
	[ -z "$$missing" ] || { $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq --no-install-recommends $$missing; }

# axe-core for the accessibility tests (package.json pins it; npm ci installs it offline-safe).
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq --no-install-recommends nodejs npm; }
	npm ci --no-audit --no-fund

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The store tests run against SQLite and against a throwaway PostgreSQL cluster that
# tools/with_postgres.sh starts (installing PostgreSQL with apt when missing) and removes.
test: $(VENV)/.dev browser node_modules/.package-lock.json lint
	tools/with_postgres.sh $(BIN)/python -m pytest

bench: $(VENV)/.dev browser
	$(BIN)/python -m bench

# Edits per second through HAProxy with one replica and with two (needs PostgreSQL).
bench-cluster: $(VENV)/.dev browser
	tools/with_postgres.sh $(BIN)/python -m bench.cluster

# Every page at 1400 and 390 px into docs/screenshots/, for a person to look at.
screenshots: $(VENV)/.dev browser
	$(BIN)/python tools/screenshots.py

# Redraw the sample creatives into sample_data/images/ (the same bytes as committed).
sample-images: $(VENV)/.runtime browser
	$(BIN)/python -m tools.sample_images

clean:
	rm -rf $(VENV) .pytest_cache screenshots node_modules
