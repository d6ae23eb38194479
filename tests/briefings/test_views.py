from datetime import timedelta

from django.utils import timezone

import pytest

from certificates.models import Certificate
from learning.accounts.factories import AgencyFactory
from learning.accounts.roles import Role
from learning.briefings.forms import DATE_INCOMPLETE, DATE_INVALID
from learning.briefings.models import BriefingAttendee, BriefingDelivery
from learning.briefings.services import (
    ATTENDEE_NOT_IN_AGENCY,
    DATE_IN_FUTURE,
    EMAIL_OTHER_AGENCY,
    briefing_delivery_record,
)

from ..conftest import make_person
from .conftest import TEAM

pytestmark = pytest.mark.django_db

INDEX = "/briefings/"
RECORD = "/briefings/record/"


def _date_fields(day):
    return {
        "delivered_on-day": str(day.day),
        "delivered_on-month": str(day.month),
        "delivered_on-year": str(day.year),
    }


def _post_data(briefing, attendees=(), emails="", day=None, **extra):
    day = day or timezone.localdate() - timedelta(days=2)
    data = {
        "briefing": str(briefing.pk),
        **_date_fields(day),
        "team": TEAM,
        "attendees": [str(user.pk) for user in attendees],
        "emails": emails,
        "notes": "",
        "actions": "",
    }
    data.update(extra)
    return data


def _errors(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def _deliver(briefing, manager, people, days_ago=1):
    return briefing_delivery_record(
        briefing=briefing,
        delivered_by=manager,
        delivered_on=timezone.localdate() - timedelta(days=days_ago),
        team=TEAM,
        attendees=people,
    )


@pytest.fixture
def other_manager(other_agency):
    return make_person(
        email="head@oakfield-primary.example.org",
        agency=other_agency,
        roles=[Role.TEAM_MANAGERS],
        name="Olu Head",
    )


@pytest.fixture
def other_agency_lead(other_agency):
    return make_person(
        email="dsl@oakfield-primary.example.org",
        agency=other_agency,
        roles=[Role.AGENCY_LEADS],
    )


# ------------------------------------------------------------------ record a delivery


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(RECORD)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_someone_who_is_not_a_team_manager_is_refused_the_record_page(
    client, learner, agency_lead, briefing, colleagues
):
    for person in (learner, agency_lead):
        client.force_login(person)
        assert client.get(RECORD).status_code == 403
        response = client.post(RECORD, _post_data(briefing, colleagues[:1]))
        assert response.status_code == 403
    assert not BriefingDelivery.objects.exists()


def test_the_record_page_lists_the_managers_agency_with_their_own_team_first(
    client, team_manager, colleagues, other_learner, briefing
):
    client.force_login(team_manager)

    response = client.get(RECORD)

    assert response.status_code == 200
    groups = response.context["staff_groups"]
    assert groups[0]["team"] == TEAM
    labels = [person["label"] for group in groups for person in group["people"]]
    assert any(label.startswith("Colleague 3") for label in labels)
    assert not any(other_learner.name in label for label in labels)
    assert response.context["form"]["team"].value() == TEAM
    assert b'id="id_attendees_0"' in response.content


def test_a_team_manager_records_a_delivery_and_sees_it(
    client, team_manager, colleagues, briefing
):
    client.force_login(team_manager)

    response = client.post(
        RECORD,
        _post_data(briefing, colleagues[:2], emails="new.person@council.example.org"),
    )

    delivery = BriefingDelivery.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/briefings/{delivery.pk}/"
    assert delivery.delivered_by == team_manager
    assert Certificate.objects.filter(briefing=briefing).count() == 2
    assert BriefingAttendee.objects.filter(user__isnull=True).count() == 1
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b"new.person@council.example.org" in page.content
    listing = client.get(INDEX)
    assert briefing.title in listing.content.decode()


def test_a_tampered_attendee_id_from_another_agency_is_refused_and_nothing_stored(
    client, team_manager, colleagues, other_learner, briefing
):
    client.force_login(team_manager)

    response = client.post(RECORD, _post_data(briefing, [colleagues[0], other_learner]))

    assert response.status_code == 200
    assert _errors(response, "attendees") == [ATTENDEE_NOT_IN_AGENCY]
    assert not BriefingDelivery.objects.exists()
    assert not Certificate.objects.exists()


def test_an_email_of_another_agencys_user_is_refused_with_a_clear_error(
    client, team_manager, briefing
):
    shared = AgencyFactory(name="Early Help", domains=["council.example.org"])
    outsider = make_person(email="outsider@council.example.org", agency=shared)
    client.force_login(team_manager)

    response = client.post(RECORD, _post_data(briefing, emails=outsider.email))

    assert response.status_code == 200
    assert _errors(response, "emails") == [
        EMAIL_OTHER_AGENCY % {"email": outsider.email}
    ]
    assert b"govuk-error-summary" in response.content
    assert not BriefingDelivery.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"delivered_on-day": ""}, DATE_INCOMPLETE),
        ({"delivered_on-day": "31", "delivered_on-month": "2"}, DATE_INVALID),
        ({"delivered_on-year": "twenty"}, DATE_INVALID),
    ],
)
def test_a_bad_date_gets_a_clear_error(
    client, team_manager, colleagues, briefing, fields, message
):
    client.force_login(team_manager)

    response = client.post(RECORD, _post_data(briefing, colleagues[:1], **fields))

    assert _errors(response, "delivered_on") == [message]
    assert b"govuk-input--error" in response.content
    assert not BriefingDelivery.objects.exists()


