"""Someone added to a briefing by email gets it when they sign up and confirm."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from learning.briefings.models import BriefingAttendee
from learning.briefings.services import briefing_delivery_record

from ..accounts.conftest import STRONG_PASSWORD, confirmation_path
from .conftest import TEAM

pytestmark = pytest.mark.django_db

NEWCOMER = "ann.example@council.example.org"


@pytest.fixture
def signup_data(agency):
    return {
        "name": "Ann Example",
        "email": NEWCOMER,
        "agency": str(agency.pk),
        "job_title": "Social worker",
        "team": TEAM,
        "line_manager_name": "",
        "line_manager_email": "",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
    }


def test_a_pending_attendee_gets_the_briefing_on_confirming_their_email(
    client, briefing, team_manager, signup_data
):
    briefing_delivery_record(
        briefing=briefing,
        delivered_by=team_manager,
        delivered_on=timezone.localdate() - timedelta(days=5),
        team=TEAM,
        emails=[NEWCOMER],
    )

    client.post("/accounts/signup/", signup_data)
    attendee = BriefingAttendee.objects.get()
    assert attendee.user is None  # signed up, but the address is not confirmed yet

    client.post(confirmation_path(mail.outbox[-1]))

    attendee.refresh_from_db()
    assert attendee.user is not None and attendee.user.email == NEWCOMER
    certificate = attendee.user.certificates.get()
    assert certificate.briefing == briefing
    assert certificate.completed_on == timezone.localdate() - timedelta(days=5)
