# strikewatch: `make demo` and `make test` work on a fresh machine (Debian, Python 3.11).
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
# uv (Astral's installer, pinned) resolves and installs in parallel: a fresh clone's
# install takes ~18 s instead of pip's ~75 s (bench/make_demo.py). pip puts it into the
# venv (one wheel); where uv cannot do the install (no route to its index: uv does not read
# pip.conf), pip does it as before.
UV_VERSION := 0.13.9
# install(ARGS): into the venv, with uv, else with pip (upgraded first: an older one skips
# extras spelt with "_", and justext needs lxml[html_clean]). Neither compiles bytecode for
# every file of every package: Python compiles only the modules a command imports.
install = { $(BIN)/python -m pip install --quiet uv==$(UV_VERSION) && \
	    $(BIN)/uv pip install --python $(BIN)/python $(1); } || \
	  { $(BIN)/python -m pip install --upgrade pip && \
	    $(BIN)/python -m pip install --no-compile $(1); }

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
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(call install,-e .)
	touch $(STAMP)

$(DEV): $(STAMP)
	$(call install,-e '.[dev]')
	touch $(DEV)

clean:
	rm -rf $(VENV) strikewatch-demo.db strikewatch-demo.db-* .pytest_cache .mypy_cache .ruff_cache
