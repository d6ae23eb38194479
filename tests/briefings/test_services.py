from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from certificates.models import AchievementKind, Certificate
from learning.accounts.roles import Role
from learning.briefings.models import BriefingAttendee, BriefingDelivery
from learning.briefings.services import (
    ATTENDEE_NOT_IN_AGENCY,
    DATE_IN_FUTURE,
    DATE_TOO_OLD,
    EMAIL_INVALID,
    EMAIL_OTHER_AGENCY,
    EMAIL_WRONG_DOMAIN,
    NO_ATTENDEES,
    NOT_A_TEAM_MANAGER,
    briefing_attendance_claim,
    briefing_delivery_record,
)
from learning.core.models import AuditEvent

from ..conftest import make_person
from .conftest import TEAM

pytestmark = pytest.mark.django_db


def record(briefing, manager, **overrides):
    arguments = {
        "briefing": briefing,
        "delivered_by": manager,
        "delivered_on": timezone.localdate() - timedelta(days=1),
        "team": TEAM,
        "attendees": [],
        "emails": [],
        "notes": "We talked about missed appointments.",
        "actions": "Check chronologies.",
    }
    arguments.update(overrides)
    return briefing_delivery_record(**arguments)


def _messages(exc_info, field):
    return exc_info.value.message_dict[field]


def test_a_delivery_adds_records_for_exactly_the_staff_present(
    briefing, team_manager, colleagues, other_learner
):
    present = colleagues[:2]
    absent = colleagues[2]

    delivery = record(briefing, team_manager, attendees=present)

    assert delivery.agency == team_manager.profile.agency
    assert set(delivery.attendees.values_list("user_id", flat=True)) == {
        user.pk for user in present
    }
    holders = set(
        Certificate.objects.filter(kind=AchievementKind.BRIEFING).values_list(
            "holder_id", flat=True
        )
    )
    assert holders == {user.pk for user in present}
    assert not absent.certificates.exists()
    assert not other_learner.certificates.exists()
    assert not team_manager.certificates.exists()


def test_a_briefing_certificate_names_the_briefing_date_and_evidenced_recommendation(
    briefing, team_manager, colleagues
):
    delivered_on = timezone.localdate() - timedelta(days=3)
    delivery = record(
        briefing, team_manager, attendees=colleagues[:1], delivered_on=delivered_on
    )

    certificate = colleagues[0].certificates.get()
    attendee = delivery.attendees.get()
    assert certificate.source_key == f"briefing-attendee:{attendee.pk}"
    assert certificate.briefing == briefing
    assert certificate.title == briefing.title
    assert certificate.completed_on == delivered_on
    assert certificate.cpd_minutes == 15
    assert certificate.expires_on is None
    # Recommendation 1 does not accept a briefing as evidence, so it is not listed.
    assert [rec["number"] for rec in certificate.recommendations] == [6]
    assert [point["number"] for point in certificate.learning_points] == [1, 2]


def test_a_delivery_is_audited(briefing, team_manager, colleagues):
    delivery = record(briefing, team_manager, attendees=colleagues[:2])

    event = AuditEvent.objects.get(action="briefing.delivered")
    assert event.actor == team_manager
    assert event.object_id == str(delivery.pk)
    assert event.data["present"] == 2


def test_an_email_for_someone_without_an_account_is_kept_pending(
    briefing, team_manager
):
    delivery = record(
        briefing, team_manager, emails=["  New.Starter@Council.example.org "]
    )

    attendee = delivery.attendees.get()
    assert attendee.email == "new.starter@council.example.org"
    assert attendee.user is None
    assert not Certificate.objects.exists()


def test_an_email_of_a_registered_colleague_records_them_once(
    briefing, team_manager, colleagues
):
    colleague = colleagues[0]

    delivery = record(
        briefing,
        team_manager,
        attendees=[colleague],
        emails=[colleague.email.upper()],
    )

    assert list(delivery.attendees.values_list("user_id", flat=True)) == [colleague.pk]
    assert colleague.certificates.count() == 1


