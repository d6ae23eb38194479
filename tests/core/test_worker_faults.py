"""The task worker as separate processes against a private PostgreSQL that the tests
break (issue 14, items 7 and 8): a worker killed mid-task, whose work the reaper
hands to the next worker; and a worker that rides out the database's restart."""

import os
import signal
import zipfile

import pytest

from .private_postgres import (
    ProjectProcesses,
    private_cluster,
    project_database,
    wait_for,
)

WORKER = "run_worker"
ZIP_TASK = "certificates.tasks.build_certificates_zip"


@pytest.fixture(scope="session")
def private_postgres(django_db_blocker):
    with private_cluster(django_db_blocker) as cluster:
        yield cluster


@pytest.fixture
def project(private_postgres, tmp_path, request):
    name = f"learning_{request.node.name[5:45]}_{os.getpid()}"
    with project_database(private_postgres, name, tmp_path / "var") as processes:
        yield processes


def worker(project: ProjectProcesses, worker_id: str, log, *options):
    return project.start(
        WORKER,
        "--no-reload",
        "--no-startup-delay",
        "--interval",
        "0.2",
        "--worker-id",
        worker_id,
        *options,
        log=log,
    )


def test_a_zip_whose_worker_was_killed_mid_task_is_finished_by_the_next_worker_after_the_reaper(
    project, tmp_path
):
    job_id = int(
        project.python(
            "from tests.core.fault_data import certificates_zip_job\n"
            "print(certificates_zip_job(certificates=3))"
        )
    )
    first = worker(project, "first", tmp_path / "first.log")

    def job():
        return project.rows(
            "SELECT status, progress, total, result, failure FROM core_backgroundjob "
            "WHERE id = %s",
            (job_id,),
        )[0]

    def zip_tasks():
        return project.rows(
            "SELECT status, args_kwargs, worker_ids, exception_class_path "
            "FROM django_tasks_database_dbtaskresult WHERE task_path = %s "
            "ORDER BY enqueued_at",
            (ZIP_TASK,),
        )

    wait_for(
        lambda: job()[0] == "running", timeout=60, what="the ZIP to start", pause=0.05
    )
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    # As the worker left it: "in progress" for ever, without the reaper.
    assert job()[0] == "running"
    assert [row[0] for row in zip_tasks()] == ["RUNNING"]

    # The next worker starts while the reaper runs, as workers wait for work.
    second = worker(project, "second", tmp_path / "second.log")
    reaper = project.manage("reap_stuck_tasks", "--stuck-after", "0")
    assert reaper.returncode == 0, reaper.stderr
    assert reaper.stdout.startswith("1 task(s) queued again, 0 task(s) failed")

    wait_for(lambda: job()[0] == "done", timeout=120, what="the next worker's ZIP")
    status, progress, total, result, failure = job()
    assert (progress, total, failure) == (3, 3, "")
    lost, again = zip_tasks()
    assert (lost[0], lost[2], lost[3]) == (
        "FAILED",
        ["first"],
        "learning.core.tasks.WorkerLost",
    )
    assert (again[0], again[1]["kwargs"], again[2]) == (
        "SUCCESSFUL",
        {"attempt": 2},
        ["second"],
    )
    with zipfile.ZipFile(project.var_dir / "media" / result) as archive:
        pdfs = [archive.read(name) for name in archive.namelist()]
    assert len(pdfs) == 3 and all(pdf.startswith(b"%PDF") for pdf in pdfs)
    second.send_signal(signal.SIGTERM)
    assert second.wait(timeout=30) == 0


def test_the_worker_rides_out_a_database_restart_and_runs_a_task_queued_after_it(
    project, private_postgres, tmp_path
):
    log = tmp_path / "worker.log"
    steady = worker(project, "steady", log)
    wait_for(
        lambda: "Starting worker" in log.read_text(),
        timeout=60,
        what="the worker to start",
    )

    def still_running_and_waiting_for_the_database():
        assert steady.poll() is None, f"The worker stopped:\n{log.read_text()[-3000:]}"
        return log.read_text().count("The database is unavailable") >= 2

    private_postgres.stop()
    try:
        wait_for(
            still_running_and_waiting_for_the_database,
            timeout=30,
            what="the worker to find the database gone, twice",
        )
    finally:
        private_postgres.start()

    task_id = project.python(
        "from learning.reports.summary_tasks import refresh_report_summary\n"
        "print(refresh_report_summary.enqueue().id)"
    ).strip()
    finished = wait_for(
        lambda: project.rows(
            "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult "
            "WHERE id = %s AND status IN ('SUCCESSFUL', 'FAILED')",
            (task_id,),
        ),
        timeout=90,
        what="the worker to run the task queued after the restart",
    )
    assert finished == [("SUCCESSFUL", ["steady"])], log.read_text()
    assert steady.poll() is None

    steady.send_signal(signal.SIGTERM)
    assert steady.wait(timeout=30) == 0
