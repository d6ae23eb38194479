# Two commands do all set-up: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
# runserver serves on it, and the dev settings build links with it (BASE_URL unset).
export PORT
DEV := DJANGO_SETTINGS_MODULE=learning.settings.dev

.PHONY: run test test-fast lint format migrate demo bench check-prod prod-smoke clean system-deps browser-deps

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...).")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $(STAMP)

system-deps:
	@scripts/ensure_system_packages.sh pdf

# axe-core (npm, pinned in package-lock.json) is loaded into pages by the accessibility
# tests only; without npm they are skipped with a warning (and fail when CI is set).
browser-deps:
	@scripts/ensure_system_packages.sh browser
	@if [ ! -f node_modules/axe-core/axe.min.js ]; then \
		if command -v npm >/dev/null 2>&1; then \
			npm ci --no-audit --no-fund; \
		else \
			echo "WARNING: npm is not installed, so axe-core cannot be installed and the" >&2; \
			echo "WARNING: accessibility tests will be SKIPPED. Install Node.js and npm." >&2; \
		fi; \
	fi

var:
	@mkdir -p var/mail var/media

# The cache table first: migrations' post-migrate steps already write to the cache.
migrate: $(STAMP) var
	$(DEV) $(BIN)/python manage.py createcachetable
	$(DEV) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(DEV) $(BIN)/python manage.py load_modules
	$(DEV) $(BIN)/python manage.py load_demo

run: system-deps demo
	@echo "Serving http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: system-deps browser-deps $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

test-fast: $(STAMP)
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The production smoke test CI runs: a throwaway PostgreSQL database, production settings,
# check-prod, then gunicorn and run_worker answering (needs local PostgreSQL and Redis).
prod-smoke: $(STAMP)
	bash scripts/prod_smoke.sh

# bench_reports.py needs BENCH_DATABASE_URL=postgres://.../<throwaway database>; it
# generates 20,000 learners there on its first run. Without it, it is skipped.
bench: system-deps $(STAMP)
	@for script in tests/benchmarks/bench_*.py; do \
		[ -e "$$script" ] || continue; \
		echo "== $$script"; $(BIN)/python "$$script" || exit 1; \
	done

# Production check against the configured services: set the production environment
# first (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL...; see .env.example).
PROD := DJANGO_SETTINGS_MODULE=learning.settings.production
check-prod: $(STAMP)
	$(PROD) $(BIN)/python manage.py check --deploy --fail-level WARNING --database default
	$(PROD) $(BIN)/python manage.py makemigrations --check --dry-run
	$(PROD) $(BIN)/python manage.py shell --no-imports -c "import sys; from learning.core.health import production_readiness; ready, lines = production_readiness(); print(chr(10).join(lines)); sys.exit(0 if ready else 1)"
	@echo "check-prod: settings, migrations, database and cache are ready."

clean:
	rm -rf $(VENV) var

# Backups of the PostgreSQL database in DATABASE_URL and of MEDIA_ROOT, with the
# site's environment set (README, "Backup and restore"): into BACKUP_DIR/<time>/
# (default var/backups/); restore only into an empty database unless FORCE=1.
.PHONY: backup restore
backup: $(STAMP)
	scripts/backup.sh

restore: $(STAMP)
	@[ -n "$(BACKUP)" ] || { echo "Name the backup folder: make restore BACKUP=var/backups/<time>" >&2; exit 2; }
	scripts/restore.sh "$(BACKUP)"

# Load and soak tests (tests/load/, scripts/loadtest.sh) against gunicorn, PostgreSQL
# and Redis with production settings; Locust is installed into .venv only here.
# SOAK_MINUTES=2 for a quick run; LOADTEST_STRICT=1 to fail on a missed target.
.PHONY: loadtest
SOAK_MINUTES ?= 30
LOAD_STAMP := $(VENV)/.load-installed

$(LOAD_STAMP): requirements-load.txt | $(STAMP)
	$(BIN)/pip install --quiet -r requirements-load.txt
	@touch $(LOAD_STAMP)

loadtest: $(STAMP) $(LOAD_STAMP) var
	SOAK_MINUTES=$(SOAK_MINUTES) scripts/loadtest.sh
