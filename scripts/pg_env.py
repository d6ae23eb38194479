"""Print DATABASE_URL as libpq environment variables, for backup.sh and restore.sh.

The URL is read as the site reads it (dj-database-url), and handed to pg_dump, psql
and pg_restore through the environment, so that no password appears in a process
list. Prints shell ``export`` lines; exits 2 with a message unless the URL names a
PostgreSQL database.
"""

import os
import shlex
import sys

import dj_database_url

LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.stderr.write(
            "DATABASE_URL is not set: set the site's environment first "
            "(see .env.example).\n"
        )
        return 2
    config = dj_database_url.parse(url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        sys.stderr.write(
            "DATABASE_URL does not name a PostgreSQL database: backups and "
            "restores are for PostgreSQL only.\n"
        )
        return 2
    values = {
        "PGHOST": config.get("HOST") or "",
        "PGPORT": str(config.get("PORT") or ""),
        "PGUSER": config.get("USER") or "",
        "PGPASSWORD": config.get("PASSWORD") or "",
        "PGDATABASE": config.get("NAME") or "",
    }
    for option, variable in LIBPQ_OPTIONS.items():
        if option in config.get("OPTIONS", {}):
            values[variable] = str(config["OPTIONS"][option])
    for variable, value in values.items():
        if value:
            sys.stdout.write(f"export {variable}={shlex.quote(value)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
