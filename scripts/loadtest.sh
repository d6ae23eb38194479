#!/usr/bin/env bash
# make loadtest: Locust against gunicorn + PostgreSQL + Redis with production settings.
#
# 1. PostgreSQL and Redis are started if they are down. A template database
#    (learning_load_template: migrated, modules, demo data, generated report data and
#    the load-test accounts) is built once; every run starts from a fresh copy of it
#    in learning_load, so the quiz burst begins with no attempts. LOADTEST_REBUILD=1
#    rebuilds the template.
# 2. gunicorn serves the site with learning.settings.production, a throwaway
#    SECRET_KEY, DEBUG off, ALLOWED_HOSTS=127.0.0.1, SECURE_SSL_REDIRECT=false,
#    TRUSTED_PROXY_COUNT=1 (Locust sends X-Forwarded-Proto and -For like a proxy),
#    MFA_REQUIRED_FOR_STAFF=false (leads sign in with a password only), the Redis
#    cache in database 9, static files through WhiteNoise after collectstatic, email
#    discarded, background tasks (emails, certificate PDFs) queued in the database
#    for a run_worker process. gunicorn.conf.py is used when it exists; otherwise
#    the flags below.
# 3. Locust runs headless: the mixed load (LOADTEST_USERS, default 200, ramping at
#    4 a second, then 5 minutes), the quiz burst (200 people start the same quiz
#    within 10 seconds; the database is then checked), and the soak (half the users,
#    arriving at the same rate, for SOAK_MINUTES, default 30, sampling the server's
#    memory every 30 seconds).
# 4. tests/load/report.py prints the table and PASS/FAIL; results are in var/loadtest/.
#    The exit status is non-zero on a missed target only with LOADTEST_STRICT=1.
#
# LOADTEST_PHASES="mixed burst soak" picks phases; SOAK_MINUTES=2 for a quick run.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
OUT=var/loadtest
PORT=${LOADTEST_PORT:-8077}
USERS=${LOADTEST_USERS:-200}
# People arrive and sign in at this rate (200 in 50 s).
SPAWN_RATE=${LOADTEST_SPAWN_RATE:-4}
RUN_TIME=${LOADTEST_RUN_TIME:-5m}
BURST_USERS=${LOADTEST_BURST_USERS:-200}
# People sign in at this rate before the burst (each sign-in is ~0.25 s of CPU).
BURST_SPAWN_RATE=${LOADTEST_BURST_SPAWN_RATE:-4}
SOAK_MINUTES=${SOAK_MINUTES:-30}
SOAK_USERS=${SOAK_USERS:-$((USERS / 2))}
# The soak is about time, not arrival: its people arrive at the mixed load's rate.
SOAK_SPAWN_RATE=${LOADTEST_SOAK_SPAWN_RATE:-$SPAWN_RATE}
RSS_EVERY=${LOADTEST_RSS_EVERY:-30}
PHASES=${LOADTEST_PHASES:-mixed burst soak}
REPORT_LEARNERS=${LOADTEST_REPORT_LEARNERS:-3000}
WORKERS=${LOADTEST_WORKERS:-8}
THREADS=${LOADTEST_THREADS:-1}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=${LOADTEST_DB:-learning_load}
TEMPLATE=${DB}_template
PASSWORD=${LOADTEST_PASSWORD:-load-test-only-password-2026}
export PGHOST PGPORT PGUSER

mkdir -p "$OUT"
# Only the results of the phases about to run are replaced.
for phase in $PHASES; do
	rm -f "$OUT/$phase"_* "$OUT/$phase.log"
done
rm -f "$OUT/summary.txt"

