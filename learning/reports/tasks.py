"""Large report exports, built in the background through Django's tasks API.

The job stores the agencies and filters the export was asked for; the task works
the scope out again from the job's creator and refuses to run when that scope no
longer covers those agencies, so nothing in the stored parameters can widen it.
The file is written to a temporary file on disk and streamed into storage.
"""

from learning.core.jobs import export_tempfile, job_fail, job_finish, job_start
from learning.core.tasks import retried_task

from .exports import FILTERS_INVALID, SCOPE_CHANGED, report_export_build

__all__ = ["FILTERS_INVALID", "SCOPE_CHANGED", "build_report_export"]


@retried_task(for_job=True)
def build_report_export(job_id: int) -> None:
    """Build a report export for its creator, reporting progress on the job."""
    job = job_start(job_id=job_id)
    if job is None:
        return
    try:
        with export_tempfile() as into:
            name = report_export_build(job=job, into=into)
            job_finish(job=job, file=into, name=name)
    except Exception as exc:
        job_fail(job=job, error=exc)
        raise
