"""make backup / make restore: a certificate and its PDF survive (issue 14, item 16).

Against the PostgreSQL server the suite runs on: a throwaway source database (a copy
of the freshly migrated test database) gets a certificate with its stored PDF through
the real services, ``scripts/backup.sh`` backs it up, ``scripts/restore.sh`` restores
it into a second new, empty database and an empty media folder, and a separate
Django process on the restored database opens the PDF and the public verify page.
Only the databases this module creates are dropped.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

from django.db import connection

import psycopg
import pytest
from psycopg import sql

# Marked so that pytest-django sets the test database up (the source is copied from it).
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
NOT_EMPTY = "is not empty"
NOT_A_BACKUP = "is not a backup made by make backup"
DAMAGED = "is damaged: its files do not match their checksums"
NOT_POSTGRESQL = "DATABASE_URL does not name a PostgreSQL database"
NOTHING_CHANGED = "Nothing was changed."

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="make backup dumps PostgreSQL (set DATABASE_URL=postgres://...)",
)

ISSUE_CERTIFICATE = """
import json
from django.conf import settings
settings.MEDIA_ROOT = {media!r}
import django
django.setup()
from django.utils import timezone
from learning.accounts.factories import ProfileFactory
from certificates.models import AchievementKind
from certificates.services import Achievement, certificate_issue

holder = ProfileFactory(user__name="Rowan Backupfield").user
certificate = certificate_issue(
    holder=holder,
    achievement=Achievement(
        kind=AchievementKind.MODULE,
        source_key="backup-restore-test",
        title="Recognising chronic neglect",
        completed_on=timezone.localdate(),
        cpd_minutes=60,
        refresher_months=None,
    ),
)
certificate.refresh_from_db()
assert certificate.pdf, "the PDF was not stored"
print(json.dumps({{"code": certificate.code, "holder": holder.name,
                   "pdf": certificate.pdf.name}}))
"""

READ_RESTORED = """
import io, json, re
from django.conf import settings
settings.MEDIA_ROOT = {media!r}
import django
django.setup()
from django.test import Client
from pypdf import PdfReader
from certificates.models import Certificate

certificate = Certificate.objects.get(code={code!r})
with certificate.pdf.open("rb") as stored:
    reader = PdfReader(io.BytesIO(stored.read()))
text = re.sub(r"\\s+", " ", " ".join(page.extract_text() for page in reader.pages))
page = Client().get(f"/certificates/verify/{{certificate.code}}/")
print(json.dumps({{
    "pdf_pages": len(reader.pages),
    "pdf_text": text,
    "verify_status": page.status_code,
    "verify_page": page.content.decode(),
}}))
"""


def _database_url(name: str) -> str:
    config = connection.settings_dict
    credentials = quote(config["USER"] or "", safe="")
    if config["PASSWORD"]:
        credentials += ":" + quote(config["PASSWORD"], safe="")
    host = config["HOST"] or "127.0.0.1"
    port = config["PORT"] or 5432
    return f"postgres://{credentials}@{host}:{port}/{name}"


def _environment(**values) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "PG"))
        and key
        not in {"DATABASE_URL", "REDIS_URL", "MEDIA_ROOT", "BACKUP_DIR", "FORCE"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "learning.settings.test"
    env["PYTHON_BIN"] = sys.executable
    env.update({key: str(value) for key, value in values.items()})
    return env


def _run(command, **env):
    return subprocess.run(  # noqa: S603 - our own scripts and interpreter
        command,
        cwd=ROOT,
        env=_environment(**env),
        capture_output=True,
        text=True,
        check=False,
    )


def _python(script: str, *, database: str) -> dict:
    result = _run([sys.executable, "-c", script], DATABASE_URL=_database_url(database))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


class Server:
    """Databases made on the test's PostgreSQL server; drops only those."""

    def __init__(self):
        config = connection.settings_dict
        self._params = {
            "dbname": "postgres",
            "host": config["HOST"] or "127.0.0.1",
            "port": config["PORT"] or 5432,
            "user": config["USER"],
            "password": config["PASSWORD"] or None,
            "autocommit": True,
        }
        self.created = []

    def _execute(self, statement):
        with psycopg.connect(**self._params) as admin:
            admin.execute(statement)

    def create(self, role: str) -> str:
        name = f"learning_{role}_{uuid.uuid4().hex[:10]}"
        self._execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self.created.append(name)
        return name

    def drop_created(self):
        for name in self.created:
            self._execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )
        self.created.clear()

    def tables(self, name: str) -> int:
        with psycopg.connect(**{**self._params, "dbname": name}) as db:
            return db.execute(
                "select count(*) from pg_catalog.pg_tables "
                "where schemaname not in ('pg_catalog', 'information_schema')"
            ).fetchone()[0]


