"""The action plan: who may read and change it, overdue status, audit entries."""

import datetime

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

import pytest
import time_machine

from learning.core.models import AuditEvent
from learning.reports.impact import (
    DESCRIPTION_REQUIRED,
    action_create,
    action_update,
    actions_for_plan,
)
from learning.reports.impact_forms import (
    DUE_INCOMPLETE,
    DUE_INVALID,
    DUE_REQUIRED,
    OWNER_REQUIRED,
    RECOMMENDATION_REQUIRED,
)
from learning.reports.models import Action, ActionStatus
from learning.reports.scope import report_scope_for
from learning.reviews.models import Recommendation

pytestmark = pytest.mark.django_db

LIST_URL = reverse("reports:action_list")
CREATE_URL = reverse("reports:action_create")


@pytest.fixture
def recommendation(db):
    return Recommendation.objects.get(number=2)


@pytest.fixture
def action(partnership_lead, recommendation, other_agency):
    return action_create(
        actor=partnership_lead,
        recommendation=recommendation,
        owner_agency=other_agency,
        description="Audit neglect referrals from schools.",
        due_on=datetime.date(2027, 3, 31),
    )


def _post_data(recommendation, agency, **overrides):
    data = {
        "recommendation": recommendation.pk,
        "owner_agency": agency.pk,
        "description": "Train designated safeguarding leads in GCP2.",
        "due_on-day": "30",
        "due_on-month": "6",
        "due_on-year": "2027",
        "status": "in_progress",
        "evidence_notes": "Two of six sessions delivered.",
    }
    data.update(overrides)
    return data


def test_a_partnership_lead_adds_an_action_and_it_is_audited(
    client, partnership_lead, recommendation, agency
):
    client.force_login(partnership_lead)
    assert client.get(CREATE_URL).status_code == 200

    response = client.post(CREATE_URL, _post_data(recommendation, agency))

    assert response.status_code == 302
    action = Action.objects.get()
    assert action.recommendation == recommendation
    assert action.owner_agency == agency
    assert action.due_on == datetime.date(2027, 6, 30)
    assert action.status == ActionStatus.IN_PROGRESS
    assert action.updated_by == partnership_lead
    event = AuditEvent.objects.get(action="action.created")
    assert event.actor == partnership_lead
    assert event.object_id == str(action.pk)
    assert event.data["recommendation"] == 2


def test_a_partnership_lead_changes_an_action_and_the_audit_records_what_changed(
    client, partnership_lead, action, agency
):
    client.force_login(partnership_lead)
    url = reverse("reports:action_edit", args=[action.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Audit neglect referrals from schools." in page.content.decode()

    response = client.post(
        url,
        _post_data(
            action.recommendation,
            agency,
            description="Audit neglect referrals from schools.",
            status="complete",
        ),
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETE
    assert action.owner_agency == agency
    event = AuditEvent.objects.get(action="action.updated")
    assert event.actor == partnership_lead
    assert event.data["changes"]["status"] == ["not_started", "complete"]
    assert event.data["changes"]["due_on"] == ["2027-03-31", "2027-06-30"]
    assert "description" not in event.data["changes"]


def test_an_agency_lead_reads_the_whole_plan_but_cannot_change_it(
    client, agency_lead, action, recommendation, agency
):
    client.force_login(agency_lead)

    page = client.get(LIST_URL)

    assert page.status_code == 200
    body = page.content.decode()
    assert "Audit neglect referrals from schools." in body  # another agency's action
    assert reverse("reports:action_edit", args=[action.pk]) not in body
    assert CREATE_URL not in body
    assert client.get(CREATE_URL).status_code == 403
    assert (
        client.post(CREATE_URL, _post_data(recommendation, agency)).status_code == 403
    )
    edit_url = reverse("reports:action_edit", args=[action.pk])
    assert client.get(edit_url).status_code == 403
    assert client.post(edit_url, _post_data(recommendation, agency)).status_code == 403
    assert Action.objects.count() == 1
    assert Action.objects.get().status == ActionStatus.NOT_STARTED


@pytest.mark.parametrize("name", ["action_list", "action_create"])
def test_learners_are_refused_the_action_plan_pages(client, learner, name):
    client.force_login(learner)
    assert client.get(reverse(f"reports:{name}")).status_code == 403


def test_learners_cannot_open_or_change_an_action(client, learner, action):
    client.force_login(learner)
    url = reverse("reports:action_edit", args=[action.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"status": "complete"}).status_code == 403
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_STARTED


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(LIST_URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_action_that_does_not_exist_is_not_found(client, partnership_lead, action):
    client.force_login(partnership_lead)
    url = reverse("reports:action_edit", args=[action.pk + 1000])
    assert client.get(url).status_code == 404
    assert client.post(url, {"status": "complete"}).status_code == 404


def test_tampered_recommendation_and_agency_ids_are_refused_and_nothing_is_saved(
    client, partnership_lead, recommendation, agency
):
    client.force_login(partnership_lead)

    data = _post_data(recommendation, agency)
    data.update(recommendation="99999", owner_agency="x")

    response = client.post(CREATE_URL, data)

    assert response.status_code == 400
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert str(RECOMMENDATION_REQUIRED) in body
    assert str(OWNER_REQUIRED) in body
    assert not Action.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="action.").exists()


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "", "", DUE_REQUIRED),
        ("31", "", "2027", DUE_INCOMPLETE),
        ("31", "2", "2027", DUE_INVALID),
        ("1", "13", "2027", DUE_INVALID),
        ("a", "b", "c", DUE_INVALID),
    ],
)
def test_an_invalid_due_date_shows_the_error_summary_and_saves_nothing(
    client, partnership_lead, recommendation, agency, day, month, year, message
):
    client.force_login(partnership_lead)

    response = client.post(
        CREATE_URL,
        _post_data(
            recommendation,
            agency,
            **{"due_on-day": day, "due_on-month": month, "due_on-year": year},
        ),
    )

    assert response.status_code == 400
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert 'href="#id_due_on"' in body
    assert str(message) in body
    assert "govuk-input--error" in body
    assert not Action.objects.exists()


