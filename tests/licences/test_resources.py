import datetime
from datetime import timedelta

from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone
from django.utils.dateformat import format as date_format

from wagtail.models import Page

import pytest
import time_machine

from learning.licences.models import Licence, ResourcePage
from learning.licences.services import licence_revoke
from learning.licences.views import media_serve_except_documents

from .conftest import PDF_BYTES, PUBLIC_BODY, RESTRICTED_BODY

pytestmark = pytest.mark.django_db

EXPLANATION = "only for practitioners who hold a current Graded Care Profile 2 (GCP2)"


def _url(page):
    return page.get_url()


def _refused(response, gcp2_course):
    html = response.content.decode()
    assert response.status_code == 403
    assert EXPLANATION in html
    assert f'href="/training/?course={gcp2_course.pk}"' in html
    assert RESTRICTED_BODY not in html
    assert response["Cache-Control"] == "private, no-store" or (
        "private" in response["Cache-Control"]
        and "no-store" in response["Cache-Control"]
    )
    return html


def _download(client, document):
    response = client.get(document.url)
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response, body


# -------------------------------------------------------------------------- pages


def test_a_restricted_page_is_refused_to_an_unlicensed_learner_with_the_reason(
    client, learner, resources, gcp2_course
):
    client.force_login(learner)

    html = _refused(client.get(_url(resources["restricted"])), gcp2_course)

    assert "You do not have a licence yet." in html
    assert resources["restricted"].title in html


def test_a_restricted_page_opens_for_a_current_licence_holder(
    client, learner, resources, attend
):
    attend(learner)
    client.force_login(learner)

    response = client.get(_url(resources["restricted"]))

    html = response.content.decode()
    assert response.status_code == 200
    assert RESTRICTED_BODY in html
    assert resources["document"].url in html
    assert "no-store" in response["Cache-Control"]


def test_a_restricted_page_closes_when_the_licence_lapses(
    client, learner, resources, attend, gcp2_course
):
    attend(learner, on=datetime.date(2024, 5, 10))  # refresher due 10 May 2027
    url = _url(resources["restricted"])

    with time_machine.travel(datetime.datetime(2027, 5, 10, 12, 0), tick=False):
        client.force_login(learner)  # sessions last hours, not years
        assert client.get(url).status_code == 200
    with time_machine.travel(datetime.datetime(2027, 5, 11, 12, 0), tick=False):
        client.force_login(learner)
        html = _refused(client.get(url), gcp2_course)

    assert "Your licence lapsed on 10 May 2027" in html


def test_a_restricted_page_closes_when_the_licence_is_revoked(
    client, learner, partnership_lead, resources, attend, gcp2_course
):
    licence = attend(learner).licence
    client.force_login(learner)
    assert client.get(_url(resources["restricted"])).status_code == 200

    licence_revoke(
        licence=licence, reason="Left practice.", revoked_by=partnership_lead
    )

    html = _refused(client.get(_url(resources["restricted"])), gcp2_course)
    today = date_format(timezone.localdate(), "j F Y")
    assert f"Your licence was revoked on {today}" in html