def test_a_pending_attendee_is_claimed_when_that_email_is_confirmed(
    briefing, team_manager, agency
):
    from allauth.account.models import EmailAddress

    record(briefing, team_manager, emails=["new.starter@council.example.org"])
    person = make_person(email="new.starter@council.example.org", agency=agency)
    EmailAddress.objects.update_or_create(
        user=person, email=person.email, defaults={"verified": False, "primary": True}
    )

    assert briefing_attendance_claim(user=person) == 0
    assert not person.certificates.exists()

    EmailAddress.objects.filter(user=person).update(verified=True)
    assert briefing_attendance_claim(user=person) == 1
    assert briefing_attendance_claim(user=person) == 0

    attendee = BriefingAttendee.objects.get()
    assert attendee.user == person and attendee.claimed_at is not None
    certificate = person.certificates.get()
    assert certificate.briefing == briefing
    assert AuditEvent.objects.filter(action="briefing.attendance_claimed").count() == 1


def test_a_colleague_from_another_agency_is_refused_and_nothing_is_stored(
    briefing, team_manager, colleagues, other_learner
):
    with pytest.raises(ValidationError) as exc_info:
        record(briefing, team_manager, attendees=[colleagues[0], other_learner])

    assert _messages(exc_info, "attendees") == [ATTENDEE_NOT_IN_AGENCY]
    assert not BriefingDelivery.objects.exists()
    assert not Certificate.objects.exists()


def test_an_email_of_someone_registered_with_another_agency_is_refused(
    briefing, team_manager, agency
):
    from learning.accounts.factories import AgencyFactory

    # Same email domain, different agency (shared council domains are common).
    early_help = AgencyFactory(name="Early Help", domains=["council.example.org"])
    outsider = make_person(email="outsider@council.example.org", agency=early_help)

    with pytest.raises(ValidationError) as exc_info:
        record(briefing, team_manager, emails=[outsider.email])

    assert _messages(exc_info, "emails") == [
        EMAIL_OTHER_AGENCY % {"email": outsider.email}
    ]
    assert not BriefingDelivery.objects.exists()
    assert not BriefingAttendee.objects.exists()


def test_an_email_outside_the_agency_domains_is_refused(briefing, team_manager):
    with pytest.raises(ValidationError) as exc_info:
        record(
            briefing,
            team_manager,
            emails=["someone@oakfield-primary.example.org", "not-an-email"],
        )

    assert _messages(exc_info, "emails") == [
        EMAIL_WRONG_DOMAIN
        % {
            "email": "someone@oakfield-primary.example.org",
            "domains": "@council.example.org",
        },
        EMAIL_INVALID % {"email": "not-an-email"},
    ]
    assert not BriefingDelivery.objects.exists()


@pytest.mark.parametrize(
    ("days_ago", "message"), [(-1, DATE_IN_FUTURE), (2 * 366, DATE_TOO_OLD)]
)
def test_a_date_in_the_future_or_over_two_years_ago_is_refused(
    briefing, team_manager, colleagues, days_ago, message
):
    with pytest.raises(ValidationError) as exc_info:
        record(
            briefing,
            team_manager,
            attendees=colleagues[:1],
            delivered_on=timezone.localdate() - timedelta(days=days_ago),
        )

    assert _messages(exc_info, "delivered_on") == [message]
    assert not BriefingDelivery.objects.exists()


def test_a_delivery_with_nobody_present_is_refused(briefing, team_manager):
    with pytest.raises(ValidationError) as exc_info:
        record(briefing, team_manager)

    assert _messages(exc_info, "attendees") == [NO_ATTENDEES]


def test_someone_who_is_not_a_team_manager_cannot_record(briefing, learner, colleagues):
    with pytest.raises(ValidationError) as exc_info:
        record(briefing, learner, attendees=colleagues[:1])

    assert exc_info.value.messages == [NOT_A_TEAM_MANAGER]
    assert not BriefingDelivery.objects.exists()
    assert Role.TEAM_MANAGERS not in learner.groups.values_list("name", flat=True)