def test_an_invalid_edit_changes_nothing(client, partnership_lead, action, agency):
    client.force_login(partnership_lead)
    url = reverse("reports:action_edit", args=[action.pk])

    response = client.post(
        url,
        _post_data(
            action.recommendation,
            agency,
            description="   ",
            status="finished",
            **{"due_on-day": "30", "due_on-month": "2"},
        ),
    )

    assert response.status_code == 400
    action.refresh_from_db()
    assert action.owner_agency != agency
    assert action.description == "Audit neglect referrals from schools."
    assert not AuditEvent.objects.filter(action="action.updated").exists()


def test_the_service_refuses_a_blank_description(
    partnership_lead, recommendation, agency
):
    with pytest.raises(ValidationError) as error:
        action_create(
            actor=partnership_lead,
            recommendation=recommendation,
            owner_agency=agency,
            description="  ",
            due_on=datetime.date(2027, 1, 1),
        )
    assert error.value.message_dict["description"] == [str(DESCRIPTION_REQUIRED)]
    assert not Action.objects.exists()


def test_overdue_is_derived_from_the_due_date_and_status(partnership_lead, action):
    with time_machine.travel(datetime.datetime(2027, 3, 31, 12, 0), tick=False):
        assert not action.is_overdue
    with time_machine.travel(datetime.datetime(2027, 4, 1, 12, 0), tick=False):
        assert action.is_overdue
        assert action.status_label == "Overdue"
        done = action_update(
            action=action, actor=partnership_lead, status=ActionStatus.COMPLETE
        )
        assert not done.is_overdue
        assert done.status_label == "Complete"


def test_the_plan_table_shows_overdue_status_as_text_grouped_by_recommendation(
    agency_lead, partnership_lead, action, agency
):
    action_create(
        actor=partnership_lead,
        recommendation=Recommendation.objects.get(number=5),
        owner_agency=agency,
        description="Publish the escalation guide.",
        due_on=datetime.date(2027, 9, 1),
        status=ActionStatus.IN_PROGRESS,
    )
    scope = report_scope_for(agency_lead)
    with time_machine.travel(datetime.datetime(2027, 6, 1, 12, 0), tick=False):
        html = render_to_string(
            "reports/includes/action_plan.html",
            {"actions": actions_for_plan(scope=scope)},
        )
    assert html.index("Recommendation 2") < html.index("Recommendation 5")
    assert "govuk-tag--red" in html and ">Overdue<" in html
    assert "govuk-tag--blue" in html and ">In progress<" in html
    assert html.count("(your agency)") == 1  # the lead's own agency owns one action


def test_actions_for_plan_is_one_query_however_many_actions(
    partnership_lead, recommendation, agency, django_assert_num_queries
):
    for number in range(12):
        action_create(
            actor=partnership_lead,
            recommendation=recommendation,
            owner_agency=agency,
            description=f"Action {number}.",
            due_on=datetime.date(2027, 1, 1 + number),
        )
    scope = report_scope_for(partnership_lead)
    with django_assert_num_queries(1):
        actions = actions_for_plan(scope=scope)
        assert [a.owner_agency.name for a in actions].count(agency.name) == 12
        assert all(a.recommendation.number == 2 for a in actions)


def test_the_action_plan_page_keeps_a_query_budget(
    client, partnership_lead, recommendation, agency, django_assert_max_num_queries
):
    for number in range(15):
        action_create(
            actor=partnership_lead,
            recommendation=recommendation,
            owner_agency=agency,
            description=f"Action {number}.",
            due_on=datetime.date(2027, 1, 1 + number),
        )
    client.force_login(partnership_lead)
    with django_assert_max_num_queries(15):
        response = client.get(LIST_URL)
    assert response.content.decode().count("Action 1") >= 1


def test_partnership_leads_add_actions_in_the_admin_and_they_are_audited(
    client, partnership_lead, recommendation, agency
):
    client.force_login(partnership_lead)
    assert client.get("/admin/snippets/reports/action/").status_code == 200

    response = client.post(
        "/admin/snippets/reports/action/add/",
        {
            "recommendation": recommendation.pk,
            "owner_agency": agency.pk,
            "description": "Review the neglect strategy.",
            "due_on": "2027-05-01",
            "status": "not_started",
            "evidence_notes": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    action = Action.objects.get()
    assert action.updated_by == partnership_lead
    assert AuditEvent.objects.filter(
        action="action.created", object_id=str(action.pk)
    ).exists()

    edit = client.post(
        f"/admin/snippets/reports/action/edit/{action.pk}/",
        {
            "recommendation": recommendation.pk,
            "owner_agency": agency.pk,
            "description": "Review the neglect strategy.",
            "due_on": "2027-05-01",
            "status": "complete",
            "evidence_notes": "Approved by the board.",
        },
    )
    assert edit.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETE
    event = AuditEvent.objects.get(action="action.updated")
    assert event.data["changes"]["status"] == ["not_started", "complete"]


def test_agency_leads_cannot_add_actions_in_the_admin(client, agency_lead):
    client.force_login(agency_lead)
    response = client.get("/admin/snippets/reports/action/add/")
    assert response.status_code in (302, 403)
    assert not Action.objects.exists()
