"""The dashboard, drill-downs and learner pages: permissions, content, query budgets."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from learning.accounts.factories import ProfileFactory
from learning.accounts.models import Profile
from learning.reports.forms import (
    AGENCY_OUTSIDE_SCOPE,
    CHOICE_NOT_FOUND,
    DATES_REVERSED,
    METRIC_REQUIRED,
    RECOMMENDATION_REQUIRED,
)
from learning.reports.models import Action
from learning.reports.selectors import Metric

from .conftest import certificate_give

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("reports:dashboard")
PEOPLE = reverse("reports:people")


def _person_url(user):
    return reverse("reports:person", kwargs={"user_id": user.pk})


def _text(response):
    return response.content.decode()


# ------------------------------------------------------------------ permissions


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in (DASHBOARD, PEOPLE + "?metric=registered", "/reports/people/1/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_learners_and_trainers_are_refused_every_report_page(
    client, world, learner, trainer
):
    someone = world.people["a1"]
    for user in (learner, trainer):
        client.force_login(user)
        for url in (DASHBOARD, PEOPLE + "?metric=registered", _person_url(someone)):
            assert client.get(url).status_code == 403


def test_an_agency_lead_sees_only_their_own_agency_on_the_dashboard(client, world):
    client.force_login(world.agency_lead)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    text = _text(response)
    assert "Children&#x27;s Social Care" in text
    assert "Oakfield Primary School" not in text
    assert "Northbridge Police" not in text
    assert "no-store" in response["Cache-Control"]


def test_a_partnership_lead_sees_every_agency_the_matrix_and_links(client, world):
    client.force_login(world.partnership_lead)

    response = client.get(DASHBOARD)

    text = _text(response)
    for name in ("Oakfield Primary School", "Northbridge Police"):
        assert name in text
    assert "100% Most" in text and "42% Some" in text and "14% Low" in text
    assert 'id="evidence-matrix"' in text and 'scope="col"' in text
    assert 'scope="row"' in text and "<caption" in text
    assert reverse("reports:impact") in text
    rec = world.recommendations[1].pk
    school = world.agencies["b"].pk
    assert f"metric=evidencing&amp;agency={school}&amp;recommendation={rec}" in text


def test_a_tampered_agency_filter_is_an_error_and_shows_no_figures(client, world):
    client.force_login(world.agency_lead)

    response = client.get(DASHBOARD, {"agency": world.agencies["b"].pk})

    text = _text(response)
    assert str(AGENCY_OUTSIDE_SCOPE) in text
    assert 'id="evidence-matrix"' not in text
    assert "Oakfield Primary School" not in text


def test_a_job_role_from_another_agency_is_not_a_choice_for_an_agency_lead(
    client, world
):
    Profile.objects.filter(user=world.people["b1"]).update(job_title="School nurse")
    Profile.objects.filter(user=world.people["a1"]).update(job_title="Social worker")
    client.force_login(world.agency_lead)

    refused = client.get(DASHBOARD, {"job_title": "School nurse"})
    allowed = client.get(DASHBOARD, {"job_title": "Social worker"})

    assert str(CHOICE_NOT_FOUND) in _text(refused)
    assert 'id="headline-figures"' not in _text(refused)
    assert "School nurse" not in _text(allowed)
    assert allowed.context["figures"]["headline"]["registered"] == 1


def test_reversed_dates_are_an_error(client, world):
    client.force_login(world.partnership_lead)

    response = client.get(DASHBOARD, {"start": "01/04/2026", "end": "01/03/2026"})

    assert str(DATES_REVERSED) in _text(response)
    assert 'id="headline-figures"' not in _text(response)


def test_filters_are_kept_in_every_drill_down_link(client, world):
    client.force_login(world.partnership_lead)

    response = client.get(
        DASHBOARD, {"start": "2025-01-01", "end": "2026-12-31", "agency_kind": "police"}
    )

    tables = _text(response).split('id="agency-table"')[1]
    assert "Northbridge Police" in tables
    assert "Oakfield Primary School" not in tables
    text = _text(response)
    assert "start=2025-01-01&amp;end=2026-12-31&amp;agency_kind=police" in text


# ------------------------------------------------------------------ drill-downs


def test_a_matrix_cell_drills_down_to_the_people_behind_it(client, world):
    client.force_login(world.partnership_lead)

    response = client.get(
        PEOPLE,
        {
            "metric": Metric.EVIDENCING,
            "agency": world.agencies["a"].pk,
            "recommendation": world.recommendations[1].pk,
        },
    )

    text = _text(response)
    assert response.status_code == 200
    for key in ("a1", "a2", "a3"):
        assert f"Person {key}" in text
        assert _person_url(world.people[key]) in text
    for key in ("a4", "a5", "b1", "b2"):
        assert f"Person {key}" not in text
    assert "3 people" in text


def test_an_agency_lead_cannot_drill_into_another_agency(client, world):
    client.force_login(world.agency_lead)

    response = client.get(
        PEOPLE,
        {
            "metric": Metric.EVIDENCING,
            "agency": world.agencies["b"].pk,
            "recommendation": world.recommendations[1].pk,
        },
    )

    text = _text(response)
    assert str(AGENCY_OUTSIDE_SCOPE) in text
    for key in ("b1", "b2", "b3"):
        assert f"Person {key}" not in text


def test_an_agency_leads_drill_down_without_an_agency_lists_their_own_staff_only(
    client, world
):
    client.force_login(world.agency_lead)

    response = client.get(
        PEOPLE,
        {
            "metric": Metric.EVIDENCING,
            "recommendation": world.recommendations[1].pk,
        },
    )

    text = _text(response)
    assert "Person a1" in text
    assert "Person b1" not in text and "Person c1" not in text


def test_a_tampered_recommendation_or_metric_is_an_error(client, world):
    client.force_login(world.partnership_lead)

    missing = client.get(
        PEOPLE, {"metric": Metric.EVIDENCING, "recommendation": 999999}
    )
    no_metric = client.get(PEOPLE, {"metric": "everyone"})
    no_recommendation = client.get(PEOPLE, {"metric": Metric.NOT_EVIDENCING})

    assert str(RECOMMENDATION_REQUIRED) in _text(missing)
    assert str(METRIC_REQUIRED) in _text(no_metric)
    assert str(RECOMMENDATION_REQUIRED) in _text(no_recommendation)
    for response in (missing, no_metric, no_recommendation):
        assert "Person a1" not in _text(response)


def test_a_person_page_shows_the_learning_record_to_a_lead_in_scope(client, world):
    client.force_login(world.agency_lead)

    response = client.get(_person_url(world.people["a2"]))

    text = _text(response)
    assert response.status_code == 200
    assert "Learning record of Person a2" in text
    assert "Seeing the pattern" in text and "Met" in text


def test_a_person_in_another_agency_is_not_found_for_an_agency_lead(client, world):
    client.force_login(world.agency_lead)

    moved = world.people["b2"]  # certificates still name the lead's agency
    assert client.get(_person_url(moved)).status_code == 404
    assert client.get(_person_url(world.people["c1"])).status_code == 404
    assert client.get("/reports/people/999999/").status_code == 404


def test_a_partnership_lead_may_open_anyones_record(client, world):
    client.force_login(world.partnership_lead)

    assert client.get(_person_url(world.people["c1"])).status_code == 200


# --------------------------------------------------------------- query budgets


def _add_learners(world, number):
    module = world.modules[0]
    for index in range(number):
        agency = list(world.agencies.values())[index % 3]
        profile = ProfileFactory(
            user__email=f"extra{index}@load.example.org",
            agency=agency,
            job_title=f"Role {index % 4}",
        )
        certificate_give(profile.user, module)


def _count_queries(client, url, data=None):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data or {})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("lead", ["agency_lead", "partnership_lead"])
def test_the_dashboard_takes_as_many_queries_with_60_learners_as_with_3(
    client, world, lead, django_assert_max_num_queries
):
    client.force_login(getattr(world, lead))
    client.get(DASHBOARD)  # the first request of a test fills per-process caches
    few = _count_queries(client, DASHBOARD)
    _add_learners(world, 60)

    many = _count_queries(client, DASHBOARD)

    assert many == few
    with django_assert_max_num_queries(30):
        client.get(DASHBOARD)


def test_the_drill_down_and_person_pages_keep_a_query_budget(
    client, world, django_assert_max_num_queries
):
    _add_learners(world, 60)
    client.force_login(world.partnership_lead)
    with django_assert_max_num_queries(20):
        response = client.get(PEOPLE, {"metric": Metric.REGISTERED})
    assert "Next" in _text(response)  # 74 people: two pages
    with django_assert_max_num_queries(25):
        client.get(_person_url(world.people["a2"]))


def test_the_action_plan_is_shown_under_the_matrix(client, world):
    Action.objects.create(
        recommendation=world.recommendations[1],
        owner_agency=world.agencies["b"],
        description="Run a neglect practice workshop for school safeguarding leads.",
        due_on=timezone.localdate() + timedelta(days=60),
    )
    client.force_login(world.agency_lead)

    text = _text(client.get(DASHBOARD))

    assert text.index('id="evidence-matrix"') < text.index('id="action-plan"')
    assert "Run a neglect practice workshop" in text
