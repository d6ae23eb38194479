"""Licences come from real attendance: a past GCP2 session whose register is kept."""

import datetime
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

import pytest

from learning.core.models import HomePage
from learning.events.factories import CourseFactory, TrainingSessionFactory
from learning.events.models import Booking
from learning.events.services import register_save
from learning.licences.models import (
    LicenceKind,
    ResourceIndexPage,
    ResourcePage,
    ResourcePageDocument,
)

RESTRICTED_BODY = "Start with the child's breakfast, then test each grade."
PUBLIC_BODY = "Anyone may read this overview of neglect training."
PDF_BYTES = b"%PDF-1.4\n% a tiny stand-in for a licensed practice aid\n"


@pytest.fixture
def gcp2_course(db):
    return CourseFactory(
        title="GCP2 practitioner training",
        grants_licence=LicenceKind.GCP2,
        refresher_months=36,
    )


@pytest.fixture
def attend(trainer, gcp2_course):
    """``attend(user, on=date, status="attended", course=...)``: a kept register.

    Returns the booking; a licence, if any, comes from the real register service.
    """

    def _attend(user, *, on=None, status="attended", course=None):
        day = on or timezone.localdate() - timedelta(days=7)
        start = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(9, 30))
        )
        session = TrainingSessionFactory(
            course=course or gcp2_course, start=start, capacity=20
        )
        booking = Booking.objects.create(
            session=session,
            user=user,
            status="booked",
            created_at=start - timedelta(days=20),
        )
        register_save(
            session=session,
            statuses={booking.pk: status},
            recorded_by=trainer,
            now=start + timedelta(hours=1),
        )
        booking.refresh_from_db()
        return booking

    return _attend


@pytest.fixture
def attend_all(trainer, gcp2_course):
    """``attend_all(users, on=date)``: one past GCP2 session everyone attended."""

    def _attend_all(users, *, on):
        start = timezone.make_aware(datetime.datetime.combine(on, datetime.time(9, 30)))
        session = TrainingSessionFactory(
            course=gcp2_course, start=start, capacity=len(users)
        )
        bookings = [
            Booking.objects.create(session=session, user=user, status="booked")
            for user in users
        ]
        register_save(
            session=session,
            statuses={booking.pk: "attended" for booking in bookings},
            recorded_by=trainer,
            now=start + timedelta(hours=1),
        )

    return _attend_all


@pytest.fixture
def resources(db):
    """An index under the home page with a public and a GCP2-only page and document."""
    Document = get_document_model()
    restricted_document = Document(
        title="Visit planning sheet", licence_required=LicenceKind.GCP2
    )
    restricted_document.file.save(
        "visit-planning-sheet.pdf", ContentFile(PDF_BYTES), save=True
    )
    public_document = Document(title="Leaflet for families")
    public_document.file.save("leaflet.pdf", ContentFile(PDF_BYTES), save=True)
    home = HomePage.objects.get()
    index = home.add_child(
        instance=ResourceIndexPage(title="Practitioner resources", slug="resources")
    )
    public = index.add_child(
        instance=ResourcePage(
            title="About neglect training",
            slug="about",
            intro="An overview for everyone.",
            body=[{"type": "paragraph", "value": f"<p>{PUBLIC_BODY}</p>"}],
        )
    )
    restricted = ResourcePage(
        title="Using GCP2 in supervision",
        slug="gcp2-supervision",
        intro="A practice note for licensed practitioners.",
        body=[{"type": "paragraph", "value": f"<p>{RESTRICTED_BODY}</p>"}],
        licence_required=LicenceKind.GCP2,
    )
    restricted.documents = [ResourcePageDocument(document=restricted_document)]
    index.add_child(instance=restricted)
    return {
        "index": index,
        "public": public,
        "restricted": restricted,
        "document": restricted_document,
        "public_document": public_document,
    }
