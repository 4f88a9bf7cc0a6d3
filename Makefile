# The two commands a newcomer types: `make run` and `make test`.
# Both create .venv when missing, install the project, and are quick the second time.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_TOOLS := minisign age pdftoppm

.PHONY: run test dist lint typecheck bench translations system-tools clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test,dist]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/transfer-desk

# Debian's minisign, age and poppler-utils are used by the tests of sealed filings and PDFs.
system-tools:
	@missing=""; for t in $(SYSTEM_TOOLS); do command -v $$t >/dev/null 2>&1 || missing="$$missing $$t"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing system tools:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq minisign age poppler-utils >/dev/null \
		|| echo "warning: could not install$$missing; tests that need them will be skipped"; \
	fi

# SKIP_BUNDLE=1 leaves out the tests that build the PyInstaller bundle and the .deb (~2 min).
test: $(STAMP) system-tools
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(if $(SKIP_BUNDLE),-m "not bundle") $(PYTEST_ARGS)

# The installable artefacts in dist/ (installers/README.md): bundle, tarball, .deb, wheel kit, SHA256SUMS.
dist: $(STAMP)
	$(BIN)/python installers/build.py all

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/audit.py
	$(BIN)/python bench/registry.py
	$(BIN)/python bench/agreements.py
	$(BIN)/python bench/ledger.py
	$(BIN)/python bench/rewards.py
	$(BIN)/python bench/filings.py
	$(BIN)/python bench/filing_export.py

translations: $(STAMP)
	$(BIN)/python -m desktop.ui.i18n_build

clean:
	rm -rf $(VENV) build dist *.egg-info