@pytest.fixture(scope="module")
def backed_up(django_db_setup, tmp_path_factory, request):
    """A certificate issued in a throwaway database, then ``scripts/backup.sh``."""
    if connection.vendor != "postgresql":
        pytest.skip("make backup dumps PostgreSQL (set DATABASE_URL=postgres://...)")
    folder = tmp_path_factory.mktemp("backup")
    server = Server()
    request.addfinalizer(server.drop_created)
    source = server.create("backup_source")
    # The source starts as a copy of the freshly migrated test database.
    dump = subprocess.run(  # noqa: S603 - pg_dump from PATH
        [shutil.which("pg_dump"), "--format=custom", connection.settings_dict["NAME"]],
        env=_environment(**_libpq(connection.settings_dict)),
        capture_output=True,
        check=True,
    )
    subprocess.run(  # noqa: S603 - pg_restore from PATH
        [shutil.which("pg_restore"), "--no-owner", "--dbname", source],
        input=dump.stdout,
        env=_environment(**_libpq(connection.settings_dict)),
        capture_output=True,
        check=True,
    )
    media = folder / "media"
    media.mkdir()
    issued = _python(ISSUE_CERTIFICATE.format(media=str(media)), database=source)
    backups = folder / "backups"
    result = _run(
        ["scripts/backup.sh"],
        DATABASE_URL=_database_url(source),
        MEDIA_ROOT=media,
        BACKUP_DIR=backups,
    )
    assert result.returncode == 0, result.stderr
    [backup] = list(backups.iterdir())
    return {
        "server": server,
        "source": source,
        "media": media,
        "backup": backup,
        "folder": folder,
        "output": result.stdout,
        **issued,
    }


def _libpq(config) -> dict:
    values = {
        "PGHOST": config["HOST"] or "127.0.0.1",
        "PGPORT": config["PORT"] or 5432,
        "PGUSER": config["USER"],
    }
    if config["PASSWORD"]:
        values["PGPASSWORD"] = config["PASSWORD"]
    return values


@needs_postgresql
def test_backup_holds_the_database_the_media_a_manifest_and_checksums(backed_up):
    backup = backed_up["backup"]
    manifest = (backup / "manifest.txt").read_text()

    assert sorted(path.name for path in backup.iterdir()) == [
        "SHA256SUMS",
        "database.dump",
        "manifest.txt",
        "media.tar.gz",
    ]
    assert f"database: {backed_up['source']}" in manifest
    assert "media: media.tar.gz (files: 1)" in manifest
    assert f"backup: written to {backup}" in backed_up["output"]
    assert oct(backup.stat().st_mode & 0o777) == "0o700"


@needs_postgresql
def test_restored_database_and_media_serve_the_certificate_pdf_and_verify_page(
    backed_up,
):
    server = backed_up["server"]
    restored_db = server.create("restore_target")
    restored_media = backed_up["folder"] / "restored-media"

    result = _run(
        ["scripts/restore.sh", str(backed_up["backup"])],
        DATABASE_URL=_database_url(restored_db),
        MEDIA_ROOT=restored_media,
    )
    assert result.returncode == 0, result.stderr
    found = _python(
        READ_RESTORED.format(media=str(restored_media), code=backed_up["code"]),
        database=restored_db,
    )

    assert (restored_media / backed_up["pdf"]).is_file()
    assert found["pdf_pages"] >= 1
    assert backed_up["code"] in found["pdf_text"]
    assert backed_up["holder"] in found["pdf_text"]
    assert found["verify_status"] == 200
    assert backed_up["holder"] in found["verify_page"]