def test_a_future_date_is_refused_by_the_service_and_shown_on_the_form(
    client, team_manager, colleagues, briefing
):
    client.force_login(team_manager)
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = client.post(RECORD, _post_data(briefing, colleagues[:1], day=tomorrow))

    assert _errors(response, "delivered_on") == [DATE_IN_FUTURE]
    assert not BriefingDelivery.objects.exists()


# ----------------------------------------------------------------- lists and details


def test_someone_without_a_briefings_role_is_refused_the_list(client, learner):
    client.force_login(learner)

    assert client.get(INDEX).status_code == 403


def test_a_team_manager_sees_only_the_deliveries_they_recorded(
    client, team_manager, colleagues, briefing, agency
):
    mine = _deliver(briefing, team_manager, colleagues[:1])
    peer = make_person(
        email="peer@council.example.org", agency=agency, roles=[Role.TEAM_MANAGERS]
    )
    theirs = _deliver(briefing, peer, colleagues[1:2])
    client.force_login(team_manager)

    response = client.get(INDEX)

    assert [d.pk for d in response.context["my_deliveries"]] == [mine.pk]
    assert "reach" not in response.context
    assert client.get(f"/briefings/{theirs.pk}/").status_code == 404
    assert client.get(f"/briefings/{mine.pk}/").status_code == 200


def test_an_agency_lead_sees_only_their_own_agency(
    client,
    agency_lead,
    team_manager,
    colleagues,
    other_manager,
    other_learner,
    briefing,
):
    ours = _deliver(briefing, team_manager, colleagues[:2])
    theirs = _deliver(briefing, other_manager, [other_learner])
    client.force_login(agency_lead)

    response = client.get(INDEX)

    assert response.status_code == 200
    assert [d.pk for d in response.context["deliveries"]] == [ours.pk]
    assert [row.agency.name for row in response.context["reach"]] == [
        team_manager.profile.agency.name
    ]
    (row,) = response.context["reach"]
    assert (row.deliveries, row.staff_reached) == (1, 2)
    # Registered: the lead, the manager, three colleagues.
    assert row.registered_staff == 5
    assert row.percent == 40
    assert client.get(f"/briefings/{ours.pk}/").status_code == 200
    assert client.get(f"/briefings/{theirs.pk}/").status_code == 404
    tampered = client.get(INDEX, {"agency": theirs.agency_id})
    assert theirs.pk not in [d.pk for d in tampered.context["deliveries"]]


def test_a_partnership_lead_sees_every_agency_and_can_filter(
    client,
    partnership_lead,
    team_manager,
    colleagues,
    other_manager,
    other_learner,
    briefing,
):
    ours = _deliver(briefing, team_manager, colleagues[:1])
    theirs = _deliver(briefing, other_manager, [other_learner])
    client.force_login(partnership_lead)

    response = client.get(INDEX)

    assert {d.pk for d in response.context["deliveries"]} == {ours.pk, theirs.pk}
    reach = {row.agency.name: row for row in response.context["reach"]}
    assert reach["Oakfield Primary School"].deliveries == 1
    assert reach["Oakfield Primary School"].percent == 50
    filtered = client.get(INDEX, {"agency": theirs.agency_id})
    assert [d.pk for d in filtered.context["deliveries"]] == [theirs.pk]
    assert client.get(f"/briefings/{theirs.pk}/").status_code == 200


def test_the_briefings_page_keeps_to_a_query_budget(
    client,
    partnership_lead,
    team_manager,
    colleagues,
    briefing,
    django_assert_max_num_queries,
):
    for days_ago in range(1, 13):
        _deliver(briefing, team_manager, colleagues, days_ago=days_ago)
    for number in range(8):
        AgencyFactory(name=f"Agency {number}", domains=[f"a{number}.example.org"])
    team_manager.groups.add(*partnership_lead.groups.all())
    client.force_login(team_manager)

    with django_assert_max_num_queries(22):
        response = client.get(INDEX)

    assert response.status_code == 200
    assert len(response.context["my_deliveries"]) == 12
    assert len(response.context["deliveries"]) == 12


