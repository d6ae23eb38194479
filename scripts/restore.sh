#!/usr/bin/env bash
# make restore BACKUP=<folder>: a backup made by scripts/backup.sh into the database in
# DATABASE_URL, which must be empty (FORCE=1 replaces what is there), and its media
# into MEDIA_ROOT, which must be empty or missing (FORCE=1 overwrites same-named files).
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "restore: $*" >&2; exit 1; }

BACKUP=${1:-${BACKUP:-}}
FORCE=${FORCE:-0}
[ -n "$BACKUP" ] || fail "Name the backup folder: make restore BACKUP=var/backups/<time>."
if [ ! -f "$BACKUP/database.dump" ] || [ ! -f "$BACKUP/SHA256SUMS" ]; then
	fail "$BACKUP is not a backup made by make backup (no database.dump or SHA256SUMS)."
fi
(cd "$BACKUP" && sha256sum --check --quiet --strict SHA256SUMS >/dev/null 2>&1) \
	|| fail "$BACKUP is damaged: its files do not match their checksums. Nothing was changed."

PY=${PYTHON_BIN:-.venv/bin/python}
env_lines=$("$PY" scripts/pg_env.py) || exit 2
eval "$env_lines"
command -v pg_restore >/dev/null || fail "pg_restore is not installed (Debian: apt-get install postgresql-client)."

VAR_DIR=${VAR_DIR:-var}
MEDIA_ROOT=${MEDIA_ROOT:-$VAR_DIR/media}

# Everything is checked before anything is changed.
tables=$(psql -X -Atq -c "select count(*) from pg_catalog.pg_tables where schemaname not in ('pg_catalog', 'information_schema')") \
	|| fail "Cannot reach the database ${PGDATABASE:-}. Nothing was changed."
if [ "$tables" != 0 ] && [ "$FORCE" != 1 ]; then
	fail "The database ${PGDATABASE:-} is not empty ($tables tables). Restore into an empty database (createdb a new one and point DATABASE_URL at it), or set FORCE=1 to replace its contents. Nothing was changed."
fi
restore_media=0
if [ -f "$BACKUP/media.tar.gz" ]; then
	if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
		echo "restore: this site keeps media in the S3 bucket $AWS_STORAGE_BUCKET_NAME; the backup's media.tar.gz is not restored (unpack it and upload it with aws s3 sync)." >&2
	else
		if [ -d "$MEDIA_ROOT" ] && [ -n "$(ls -A "$MEDIA_ROOT")" ] && [ "$FORCE" != 1 ]; then
			fail "MEDIA_ROOT ($MEDIA_ROOT) is not empty. Restore into an empty folder, or set FORCE=1 to overwrite files of the same name. Nothing was changed."
		fi
		restore_media=1
	fi
fi

clean=()
[ "$FORCE" = 1 ] && clean=(--clean --if-exists)
# One transaction: a failure leaves the database as it was.
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
	"${clean[@]}" --dbname="${PGDATABASE:-}" "$BACKUP/database.dump"

if [ "$restore_media" = 1 ]; then
	mkdir -p "$MEDIA_ROOT"
	tar -C "$MEDIA_ROOT" --no-same-owner -xzf "$BACKUP/media.tar.gz"
fi

echo "restore: $BACKUP restored into the database ${PGDATABASE:-}$([ "$restore_media" = 1 ] && echo " and $MEDIA_ROOT")."
echo "restore: next, with this environment: python manage.py migrate (if the code is newer than the backup), then start the site."
