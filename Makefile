# strikewatch: `make demo` and `make test` work on a fresh machine (Debian, Python 3.11).
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint venv clean fuzz

demo: $(STAMP)
	$(BIN)/strikewatch demo

test: lint
	sh .ci/system-deps.sh
	STRIKEWATCH_REQUIRE_POSTGRES=1 $(BIN)/python -m pytest -q

# Hostile-input fuzzing at full strength: 10,000 Hypothesis cases per parser (slow).
fuzz: $(STAMP)
	STRIKEWATCH_FUZZ=1 $(BIN)/python -m pytest -q -p no:cacheprovider \
		--hypothesis-show-statistics tests/test_hostile_fuzz.py

lint: $(STAMP)
	$(BIN)/ruff check strikewatch tests bench
	$(BIN)/mypy strikewatch

venv: $(STAMP)

# (Re)install when pyproject.toml changes; the package is installed editable.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) strikewatch-demo.db strikewatch-demo.db-* .pytest_cache .mypy_cache .ruff_cache
