"""Large report exports, built in the background through Django's tasks API.

The job stores the agencies and filters the export was asked for; the task works
the scope out again from the job's creator and refuses to run when that scope no
longer covers those agencies, so nothing in the stored parameters can widen it.
"""

import secrets

from django.core.files.base import ContentFile
from django.utils import timezone

from learning.core.jobs import retried_task
from learning.core.models import BackgroundJob, JobStatus

from .exports import (
    BOARD_PACK,
    PEOPLE,
    build_export,
    export_request_from,
    export_rows_estimate,
    filename,
    job_scope,
)

SCOPE_CHANGED = "The export is no longer within the agencies you can report on."
FILTERS_INVALID = "The export's filters are no longer valid."


@retried_task(for_job=True)
def build_report_export(job_id: int) -> None:
    """Build a report export for its creator, reporting progress on the job."""
    job = BackgroundJob.objects.select_related("created_by").get(pk=job_id)
    job.status = JobStatus.RUNNING
    job.save(update_fields=["status"])
    try:
        scope = job_scope(job=job)
        if scope is None:
            raise PermissionError(SCOPE_CHANGED)
        request, _form = export_request_from(job.params.get("query", {}), scope=scope)
        if request is None:
            raise ValueError(FILTERS_INVALID)
        if request.table == PEOPLE:
            # Counted again now: people may have joined since the request.
            job.total = export_rows_estimate(scope=scope, request=request)
        else:
            job.total = 1 if request.table == BOARD_PACK else 0
        job.save(update_fields=["total"])

        def on_progress(done, total):
            changes = {"progress": done}
            if total is not None:
                changes["total"] = total
            BackgroundJob.objects.filter(pk=job.pk).update(**changes)

        data = build_export(scope=scope, request=request, on_progress=on_progress)
        job.refresh_from_db()
        stem, extension = filename(request.table, request.extension).rsplit(".", 1)
        # A random part, so that the stored file's name cannot be guessed.
        job.result.save(
            f"{stem}-{secrets.token_hex(8)}.{extension}", ContentFile(data), save=False
        )
        job.status = JobStatus.DONE
        job.progress = job.total
    except Exception as exc:
        job.status = JobStatus.FAILED
        job.error = str(exc)[:500]
        raise
    finally:
        job.finished_at = timezone.now()
        job.save()
