# Two commands do all the set-up: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The port: PORT, else STREAMLIT_SERVER_PORT, else 8501 (`make run PORT=8600` or `PORT=8600 make run`).
PORT ?= $(or $(STREAMLIT_SERVER_PORT),8501)

.PHONY: run test lint typecheck bench sample clean

$(STAMP): requirements.txt requirements-dev.txt
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	@echo "Dasbor Kamtibmas: open http://localhost:$(PORT) in a browser (Ctrl+C stops it)"
	$(BIN)/python -m ui.serve --server.port=$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy on analysis/ and ui/ (settings in pyproject.toml).
typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) lint typecheck
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m benchmarks --rows 200000 --sessions --json benchmarks/results/200k.json

sample: $(STAMP)
	$(BIN)/python -m analysis sample --out data/ --seed 2025

clean:
	rm -rf $(VENV) static .pytest_cache .ruff_cache .mypy_cache