export DJANGO_SETTINGS_MODULE=learning.settings.production
export SECRET_KEY="loadtest-only-${RANDOM}${RANDOM}-not-a-secret-0123456789abcdefghijklmnop"
export ALLOWED_HOSTS=127.0.0.1
# A fixed key, so the template database's authenticators stay readable between runs.
export MFA_ENCRYPTION_KEYS=bG9hZC10ZXN0LW9ubHkta2V5LW5vdC1hLXNlY3JldCE=
export DATABASE_URL="postgres://${PGUSER}@${PGHOST}:${PGPORT}/${DB}"
export REDIS_URL=redis://127.0.0.1:6379/9
export SECURE_SSL_REDIRECT=false
# As behind one TLS-terminating proxy: rate limits (sign-in: 30 a minute per address)
# count each simulated person's X-Forwarded-For address, not 127.0.0.1 for all.
export TRUSTED_PROXY_COUNT=1
export MFA_REQUIRED_FOR_STAFF=false
export EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
# As in production: emails and certificate PDFs go to the database queue and a
# separate worker process (run_worker) runs them, on the same two cores.
export TASKS_BACKEND=database
export STATIC_ROOT="$PWD/$OUT/static"
export LOG_LEVEL=${LOG_LEVEL:-WARNING}
export LOADTEST_MANIFEST="$OUT/manifest.json"

say() { printf '\n== %s\n' "$*"; }

# -- services -----------------------------------------------------------------
if ! pg_isready -q; then
	say "Starting PostgreSQL"
	pg_ctlcluster 15 main start 2>/dev/null || service postgresql start
	for _ in $(seq 30); do pg_isready -q && break; sleep 1; done
fi
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
	say "Starting Redis"
	redis-server --bind 127.0.0.1 --port 6379 --daemonize yes >/dev/null
	for _ in $(seq 30); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 1; done
fi
redis-cli -h 127.0.0.1 -n 9 flushdb >/dev/null

