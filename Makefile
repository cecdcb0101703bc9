# The two commands a newcomer needs: `make run` and `make test`.
# Everything a fresh machine lacks is installed here (CI runs `make test`).
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
PYBABEL:= $(VENV)/bin/pybabel
CHROMIUM := /usr/bin/chromium
CATALOGS := $(patsubst %.po,%.mo,$(wildcard workshop/translations/*/LC_MESSAGES/messages.po))

.PHONY: install install-dev run test test-fast chromium translations extract-messages bench bench-scale clean

install: $(VENV)/.runtime node_modules/.installed $(CATALOGS)

install-dev: install $(VENV)/.dev

$(VENV)/bin/python:
	python3 -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PIP) install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

%.mo: %.po $(VENV)/.runtime
	$(PYBABEL) compile -i $< -o $@

translations: $(CATALOGS)

# Developers: after adding user-facing strings, refresh the catalog, then
# translate the new entries in workshop/translations/sv/LC_MESSAGES/messages.po.
extract-messages: $(VENV)/.runtime
	$(PYBABEL) extract -F babel.cfg -k _l -k t -k N_ -k Invalid -k NotFound -k Conflict --ignore-dirs=".venv node_modules tests" --add-location=file --sort-by-file -o workshop/translations/messages.pot .
	$(PYBABEL) update -i workshop/translations/messages.pot -d workshop/translations --no-fuzzy-matching --ignore-pot-creation-date

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads its own).
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	      { echo "Could not install chromium with apt-get." >&2; exit 1; }; \
	  else \
	    echo "Browser tests need Debian's chromium at $(CHROMIUM): run 'sudo apt-get install chromium' (or make test as root)." >&2; exit 1; \
	  fi; \
	fi

run: install
	$(PY) app.py

test: install-dev chromium
	node --test tests/js/
	$(PY) -m pytest

# Everything but the browser tests, for a quick loop.
test-fast: install-dev
	$(PY) -m pytest -m "not browser"

bench: install-dev
	$(PY) bench/bench_live.py

# The live path at conference scale, ours next to a bare Flask-SocketIO baseline
# (docs/performance.md): 2,000 then 5,000 phones at 1,000 moves/s, then the
# reconnect storm at 5,000. Several minutes; loopback only.
bench-scale: install-dev
	$(PY) bench/bench_scale.py --phones 2000 --rate 1000 --duration 30
	$(PY) bench/bench_scale.py --phones 5000 --rate 1000 --duration 30 --reconnect-storm

clean:
	rm -rf $(VENV) node_modules
