"""The life of a background export (``BackgroundJob``): its file, its expiry, its end.

A task writes its file to a temporary file on disk (``export_tempfile``), never to
memory, and hands it to ``job_finish``, which streams it into storage and gives it
an expiry date ``EXPORT_RETENTION_DAYS`` away. Finishing, failing and withdrawing
are conditional updates, so a job withdrawn while it ran (its agency's data erased)
is never brought back to "done", and its late file is deleted.

Files are deleted after the database change commits; a job whose file could not be
deleted keeps the file's name, and ``exports_expire`` tries again on its next run.
"""

import logging
import tempfile
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import BackgroundJob, JobStatus
from .services import audit_log

logger = logging.getLogger(__name__)

EXPORT_EXPIRED = _("This file has expired and has been deleted.")
# Audit reasons for deleting an export's file.
RETENTION = "retention"
ACCOUNT_ERASED = "account_erased"
# Jobs whose file might exist or be about to.
LIVE_STATUSES = (JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.DONE)


def export_retention() -> timedelta:
    return timedelta(days=settings.EXPORT_RETENTION_DAYS)


def export_tempfile():
    """An anonymous temporary file (gone when closed, or if the process dies) in
    ``FILE_UPLOAD_TEMP_DIR``, for building an export on disk."""
    return tempfile.TemporaryFile(dir=settings.FILE_UPLOAD_TEMP_DIR)


def job_agency_ids(job: BackgroundJob) -> frozenset[int] | None:
    """The agencies whose people a job's file may hold; None when unreadable.

    Jobs store ``agency_ids``; certificate ZIPs made before that stored only
    ``agency_id``.
    """
    params = job.params if isinstance(job.params, dict) else {}
    raw = params.get("agency_ids")
    if raw is None and params.get("agency_id") is not None:
        raw = [params["agency_id"]]
    if not isinstance(raw, list) or not raw:
        return None
    try:
        return frozenset(int(pk) for pk in raw)
    except (TypeError, ValueError):
        return None


# Running ------------------------------------------------------------------------


def job_start(*, job_id: int) -> BackgroundJob | None:
    """Mark the job running and return it; None if it is gone or was withdrawn."""
    started = BackgroundJob.objects.filter(
        pk=job_id, status__in=[JobStatus.QUEUED, JobStatus.RUNNING]
    ).update(status=JobStatus.RUNNING)
    if not started:
        return None
    return BackgroundJob.objects.select_related("created_by").get(pk=job_id)


def job_finish(*, job: BackgroundJob, file, name: str) -> bool:
    """Stream ``file`` (at any position) into storage as the job's result.

    Returns False, deleting the stored file again, if the job stopped running
    meanwhile (withdrawn because it may hold someone whose account was erased).
    """
    file.seek(0)
    job.result.save(name, File(file, name=name), save=False)
    stored = job.result.name
    now = timezone.now()
    finished = BackgroundJob.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(
        status=JobStatus.DONE,
        result=stored,
        progress=job.total,
        finished_at=now,
        expires_at=now + export_retention(),
    )
    if not finished:
        job.result.storage.delete(stored)
        job.result = ""
        return False
    job.refresh_from_db()
    return True


def job_fail(*, job: BackgroundJob, error: Exception | str) -> None:
    """Record why a running job failed (a withdrawn job stays withdrawn)."""
    BackgroundJob.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(
        status=JobStatus.FAILED,
        error=str(error)[:500],
        finished_at=timezone.now(),
    )


# Deleting ------------------------------------------------------------------------


def _file_delete(job_id: int, name: str) -> None:
    """Delete a withdrawn job's file, then forget its name (kept until then, so a
    failed deletion is retried by ``exports_expire``)."""
    BackgroundJob._meta.get_field("result").storage.delete(name)
    BackgroundJob.objects.filter(pk=job_id, status=JobStatus.EXPIRED).update(result="")


def job_withdraw(*, job: BackgroundJob, actor, reason: str) -> None:
    """Mark the job expired at once and delete its file after commit, audited.

    A running job is withdrawn too: ``job_finish`` then throws its file away.
    """
    now = timezone.now()
    BackgroundJob.objects.filter(pk=job.pk).update(
        status=JobStatus.EXPIRED, expires_at=now, finished_at=job.finished_at or now
    )
    audit_log(actor=actor, action="export.deleted", obj=job, reason=reason)
    # Read again under the row lock just taken: the task may have finished since
    # ``job`` was loaded.
    name = BackgroundJob.objects.filter(pk=job.pk).values_list("result", flat=True)[0]
    if name:
        transaction.on_commit(lambda: _file_delete(job.pk, name), robust=True)


def exports_withdraw_covering(
    *, agency_ids: Iterable[int], created_by, actor, reason: str
) -> int:
    """Withdraw every export that may hold people of ``agency_ids``, or that
    ``created_by`` made; returns how many. Jobs with unreadable agencies count as
    covering everyone."""
    wanted = set(agency_ids)
    withdrawn = 0
    jobs = BackgroundJob.objects.filter(
        status__in=[JobStatus.RUNNING, JobStatus.DONE]
    ) | BackgroundJob.objects.filter(created_by=created_by, status__in=LIVE_STATUSES)
    for job in jobs.order_by("pk"):
        covered = job_agency_ids(job)
        if job.created_by_id == created_by.pk or covered is None or covered & wanted:
            job_withdraw(job=job, actor=actor, reason=reason)
            withdrawn += 1
    return withdrawn


def exports_past_expiry(*, now: datetime | None = None):
    """Jobs whose file should be deleted now: finished and past their expiry date
    (or, without one, finished longer ago than the retention period), and expired
    jobs whose file is still stored."""
    now = now or timezone.now()
    due = Q(expires_at__lte=now) | Q(
        expires_at__isnull=True, finished_at__lte=now - export_retention()
    )
    return BackgroundJob.objects.filter(
        (Q(status=JobStatus.DONE) & due) | (Q(status=JobStatus.EXPIRED) & ~Q(result=""))
    ).order_by("pk")


def exports_expire(*, now: datetime | None = None, dry_run: bool = False) -> int:
    """Delete the files of expired exports and mark the jobs expired.

    Safe to run again: a job is marked only after its file is deleted, and deleting
    a file that is already gone does nothing.
    """
    jobs = list(exports_past_expiry(now=now))
    if dry_run:
        return len(jobs)
    for job in jobs:
        if job.result:
            job.result.storage.delete(job.result.name)
        with transaction.atomic():
            if job.status == JobStatus.DONE:
                audit_log(
                    actor=None, action="export.deleted", obj=job, reason=RETENTION
                )
            BackgroundJob.objects.filter(pk=job.pk).update(
                status=JobStatus.EXPIRED, result=""
            )
    return len(jobs)
