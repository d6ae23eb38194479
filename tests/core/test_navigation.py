from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

import pytest

from learning.core import context_processors
from learning.core.context_processors import navigation

pytestmark = pytest.mark.django_db

REPORTS = "Reports"
ADMIN_LINK = 'href="/admin/"'


@pytest.fixture
def reports_installed(monkeypatch):
    """Point the leads-only Reports entry at a URL that exists in this build."""
    entries = [
        (label, "accounts_profile" if str(label) == REPORTS else url_name, audience)
        for label, url_name, audience in context_processors.NAVIGATION
    ]
    assert any(str(label) == REPORTS for label, _url, _audience in entries)
    monkeypatch.setattr(context_processors, "NAVIGATION", entries)


def _labels(user, path="/"):
    request = RequestFactory().get(path)
    request.user = user
    return [str(item["label"]) for item in navigation(request)["primary_navigation"]]


def test_navigation_skips_entries_whose_pages_are_not_installed():
    labels = _labels(AnonymousUser())

    assert "Learning review" in labels


def test_navigation_marks_the_current_section_active():
    request = RequestFactory().get("/reviews/chronic-neglect/")
    request.user = AnonymousUser()

    items = navigation(request)["primary_navigation"]

    active = [str(item["label"]) for item in items if item["active"]]
    assert active == ["Learning review"]


@pytest.mark.usefixtures("reports_installed")
@pytest.mark.parametrize("person", ["agency_lead", "partnership_lead"])
def test_reports_are_in_the_navigation_for_leads(request, person):
    assert REPORTS in _labels(request.getfixturevalue(person))


@pytest.mark.usefixtures("reports_installed")
@pytest.mark.parametrize("person", ["learner", "trainer"])
def test_reports_are_not_in_the_navigation_for_other_roles(request, person):
    assert REPORTS not in _labels(request.getfixturevalue(person))


@pytest.mark.usefixtures("reports_installed")
def test_reports_are_not_in_the_navigation_for_anonymous_visitors():
    assert REPORTS not in _labels(AnonymousUser())


def _rendered_labels(client, user):
    client.force_login(user)
    response = client.get("/")
    return [str(item["label"]) for item in response.context["primary_navigation"]]


@pytest.mark.usefixtures("reports_installed")
def test_rendered_header_shows_reports_to_a_lead(client, agency_lead):
    assert REPORTS in _rendered_labels(client, agency_lead)


@pytest.mark.usefixtures("reports_installed")
@pytest.mark.parametrize("person", ["learner", "trainer"])
def test_rendered_header_hides_reports_from_other_roles(client, request, person):
    assert REPORTS not in _rendered_labels(client, request.getfixturevalue(person))


@pytest.mark.parametrize("person", ["trainer", "agency_lead", "partnership_lead"])
def test_header_shows_the_admin_link_to_users_who_can_use_the_admin(
    client, request, person
):
    client.force_login(request.getfixturevalue(person))

    assert ADMIN_LINK in client.get("/").content.decode()


def test_header_hides_the_admin_link_from_learners(client, learner):
    client.force_login(learner)

    html = client.get("/").content.decode()

    assert ADMIN_LINK not in html
    assert 'href="/accounts/profile/"' in html
    assert 'href="/accounts/logout/"' in html


def test_header_offers_sign_in_and_sign_up_to_anonymous_visitors(client):
    html = client.get("/").content.decode()
    header = html[: html.index("<main")]

    assert ADMIN_LINK not in header
    assert 'href="/accounts/login/"' in header
    assert 'href="/accounts/signup/"' in header


@pytest.mark.parametrize("person", ["agency_lead", "partnership_lead"])
def test_leads_find_agency_moves_in_the_navigation(request, person):
    assert "Agency moves" in _labels(request.getfixturevalue(person))


@pytest.mark.parametrize("person", ["learner", "trainer"])
def test_agency_moves_are_not_in_the_navigation_for_other_roles(request, person):
    assert "Agency moves" not in _labels(request.getfixturevalue(person))
