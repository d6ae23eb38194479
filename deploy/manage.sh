#!/bin/sh
# Run a management command with the production environment, for cron
# (deploy/cron.d/learning) and by hand: deploy/manage.sh send_follow_ups --dry-run
set -eu
cd "${LEARNING_HOME:-/srv/learning}"
set -a
. "${LEARNING_ENV:-/etc/learning/env}"
set +a
exec .venv/bin/python manage.py "$@"
