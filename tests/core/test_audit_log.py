"""The audit log page: partnership leads only, filtered, paginated, newest first."""

from datetime import timedelta

from django.utils import timezone

import pytest

from learning.core.audit_views import (
    AUDIT_ACTION_UNKNOWN,
    AUDIT_DATE_INVALID,
    AUDIT_DATES_REVERSED,
    EVENTS_PER_PAGE,
)
from learning.core.models import AuditEvent
from learning.core.services import audit_log

pytestmark = pytest.mark.django_db

URL = "/audit/"


def _event(*, actor, action, obj, days_ago=0):
    event = audit_log(actor=actor, action=action, obj=obj)
    AuditEvent.objects.filter(pk=event.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return event


@pytest.fixture
def events(learner, other_learner, partnership_lead, agency_lead):
    return {
        "old": _event(
            actor=agency_lead, action="role.granted", obj=learner, days_ago=40
        ),
        "middle": _event(
            actor=partnership_lead,
            action="certificate.revoked",
            obj=other_learner,
            days_ago=10,
        ),
        "new": _event(actor=partnership_lead, action="charge.waived", obj=learner),
    }


def _rows(response):
    return [event.pk for event in response.context["events"]]


def test_partnership_lead_sees_every_entry_newest_first(
    client, partnership_lead, events
):
    client.force_login(partnership_lead)

    response = client.get(URL)

    assert response.status_code == 200
    assert _rows(response) == [
        events["new"].pk,
        events["middle"].pk,
        events["old"].pk,
    ]
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert b"certificate.revoked" in response.content


@pytest.mark.parametrize("who", ["learner", "agency_lead", "trainer"])
def test_everyone_but_partnership_leads_is_refused(client, request, who, events):
    client.force_login(request.getfixturevalue(who))

    response = client.get(URL)

    assert response.status_code == 403
    assert b"certificate.revoked" not in response.content


def test_anonymous_visitors_are_sent_to_sign_in(client, events):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_filter_by_action(client, partnership_lead, events):
    client.force_login(partnership_lead)

    response = client.get(URL, {"action": "certificate.revoked"})

    assert _rows(response) == [events["middle"].pk]


def test_filter_by_part_of_the_actors_email(client, partnership_lead, events):
    client.force_login(partnership_lead)

    response = client.get(URL, {"actor": "AGENCY-LEAD@"})

    assert _rows(response) == [events["old"].pk]


def test_filter_by_date_range(client, partnership_lead, events):
    client.force_login(partnership_lead)
    today = timezone.localdate()

    response = client.get(
        URL,
        {
            "start": (today - timedelta(days=20)).strftime("%d/%m/%Y"),
            "end": (today - timedelta(days=1)).strftime("%d/%m/%Y"),
        },
    )

    assert _rows(response) == [events["middle"].pk]


def test_reversed_dates_are_an_error_and_list_nothing(client, partnership_lead, events):
    client.force_login(partnership_lead)

    response = client.get(URL, {"start": "10/04/2026", "end": "01/04/2026"})

    assert response.status_code == 200
    assert response.context["form"].errors["end"] == [AUDIT_DATES_REVERSED]
    assert _rows(response) == []
    assert b"There is a problem" in response.content


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"start": "31/02/2026"}, "start", AUDIT_DATE_INVALID),
        ({"end": "<script>alert(1)</script>"}, "end", AUDIT_DATE_INVALID),
        ({"action": "made.up"}, "action", AUDIT_ACTION_UNKNOWN),
    ],
)
def test_bad_filters_get_a_clear_message(
    client, partnership_lead, events, query, field, message
):
    client.force_login(partnership_lead)

    response = client.get(URL, query)

    assert response.context["form"].errors[field] == [message]
    assert b"<script>alert(1)</script>" not in response.content


def test_pages_keep_the_filters_and_hold_a_fixed_number_of_entries(
    client, partnership_lead, learner
):
    for _ in range(EVENTS_PER_PAGE + 5):
        audit_log(actor=partnership_lead, action="licence.revoked", obj=learner)
    audit_log(actor=partnership_lead, action="charge.waived", obj=learner)
    client.force_login(partnership_lead)

    first = client.get(URL, {"action": "licence.revoked"})
    second = client.get(URL, {"action": "licence.revoked", "page": 2})

    assert len(first.context["events"]) == EVENTS_PER_PAGE
    assert len(second.context["events"]) == 5
    assert b"action=licence.revoked&amp;page=2" in first.content
    assert not set(_rows(first)) & set(_rows(second))


def test_audit_log_query_count_does_not_grow_with_entries(
    client,
    partnership_lead,
    learner,
    other_learner,
    make_many_actors,
    django_assert_max_num_queries,
):
    for actor in make_many_actors(12):
        audit_log(actor=actor, action="role.granted", obj=learner)
        audit_log(actor=actor, action="certificate.revoked", obj=other_learner)
    client.force_login(partnership_lead)

    # The first page view also creates the Wagtail user profile (3 queries).
    with django_assert_max_num_queries(14):
        response = client.get(URL)

    assert response.status_code == 200
    assert len(response.context["events"]) == 24


@pytest.fixture
def make_many_actors(agency):
    from tests.conftest import make_person

    def make(count):
        return [
            make_person(email=f"actor{number}@council.example.org", agency=agency)
            for number in range(count)
        ]

    return make


def test_entry_details_are_shown_without_anything_named_like_a_secret(
    client, partnership_lead, learner
):
    audit_log(
        actor=partnership_lead,
        action="charge.waived",
        obj=learner,
        reason="Snow closed the venue",
        recovery_code="12345678",
        amount=["40.00"],
    )
    client.force_login(partnership_lead)

    page = client.get("/audit/").content.decode()

    assert "Snow closed the venue" in page
    assert "Reason:" in page and "Amount:" in page and "[&quot;40.00&quot;]" in page
    assert "12345678" not in page and "Recovery code" not in page