# -- data ---------------------------------------------------------------------
db_exists() { [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }
manage() { "$BIN/python" manage.py "$@"; }

if [ "${LOADTEST_REBUILD:-0}" = 1 ] && db_exists "$TEMPLATE"; then
	dropdb "$TEMPLATE"
fi
if ! db_exists "$TEMPLATE"; then
	say "Building the template database $TEMPLATE (once; a few minutes)"
	createdb "$TEMPLATE"
	DATABASE_URL="postgres://${PGUSER}@${PGHOST}:${PGPORT}/${TEMPLATE}" bash -c "
		set -e
		$BIN/python manage.py migrate --noinput -v0
		$BIN/python manage.py createcachetable
		$BIN/python manage.py load_modules
		$BIN/python manage.py load_demo --force
		$BIN/python manage.py generate_load_data --force --learners $REPORT_LEARNERS --seed 2026
		$BIN/python manage.py create_load_users --force --password '$PASSWORD' \
			--burst 200 --manifest $OUT/manifest.template.json
	" || { dropdb --if-exists "$TEMPLATE"; exit 1; }
fi
say "Copying $TEMPLATE to $DB"
dropdb --if-exists --force "$DB"
createdb -T "$TEMPLATE" "$DB"
manage migrate --noinput -v0
manage create_load_users --force --password "$PASSWORD" --burst "$BURST_USERS" \
	--manifest "$LOADTEST_MANIFEST"
manage collectstatic --noinput -v0

# -- server -------------------------------------------------------------------
# Worker recycling (gunicorn.conf.py's max_requests) would hide memory growth in the
# soak, so it is off unless LOADTEST_MAX_REQUESTS says otherwise.
export GUNICORN_MAX_REQUESTS=${LOADTEST_MAX_REQUESTS:-0}
if [ -f gunicorn.conf.py ]; then
	SERVER_ARGS=(-c gunicorn.conf.py)
	[ -n "${LOADTEST_WORKERS:-}" ] && SERVER_ARGS+=(--workers "$WORKERS")
	[ -n "${LOADTEST_THREADS:-}" ] && SERVER_ARGS+=(--threads "$THREADS")
else
	SERVER_ARGS=(--workers "$WORKERS" --threads "$THREADS"
		--access-logfile -)
fi
say "Starting gunicorn on 127.0.0.1:$PORT (${SERVER_ARGS[*]})"
"$BIN/gunicorn" learning.wsgi:application "${SERVER_ARGS[@]}" \
	--bind "127.0.0.1:$PORT" >"$OUT/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
"$BIN/python" manage.py run_worker >"$OUT/worker.log" 2>&1 &
WORKER_PID=$!
SAMPLER_PID=
cleanup() {
	[ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
	kill "$WORKER_PID" 2>/dev/null || true
	kill "$GUNICORN_PID" 2>/dev/null || true
	wait "$GUNICORN_PID" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 60); do
	curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
	sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz"

{
	echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM, load average before the run $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "PostgreSQL $(psql -d postgres -tAc 'SHOW server_version'), Redis $(redis-server --version | grep -o 'v=[0-9.]*' | cut -d= -f2), $("$BIN/python" --version), gunicorn ${SERVER_ARGS[*]}${GUNICORN_WORKER_CLASS:+ (GUNICORN_WORKER_CLASS=$GUNICORN_WORKER_CLASS)}"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt"
cat >"$OUT/params.json" <<JSON
{"users": $USERS, "spawn_rate": $SPAWN_RATE, "run_time": "$RUN_TIME",
 "burst_users": $BURST_USERS, "soak_users": $SOAK_USERS, "soak_spawn_rate": $SOAK_SPAWN_RATE,
 "soak_minutes": $SOAK_MINUTES,
 "max_requests": $GUNICORN_MAX_REQUESTS}
JSON

locust_run() {
	local phase=$1
	shift
	"$BIN/locust" -f tests/load/locustfile.py --headless --only-summary \
		--host "http://127.0.0.1:$PORT" --csv "$OUT/$phase" --loglevel WARNING \
		--exit-code-on-error 0 "$@" 2>&1 | tail -n 60 >"$OUT/$phase.log" || true
}

for phase in $PHASES; do
	case $phase in
	mixed)
		say "Mixed load: $USERS users, +$SPAWN_RATE a second, $RUN_TIME"
		LOADTEST_SIGN_IN_OUT="$OUT/mixed_sign_in.json" locust_run mixed -u "$USERS" -r "$SPAWN_RATE" -t "$RUN_TIME" \
			LearnerUser QuizTakerUser LeadUser
		;;
	burst)
		say "Quiz burst: $BURST_USERS people start the same quiz"
		LOADTEST_BURST_OUT="$OUT/burst_window.json" locust_run burst \
			-u "$BURST_USERS" -r "$BURST_SPAWN_RATE" -t 8m QuizBurstUser
		"$BIN/python" tests/load/verify_burst.py "$LOADTEST_MANIFEST" \
			"$OUT/burst_check.json" || true
		;;
	soak)
		say "Soak: $SOAK_USERS users, +$SOAK_SPAWN_RATE a second, $SOAK_MINUTES minutes"
		"$BIN/python" tests/load/rss_sampler.py "$GUNICORN_PID" "$OUT/soak_rss.csv" \
			--every "$RSS_EVERY" &
		SAMPLER_PID=$!
		LOADTEST_SIGN_IN_OUT="$OUT/soak_sign_in.json" locust_run soak -u "$SOAK_USERS" -r "$SOAK_SPAWN_RATE" -t "${SOAK_MINUTES}m" \
			LearnerUser QuizTakerUser LeadUser
		kill "$SAMPLER_PID" 2>/dev/null || true
		SAMPLER_PID=
		;;
	*) echo "Unknown phase: $phase" >&2 ;;
	esac
done

say "Summary (files in $OUT/)"
cat "$OUT/machine.txt"
status=0
"$BIN/python" tests/load/report.py "$OUT" || status=$?
if [ "${LOADTEST_STRICT:-0}" = 1 ]; then
	exit "$status"
fi