# -------------------------------------------------------------------- team managers

MANAGERS = "/briefings/team-managers/"
REMOVE = "/briefings/team-managers/remove/"


def _roles(user):
    return set(user.groups.values_list("name", flat=True))


def test_only_leads_can_open_the_team_managers_page(client, learner, team_manager):
    for person in (learner, team_manager):
        client.force_login(person)
        assert client.get(MANAGERS).status_code == 403
        assert client.post(REMOVE, {"user": person.pk}).status_code == 403
    assert Role.TEAM_MANAGERS in _roles(team_manager)


def test_an_agency_lead_makes_a_colleague_a_team_manager_keeping_other_roles(
    client, agency_lead, agency
):
    from learning.core.models import AuditEvent

    colleague = make_person(
        email="senior@council.example.org", agency=agency, roles=[Role.TRAINERS]
    )
    client.force_login(agency_lead)

    response = client.post(MANAGERS, {"email": "Senior@Council.example.org"})

    assert response.status_code == 302
    assert _roles(colleague) == {Role.LEARNERS, Role.TRAINERS, Role.TEAM_MANAGERS}
    event = AuditEvent.objects.get(action="role.granted")
    assert event.actor == agency_lead and event.object_id == str(colleague.pk)
    page = client.get(MANAGERS)
    assert colleague in page.context["managers"]


def test_an_agency_lead_cannot_make_someone_in_another_agency_a_team_manager(
    client, agency_lead, other_learner
):
    from learning.briefings.forms import PERSON_NOT_FOUND

    client.force_login(agency_lead)

    response = client.post(MANAGERS, {"email": other_learner.email})

    assert response.status_code == 200
    assert _errors(response, "email") == [PERSON_NOT_FOUND]
    assert Role.TEAM_MANAGERS not in _roles(other_learner)


def test_an_agency_lead_cannot_remove_another_agencys_team_manager(
    client, agency_lead, other_manager
):
    from learning.briefings.forms import PERSON_INVALID

    client.force_login(agency_lead)

    response = client.post(REMOVE, {"user": other_manager.pk}, follow=True)

    assert PERSON_INVALID in [str(m) for m in response.context["messages"]]
    assert Role.TEAM_MANAGERS in _roles(other_manager)
    response = client.post(REMOVE, {"user": "not-a-number"}, follow=True)
    assert PERSON_INVALID in [str(m) for m in response.context["messages"]]


def test_a_lead_removes_a_team_manager_keeping_their_other_roles(
    client, partnership_lead, other_manager
):
    other_manager.groups.add(
        *make_person(
            email="x@oakfield-primary.example.org",
            agency=other_manager.profile.agency,
            roles=[Role.AGENCY_LEADS],
        ).groups.all()
    )
    client.force_login(partnership_lead)

    response = client.post(REMOVE, {"user": other_manager.pk})

    assert response.status_code == 302
    assert _roles(other_manager) == {Role.LEARNERS, Role.AGENCY_LEADS}


def test_a_partnership_lead_can_make_anyone_a_team_manager(
    client, partnership_lead, other_learner
):
    client.force_login(partnership_lead)

    client.post(MANAGERS, {"email": other_learner.email})

    assert Role.TEAM_MANAGERS in _roles(other_learner)


def test_the_team_managers_page_keeps_to_a_query_budget(
    client, partnership_lead, agency, django_assert_max_num_queries
):
    for number in range(15):
        make_person(
            email=f"m{number}@council.example.org",
            agency=agency,
            roles=[Role.TEAM_MANAGERS],
        )
    client.force_login(partnership_lead)

    with django_assert_max_num_queries(14):
        response = client.get(MANAGERS)

    assert len(response.context["managers"]) == 15


def test_the_record_and_detail_pages_keep_to_a_query_budget(
    client, team_manager, agency, briefing, django_assert_max_num_queries
):
    staff = [
        make_person(email=f"s{number}@council.example.org", agency=agency)
        for number in range(30)
    ]
    delivery = _deliver(briefing, team_manager, staff)
    client.force_login(team_manager)

    with django_assert_max_num_queries(14):
        response = client.get(RECORD)
    assert len([p for g in response.context["staff_groups"] for p in g["people"]]) == 31

    with django_assert_max_num_queries(14):
        response = client.get(f"/briefings/{delivery.pk}/")
    assert len(response.context["attendees"]) == 30
