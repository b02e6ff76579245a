# The two set-up commands of the README: `make demo` and `make test`. Both create .venv.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean postgres

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

# Ingest the bundled sample of invented articles into veille.db and print a summary.
demo: $(STAMP)
	$(BIN)/veille ingest samples/articles --db veille.db
	$(BIN)/veille stats --db veille.db

# Chromium for the browser tests comes from Debian's packages (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: browser tests will be skipped (sudo apt-get install chromium)"; fi; }

# A PostgreSQL server for the tests and `--db postgresql://…` (Debian's packages, installed when
# root): data under /tmp/veille-pg, localhost:54329, role and database `veille`. Prints the URL.
postgres:
	@.ci/postgres.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

# The PostgreSQL tests use $$VEILLE_TEST_PG (`.ci/run` sets it from `make postgres`); unset, they skip.
test: $(STAMP) browser
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) veille.db veille.db-* .pytest_cache .ruff_cache
