# Two commands on a fresh machine: `make lab` (run the course) and `make test` (run the tests).
# Each creates the virtual environment on first use. VENV can be overridden (CI uses a fresh temporary one).
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.backcare-installed

.PHONY: lab test execute html content student bench lint handouts test-latest clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

lab: $(STAMP)
	$(PY) -m backcare lab

test: $(STAMP) node_modules/.package-lock.json
	$(PY) -m backcare test

execute: $(STAMP)
	$(PY) -m backcare execute

html: $(STAMP) node_modules/.package-lock.json
	$(PY) -m backcare html

content: $(STAMP)
	$(PY) -m backcare content --summary

student: $(STAMP)
	$(PY) -m backcare student

# Tagged PDF handouts (chapters, case cards, STarT Back scoring guide, one-page summaries) in _build/handouts.
handouts: $(STAMP) node_modules/.package-lock.json
	$(PY) -m backcare handouts

lint: $(STAMP)
	$(PY) -m backcare lint

bench: $(STAMP) node_modules/.package-lock.json
	$(PY) -m backcare bench

# Canary, not part of CI: the newest releases of every dependency, in a separate environment.
test-latest: node_modules/.package-lock.json
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade -e '.[test]'
	.venv-latest/bin/python -m backcare test

clean:
	rm -rf _build .venv .venv-latest node_modules
