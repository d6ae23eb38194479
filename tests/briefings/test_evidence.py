"""Which learning evidences a recommendation on the learning record."""

from datetime import timedelta

from django.utils import timezone

import pytest

from certificates.selectors import Evidence, learning_record
from learning.briefings.services import briefing_delivery_record
from learning.events.factories import TrainingSessionFactory
from learning.events.services import booking_create, register_save
from learning.reviews.models import Recommendation

from .conftest import TEAM

pytestmark = pytest.mark.django_db


def _statuses(user):
    return {
        row.recommendation.number: row
        for review in learning_record(user=user)["reviews"]
        for row in review["rows"]
    }


def _attend_briefing(briefing, manager, person):
    briefing_delivery_record(
        briefing=briefing,
        delivered_by=manager,
        delivered_on=timezone.localdate() - timedelta(days=1),
        team=TEAM,
        attendees=[person],
    )


def test_a_briefing_evidences_a_recommendation_that_counts_briefings(
    briefing, team_manager, colleagues
):
    person = colleagues[0]
    assert _statuses(person)[6].status == Evidence.NOT_YET

    _attend_briefing(briefing, team_manager, person)

    row = _statuses(person)[6]
    assert row.status == Evidence.MET
    assert row.evidence == [briefing.title]


def test_a_briefing_does_not_evidence_a_recommendation_that_does_not_count_briefings(
    briefing, team_manager, colleagues
):
    person = colleagues[0]
    Recommendation.objects.filter(number=6).update(briefings_count_as_evidence=False)

    _attend_briefing(briefing, team_manager, person)

    statuses = _statuses(person)
    # The briefing is mapped to both, but neither accepts a briefing as evidence.
    assert statuses[6].status == Evidence.NOT_YET
    assert statuses[1].status == Evidence.NOT_YET
    assert person.certificates.get().briefing == briefing


def test_an_inactive_briefing_no_longer_evidences_anything(
    briefing, team_manager, colleagues
):
    person = colleagues[0]
    _attend_briefing(briefing, team_manager, person)
    briefing.is_active = False
    briefing.save()

    assert _statuses(person)[6].status == Evidence.NOT_YET


def test_an_attended_course_evidences_its_recommendation(learner, trainer):
    session = TrainingSessionFactory(
        course__title="Professional Challenge and Resolution",
        course__recommendation_numbers=[5],
    )
    booking = booking_create(session=session, learner=learner)
    # The session has since taken place.
    session.start = timezone.now() - timedelta(hours=4)
    session.end = timezone.now() - timedelta(hours=1)
    session.save()
    assert _statuses(learner)[5].status == Evidence.NOT_YET

    register_save(
        session=session, statuses={booking.pk: "attended"}, recorded_by=trainer
    )

    row = _statuses(learner)[5]
    assert row.status == Evidence.MET
    assert row.evidence == ["Professional Challenge and Resolution"]
