# The two commands a newcomer needs: `make run` and `make test`.
# Everything a fresh machine lacks is installed here (CI runs `make test`).
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
PYBABEL:= $(VENV)/bin/pybabel
CHROMIUM := /usr/bin/chromium
CATALOGS := $(patsubst %.po,%.mo,$(wildcard workshop/translations/*/LC_MESSAGES/messages.po))

.PHONY: install install-dev lock lock-upgrade versions backup run test test-fast chromium redis nginx cluster translations extract-messages bench bench-scale bench-cluster bench-flood clean lint format

install: $(VENV)/.runtime node_modules/.installed $(CATALOGS)

install-dev: install $(VENV)/.dev

$(VENV)/bin/python:
	python3 -m venv $(VENV)

# Every Python package, transitive ones too, comes from a lock with hashes:
# pip refuses anything not in it or whose file's hash differs.
PIP_INSTALL := $(PIP) install --disable-pip-version-check -q --require-hashes --no-deps

$(VENV)/.runtime: requirements.lock | $(VENV)/bin/python
	$(PIP_INSTALL) -r requirements.lock
	$(PIP) check
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.runtime
	$(PIP_INSTALL) -r requirements-dev.lock
	$(PIP) check
	touch $@

# Remake the locks from the lists a person reads (requirements*.txt) with uv,
# keeping every pin the lists allow; `make lock-upgrade` takes the newest.
# The dev lock is constrained by the runtime one, so both agree.
UV_COMPILE := $(VENV)/bin/uv pip compile -q --generate-hashes --python-version 3.11 --custom-compile-command "make lock"
lock: $(VENV)/.dev
	$(UV_COMPILE) $(UV_FLAGS) requirements.txt -o requirements.lock
	$(UV_COMPILE) $(UV_FLAGS) requirements-dev.txt -c requirements.lock -o requirements-dev.lock

lock-upgrade:
	$(MAKE) lock UV_FLAGS=--upgrade

# One line each for what the suite runs on, so a CI log says what ran.
versions: $(VENV)/.dev
	@$(PY) -c 'import sys, importlib.metadata as m; print("versions: python " + sys.version.split()[0] + ", " + ", ".join(p + " " + m.version(p) for p in ("flask", "flask-socketio", "python-socketio", "python-engineio", "gevent", "babel", "flask-babel", "sqlite-utils", "playwright", "pytest")))'
	@echo "versions: $$($(CHROMIUM) --version 2>/dev/null || echo 'chromium not installed')"
	@echo "versions: $$(redis-server --version 2>/dev/null || echo 'redis-server not installed')"
	@echo "versions: $$(PATH=$$PATH:/usr/sbin nginx -v 2>&1 || echo 'nginx not installed')"
	@echo "versions: node $$(node --version), npm $$(npm --version)"

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

%.mo: %.po $(VENV)/.runtime
	$(PYBABEL) compile -i $< -o $@

translations: $(CATALOGS)

# Developers: after adding user-facing strings, refresh the catalog, then
# translate the new entries in workshop/translations/sv/LC_MESSAGES/messages.po.
extract-messages: $(VENV)/.runtime
	$(PYBABEL) extract -F babel.cfg -k _l -k tr -k N_ -k Invalid -k NotFound -k Conflict --ignore-dirs=".venv node_modules tests" --add-location=file --sort-by-file -o workshop/translations/messages.pot .
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

# Debian packages a fresh machine may lack, installed the same way as Chromium:
# redis-server (the cluster test, `make cluster`) and nginx (`make cluster`).
redis:
	@$(call apt_install,redis-server,redis-server)

nginx:
	@$(call apt_install,nginx,nginx)

define apt_install
if ! command -v $(1) >/dev/null && [ ! -x /usr/sbin/$(1) ]; then \
  if [ "$$(id -u)" = 0 ]; then \
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null) || \
      { echo "Could not install $(2) with apt-get." >&2; exit 1; }; \
  else \
    echo "This needs Debian's $(2): run 'sudo apt-get install $(2)' (or make as root)." >&2; exit 1; \
  fi; \
fi
endef

run: install
	$(PY) app.py

# Several worker processes behind nginx, sharing one database and Redis
# (docs/deploy.md): make cluster WORKERS=4 [FIRST_PORT=5001 LISTEN=8080].
WORKERS ?= 4
cluster: install redis nginx
	WORKERS=$(WORKERS) docs/deploy/cluster.sh

# Lint and format are checks, not fixes: run `make format` to apply them.
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: install-dev chromium redis nginx versions lint
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
	$(PY) bench/bench_scale.py --phones 2000 --rate 1000 --duration 30 --client mini
	$(PY) bench/bench_scale.py --phones 2000 --rate 1000 --duration 30 --client sio
	$(PY) bench/bench_scale.py --phones 5000 --rate 1000 --duration 30 --client mini --reconnect-storm
	$(PY) bench/bench_scale.py --phones 5000 --rate 1000 --duration 30 --client sio --reconnect-storm
	$(PY) bench/bench_deltas.py
	$(PY) bench/bench_projector_fps.py --modes idle,page@1faed46,page

# The same load on one process and on two behind Redis (docs/performance.md).
bench-cluster: install-dev redis
	$(PY) bench/bench_cluster.py --phones 5000 --rate 1000 --duration 30

# A consistent copy of the database while the server runs (docs/deploy.md):
# make backup BACKUP_DIR=/var/backups/workshop KEEP=14
BACKUP_DIR ?= backups
KEEP ?= 14
backup: install
	$(PY) app.py backup $(BACKUP_DIR) --keep $(KEEP)

# One unauthenticated socket flooding (small and deep packets, paced and as
# fast as one process can) beside a timed phone of three kinds, against the
# same phone with no flood (docs/performance.md). About two minutes.
bench-flood: install-dev
	$(PY) bench/bench_flood.py --duration 5
	$(PY) bench/bench_flood.py --duration 5 --one-socket --clients sio

clean:
	rm -rf $(VENV) node_modules
