import csv
import io
import re
import zipfile
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

import pytest

from certificates.forms import CODE_INVALID, CODE_REQUIRED
from certificates.models import Certificate, new_certificate_code
from learning.accounts.roles import Role
from learning.core.models import AuditEvent, BackgroundJob

from ..conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(learner, complete_module):
    return complete_module(learner)


@pytest.fixture
def other_agency_lead(other_agency):
    return make_person(
        email="lead@oakfield-primary.example.org",
        agency=other_agency,
        roles=[Role.AGENCY_LEADS],
    )


def download_url(certificate):
    return f"/certificates/{certificate.code}/pdf/"


def test_the_holder_downloads_their_certificate(client, learner, certificate):
    client.force_login(learner)
    response = client.get(download_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("other_learner", 404),
        ("other_agency_lead", 404),
        ("agency_lead", 200),
        ("partnership_lead", 200),
    ],
)
def test_only_the_holder_and_leads_over_their_agency_can_download(
    client, certificate, request, who, status
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(download_url(certificate)).status_code == status


def test_anonymous_downloads_go_to_sign_in(client, certificate):
    response = client.get(download_url(certificate))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_missing_pdf_file_is_rendered_again(client, learner, certificate):
    certificate.pdf.storage.delete(certificate.pdf.name)
    client.force_login(learner)
    response = client.get(download_url(certificate))
    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.pdf.storage.exists(certificate.pdf.name)


def test_verification_shows_only_what_it_should(client, learner, certificate):
    response = client.get(f"/certificates/verify/{certificate.code}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is valid" in body
    assert learner.name in body and certificate.title in body
    assert "Children&#x27;s Social Care" not in body  # no agency
    assert learner.email not in body


def test_expired_and_revoked_certificates_say_so(client, partnership_lead, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    assert "has expired" in client.get(certificate.get_absolute_url()).content.decode()
    client.force_login(partnership_lead)
    client.post(
        f"/certificates/manage/{certificate.code}/",
        {"action": "revoke", "reason": "Issued to the wrong person."},
    )
    client.logout()
    assert (
        "has been revoked"
        in client.get(certificate.get_absolute_url()).content.decode()
    )


def test_unknown_codes_get_a_uniform_404_and_are_rate_limited(
    client, certificate, settings
):
    # A long window, so that the test never straddles two windows.
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = (30, 3600)
    bodies = set()
    for _ in range(30 - 1):
        response = client.get(f"/certificates/verify/{new_certificate_code()}/")
        assert response.status_code == 404
        bodies.add(
            re.sub(
                r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", "", response.content.decode()
            )
        )
    assert len(bodies) == 1
    assert client.get(certificate.get_absolute_url()).status_code == 200
    assert client.get(certificate.get_absolute_url()).status_code == 429


def test_the_verify_form_checks_the_code(client, certificate):
    assert (
        str(CODE_REQUIRED)
        in client.get("/certificates/verify/", {"code": ""}).content.decode()
    )
    assert (
        str(CODE_INVALID)
        in client.get("/certificates/verify/", {"code": "123"}).content.decode()
    )
    typed = certificate.code.replace("-", " ").lower()
    response = client.get("/certificates/verify/", {"code": typed})
    assert response["Location"] == certificate.get_absolute_url()


def test_my_learning_lists_certificates_and_warns_before_expiry(
    client, learner, certificate
):
    client.force_login(learner)
    page = client.get("/my-learning/").content.decode()
    assert certificate.title in page and download_url(certificate) in page
    assert "Refresher due" not in page
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=timezone.localdate() + timedelta(days=30)
    )
    assert "Refresher due" in client.get("/my-learning/").content.decode()


def test_the_learning_record_pdf_shows_met_and_not_yet(client, learner, certificate):
    from .test_rendering import pdf_text

    client.force_login(learner)
    response = client.get("/my-learning/record.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Learning record" in text and certificate.code in text
    # The test module maps recommendation 1 only.
    assert re.search(r"1\. All front facing .*? Met", text)
    assert "Not yet" in text


def test_learners_cannot_manage_certificates(client, learner, certificate):
    client.force_login(learner)
    assert client.get("/certificates/manage/").status_code == 403
    assert client.get(f"/certificates/manage/{certificate.code}/").status_code == 403
    assert client.post("/certificates/manage/zip/", {"agency": 1}).status_code == 403


def test_agency_leads_see_only_their_own_agency(
    client, certificate, other_agency_lead, other_agency
):
    client.force_login(other_agency_lead)
    listing = client.get("/certificates/manage/").content.decode()
    assert certificate.code not in listing
    tampered = client.get("/certificates/manage/", {"agency": certificate.agency_id})
    assert certificate.holder_name not in tampered.content.decode()
    assert client.get(f"/certificates/manage/{certificate.code}/").status_code == 404
    export = client.get("/certificates/manage/", {"export": "csv"}).content.decode()
    assert certificate.code not in export
    response = client.post(
        "/certificates/manage/zip/", {"agency": certificate.agency_id}
    )
    assert response.status_code == 403
    assert not BackgroundJob.objects.exists()


def test_agency_leads_cannot_revoke(client, agency_lead, certificate):
    client.force_login(agency_lead)
    response = client.post(
        f"/certificates/manage/{certificate.code}/", {"action": "revoke", "reason": "x"}
    )
    assert response.status_code == 403
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_partnership_leads_revoke_with_a_reason_and_reissue(
    client, partnership_lead, certificate
):
    client.force_login(partnership_lead)
    url = f"/certificates/manage/{certificate.code}/"
    missing = client.post(url, {"action": "revoke", "reason": ""})
    assert "Give a reason" in missing.content.decode()
    certificate.refresh_from_db()
    assert certificate.status == "valid"
    client.post(url, {"action": "revoke", "reason": "Duplicate record."})
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert AuditEvent.objects.filter(action="certificate.revoked").exists()
    response = client.post(url, {"action": "reissue"})
    new = Certificate.objects.exclude(pk=certificate.pk).get()
    assert response["Location"] == f"/certificates/manage/{new.code}/"


def test_the_csv_lists_codes_and_status(client, partnership_lead, certificate):
    client.force_login(partnership_lead)
    response = client.get("/certificates/manage/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Generated at"
    assert rows[1] == [
        "Code",
        "Holder",
        "Agency",
        "Learning",
        "Completed",
        "Expires",
        "Status",
        "CPD minutes",
    ]
    assert rows[2][0] == certificate.code and rows[2][6] == "valid"


def test_a_zip_of_an_agencys_certificates_is_built_with_progress(
    client, partnership_lead, certificate, django_capture_on_commit_callbacks
):
    client.force_login(partnership_lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/certificates/manage/zip/", {"agency": certificate.agency_id}
        )
    job = BackgroundJob.objects.get()
    assert response["Location"] == f"/certificates/manage/exports/{job.pk}/"
    assert (job.status, job.progress, job.total) == ("done", 1, 1)
    page = client.get(response["Location"]).content.decode()
    assert "Your download is ready" in page
    download = client.get(f"/certificates/manage/exports/{job.pk}/download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert archive.namelist() == [f"{certificate.code}.pdf"]


def test_the_zip_leaves_out_certificates_of_people_who_deleted_their_account(
    client, partnership_lead, certificate, django_capture_on_commit_callbacks
):
    from learning.accounts.privacy import ErasureReason, account_erase

    account_erase(
        user=certificate.holder,
        by=certificate.holder,
        reason=ErasureReason.values[0],
    )
    client.force_login(partnership_lead)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/certificates/manage/zip/", {"agency": certificate.agency_id})

    job = BackgroundJob.objects.get()
    assert (job.status, job.total) == ("done", 0)
    download = client.get(f"/certificates/manage/exports/{job.pk}/download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert archive.namelist() == []


def test_nobody_else_can_see_a_zip_job(client, partnership_lead, agency_lead):
    job = BackgroundJob.objects.create(
        kind="certificates_zip", created_by=partnership_lead
    )
    client.force_login(agency_lead)
    assert client.get(f"/certificates/manage/exports/{job.pk}/").status_code == 404


# Background ZIP jobs: who may open them, and for how long -----------------------


def _zip_built_by(client, user, agency_id, capture):
    client.force_login(user)
    with capture(execute=True):
        client.post("/certificates/manage/zip/", {"agency": agency_id})
    return BackgroundJob.objects.get(kind="certificates_zip")


def _job_urls(job):
    return (
        f"/certificates/manage/exports/{job.pk}/",
        f"/certificates/manage/exports/{job.pk}/download/",
    )


def test_a_zip_job_records_the_agencies_it_was_built_for(
    client, agency_lead, certificate, django_capture_on_commit_callbacks
):
    job = _zip_built_by(
        client, agency_lead, certificate.agency_id, django_capture_on_commit_callbacks
    )

    assert job.params["agency_ids"] == [certificate.agency_id]


def test_a_report_export_through_the_certificates_url_is_not_found(
    client, agency_lead, agency
):
    from learning.reports.exports import JOB_KIND

    job = BackgroundJob.objects.create(
        kind=JOB_KIND,
        params={
            "query": {"table": "people", "export": "csv"},
            "agency_ids": [agency.pk],
        },
        created_by=agency_lead,
        status="done",
    )
    job.result.save("report.csv", ContentFile(b"Name,Email\n"))
    client.force_login(agency_lead)

    for url in _job_urls(job):
        assert client.get(url).status_code == 404
    unknown = BackgroundJob.objects.order_by("-pk").first().pk + 1
    assert client.get(f"/certificates/manage/exports/{unknown}/").status_code == 404


def test_a_certificate_zip_through_the_reports_url_is_not_found(
    client, agency_lead, certificate, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    job = _zip_built_by(
        client, agency_lead, certificate.agency_id, django_capture_on_commit_callbacks
    )

    for name in ("reports:export_job", "reports:export_download"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404


def test_a_lead_who_lost_their_role_cannot_open_or_download_their_old_zip(
    client, agency_lead, certificate, django_capture_on_commit_callbacks
):
    from learning.accounts.services import user_roles_set

    job = _zip_built_by(
        client, agency_lead, certificate.agency_id, django_capture_on_commit_callbacks
    )
    assert client.get(_job_urls(job)[1]).status_code == 200
    user_roles_set(user=agency_lead, roles=[])

    for url in _job_urls(job):
        assert client.get(url).status_code == 403


def test_a_lead_moved_to_another_agency_cannot_download_the_old_agencys_zip(
    client, agency_lead, other_agency, certificate, django_capture_on_commit_callbacks
):
    from certificates.selectors import JOB_OUTSIDE_SCOPE

    job = _zip_built_by(
        client, agency_lead, certificate.agency_id, django_capture_on_commit_callbacks
    )
    agency_lead.profile.agency = other_agency
    agency_lead.profile.save()

    for url in _job_urls(job):
        response = client.get(url)
        assert response.status_code == 403
        assert str(JOB_OUTSIDE_SCOPE) in response.content.decode()


def test_a_finished_zip_expires_after_the_retention_period(
    client, partnership_lead, certificate, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_RETENTION_DAYS = 3
    job = _zip_built_by(
        client,
        partnership_lead,
        certificate.agency_id,
        django_capture_on_commit_callbacks,
    )

    assert job.expires_at - job.finished_at == timedelta(days=3)


def test_an_expired_zip_says_so_and_how_to_build_it_again(
    client, partnership_lead, certificate, django_capture_on_commit_callbacks
):
    from learning.core.jobs import EXPORT_EXPIRED

    job = _zip_built_by(
        client,
        partnership_lead,
        certificate.agency_id,
        django_capture_on_commit_callbacks,
    )
    # Past its expiry, before the clean-up has run: already refused.
    BackgroundJob.objects.filter(pk=job.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    page, download = (client.get(url) for url in _job_urls(job))

    assert page.status_code == 200
    assert download.status_code == 410
    for response in (page, download):
        text = response.content.decode()
        assert str(EXPORT_EXPIRED) in text
        assert 'href="/certificates/manage/"' in text
        assert "Download the ZIP file" not in text
