#!/usr/bin/env bash
# A production smoke test (CI runs it): a throwaway PostgreSQL database and Redis
# database 8, production settings, then `make check-prod`, then gunicorn and the task
# worker (run_worker, as deploy/systemd runs it) as separate processes; /healthz, the
# home page and a static file must answer, a task queued through the site must be run
# by the worker, and the reaper (deploy/cron.d/learning) must run.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
PORT=${SMOKE_PORT:-8093}
DB="learning_smoke_$$"
OUT=$(mktemp -d)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export DJANGO_SETTINGS_MODULE=learning.settings.production
export SECRET_KEY="smoke-$(head -c 48 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
export ALLOWED_HOSTS=127.0.0.1
export DATABASE_URL="postgres://${PGUSER}@${PGHOST}:${PGPORT}/${DB}"
export REDIS_URL=redis://127.0.0.1:6379/8
export MFA_ENCRYPTION_KEYS="$("$BIN/python" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')"
export TASKS_BACKEND=database
export EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
export STATIC_ROOT="$OUT/static"
export GUNICORN_BIND="127.0.0.1:$PORT" WEB_CONCURRENCY=2

if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
	redis-server --bind 127.0.0.1 --port 6379 --daemonize yes >/dev/null
	for _ in $(seq 30); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 1; done
fi

PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	dropdb --if-exists --force "$DB" 2>/dev/null || true
	redis-cli -h 127.0.0.1 -n 8 flushdb >/dev/null 2>&1 || true
	rm -rf "$OUT"
}
trap cleanup EXIT

createdb "$DB"
# The database cache table that rate limits fall back on while Redis is down.
"$BIN/python" manage.py createcachetable
"$BIN/python" manage.py migrate --noinput -v0
"$BIN/python" manage.py collectstatic --noinput -v0
make --no-print-directory check-prod

"$BIN/gunicorn" -c gunicorn.conf.py >"$OUT/gunicorn.log" 2>&1 &
PIDS+=($!)
"$BIN/python" manage.py run_worker >"$OUT/worker.log" 2>&1 &
PIDS+=($!)

url="http://127.0.0.1:$PORT"
for _ in $(seq 60); do
	curl -fsS -o /dev/null "$url/healthz" 2>/dev/null && break
	sleep 1
done
fail() { echo "prod smoke: $*" >&2; tail -n 40 "$OUT/gunicorn.log" "$OUT/worker.log" >&2; exit 1; }
health=$(curl -fsS "$url/healthz") || fail "/healthz did not answer 200"
[ "$health" = '{"database": "ok", "cache": "ok"}' ] || fail "/healthz said $health"
curl -fsS -o /dev/null -H "X-Forwarded-Proto: https" "$url/" || fail "the home page did not answer 200"
css=$(curl -fsS -H "X-Forwarded-Proto: https" "$url/" | grep -o '/static/[^"]*\.css' | head -n 1)
[ -n "$css" ] || fail "the home page links no stylesheet"
curl -fsS -o /dev/null -H "X-Forwarded-Proto: https" "$url$css" || fail "WhiteNoise did not serve $css"
# The master warmed the application up (views imported, templates compiled) before
# forking the workers (gunicorn.conf.py, when_ready).
grep -q "Warmed up before forking workers" "$OUT/gunicorn.log" || fail "gunicorn did not warm up before forking"

# A task queued as the site queues them must be run by the worker, not inline.
"$BIN/python" manage.py shell --no-imports -c "
from learning.reports.summary_tasks import refresh_report_summary
result = refresh_report_summary.enqueue()
print(result.id)
" >"$OUT/task_id"
for _ in $(seq 60); do
	status=$("$BIN/python" manage.py shell --no-imports -c "
from learning.reports.summary_tasks import refresh_report_summary
print(refresh_report_summary.get_result('$(cat "$OUT/task_id")').status)
")
	[ "$status" = SUCCESSFUL ] && break
	sleep 1
done
[ "$status" = SUCCESSFUL ] || fail "the worker did not run the queued task (status $status)"
reaped=$("$BIN/python" manage.py reap_stuck_tasks) || fail "reap_stuck_tasks failed"
[ "$reaped" = "0 task(s) queued again, 0 task(s) failed, 0 job(s) stopped." ] || fail "reap_stuck_tasks said $reaped"
echo "prod smoke: check-prod passed; gunicorn warmed up and served /healthz, / and $css; run_worker ran a queued task; reap_stuck_tasks ran"
