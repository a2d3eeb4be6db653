# Two commands: `make demo` and `make test`. Both create .venv from the hashed lock file.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test bench lock clean-venv

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/communique demo --db demo.db

# Lint and format check first (pyproject.toml, [tool.ruff]), then the suite.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py --shared $(SHARED)
	$(BIN)/python bench/french.py --shared $(SHARED)
	$(BIN)/python bench/places.py --shared $(SHARED)

# Re-pin after editing the dependencies in pyproject.toml (needs network and pip-tools).
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra test --extra bench \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean-venv:
	rm -rf $(VENV)
