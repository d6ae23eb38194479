#!/usr/bin/env bash
# make backup: the PostgreSQL database in DATABASE_URL (pg_dump, custom format) and
# the media folder (MEDIA_ROOT, as a tar), into BACKUP_DIR/<UTC time>/ (default
# var/backups), with a manifest and checksums. Run it with the site's environment.
# Media in an S3 bucket (AWS_STORAGE_BUCKET_NAME) are not copied: back the bucket up
# itself (README, "Backup and restore").
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "backup: $*" >&2; exit 1; }

PY=${PYTHON_BIN:-.venv/bin/python}
env_lines=$("$PY" scripts/pg_env.py) || exit 2
eval "$env_lines"
command -v pg_dump >/dev/null || fail "pg_dump is not installed (Debian: apt-get install postgresql-client)."

VAR_DIR=${VAR_DIR:-var}
MEDIA_ROOT=${MEDIA_ROOT:-$VAR_DIR/media}
BACKUP_DIR=${BACKUP_DIR:-$VAR_DIR/backups}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$BACKUP_DIR/$stamp"
work="$target.partial"
[ ! -e "$target" ] && [ ! -e "$work" ] || fail "$target already exists: wait a second and run it again."

# Backups hold personal data: readable by their owner only.
umask 077
mkdir -p "$BACKUP_DIR"
mkdir "$work"
trap 'rm -rf "$work"' EXIT

# The database first, then the media: a file the database names is then in the tar
# unless it was deleted in between.
pg_dump --format=custom --file="$work/database.dump"

if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
	media="not included: in the S3 bucket $AWS_STORAGE_BUCKET_NAME"
	echo "backup: media are in the S3 bucket $AWS_STORAGE_BUCKET_NAME and are NOT in this backup; back the bucket up itself (README)." >&2
elif [ -d "$MEDIA_ROOT" ]; then
	tar -C "$MEDIA_ROOT" -czf "$work/media.tar.gz" .
	media="media.tar.gz (files: $(find "$MEDIA_ROOT" -type f | wc -l))"
else
	media="none: $MEDIA_ROOT does not exist"
	echo "backup: $MEDIA_ROOT does not exist; the backup has no media." >&2
fi

{
	echo "created: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "database: ${PGDATABASE:-}"
	echo "server: PostgreSQL $(psql -X -Atq -c 'show server_version')"
	echo "dump: $(pg_dump --version)"
	echo "migrations applied: $(psql -X -Atq -c 'select count(*) from django_migrations' 2>/dev/null || echo unknown)"
	echo "media: $media"
	echo "code: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
	echo "restore: make restore BACKUP=<this folder> (into an empty database)"
} >"$work/manifest.txt"
(cd "$work" && sha256sum -- * >SHA256SUMS)

mv "$work" "$target"
trap - EXIT
echo "backup: written to $target"