def test_a_new_licence_reopens_the_page_after_a_lapse(
    client, learner, resources, attend
):
    attend(learner, on=timezone.localdate() - timedelta(days=4 * 365))
    client.force_login(learner)
    assert client.get(_url(resources["restricted"])).status_code == 403

    attend(learner)

    assert client.get(_url(resources["restricted"])).status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in_for_restricted_resources(
    client, resources
):
    page_response = client.get(_url(resources["restricted"]))
    document_response = client.get(resources["document"].url)

    for response, url in (
        (page_response, _url(resources["restricted"])),
        (document_response, resources["document"].url),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
        assert url in response["Location"].replace("%2F", "/")


def test_public_resources_open_to_everyone(client, learner, resources):
    for user in (None, learner):
        if user:
            client.force_login(user)
        response = client.get(_url(resources["public"]))
        assert response.status_code == 200
        assert PUBLIC_BODY in response.content.decode()
        response, body = _download(client, resources["public_document"])
        assert response.status_code == 200
        assert body == PDF_BYTES


def test_the_index_lists_restricted_pages_by_title_only(client, learner, resources):
    client.force_login(learner)

    html = client.get(_url(resources["index"])).content.decode()

    assert resources["restricted"].title in html
    assert "Licensed practitioners only" in html
    assert RESTRICTED_BODY not in html


def test_search_does_not_find_restricted_pages_by_their_body_text(resources):
    by_body = Page.objects.live().search("breakfast")
    by_intro = Page.objects.live().search("practice note")

    assert resources["restricted"].pk not in [page.pk for page in by_body]
    assert resources["restricted"].pk in [page.pk for page in by_intro]
    assert "body" not in {field.field_name for field in ResourcePage.search_fields}


def _preview_as(client, user, page):
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    request = RequestFactory().get(_url(page), HTTP_COOKIE=cookie)
    return page.make_preview_request(request)


def test_an_editor_can_preview_a_restricted_page_but_an_unlicensed_reader_cannot(
    client, learner, resources, admin_user
):
    page = resources["restricted"]

    editor_view = _preview_as(client, admin_user, page)
    reader_view = _preview_as(client, learner, page)

    assert editor_view.status_code == 200
    assert RESTRICTED_BODY in editor_view.content.decode()
    assert reader_view.status_code == 403
    assert RESTRICTED_BODY not in reader_view.content.decode()


# ---------------------------------------------------------------------- documents


def test_a_restricted_document_is_refused_to_an_unlicensed_learner(
    client, learner, resources, gcp2_course
):
    client.force_login(learner)

    response, body = _download(client, resources["document"])

    _refused(response, gcp2_course)
    assert body == b""


def test_a_restricted_document_downloads_for_a_current_licence_holder(
    client, learner, resources, attend
):
    attend(learner)
    client.force_login(learner)

    response, body = _download(client, resources["document"])

    assert response.status_code == 200
    assert body == PDF_BYTES


def test_a_restricted_document_is_refused_after_the_licence_lapses(
    client, learner, resources, attend, gcp2_course
):
    attend(learner, on=datetime.date(2024, 5, 10))

    with time_machine.travel(datetime.datetime(2027, 5, 10, 12, 0), tick=False):
        client.force_login(learner)
        assert _download(client, resources["document"])[0].status_code == 200
    with time_machine.travel(datetime.datetime(2027, 5, 11, 12, 0), tick=False):
        client.force_login(learner)
        html = _refused(client.get(resources["document"].url), gcp2_course)
    assert "Your licence lapsed on 10 May 2027" in html


def test_a_restricted_document_is_refused_after_revocation(
    client, learner, partnership_lead, resources, attend, gcp2_course
):
    licence = attend(learner).licence
    licence_revoke(
        licence=licence, reason="Left practice.", revoked_by=partnership_lead
    )
    client.force_login(learner)

    _refused(client.get(resources["document"].url), gcp2_course)
    assert Licence.objects.get(pk=licence.pk).revoked_at is not None


def test_development_media_serving_refuses_documents_certificates_and_exports(
    resources, settings
):
    document = resources["document"]
    request = RequestFactory().get("/media/x")
    root = settings.MEDIA_ROOT

    for path in (
        document.file.name,
        f"images/../{document.file.name}",
        document.file.name.upper(),
        "documents",
        "exports/2026/11/report-people-abc.xlsx",
        "certificates/2026/11/7KQ4-M2ZP-9XWD.pdf",
        "images/../Exports/x.csv",
    ):
        with pytest.raises(Http404):
            media_serve_except_documents(request, path, document_root=root)

    (root / "images").mkdir(exist_ok=True)
    (root / "images" / "ok.txt").write_bytes(b"fine")
    response = media_serve_except_documents(
        request, "images/ok.txt", document_root=root
    )
    assert response.status_code == 200
