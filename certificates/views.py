import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from learning.accounts.models import Agency
from learning.accounts.privacy import certificate_holder_removed
from learning.accounts.security import client_ip
from learning.core.exports import safe_csv_value
from learning.core.jobs import EXPORT_EXPIRED
from learning.core.models import BackgroundJob, JobStatus
from learning.core.ratelimit import rate_limit_hit
from learning.core.services import audit_export

from .exports import ZIP_JOB_KIND
from .forms import CertificateFilterForm, RevokeForm, VerifyForm
from .rendering import render_learning_record_pdf
from .selectors import (
    JOB_OUTSIDE_SCOPE,
    JobOutsideScope,
    background_job_get_for_creator,
    certificate_get_for_download,
    certificate_get_public,
    certificates_for_manager,
    learning_record,
    managed_agency_id,
    user_manages_all_agencies,
)
from .services import certificate_pdf_store, certificate_reissue, certificate_revoke

DOWNLOAD_LIMIT_PER_MINUTE = 30
CERTIFICATES_PER_PAGE = 50
REVOKED = _("The certificate has been revoked.")
REISSUED = _("A new certificate has been issued with code %(code)s.")
ZIP_STARTED = _("We are building the ZIP file. This page shows its progress.")


def _too_many(request):
    return render(request, "429.html", status=429)


def verify_form(request):
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        return redirect("certificates:verify", code=form.cleaned_data["code"])
    return render(request, "certificates/verify_form.html", {"form": form})


def verify(request, code):
    limit, window = settings.CERTIFICATE_VERIFY_RATE_LIMIT
    # The client's address as sign-in sees it (behind TRUSTED_PROXY_COUNT proxies,
    # from X-Forwarded-For), so that people behind the proxy are not one client.
    if rate_limit_hit(
        key=f"verify:{client_ip(request) or 'unknown'}",
        limit=limit,
        window_seconds=window,
    ):
        return _too_many(request)
    certificate = certificate_get_public(code=code)
    if certificate is None:
        return render(
            request, "certificates/verify_not_found.html", {"code": code}, status=404
        )
    return render(
        request,
        "certificates/verify.html",
        {
            "certificate": certificate,
            "holder_removed": certificate_holder_removed(certificate),
        },
    )


def _pdf_response(data_or_file, filename):
    response = FileResponse(
        data_or_file, content_type="application/pdf", filename=filename
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def download(request, code):
    if rate_limit_hit(
        key=f"certificate-download:{request.user.pk}",
        limit=DOWNLOAD_LIMIT_PER_MINUTE,
        window_seconds=60,
    ):
        return _too_many(request)
    certificate = certificate_get_for_download(code=code, user=request.user)
    if certificate_holder_removed(certificate):
        return render(
            request,
            "certificates/verify_holder_removed.html",
            {"certificate": certificate},
            status=410,
        )
    if not certificate.pdf or not certificate.pdf.storage.exists(certificate.pdf.name):
        certificate_pdf_store(certificate=certificate)
    return _pdf_response(
        certificate.pdf.open("rb"), f"certificate-{certificate.code}.pdf"
    )


@login_required
def learning_record_pdf(request):
    if rate_limit_hit(
        key=f"learning-record:{request.user.pk}",
        limit=DOWNLOAD_LIMIT_PER_MINUTE,
        window_seconds=60,
    ):
        return _too_many(request)
    record = learning_record(user=request.user)
    data = render_learning_record_pdf(user=request.user, record=record)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="learning-record-{stamp}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _require_lead(request):
    if not request.user.is_authenticated:
        raise PermissionDenied
    if not (user_manages_all_agencies(request.user) or managed_agency_id(request.user)):
        raise PermissionDenied


@login_required
def manage_list(request):
    _require_lead(request)
    form = CertificateFilterForm(request.GET or None)
    agency_id = status = None
    if form.is_bound and form.is_valid():
        agency = form.cleaned_data.get("agency")
        agency_id = agency.pk if agency else None
        status = form.cleaned_data.get("status") or None
    if not user_manages_all_agencies(request.user):
        form.fields["agency"].queryset = form.fields["agency"].queryset.filter(
            pk=managed_agency_id(request.user)
        )
    certificates = certificates_for_manager(
        user=request.user, agency_id=agency_id, status=status
    )
    if request.GET.get("export") == "csv":
        audit_export(
            actor=request.user, what="certificates", agency=agency_id, status=status
        )
        return _certificates_csv(certificates, agency_id=agency_id, status=status)
    page_obj = Paginator(certificates, CERTIFICATES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "certificates/manage_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "certificates": page_obj.object_list,
            "query_string": query.urlencode(),
            "can_manage": user_manages_all_agencies(request.user),
            "agency_id": agency_id,
        },
    )


