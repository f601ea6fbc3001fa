# strikewatch: `make demo` and `make test` work on a fresh machine (Debian, Python 3.11).
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev

.PHONY: demo test lint venv clean fuzz

demo: $(STAMP)
	$(BIN)/strikewatch demo

test: lint
	sh .ci/system-deps.sh
	STRIKEWATCH_REQUIRE_POSTGRES=1 $(BIN)/python -m pytest -q

# Hostile-input fuzzing at full strength: 10,000 Hypothesis cases per parser (slow).
fuzz: $(DEV)
	STRIKEWATCH_FUZZ=1 $(BIN)/python -m pytest -q -p no:cacheprovider \
		--hypothesis-show-statistics tests/test_hostile_fuzz.py

lint: $(DEV)
	$(BIN)/ruff check strikewatch tests bench
	$(BIN)/mypy strikewatch

venv: $(DEV)

# (Re)install when pyproject.toml changes; the package is installed editable.
# `make demo` installs only what strikewatch needs to run; the test and development tools
# (pytest, Playwright, Spark, schemathesis, mypy, ruff: the `dev` extra) come with
# `make test`, `make lint` and `make fuzz` (bench/make_demo.py times a fresh clone's demo).
# pip is upgraded first: an older one skips extras spelt with "_" (justext needs
# lxml[html_clean]) and the demo then fails on import. --no-compile: Python compiles only
# the modules a command imports, on first use, instead of every file of every package.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install --no-compile -e .
	touch $(STAMP)

$(DEV): $(STAMP)
	$(BIN)/python -m pip install -e '.[dev]'
	touch $(DEV)

clean:
	rm -rf $(VENV) strikewatch-demo.db strikewatch-demo.db-* .pytest_cache .mypy_cache .ruff_cache
