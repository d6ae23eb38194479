import datetime
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest
import time_machine

from learning.core.models import AuditEvent
from learning.events.factories import CourseFactory
from learning.events.services import register_save
from learning.licences.models import Licence, LicenceKind, LicenceStatus
from learning.licences.selectors import licence_current_for
from learning.licences.services import (
    ALREADY_REVOKED,
    REVOKE_NOT_ALLOWED,
    REVOKE_REASON_REQUIRED,
    licence_revoke,
)

pytestmark = pytest.mark.django_db


def test_attending_a_gcp2_course_grants_exactly_one_licence(learner, trainer, attend):
    booking = attend(learner)

    licence = Licence.objects.get(holder=learner)
    assert licence.kind == LicenceKind.GCP2
    assert licence.source_booking == booking
    assert licence.granted_by == trainer
    assert licence_current_for(user=learner, kind=LicenceKind.GCP2) == licence
    assert AuditEvent.objects.filter(action="licence.granted").count() == 1


def test_saving_the_register_again_or_changing_attended_to_late_adds_no_licence(
    learner, trainer, attend
):
    booking = attend(learner)
    session = booking.session

    register_save(
        session=session, statuses={booking.pk: "attended"}, recorded_by=trainer
    )
    register_save(session=session, statuses={booking.pk: "late"}, recorded_by=trainer)
    register_save(
        session=session, statuses={booking.pk: "attended"}, recorded_by=trainer
    )

    assert Licence.objects.filter(holder=learner).count() == 1
    assert AuditEvent.objects.filter(action="licence.granted").count() == 1


def test_a_course_that_grants_no_licence_grants_none(learner, attend):
    attend(learner, course=CourseFactory(title="Professional challenge"))

    assert not Licence.objects.exists()
    assert learner.certificates.count() == 1  # attendance itself was recorded


@pytest.mark.parametrize("status", ["absent", "did_not_attend"])
def test_not_attending_grants_no_licence(learner, attend, status):
    attend(learner, status=status)

    assert not Licence.objects.exists()


def test_refresher_is_due_the_course_refresher_period_after_the_session_day(
    learner, attend, gcp2_course
):
    gcp2_course.refresher_months = 13
    gcp2_course.save()

    attend(learner, on=datetime.date(2025, 1, 31))

    licence = Licence.objects.get(holder=learner)
    assert licence.granted_on == datetime.date(2025, 1, 31)
    assert licence.refresher_due == datetime.date(2026, 2, 28)


def test_a_course_without_a_refresher_period_grants_a_licence_that_never_lapses(
    learner, attend, gcp2_course
):
    gcp2_course.refresher_months = None
    gcp2_course.save()
    attend(learner, on=datetime.date(2015, 6, 1))

    licence = Licence.objects.get(holder=learner)
    assert licence.refresher_due is None
    assert licence_current_for(user=learner, kind=LicenceKind.GCP2) == licence


def test_a_licence_is_current_up_to_and_including_its_refresher_day(learner, attend):
    attend(learner, on=datetime.date(2024, 3, 4))  # refresher due 4 March 2027
    licence = Licence.objects.get(holder=learner)

    with time_machine.travel(datetime.datetime(2027, 3, 4, 23, 0), tick=False):
        assert licence_current_for(user=learner, kind=LicenceKind.GCP2) == licence
    with time_machine.travel(datetime.datetime(2027, 3, 5, 12, 0), tick=False):
        assert licence_current_for(user=learner, kind=LicenceKind.GCP2) is None
        assert licence.status_on() == LicenceStatus.LAPSED
    assert (
        licence_current_for(
            user=learner, kind=LicenceKind.GCP2, on=datetime.date(2027, 1, 1)
        )
        == licence
    )


def test_the_newest_licence_decides_whether_the_holder_is_licensed(
    learner, partnership_lead, attend
):
    attend(learner, on=timezone.localdate() - timedelta(days=400))
    newer = attend(learner).licence
    older = Licence.objects.exclude(pk=newer.pk).get(holder=learner)

    licence_revoke(
        licence=older, reason="Recorded in error.", revoked_by=partnership_lead
    )
    assert licence_current_for(user=learner, kind=LicenceKind.GCP2) == newer

    licence_revoke(licence=newer, reason="Not practising.", revoked_by=partnership_lead)
    assert licence_current_for(user=learner, kind=LicenceKind.GCP2) is None


def test_a_partnership_lead_revokes_a_licence_with_an_audited_reason(
    learner, partnership_lead, attend
):
    licence = attend(learner).licence

    licence_revoke(
        licence=licence, reason="  Left the role.  ", revoked_by=partnership_lead
    )

    licence.refresh_from_db()
    assert licence.revoked_at is not None
    assert licence.revoked_by == partnership_lead
    assert licence.revoked_reason == "Left the role."
    event = AuditEvent.objects.get(action="licence.revoked")
    assert event.actor == partnership_lead
    assert event.object_id == str(licence.pk)
    assert event.data == {"reason": "Left the role."}
    assert licence_current_for(user=learner, kind=LicenceKind.GCP2) is None


def test_revoking_needs_a_reason_and_changes_nothing_without_one(
    learner, partnership_lead, attend
):
    licence = attend(learner).licence

    with pytest.raises(ValidationError) as excinfo:
        licence_revoke(licence=licence, reason="   ", revoked_by=partnership_lead)

    assert excinfo.value.message_dict == {"reason": [str(REVOKE_REASON_REQUIRED)]}
    licence.refresh_from_db()
    assert licence.revoked_at is None
    assert not AuditEvent.objects.filter(action="licence.revoked").exists()


def test_a_licence_cannot_be_revoked_twice(learner, partnership_lead, attend):
    licence = attend(learner).licence
    licence_revoke(licence=licence, reason="First.", revoked_by=partnership_lead)

    with pytest.raises(ValidationError) as excinfo:
        licence_revoke(licence=licence, reason="Second.", revoked_by=partnership_lead)

    assert excinfo.value.messages == [str(ALREADY_REVOKED)]
    licence.refresh_from_db()
    assert licence.revoked_reason == "First."


@pytest.mark.parametrize("who", ["agency_lead", "trainer", "learner"])
def test_only_partnership_leads_may_revoke(request, attend, learner, who):
    licence = attend(learner).licence
    person = request.getfixturevalue(who)

    with pytest.raises(PermissionDenied, match=str(REVOKE_NOT_ALLOWED)):
        licence_revoke(licence=licence, reason="No.", revoked_by=person)

    licence.refresh_from_db()
    assert licence.revoked_at is None
