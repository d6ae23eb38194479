"""Prepared export files expire: ``expire_exports`` deletes them and marks the jobs."""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

import pytest

from learning.core.models import BackgroundJob, JobStatus

pytestmark = pytest.mark.django_db


def _finished_job(user, *, name, finished_days_ago, expires_in_days=None):
    now = timezone.now()
    job = BackgroundJob.objects.create(
        kind="certificates_zip",
        params={"agency_ids": [1]},
        created_by=user,
        status=JobStatus.DONE,
        finished_at=now - timedelta(days=finished_days_ago),
        expires_at=(
            None if expires_in_days is None else now + timedelta(days=expires_in_days)
        ),
    )
    job.result.save(name, ContentFile(b"PK personal data"))
    return job


def _run(*args):
    out = io.StringIO()
    call_command("expire_exports", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def jobs(partnership_lead):
    return {
        "past_expiry": _finished_job(
            partnership_lead, name="old.zip", finished_days_ago=8, expires_in_days=-1
        ),
        "current": _finished_job(
            partnership_lead, name="new.zip", finished_days_ago=1, expires_in_days=6
        ),
        # Finished before jobs had an expiry date: judged by when it finished.
        "legacy_old": _finished_job(
            partnership_lead, name="legacy-old.zip", finished_days_ago=30
        ),
        "legacy_new": _finished_job(
            partnership_lead, name="legacy-new.zip", finished_days_ago=2
        ),
    }


def _state(job):
    job.refresh_from_db()
    return job.status, bool(job.result)


def test_expire_exports_deletes_the_files_of_expired_jobs_and_marks_them(jobs):
    stored = {key: job.result.name for key, job in jobs.items()}
    storage = jobs["current"].result.storage

    output = _run()

    assert "Deleted the files of 2 expired exports." in output
    for key in ("past_expiry", "legacy_old"):
        assert _state(jobs[key]) == (JobStatus.EXPIRED, False)
        assert not storage.exists(stored[key])
    for key in ("current", "legacy_new"):
        assert _state(jobs[key]) == (JobStatus.DONE, True)
        assert storage.exists(stored[key])


def test_expire_exports_dry_run_counts_and_changes_nothing(jobs):
    output = _run("--dry-run")

    assert "Exports past their retention period: 2" in output
    assert "Dry run: nothing was changed." in output
    for job in jobs.values():
        assert _state(job) == (JobStatus.DONE, True)
        assert job.result.storage.exists(job.result.name)


def test_expire_exports_run_twice_does_the_work_once(jobs):
    _run()
    second = _run()

    assert "Deleted the files of 0 expired exports." in second
    assert _state(jobs["past_expiry"]) == (JobStatus.EXPIRED, False)
    assert _state(jobs["current"]) == (JobStatus.DONE, True)


def test_expire_exports_retries_a_file_left_behind_by_an_earlier_deletion(jobs):
    # Marked expired (by erasure) but the storage was unreachable when the file was
    # to be deleted: the clean-up deletes it next time.
    job = jobs["current"]
    name = job.result.name
    BackgroundJob.objects.filter(pk=job.pk).update(status=JobStatus.EXPIRED)

    _run()

    assert _state(job) == (JobStatus.EXPIRED, False)
    assert not job.result.storage.exists(name)


def test_legacy_jobs_use_the_retention_setting(jobs, settings):
    settings.EXPORT_RETENTION_DAYS = 1

    _run()

    assert _state(jobs["legacy_new"]) == (JobStatus.EXPIRED, False)
    assert _state(jobs["current"]) == (JobStatus.DONE, True)
