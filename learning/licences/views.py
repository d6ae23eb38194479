import csv
import posixpath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views import static

from learning.core.exports import safe_csv_value
from learning.core.services import audit_export

from .forms import LicenceFilterForm, LicenceRevokeForm
from .models import LicenceStatus
from .selectors import (
    licence_course_booking_url,
    licence_get_for_manager,
    licence_history_for,
    licence_register_counts,
    licence_register_rows,
    register_scope_for,
    resource_access_for,
)
from .services import licence_revoke

LICENCES_PER_PAGE = 50
REVOKED = _("The licence has been revoked.")


def _private(response):
    # Restricted content must never be kept by a shared cache.
    patch_cache_control(response, private=True, no_store=True)
    return response


# --------------------------------------------------------------- restricted resources


def restricted_response(request, *, access, title):
    """403 page: why the resource is closed to this user and how to book the course."""
    latest = access.latest
    status = access.latest_status
    response = TemplateResponse(
        request,
        "licences/restricted.html",
        {
            "resource_title": title,
            "kind_label": access.kind_label,
            "latest": latest,
            "lapsed_on": latest.refresher_due
            if status == LicenceStatus.LAPSED
            else None,
            "revoked": status == LicenceStatus.REVOKED,
            "booking_url": licence_course_booking_url(kind=access.kind),
        },
        status=403,
    )
    return _private(response)


def _refused(request, *, access, title):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return restricted_response(request, access=access, title=title)


def resource_page_response(request, *, page, render):
    """The page from ``render()``, or why it is closed to this user.

    Editors previewing a page they may edit see it: they see its body in the editor.
    """
    access = resource_access_for(
        user=request.user, licence_required=page.licence_required
    )
    previewing_editor = (
        getattr(request, "is_preview", False)
        and request.user.is_authenticated
        and page.permissions_for_user(request.user).can_edit()
    )
    if not (access.allowed or previewing_editor):
        return _refused(request, access=access, title=page.title)
    response = render()
    return _private(response) if page.licence_required else response


def document_serve_check(request, *, document):
    """For ``before_serve_document``: None to serve, or the refusal."""
    licence_required = getattr(document, "licence_required", "")
    if not licence_required:
        return None
    access = resource_access_for(user=request.user, licence_required=licence_required)
    if access.allowed:
        return None
    return _refused(request, access=access, title=document.title)


# Media folders only ever served through views that check who is asking: documents
# (licence checks), certificate PDFs and export files (holders and leads only).
PRIVATE_MEDIA_FOLDERS = ("documents", "certificates", "exports")


def media_serve_except_documents(request, path, document_root=None):
    """Development media serving that refuses the private folders."""
    normalised = posixpath.normpath(path).lstrip("/").lower()
    folder = normalised.split("/", 1)[0]
    if folder in PRIVATE_MEDIA_FOLDERS:
        raise Http404
    return static.serve(request, path, document_root=document_root)


# ----------------------------------------------------------------------- the register


def _lead_scope(request):
    scope = register_scope_for(request.user)
    if not scope.allowed:
        raise PermissionDenied
    return scope


@login_required
def register(request):
    scope = _lead_scope(request)
    form = LicenceFilterForm(request.GET or None)
    agency_id = status = None
    invalid = form.is_bound and not form.is_valid()
    if form.is_bound and not invalid:
        agency = form.cleaned_data.get("agency")
        agency_id = agency.pk if agency else None
        status = form.cleaned_data.get("status") or None
    if not scope.all_agencies:
        form.fields["agency"].queryset = form.fields["agency"].queryset.filter(
            pk=scope.agency_id
        )
    if invalid:
        rows = licence_register_rows(scope=scope).none()
        counts = []
    else:
        rows = licence_register_rows(scope=scope, agency_id=agency_id, status=status)
        counts = licence_register_counts(scope=scope, agency_id=agency_id)
    if request.GET.get("export") == "csv":
        audit_export(
            actor=request.user,
            what="licence_register",
            agency=agency_id,
            status=status,
        )
        return _register_csv(rows, agency_id=agency_id, status=status)
    page_obj = Paginator(rows, LICENCES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    return render(
        request,
        "licences/register.html",
        {
            "form": form,
            "counts": counts,
            "page_obj": page_obj,
            "licences": page_obj.object_list,
            "query_string": query.urlencode(),
            "manages_all": scope.all_agencies,
        },
    )


CSV_HEADER = ["Name", "Agency", "Granted", "Refresher due", "Status"]


def register_csv_row(licence) -> list[str]:
    """One register row as the screen shows it."""
    profile = getattr(licence.holder, "profile", None)
    return [
        safe_csv_value(licence.holder.name or licence.holder.email),
        safe_csv_value(profile.agency.name if profile else ""),
        licence.granted_on.isoformat(),
        licence.refresher_due.isoformat() if licence.refresher_due else "",
        str(LicenceStatus(licence.register_status).label),
    ]


def _register_csv(rows, *, agency_id, status):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="licences-{stamp}.csv"'
    response["Cache-Control"] = "private, no-store"
    writer = csv.writer(response)
    writer.writerow(
        [
            "Generated at",
            timezone.localtime().isoformat(timespec="seconds"),
            "Agency filter",
            agency_id or "all",
            "Status filter",
            status or "any",
        ]
    )
    writer.writerow(CSV_HEADER)
    for licence in rows.iterator(chunk_size=500):
        writer.writerow(register_csv_row(licence))
    return response


@login_required
def licence_detail(request, pk):
    scope = _lead_scope(request)
    licence = licence_get_for_manager(scope=scope, pk=pk)
    if licence is None:
        raise Http404
    can_revoke = scope.all_agencies
    form = LicenceRevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not can_revoke:
            raise PermissionDenied
        if form.is_valid():
            try:
                licence_revoke(
                    licence=licence,
                    reason=form.cleaned_data["reason"],
                    revoked_by=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, REVOKED)
                return redirect("licences:detail", pk=licence.pk)
    licence.status = licence.status_on()
    history = licence_history_for(licence=licence)
    for item in history:
        item.status = item.status_on()
    return render(
        request,
        "licences/licence_detail.html",
        {
            "licence": licence,
            "history": history,
            "form": form,
            "can_revoke": can_revoke,
        },
    )