@needs_postgresql
def test_restore_refuses_a_database_that_has_tables_and_changes_nothing(backed_up):
    server = backed_up["server"]
    tables_before = server.tables(backed_up["source"])
    media = backed_up["folder"] / "untouched-media"

    result = _run(
        ["scripts/restore.sh", str(backed_up["backup"])],
        DATABASE_URL=_database_url(backed_up["source"]),
        MEDIA_ROOT=media,
    )

    assert result.returncode != 0
    assert NOT_EMPTY in result.stderr
    assert NOTHING_CHANGED in result.stderr
    assert server.tables(backed_up["source"]) == tables_before
    assert not media.exists()


COUNT_CERTIFICATES = """
import json
import django
django.setup()
from certificates.models import Certificate
print(json.dumps({{"certificates": Certificate.objects.filter(code={code!r}).count()}}))
"""


@needs_postgresql
def test_forced_restore_replaces_what_the_database_and_media_folder_hold(backed_up):
    server = backed_up["server"]
    target = server.create("restore_forced")
    media = backed_up["folder"] / "forced-media"
    backup = str(backed_up["backup"])
    first = _run(
        ["scripts/restore.sh", backup],
        DATABASE_URL=_database_url(target),
        MEDIA_ROOT=media,
    )
    assert first.returncode == 0, first.stderr

    again = _run(
        ["scripts/restore.sh", backup],
        DATABASE_URL=_database_url(target),
        MEDIA_ROOT=media,
        FORCE=1,
    )
    found = _python(COUNT_CERTIFICATES.format(code=backed_up["code"]), database=target)

    assert again.returncode == 0, again.stderr
    assert found == {"certificates": 1}
    assert (media / backed_up["pdf"]).is_file()


@pytest.fixture(scope="module")
def empty_database(backed_up):
    """One new database that the refused restores must leave empty."""
    return backed_up["server"].create("restore_refused")


@needs_postgresql
def test_restore_refuses_a_media_folder_that_has_files(backed_up, empty_database):
    server = backed_up["server"]
    empty_db = empty_database
    media = backed_up["folder"] / "busy-media"
    media.mkdir()
    (media / "keep.txt").write_text("someone's file")

    result = _run(
        ["scripts/restore.sh", str(backed_up["backup"])],
        DATABASE_URL=_database_url(empty_db),
        MEDIA_ROOT=media,
    )

    assert result.returncode != 0
    assert "MEDIA_ROOT" in result.stderr
    assert NOT_EMPTY in result.stderr
    assert server.tables(empty_db) == 0
    assert [path.name for path in media.iterdir()] == ["keep.txt"]


@needs_postgresql
def test_restore_refuses_a_damaged_backup(backed_up, empty_database, tmp_path):
    damaged = tmp_path / "damaged"
    shutil.copytree(backed_up["backup"], damaged)
    with (damaged / "database.dump").open("ab") as dump:
        dump.write(b"\0")
    empty_db = empty_database

    result = _run(
        ["scripts/restore.sh", str(damaged)],
        DATABASE_URL=_database_url(empty_db),
        MEDIA_ROOT=tmp_path / "media",
    )

    assert result.returncode != 0
    assert DAMAGED in result.stderr
    assert backed_up["server"].tables(empty_db) == 0


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    result = _run(
        ["scripts/restore.sh", str(tmp_path)],
        DATABASE_URL="postgres://nobody@127.0.0.1:1/nothing",
    )

    assert result.returncode != 0
    assert NOT_A_BACKUP in result.stderr


def test_backup_refuses_a_database_that_is_not_postgresql(tmp_path):
    result = _run(
        ["scripts/backup.sh"],
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        BACKUP_DIR=tmp_path / "backups",
    )

    assert result.returncode != 0
    assert NOT_POSTGRESQL in result.stderr
    assert not (tmp_path / "backups").exists()
