# Two commands on a fresh machine: `make lab` (run the course) and `make test` (run the tests).
# Each creates the virtual environment on first use. VENV can be overridden (CI uses a fresh temporary one).
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
# Two stamps: running the course needs the runtime dependencies only; the tests add their extras on top.
STAMP := $(VENV)/.backcare-runtime
TEST_STAMP := $(VENV)/.backcare-test
PIP := $(PY) -m pip install --disable-pip-version-check --progress-bar on -c constraints.txt

.PHONY: lab test execute html content student bench lint handouts test-latest clean hub-deps hub classload review

$(STAMP): pyproject.toml constraints.txt
	@echo "First run: creating $(VENV) and installing the course's runtime dependencies (about 375 MB, 111 packages)."
	$(PYTHON) -m venv $(VENV)
	$(PIP) -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	@echo "Adding the test tools (pytest, nbval, hypothesis, playwright) to $(VENV)."
	$(PIP) -e '.[test]'
	touch $(TEST_STAMP)

# The class hub's own install step: the `hub` extra (JupyterHub, nbgitpuller, idle culler) into the same venv, kept out
# of the course's runtime dependencies; npm ci brings configurable-http-proxy (a devDependency).
HUB_STAMP := $(VENV)/.backcare-hub-installed
$(HUB_STAMP): $(STAMP) pyproject.toml constraints.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,hub]'
	touch $(HUB_STAMP)

hub-deps: $(HUB_STAMP) node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

lab: $(STAMP)
	$(PY) -m backcare lab

test: $(TEST_STAMP) $(HUB_STAMP) node_modules/.package-lock.json
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

review: $(STAMP)
	$(PY) -m backcare review

lint: $(STAMP)
	$(PY) -m backcare lint

bench: $(TEST_STAMP) node_modules/.package-lock.json
	$(PY) -m backcare bench

# A JupyterHub on 127.0.0.1 for a teacher's dry run (Ctrl-C stops it and every user's server).
hub: hub-deps
	$(PY) -m backcare hub

# Load test of that hub (a benchmark, not a test): 30 students open chapter 02 and run every cell.
classload: hub-deps
	$(PY) -m backcare classload --users 30 --chapter 02

# Canary, not part of CI: the newest releases of every dependency, in a separate environment.
test-latest: node_modules/.package-lock.json
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade -e '.[test,hub]'
	.venv-latest/bin/python -m backcare test

clean:
	rm -rf _build student .venv .venv-latest node_modules
