"""Downloads of the report tables (CSV, XLSX), the board pack (PDF) and the
background exports that prepare the large ones.

Every view works out the lead's scope first (403 without one) and validates the
filters with the dashboard's own form, so an agency outside the scope is refused
and no file is produced. An export summarising more than
``REPORTS_INLINE_EXPORT_MAX_ROWS`` rows is prepared by a background job instead:
the page offers to start it (a POST), then shows its progress and a download link.
A job's page and file are only ever served to its creator, while they are still
a lead whose current scope covers every agency it was prepared for, and only until
the file expires (``EXPORT_RETENTION_DAYS``).
"""

import io

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from certificates.selectors import (
    JOB_OUTSIDE_SCOPE,
    JobOutsideScope,
    background_job_get_for_creator,
)
from learning.core.jobs import EXPORT_EXPIRED
from learning.core.models import BackgroundJob, JobStatus
from learning.core.services import audit_export

from .exports import (
    BOARD_PACK,
    JOB_KIND,
    PDF,
    ExportNotFound,
    build_export,
    export_request_from,
    export_rows_estimate,
    filename,
)
from .scope import report_scope_for

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
EXPORT_STARTED = _(
    "We are preparing your file. This page shows how far it has got and gives you "
    "the download when it is ready."
)
DEFAULT_INLINE_MAX_ROWS = 5000


def inline_limit() -> int:
    return int(
        getattr(settings, "REPORTS_INLINE_EXPORT_MAX_ROWS", DEFAULT_INLINE_MAX_ROWS)
    )


def _scope(request):
    scope = report_scope_for(request.user)
    if scope is None:
        raise PermissionDenied
    return scope


def _private(response):
    # Exports name people and their figures: never kept by a shared cache.
    patch_cache_control(response, private=True, no_store=True)
    return response


def _validated(request, data, scope):
    """The validated export, or a 400 page listing the problems; 404 if unknown."""
    try:
        export, form = export_request_from(data, scope=scope)
    except ExportNotFound as exc:
        raise Http404 from exc
    if export is None:
        response = render(
            request, "reports/export_job.html", {"form": form, "state": "invalid"}
        )
        response.status_code = 400
        return None, _private(response)
    return export, None


def _inline_or_offer(request, data):
    scope = _scope(request)
    export, problem = _validated(request, data, scope)
    if problem is not None:
        return problem
    rows = export_rows_estimate(scope=scope, request=export)
    if rows > inline_limit():
        return _private(
            render(
                request,
                "reports/export_job.html",
                {
                    "state": "offer",
                    "rows": rows,
                    "hidden": sorted(export.as_query().items()),
                    "is_board_pack": export.table == BOARD_PACK,
                },
            )
        )
    audit_export(actor=request.user, what="report", query=export.as_query())
    # Small by definition (at most ``inline_limit()`` rows): built in memory. Larger
    # ones go to a background job, which builds them on disk.
    data = io.BytesIO()
    build_export(scope=scope, request=export, into=data)
    response = HttpResponse(data.getvalue(), content_type=CONTENT_TYPES[export.format])
    response["Content-Disposition"] = (
        f'attachment; filename="{filename(export.table, export.extension)}"'
    )
    return _private(response)


@login_required
def export(request):
    """``?export=csv|xlsx&table=<name>`` plus the dashboard's (or drill-down's)
    filters: the file, or an offer to prepare a large one in the background."""
    return _inline_or_offer(request, request.GET)


@login_required
def board_pack(request):
    """The board pack PDF for the dashboard's filters (small numbers suppressed)."""
    data = request.GET.copy()
    data["table"], data["export"] = BOARD_PACK, PDF
    return _inline_or_offer(request, data)


@login_required
@require_POST
def export_start(request):
    """Start a background export with the posted table, format and filters."""
    from .tasks import build_report_export

    scope = _scope(request)
    export, problem = _validated(request, request.POST, scope)
    if problem is not None:
        return problem
    job = BackgroundJob.objects.create(
        kind=JOB_KIND,
        params={
            "query": export.as_query(),
            "agency_ids": list(scope.agency_ids),
            "all_agencies": scope.all_agencies,
        },
        created_by=request.user,
    )
    transaction.on_commit(lambda: build_report_export.enqueue(job.pk))
    messages.info(request, EXPORT_STARTED)
    return redirect("reports:export_job", pk=job.pk)


def _job_page(request, context, *, status=200):
    response = render(request, "reports/export_job.html", context)
    response.status_code = status
    return _private(response)


def _own_job(request, pk):
    """The requester's own report job, while they are still a lead whose current
    scope covers it: ``(job, None)``, or ``(None, a 403 page)``; 403 for someone who
    is no longer a lead, and 404 for anyone else's job or another kind of job."""
    try:
        job = background_job_get_for_creator(pk=pk, kind=JOB_KIND, user=request.user)
    except JobOutsideScope:
        return None, _job_page(
            request,
            {"state": "outside", "outside_message": JOB_OUTSIDE_SCOPE},
            status=403,
        )
    return job, None


def _expired(request, job, *, status):
    return _job_page(
        request,
        {
            "job": job,
            "state": "expired",
            "expired_message": EXPORT_EXPIRED,
            "retention_days": settings.EXPORT_RETENTION_DAYS,
        },
        status=status,
    )


@login_required
def export_job(request, pk):
    job, refused = _own_job(request, pk)
    if refused is not None:
        return refused
    if job.is_expired:
        return _expired(request, job, status=200)
    query = job.params.get("query", {})
    return _private(
        render(
            request,
            "reports/export_job.html",
            {
                "job": job,
                "state": job.status,
                "is_board_pack": query.get("table") == BOARD_PACK,
                "format": query.get("export", "").upper(),
            },
        )
    )


@login_required
def export_download(request, pk):
    job, refused = _own_job(request, pk)
    if refused is not None:
        return refused
    if job.is_expired:
        return _expired(request, job, status=410)
    if job.status != JobStatus.DONE or not job.result:
        return redirect("reports:export_job", pk=job.pk)
    extension = job.result.name.rsplit(".", 1)[-1]
    table = job.params.get("query", {}).get("table", "report")
    audit_export(actor=request.user, what="report", obj=job)
    response = FileResponse(
        job.result.open("rb"),
        as_attachment=True,
        filename=filename(
            table, extension, today=timezone.localtime(job.created_at).date()
        ),
        content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
    )
    return _private(response)
