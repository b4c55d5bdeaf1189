# bantin — the front door. `make run` and `make test` need only Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
INPUT  ?= seeds
DATA   ?= data

export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_LOGGING_LEVEL ?= WARNING
export GX_ANALYTICS_ENABLED ?= False

.PHONY: run test test-fast check lint types install serve report bench eval eval-seeds clean

run: $(STAMP) ## install if needed, then one pipeline run over seeds/
	$(BIN)/bantin run --input $(INPUT) --data $(DATA)

test: $(STAMP) ## the whole test suite (CI runs `make check` first)
	$(BIN)/pytest -q

test-fast: $(STAMP) ## unit tests without the slow ones (no Prefect, no subprocess runs)
	$(BIN)/pytest -q -m "not slow" tests/unit

check: lint types test-fast ## what to run before a commit: lint, format, types, fast tests

lint: $(STAMP) ## ruff: lint rules and formatting (`ruff format .` fixes the latter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(STAMP) ## mypy over tasks/ and flows/ (settings in pyproject.toml)
	$(BIN)/mypy

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "bantin needs Python 3.11+ (set PYTHON=python3.11)")'
	@test -x $(BIN)/python || { echo "== creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	@echo "== installing bantin and its pinned dependencies into $(VENV) (first time: a few minutes)"
	$(BIN)/python -m pip install --disable-pip-version-check --progress-bar off -c constraints.txt -e '.[dev]'
	@touch $(STAMP)
	@echo "== installed"

serve: $(STAMP) ## nightly schedule (needs a Prefect server: see README)
	$(BIN)/bantin serve --input $(INPUT) --data $(DATA)

report: $(STAMP)
	$(BIN)/bantin report --data $(DATA)

bench: $(STAMP) ## benchmark figures (see bench/RESULTS.md)
	$(BIN)/python bench/run.py

eval: $(STAMP) ## bantin over the gold sets laid out by host, scored (../shared/eval/dev when present, tests/dev/portals, tests/dev/fresh, tests/dev/unseen, tests/dev/heldout, tests/dev/blind, tests/dev/blind5, tests/dev/blind6, tests/dev/blind7, tests/dev/blind8, tests/dev/blind9, tests/dev/blind10, tests/dev/blind11, tests/dev/blind12, tests/dev/blind13, tests/dev/blind14)
	$(BIN)/python bench/eval/run_eval.py $(EVAL_SETS) --json bench/out/eval-last.json
	$(BIN)/python bench/eval/indicator_breakdown.py --results bench/out/eval-last.json

eval-seeds: $(STAMP) ## precision/recall of cleaning and extraction on the seeds and tests/dev/*.json
	$(BIN)/python bench/eval_anatomy.py
	$(BIN)/python bench/eval_facts.py

clean:
	rm -rf $(DATA) .pytest_cache
