from io import StringIO

from django.core.management import call_command

import pytest

from certificates.models import Certificate
from learning.accounts.roles import Role
from learning.briefings.demo import BRIEFING_TITLE, MODULE_SLUG, demo_briefings_load
from learning.briefings.models import Briefing, BriefingAttendee, BriefingDelivery
from learning.core.demo import DEMO_ACCOUNTS

pytestmark = pytest.mark.django_db

CSC = "Children's Social Care"


def _load():
    out = StringIO()
    call_command("load_demo", force=True, learners=30, stdout=out)
    return out.getvalue()


def test_the_demo_skips_briefings_until_the_modules_are_loaded():
    assert "load_modules" in demo_briefings_load()
    assert not Briefing.objects.exists()


def test_the_demo_records_one_briefing_for_four_colleagues_once():
    call_command("load_modules", only="seven_minute_briefing", verbosity=0)

    output = _load()
    _load()

    briefing = Briefing.objects.get()
    assert briefing.title == BRIEFING_TITLE
    assert briefing.module.slug == MODULE_SLUG
    assert list(briefing.recommendations.values_list("number", flat=True)) == [6]
    delivery = BriefingDelivery.objects.get()
    manager = delivery.delivered_by
    assert manager.email not in [account[0] for account in DEMO_ACCOUNTS]
    assert manager.profile.agency.name == CSC
    assert manager.groups.filter(name=Role.TEAM_MANAGERS).exists()
    attendees = BriefingAttendee.objects.filter(delivery=delivery)
    assert attendees.count() == 4
    assert {a.user.profile.agency.name for a in attendees} == {CSC}
    assert "learner@example.org" in {a.email for a in attendees}
    assert Certificate.objects.filter(briefing=briefing).count() == 4
    assert f"{manager.email} is a team manager" in output
