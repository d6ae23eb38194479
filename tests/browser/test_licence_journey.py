"""A licensed learner opens a GCP2-only practice note and its document; an unlicensed
learner is refused both, told why, and shown where to book the course.

The licence comes from the real register: a past GCP2 session whose trainer marked the
licensed learner as attended.
"""

import datetime
import re
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

import pytest
from playwright.sync_api import expect

from learning.accounts.factories import DEFAULT_PASSWORD
from learning.core.models import HomePage
from learning.events.factories import CourseFactory, TrainingSessionFactory
from learning.events.models import Booking
from learning.events.services import register_save
from learning.licences.models import (
    Licence,
    LicenceKind,
    ResourceIndexPage,
    ResourcePage,
    ResourcePageDocument,
)

from .conftest import DEFAULT_TIMEOUT_MS

NOTE = "Using GCP2 in supervision: a practice note"
NOTE_BODY = "Start with the child's day, not the grades."
DOCUMENT = "Visit planning sheet"
PDF = b"%PDF-1.4\n% stand-in practice aid\n"


@pytest.fixture
def new_page(browser, live_server, js_errors):
    """``new_page()``: a page in a new browser context, so with its own cookies."""
    contexts = []

    def _new_page():
        context = browser.new_context(base_url=live_server.url, locale="en-GB")
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: js_errors.append(str(error)))
        return page

    yield _new_page
    for context in contexts:
        context.close()


def sign_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label(re.compile(r"email", re.I)).fill(email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def _gcp2_course_with_licensed(learner, trainer):
    course = CourseFactory(
        title="GCP2 practitioner training", grants_licence=LicenceKind.GCP2
    )
    day = timezone.localdate() - timedelta(days=14)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    past = TrainingSessionFactory(course=course, start=start, capacity=10)
    booking = Booking.objects.create(session=past, user=learner, status="booked")
    register_save(
        session=past,
        statuses={booking.pk: "attended"},
        recorded_by=trainer,
        now=start + timedelta(hours=1),
    )
    TrainingSessionFactory(course=course, capacity=10)  # an upcoming one to book
    assert Licence.objects.filter(holder=learner).count() == 1
    return course


def _resources():
    document = get_document_model()(title=DOCUMENT, licence_required=LicenceKind.GCP2)
    document.file.save("visit-planning-sheet.pdf", ContentFile(PDF), save=True)
    index = HomePage.objects.get().add_child(
        instance=ResourceIndexPage(title="Practitioner resources", slug="resources")
    )
    note = ResourcePage(
        title=NOTE,
        slug="gcp2-in-supervision",
        intro="How to bring a GCP2 assessment to supervision.",
        body=[{"type": "paragraph", "value": f"<p>{NOTE_BODY}</p>"}],
        licence_required=LicenceKind.GCP2,
    )
    note.documents = [ResourcePageDocument(document=document)]
    index.add_child(instance=note)
    return index, note, document


def test_a_licensed_learner_opens_a_restricted_resource_an_unlicensed_one_cannot(
    page, new_page, learner, other_learner, trainer, js_errors
):
    course = _gcp2_course_with_licensed(other_learner, trainer)
    index, note, document = _resources()

    # The licensed learner finds the note in the resources and reads it.
    licensed = page
    sign_in(licensed, other_learner.email)
    licensed.goto(index.url)
    expect(licensed.get_by_text("Licensed practitioners only")).to_be_visible()
    licensed.get_by_role("link", name=NOTE).click()
    expect(licensed.get_by_role("heading", level=1)).to_have_text(NOTE)
    expect(licensed.get_by_text(NOTE_BODY)).to_be_visible()
    link = licensed.get_by_role("link", name=re.compile(DOCUMENT))
    expect(link).to_be_visible()
    download = licensed.request.get(link.get_attribute("href"))
    assert download.status == 200
    assert download.body() == PDF

    # The unlicensed learner gets the explanation instead, for the page and the file.
    unlicensed = new_page()
    sign_in(unlicensed, learner.email)
    response = unlicensed.goto(note.url)
    assert response.status == 403
    expect(unlicensed).to_have_title(re.compile(r"^Licensed practitioners only – "))
    expect(unlicensed.get_by_role("heading", level=1)).to_have_text(
        "Licensed practitioners only"
    )
    expect(unlicensed.get_by_text("You do not have a licence yet.")).to_be_visible()
    expect(unlicensed.get_by_text(NOTE_BODY)).to_have_count(0)
    response = unlicensed.goto(document.url)
    assert response.status == 403
    assert PDF not in response.body()
    expect(unlicensed.get_by_text("You do not have a licence yet.")).to_be_visible()

    # ... and the booking link leads to the GCP2 course's sessions.
    unlicensed.get_by_role("link", name=re.compile(r"^Book .*GCP2.* training$")).click()
    expect(unlicensed).to_have_url(re.compile(rf"/training/\?course={course.pk}$"))
    expect(
        unlicensed.get_by_role("link", name="GCP2 practitioner training")
    ).to_have_count(1)
    assert js_errors == []
