"""A private PostgreSQL cluster, and the project's processes run against it.

For tests that kill workers and stop the database: never the machine's shared
server. ``initdb`` makes a cluster in a temporary folder, served on a free loopback
port; each test gets its own database, copied from a template that holds the
project's tables (made from the current models, as pytest-django's
``--nomigrations`` does, because running every migration takes half a minute).
PostgreSQL refuses to run as root, so as root the cluster runs as the ``postgres``
user. Tests using it are skipped when the PostgreSQL server programs are missing.
"""

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = "learning_template"


def _server_bin() -> Path | None:
    if found := shutil.which("pg_ctl"):
        return Path(found).parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda path: int(path.parent.parent.name),
    )
    return versions[-1].parent if versions else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivatePostgres:
    def __init__(self, root: Path, bin_dir: Path, user: str | None):
        self.root = root
        self.data = root / "data"
        self.bin = bin_dir
        self.user = user
        self.port = free_port()

    def _run(self, *command, check=True):
        return subprocess.run(  # noqa: S603 - our own arguments
            [str(self.bin / command[0]), *command[1:]],
            user=self.user,
            capture_output=True,
            text=True,
            check=check,
            timeout=60,
        )

    def init(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str = "postgres"):
        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user="postgres",
            dbname=database,
            autocommit=True,
        )

    def rows(self, database: str, sql: str, params=()) -> list[tuple]:
        with self.connect(database) as connection:
            return connection.execute(sql, params).fetchall()

    def create_database(self, name: str, template: str | None = None) -> str:
        with self.connect() as connection:
            clause = f' TEMPLATE "{template}"' if template else ""
            connection.execute(f'CREATE DATABASE "{name}"{clause}')
        return name


def _build_schema(url: str) -> None:
    """The project's tables, from its current models, in the database at ``url``."""
    from django.apps import apps
    from django.core.management.commands.createcachetable import (
        Command as CreateCacheTable,
    )
    from django.db import connections
    from django.db.utils import load_backend

    import dj_database_url

    alias = "private_postgres"
    settings_dict = connections.configure_settings(
        {"default": dj_database_url.parse(url)}
    )["default"]
    wrapper = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(
        settings_dict, alias
    )
    models = [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    ]
    connections[alias] = wrapper
    try:
        with wrapper.schema_editor() as editor:
            for model in models:
                editor.create_model(model)
        create_cache_table = CreateCacheTable()
        create_cache_table.verbosity = 0
        create_cache_table.create_table(alias, "cache_table", dry_run=False)
    finally:
        with contextlib.suppress(AttributeError):
            del connections[alias]
        wrapper.close()


@contextlib.contextmanager
def private_cluster(django_db_blocker):
    """A started cluster whose template database holds the project's tables; skips
    the test where the PostgreSQL server programs (or, as root, a user to run them
    as) are missing. Stopped and deleted afterwards."""
    bin_dir = _server_bin()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        pytest.skip(
            "The PostgreSQL server programs (initdb, pg_ctl) are not installed."
        )
    user = None
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres").pw_name
        except KeyError:
            pytest.skip("As root, a private PostgreSQL needs a 'postgres' user.")
    root = Path(tempfile.mkdtemp(prefix="learning-private-pg-"))
    if user:
        shutil.chown(root, user=user)
    cluster = PrivatePostgres(root, bin_dir, user)
    try:
        cluster.init()
        cluster.start()
        cluster.create_database(TEMPLATE)
        with django_db_blocker.unblock():
            _build_schema(cluster.url(TEMPLATE))
        yield cluster
    finally:
        cluster._run(
            "pg_ctl", "-D", str(cluster.data), "-m", "immediate", "stop", check=False
        )
        shutil.rmtree(root, ignore_errors=True)


class ProjectProcesses:
    """The project's commands, run as separate processes against one database."""

    def __init__(self, cluster: PrivatePostgres, database: str, var_dir: Path):
        self.cluster = cluster
        self.database = database
        self.var_dir = var_dir
        self.started: list[subprocess.Popen] = []

    def env(self, **extra) -> dict:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "TASKS_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="learning.settings.dev",
            DATABASE_URL=self.cluster.url(self.database),
            TASKS_BACKEND="database",
            VAR_DIR=str(self.var_dir),
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            LOG_FORMAT="plain",
            PYTHONUNBUFFERED="1",
        )
        env.update(extra)
        return env

    def python(self, code: str, **env) -> str:
        """Run ``code`` after ``django.setup()``; what it printed."""
        result = subprocess.run(  # noqa: S603 - our own arguments
            [sys.executable, "-c", f"import django\ndjango.setup()\n{code}"],
            cwd=REPO,
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def manage(self, *arguments, **env) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 - our own arguments
            [sys.executable, "manage.py", *arguments],
            cwd=REPO,
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=120,
        )

    def start(self, *arguments, log: Path, **env) -> subprocess.Popen:
        handle = log.open("w")
        process = subprocess.Popen(  # noqa: S603 - our own arguments
            [sys.executable, "manage.py", *arguments],
            cwd=REPO,
            env=self.env(**env),
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        handle.close()
        self.started.append(process)
        return process

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                process.wait(timeout=10)

    def rows(self, sql: str, params=()) -> list[tuple]:
        return self.cluster.rows(self.database, sql, params)


@contextlib.contextmanager
def project_database(cluster: PrivatePostgres, name: str, var_dir: Path):
    """A database of its own, copied from the template, and the project's processes
    run against it; the processes are killed and the database dropped afterwards."""
    cluster.create_database(name, template=TEMPLATE)
    processes = ProjectProcesses(cluster, name, var_dir)
    try:
        yield processes
    finally:
        processes.stop_all()
        with contextlib.suppress(psycopg.Error), cluster.connect() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_for(condition, *, timeout: float, what: str, pause: float = 0.1):
    """Poll ``condition`` until it returns something true; that value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(pause)
    raise AssertionError(f"Timed out after {timeout:.0f} s waiting for {what}.")
