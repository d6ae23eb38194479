"""Background work that fails is tried again, and work whose worker died is reaped
(issue 14, item 7). Tasks go through the database backend and our worker, as in
production; the disk fills up through a real storage class configured here."""

import errno
import io
import os
import smtplib
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

from django.conf import settings as django_settings
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from certificates.models import Certificate
from certificates.services import certificate_pdf_store
from certificates.tasks import build_certificates_zip, render_certificate
from learning.core.models import BackgroundJob, JobFailure, JobStatus
from learning.core.tasks import NO_TASK_LEFT, WORKER_LOST, is_transient
from learning.reports.exports import JOB_KIND
from learning.reports.tasks import SCOPE_CHANGED, build_report_export

from .tasks_support import run_queued_tasks, use_database_tasks

JOB_STOPPED = "The export stopped before it finished. Start it again."
ZIP_TASK = "certificates.tasks.build_certificates_zip"
RENDER_TASK = "certificates.tasks.render_certificate"


class FullDiskStorage(FileSystemStorage):
    """The site's file storage on a disk that, while ``full`` is set, has no space
    left: as on a real full disk, the file is created and the write fails part-way."""

    full = False

    def _save(self, name, content):
        if not type(self).full:
            return super()._save(name, content)
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(content.read(64))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)


@pytest.fixture
def disk(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.FullDiskStorage"},
    }
    yield FullDiskStorage
    FullDiskStorage.full = False


@pytest.fixture
def database_tasks(settings):
    use_database_tasks(settings)


def stored_certificate_files() -> list[str]:
    root = Path(django_settings.MEDIA_ROOT) / "certificates"
    return sorted(
        str(path.relative_to(django_settings.MEDIA_ROOT))
        for path in root.rglob("*")
        if path.is_file()
    )


def tasks(path):
    return list(DBTaskResult.objects.filter(task_path=path).order_by("enqueued_at"))


@pytest.fixture
def certificate(learner, agency):
    # Certificates from earlier tests' renders must not count here.
    for name in stored_certificate_files():
        Path(django_settings.MEDIA_ROOT, name).unlink(missing_ok=True)
    return Certificate.objects.create(
        holder=learner,
        holder_name=learner.name,
        agency=agency,
        agency_name=agency.name,
        kind="session",
        source_key="retry-test",
        title="Recognising chronic neglect",
        completed_on=date(2026, 11, 2),
        cpd_minutes=90,
    )


def pdf_text(field) -> str:
    with field.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_render_that_failed_on_a_full_disk_is_retried_and_never_points_at_an_empty_file(
    disk, database_tasks, certificate
):
    disk.full = True
    render_certificate.enqueue(certificate.pk)
    run_queued_tasks()

    certificate.refresh_from_db()
    assert not certificate.pdf
    assert stored_certificate_files() == []
    failed, retry = tasks(RENDER_TASK)
    assert failed.status == "FAILED" and "No space left on device" in failed.traceback
    assert retry.status == "READY" and retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert (
        timedelta(seconds=50)
        < retry.run_after - timezone.now()
        <= timedelta(seconds=60)
    )

    disk.full = False
    run_queued_tasks()
    assert tasks(RENDER_TASK)[1].status == "READY"  # not due yet
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        run_queued_tasks()

    certificate.refresh_from_db()
    assert tasks(RENDER_TASK)[1].status == "SUCCESSFUL"
    assert stored_certificate_files() == [certificate.pdf.name]
    assert certificate.pdf.size > 1000
    assert certificate.code in pdf_text(certificate.pdf)


def test_a_re_render_that_failed_on_a_full_disk_keeps_the_earlier_pdf(
    disk, certificate
):
    certificate_pdf_store(certificate=certificate)
    earlier = certificate.pdf.name
    disk.full = True
    with pytest.raises(OSError, match="No space left"):
        certificate_pdf_store(certificate=certificate)

    certificate.refresh_from_db()
    assert certificate.pdf.name == earlier
    assert stored_certificate_files() == [earlier]
    assert certificate.code in pdf_text(certificate.pdf)


def test_rendering_twice_leaves_one_complete_pdf(certificate):
    certificate_pdf_store(certificate=certificate)
    render_certificate.enqueue(certificate.pk)  # already stored: nothing to do
    first = Certificate.objects.get(pk=certificate.pk).pdf.name
    certificate_pdf_store(certificate=certificate)

    certificate.refresh_from_db()
    assert first
    assert stored_certificate_files() == [certificate.pdf.name]
    assert certificate.code in pdf_text(certificate.pdf)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_that_keeps_failing_for_a_passing_reason_stops_at_the_limit(
    disk, database_tasks, certificate
):
    disk.full = True
    render_certificate.enqueue(certificate.pk)
    later = timezone.now()
    for _attempt in range(4):
        later += timedelta(hours=1)
        with time_machine.travel(later):
            run_queued_tasks()

    rows = tasks(RENDER_TASK)
    assert [row.status for row in rows] == ["FAILED"] * 3
    assert [row.args_kwargs["kwargs"].get("attempt", 1) for row in rows] == [1, 2, 3]
    assert stored_certificate_files() == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_export_refused_for_a_lasting_reason_is_not_tried_again(
    database_tasks, learner, agency
):
    job = BackgroundJob.objects.create(
        kind=JOB_KIND,
        params={"agency_ids": [agency.pk], "query": {}},
        created_by=learner,  # no longer (or never) a lead
    )
    build_report_export.enqueue(job.pk)
    run_queued_tasks()

    [row] = tasks("learning.reports.tasks.build_report_export")
    assert row.status == "FAILED"
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.error == SCOPE_CHANGED


