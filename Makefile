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

.PHONY: run test install serve report bench eval clean

run: $(STAMP) ## install if needed, then one pipeline run over seeds/
	$(BIN)/bantin run --input $(INPUT) --data $(DATA)

test: $(STAMP) ## the whole test suite (what CI runs)
	$(BIN)/pytest -q

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "bantin needs Python 3.11+ (set PYTHON=python3.11)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

serve: $(STAMP) ## nightly schedule (needs a Prefect server: see README)
	$(BIN)/bantin serve --input $(INPUT) --data $(DATA)

report: $(STAMP)
	$(BIN)/bantin report --data $(DATA)

bench: $(STAMP) ## benchmark figures (see bench/RESULTS.md)
	$(BIN)/python bench/run.py

eval: $(STAMP) ## precision/recall of cleaning and extraction on the seeds and the dev set
	$(BIN)/python bench/eval_anatomy.py
	$(BIN)/python bench/eval_facts.py

clean:
	rm -rf $(DATA) .pytest_cache
