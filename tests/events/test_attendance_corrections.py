"""Correcting a register withdraws, and restoring it reinstates, what attending gave."""

from datetime import timedelta

from django.utils import timezone

import pytest

from certificates.models import Certificate
from learning.core.models import AuditEvent
from learning.events.factories import CourseFactory, TrainingSessionFactory
from learning.events.models import Booking
from learning.events.services import register_save
from learning.licences.models import Licence

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(learner):
    course = CourseFactory(grants_licence="gcp2", refresher_months=36)
    start = timezone.now() - timedelta(days=2)
    session = TrainingSessionFactory(
        course=course, start=start, end=start + timedelta(hours=6)
    )
    return Booking.objects.create(session=session, user=learner, status="booked")


def _save(booking, status, by):
    register_save(
        session=booking.session, statuses={booking.pk: status}, recorded_by=by
    )


def test_marking_attended_then_did_not_attend_withdraws_certificate_and_licence(
    booking, trainer
):
    _save(booking, "attended", trainer)
    certificate = Certificate.objects.get(holder=booking.user)
    licence = Licence.objects.get(holder=booking.user)
    assert certificate.status == "valid"
    assert licence.is_current_on()

    _save(booking, "did_not_attend", trainer)

    certificate.refresh_from_db()
    licence.refresh_from_db()
    assert certificate.status == "revoked"
    assert not licence.is_current_on()
    assert AuditEvent.objects.filter(action="licence.withdrawn").count() == 1
    assert AuditEvent.objects.filter(action="certificate.revoked").count() == 1


def test_restoring_attendance_reinstates_the_same_certificate_and_licence(
    booking, trainer
):
    _save(booking, "attended", trainer)
    _save(booking, "absent", trainer)

    _save(booking, "late", trainer)

    assert Certificate.objects.filter(holder=booking.user).count() == 1
    assert Licence.objects.filter(holder=booking.user).count() == 1
    assert Certificate.objects.get().status == "valid"
    assert Licence.objects.get().is_current_on()
    assert AuditEvent.objects.filter(action="certificate.reinstated").exists()
    assert AuditEvent.objects.filter(action="licence.reinstated").exists()


def test_a_certificate_revoked_by_a_lead_is_not_reinstated_by_the_register(
    booking, trainer, partnership_lead
):
    from certificates.services import certificate_revoke

    _save(booking, "attended", trainer)
    certificate = Certificate.objects.get()
    certificate_revoke(
        certificate=certificate, reason="Issued in error.", revoked_by=partnership_lead
    )

    _save(booking, "absent", trainer)
    _save(booking, "attended", trainer)

    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert certificate.revoked_reason == "Issued in error."