def _certificates_csv(certificates, *, agency_id, status):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="certificates-{stamp}.csv"'
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
    writer.writerow(
        [
            "Code",
            "Holder",
            "Agency",
            "Learning",
            "Completed",
            "Expires",
            "Status",
            "CPD minutes",
        ]
    )
    today = timezone.localdate()
    for certificate in certificates.iterator():
        writer.writerow(
            [
                certificate.code,
                safe_csv_value(certificate.holder_name),
                safe_csv_value(certificate.agency_name),
                safe_csv_value(certificate.title),
                certificate.completed_on.isoformat(),
                certificate.expires_on.isoformat() if certificate.expires_on else "",
                certificate.status_on(today),
                certificate.cpd_minutes,
            ]
        )
    return response


@login_required
def manage_detail(request, code):
    _require_lead(request)
    certificate = certificates_for_manager(user=request.user).filter(code=code).first()
    if certificate is None:
        raise Http404
    can_manage = user_manages_all_agencies(request.user)
    form = RevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "reissue":
            new = certificate_reissue(certificate=certificate, reissued_by=request.user)
            messages.success(request, REISSUED % {"code": new.code})
            return redirect("certificates:manage_detail", code=new.code)
        if form.is_valid():
            try:
                certificate_revoke(
                    certificate=certificate,
                    reason=form.cleaned_data["reason"],
                    revoked_by=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, REVOKED)
                return redirect("certificates:manage_detail", code=certificate.code)
    return render(
        request,
        "certificates/manage_detail.html",
        {"certificate": certificate, "form": form, "can_manage": can_manage},
    )


@login_required
@require_POST
def zip_request(request):
    from .tasks import build_certificates_zip

    _require_lead(request)
    agency_id = request.POST.get("agency") or None
    if not user_manages_all_agencies(request.user):
        own = managed_agency_id(request.user)
        if agency_id and str(agency_id) != str(own):
            raise PermissionDenied
        agency_id = own
    agency_id = str(agency_id or "")
    # A tampered value (not a known agency's id) is refused like a missing one.
    if not (
        agency_id.isascii()
        and agency_id.isdigit()
        and len(agency_id) < 10
        and Agency.objects.filter(pk=agency_id).exists()
    ):
        messages.error(request, _("Choose an agency to download its certificates."))
        return redirect("certificates:manage_list")
    job = BackgroundJob.objects.create(
        kind=ZIP_JOB_KIND,
        params={"agency_id": int(agency_id), "agency_ids": [int(agency_id)]},
        created_by=request.user,
    )
    audit_export(actor=request.user, what="certificates_zip", obj=job)
    transaction.on_commit(lambda: build_certificates_zip.enqueue(job.pk))
    messages.info(request, ZIP_STARTED)
    return redirect("certificates:job", pk=job.pk)


def _job_page(request, job, *, status=200, outside=False):
    return render(
        request,
        "certificates/job.html",
        {
            "job": job,
            "outside_message": JOB_OUTSIDE_SCOPE if outside else None,
            "expired_message": EXPORT_EXPIRED,
            "retention_days": settings.EXPORT_RETENTION_DAYS,
        },
        status=status,
    )


def _own_zip_job(request, pk):
    """``(job, None)`` for the creator while they may still have it, else
    ``(None, a 403 page)`` once it covers an agency outside their scope."""
    try:
        job = background_job_get_for_creator(
            pk=pk, kind=ZIP_JOB_KIND, user=request.user
        )
    except JobOutsideScope:
        return None, _job_page(request, None, status=403, outside=True)
    return job, None


@login_required
def job_detail(request, pk):
    job, refused = _own_zip_job(request, pk)
    if refused is not None:
        return refused
    return _job_page(request, job)


@login_required
def job_download(request, pk):
    job, refused = _own_zip_job(request, pk)
    if refused is not None:
        return refused
    if job.is_expired:
        return _job_page(request, job, status=410)
    if job.status != JobStatus.DONE or not job.result:
        return redirect("certificates:job", pk=job.pk)
    response = FileResponse(
        job.result.open("rb"),
        as_attachment=True,
        filename=f"certificates-{timezone.localtime(job.created_at):%Y%m%d-%H%M}.zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response