def _claimed_by_a_worker_that_died(row, *, minutes_ago):
    row.claim("worker-that-died")
    DBTaskResult.objects.filter(pk=row.pk).update(
        started_at=timezone.now() - timedelta(minutes=minutes_ago)
    )


def reap(*arguments) -> str:
    out = StringIO()
    call_command("reap_stuck_tasks", *arguments, stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_reaper_queues_a_task_whose_worker_died_again_with_its_attempt_counted(
    database_tasks, certificate
):
    render_certificate.enqueue(certificate.pk)
    _claimed_by_a_worker_that_died(tasks(RENDER_TASK)[0], minutes_ago=31)

    assert reap() == "1 task(s) queued again, 0 task(s) failed, 0 job(s) stopped.\n"

    lost, again = tasks(RENDER_TASK)
    assert lost.status == "FAILED" and WORKER_LOST in lost.traceback
    assert lost.exception_class_path == "learning.core.tasks.WorkerLost"
    assert again.status == "READY" and again.args_kwargs["kwargs"] == {"attempt": 2}
    run_queued_tasks()
    certificate.refresh_from_db()
    assert certificate.code in pdf_text(certificate.pdf)
    assert reap() == "0 task(s) queued again, 0 task(s) failed, 0 job(s) stopped.\n"


def test_the_reaper_leaves_a_task_running_within_the_time_alone(
    database_tasks, certificate
):
    render_certificate.enqueue(certificate.pk)
    _claimed_by_a_worker_that_died(tasks(RENDER_TASK)[0], minutes_ago=29)

    assert reap().startswith("0 task(s) queued again, 0 task(s) failed")
    assert [row.status for row in tasks(RENDER_TASK)] == ["RUNNING"]


def test_the_reaper_fails_a_zip_whose_worker_died_on_its_last_attempt_and_tells_its_requester(
    database_tasks, client, partnership_lead, agency
):
    job = BackgroundJob.objects.create(
        kind="certificates_zip",
        params={"agency_id": agency.pk},
        created_by=partnership_lead,
        status=JobStatus.RUNNING,
    )
    build_certificates_zip.enqueue(job.pk, attempt=3)
    _claimed_by_a_worker_that_died(tasks(ZIP_TASK)[0], minutes_ago=45)

    assert reap() == "0 task(s) queued again, 1 task(s) failed, 0 job(s) stopped.\n"

    assert [row.status for row in tasks(ZIP_TASK)] == ["FAILED"]
    job.refresh_from_db()
    assert (job.status, job.failure, job.error) == (
        JobStatus.FAILED,
        JobFailure.STOPPED,
        WORKER_LOST,
    )
    client.force_login(partnership_lead)
    page = client.get(f"/certificates/manage/exports/{job.pk}/").content.decode()
    assert JOB_STOPPED in page
    assert 'http-equiv="refresh"' not in page


def test_the_reaper_stops_an_export_left_waiting_with_no_task_to_run_it(
    client, agency_lead, agency
):
    created = timezone.now() - timedelta(hours=1)
    job = BackgroundJob.objects.create(
        kind=JOB_KIND,
        params={"agency_ids": [agency.pk], "query": {"table": "people"}},
        created_by=agency_lead,
        created_at=created,
    )
    recent = BackgroundJob.objects.create(
        kind=JOB_KIND, params={"agency_ids": [agency.pk]}, created_by=agency_lead
    )

    assert reap() == "0 task(s) queued again, 0 task(s) failed, 1 job(s) stopped.\n"

    job.refresh_from_db()
    assert (job.status, job.failure, job.error) == (
        JobStatus.FAILED,
        JobFailure.STOPPED,
        NO_TASK_LEFT,
    )
    recent.refresh_from_db()
    assert recent.status == JobStatus.QUEUED
    client.force_login(agency_lead)
    page = client.get(f"/reports/export/jobs/{job.pk}/").content.decode()
    assert JOB_STOPPED in page


def test_the_reaper_leaves_a_job_alone_while_its_retry_waits(
    database_tasks, partnership_lead, agency
):
    job = BackgroundJob.objects.create(
        kind="certificates_zip",
        params={"agency_id": agency.pk},
        created_by=partnership_lead,
        created_at=timezone.now() - timedelta(hours=1),
    )
    build_certificates_zip.using(
        run_after=timezone.now() + timedelta(minutes=4)
    ).enqueue(job.pk, attempt=3)

    assert reap().endswith("0 job(s) stopped.\n")
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED


def test_the_reaper_refuses_a_negative_time(db):
    with pytest.raises(Exception, match="0 or more seconds"):
        reap("--stuck-after", "-1")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_restarting_under_its_id_queues_again_the_task_it_was_running(
    database_tasks, certificate
):
    render_certificate.enqueue(certificate.pk)
    tasks(RENDER_TASK)[0].claim("worker-1")  # then the process died

    run_queued_tasks(worker_id="worker-1")

    lost, again = tasks(RENDER_TASK)
    assert lost.status == "FAILED" and WORKER_LOST in lost.traceback
    assert again.status == "SUCCESSFUL" and again.worker_ids == ["worker-1"]
    certificate.refresh_from_db()
    assert certificate.code in pdf_text(certificate.pdf)


@pytest.mark.parametrize(
    ("failure", "transient"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), True),
        (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), True),
        (TimeoutError("timed out"), True),
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), True),
        (smtplib.SMTPResponseException(421, b"Try again later"), True),
        (smtplib.SMTPResponseException(554, b"Message rejected"), False),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"Busy")}), True),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"No such")}), False),
        (OperationalError("the database system is shutting down"), True),
        (PermissionError(SCOPE_CHANGED), False),
        (FileNotFoundError(errno.ENOENT, "No such file"), False),
        (KeyError("reminder"), False),
    ],
)
def test_only_failures_that_may_pass_are_tried_again(failure, transient):
    assert is_transient(failure) is transient
