"""The deployment files in deploy/ (issue 14, item 8): systemd restarts the worker
and the web processes whenever they stop, and cron runs the scheduled commands,
the reaper among them."""

import os
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

from django.core.management import get_commands

import pytest

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
UNITS = ("learning-web.service", "learning-worker@.service")


def directives(unit: str) -> dict[str, list[str]]:
    found = defaultdict(list)
    for line in (DEPLOY / "systemd" / unit).read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            found[key].append(value)
    return found


def cron_entries() -> list[tuple[str, str, list[str]]]:
    """(schedule, user, command and arguments) of each job in the cron file."""
    entries = []
    for line in (DEPLOY / "cron.d" / "learning").read_text().splitlines():
        fields = line.split()
        if not fields or line.startswith("#") or "=" in fields[0]:
            continue
        schedule, user, command = " ".join(fields[:5]), fields[5], fields[6:]
        entries.append((schedule, user, command[command.index("$RUN") + 1 :]))
    return entries


def test_the_worker_and_the_web_processes_are_restarted_whenever_they_stop():
    worker = directives("learning-worker@.service")
    assert worker["ExecStart"] == [
        "/srv/learning/.venv/bin/python manage.py run_worker --no-reload "
        "--worker-id %H-%i"
    ]
    web = directives("learning-web.service")
    assert web["ExecStart"][0].startswith("/srv/learning/.venv/bin/gunicorn -c ")
    for unit in (worker, web):
        assert unit["Restart"] == ["always"]
        assert unit["StartLimitIntervalSec"] == ["0"]  # never gives up
        assert unit["EnvironmentFile"] == ["/etc/learning/env"]
        assert unit["User"] == ["learning"]


def test_systemd_accepts_the_units(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed.")
    # As installed, with this checkout as the application and the example environment.
    for unit in UNITS:
        text = (
            (DEPLOY / "systemd" / unit)
            .read_text()
            .replace("/etc/learning/env", str(REPO / ".env.example"))
            .replace("/srv/learning", str(REPO))
            .replace("User=learning", "User=root")
            .replace("Group=learning", "Group=root")
        )
        (tmp_path / unit.replace("@.", "@1.")).write_text(text)
        (tmp_path / unit).write_text(text)
    result = subprocess.run(  # noqa: S603 - our own arguments
        [analyze, "verify", "./learning-web.service", "./learning-worker@1.service"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_cron_runs_existing_commands_and_the_reaper_every_five_minutes():
    entries = cron_entries()
    commands = {command[0] for _schedule, _user, command in entries}
    assert commands <= set(get_commands())
    assert {
        "reap_stuck_tasks",
        "refresh_report_summary",
        "send_session_reminders",
        "send_certificate_reminders",
        "send_follow_ups",
        "prune_db_task_results",
    } <= commands
    assert ("*/5 * * * *", "learning", ["reap_stuck_tasks"]) in entries
    assert {user for _schedule, user, _command in entries} == {"learning"}


def test_the_cron_wrapper_runs_a_command_with_the_production_environment(tmp_path):
    environment = tmp_path / "env"
    environment.write_text("DJANGO_SETTINGS_MODULE=learning.settings.dev\n")
    result = subprocess.run(  # noqa: S603 - our own arguments
        [str(DEPLOY / "manage.sh"), "help", "reap_stuck_tasks"],
        env={
            "PATH": os.environ["PATH"],
            "LEARNING_HOME": str(REPO),
            "LEARNING_ENV": str(environment),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Recover the work of task workers that died" in result.stdout


def test_the_production_smoke_test_runs_the_worker_that_rides_out_outages():
    script = (REPO / "scripts" / "prod_smoke.sh").read_text()
    assert "manage.py run_worker" in script
    assert "manage.py db_worker" not in script
