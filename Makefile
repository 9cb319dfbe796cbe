# Warkat: `make run` opens the demo office, `make test` checks everything,
# `make install` (root) installs or upgrades the server (docs/DEPLOY.md; DESTDIR=DIR: scratch root).
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install -q --disable-pip-version-check -c constraints.txt

.PHONY: run test lint debs bench clean install

$(VENV)/.run: pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) -e .
	touch $@

$(VENV)/.test: pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) -e '.[test]'
	touch $@ $(VENV)/.run

run: $(VENV)/.run
	$(VENV)/bin/warkat demo

debs:
	bash scripts/debs.sh

install:
	bash scripts/install.sh $(if $(DESTDIR),--root "$(DESTDIR)")

lint: $(VENV)/.test
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

test: $(VENV)/.test debs lint
	$(PY) -m pytest -q -n auto --dist loadgroup

bench: $(VENV)/.test debs
	for b in benchmarks/bench_*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache
