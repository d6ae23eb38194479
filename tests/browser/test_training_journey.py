"""Book the last place, wait, get promoted, check in with the code, get the certificate.

Three people, each in their own browser context: learner A books the session's only
place, learner B joins the waiting list and is promoted when A cancels, the trainer
opens the register and the check-in board, B checks in with the code on the board and
downloads an attendance certificate that lists recommendation 5.
"""

import io
import re
import time
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from learning.accounts.factories import DEFAULT_PASSWORD
from learning.events.factories import TrainingSessionFactory
from learning.events.models import Booking
from learning.events.services import checkin_code

from .conftest import DEFAULT_TIMEOUT_MS

COURSE = "Professional Challenge and Resolution"
CODE = re.compile(r"^\d{6}$")


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


def sign_in(page, email, password=DEFAULT_PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label(re.compile(r"email", re.I)).fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def emails_to(address, subject, *, timeout=5.0):
    """Emails to ``address`` whose subject contains ``subject``; waits for the first.

    The live server sends them from its own thread, after its transaction commits.
    """
    deadline = time.monotonic() + timeout
    while True:
        found = [
            m
            for m in list(mail.outbox)
            if address in [*m.to, *m.cc, *m.bcc] and subject in m.subject
        ]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def pdf_text(response):
    assert response.ok, response.status
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def test_waiting_list_promotion_check_in_and_attendance_certificate(
    page, new_page, learner, other_learner, trainer, js_errors
):
    now = timezone.now()
    # Check-in opens 30 minutes before the start, so it is open already.
    session = TrainingSessionFactory(
        course__title=COURSE,
        course__recommendation_numbers=[5],
        capacity=1,
        start=now + timedelta(minutes=20),
        end=now + timedelta(hours=3),
    )
    session.trainers.add(trainer)
    detail_url = f"/training/{session.pk}/"

    # Learner A finds the session in the list and books the last place.
    first = page
    sign_in(first, learner.email)
    first.goto("/training/")
    expect(first).to_have_title(re.compile(r"^Training – "))
    item = first.get_by_role("listitem").filter(
        has=first.get_by_role("link", name=COURSE)
    )
    expect(item).to_contain_text("1 place left")
    expect(item).to_contain_text("Recommendation 5")
    item.get_by_role("link", name=COURSE).click()
    expect(first).to_have_url(re.compile(rf"{detail_url}$"))
    expect(first.get_by_role("heading", level=1)).to_have_text(COURSE)
    first.get_by_role("button", name="Book a place").click()
    expect(first.get_by_text("Your place is booked")).to_be_visible()
    expect(first.get_by_text("You have a place on this session.")).to_be_visible()
    assert emails_to(learner.email, "Your place is booked")

    # Learner B, in another browser, finds it full and joins the waiting list.
    second = new_page()
    sign_in(second, other_learner.email)
    second.goto("/training/")
    expect(
        second.get_by_role("listitem").filter(
            has=second.get_by_role("link", name=COURSE)
        )
    ).to_contain_text("Full: waiting list")
    second.goto(detail_url)
    expect(second.get_by_text("0 places left")).to_be_visible()
    expect(second.get_by_role("button", name="Book a place")).to_have_count(0)
    second.get_by_role("button", name="Join the waiting list").click()
    expect(
        second.get_by_text("The session is full, so you are on the waiting list")
    ).to_be_visible()
    expect(
        second.get_by_text(re.compile(r"^You are on the waiting list\."))
    ).to_be_visible()
    expect(second.get_by_role("button", name="Leave the waiting list")).to_be_visible()
    expect(second.get_by_role("link", name="Check in")).to_have_count(0)
    b_booking = Booking.objects.get(session=session, user=other_learner)
    assert b_booking.status == "waitlisted"
    assert emails_to(other_learner.email, "waiting list")

    # A cancels: the place goes to B straight away, and B is told by email.
    first.get_by_role("button", name="Cancel my place").click()
    expect(first.get_by_text("Your booking is cancelled.")).to_be_visible()
    expect(first.get_by_role("button", name="Join the waiting list")).to_be_visible()
    b_booking.refresh_from_db()
    assert b_booking.status == "booked" and b_booking.promoted_at
    promoted = emails_to(other_learner.email, "A place is now yours")
    assert len(promoted) == 1, [m.subject for m in mail.outbox]
    assert COURSE in promoted[0].subject
    assert f"/training/{session.pk}/" in promoted[0].body

    second.reload()
    expect(second.get_by_text("You have a place on this session.")).to_be_visible()
    expect(second.get_by_role("button", name="Cancel my place")).to_be_visible()

    # Learners do not get the trainers' links.
    expect(second.get_by_role("link", name="Open the register")).to_have_count(0)

    # The trainer opens the register from the session page: B is on it, A is not.
    board = new_page()
    sign_in(board, trainer.email)
    board.goto(detail_url)
    board.get_by_role("link", name="Open the register").click()
    expect(board).to_have_url(re.compile(rf"{detail_url}register/$"))
    expect(board.get_by_role("heading", level=1)).to_have_text(f"Register: {COURSE}")
    main = board.get_by_role("main")
    attendance = main.get_by_role("group", name=other_learner.name, exact=True)
    expect(attendance.get_by_role("radio")).to_have_count(4)
    expect(
        attendance.get_by_role("radio", name="Attended", exact=True)
    ).not_to_be_checked()
    expect(main.get_by_role("group", name=learner.name, exact=True)).to_have_count(0)
    expect(main.get_by_text(learner.name)).to_have_count(0)

    # ... and shows the check-in board, with the code of the minute.
    main.get_by_role(
        "link", name="Show the check-in code and who has checked in"
    ).click()
    expect(board).to_have_url(re.compile(rf"{detail_url}board/$"))
    expect(board.get_by_role("heading", name="1 not checked in")).to_be_visible()
    code_shown = board.locator(".app-checkin-code")
    expect(code_shown).to_have_text(CODE)
    code = code_shown.inner_text().strip()
    assert code in {
        checkin_code(session),
        checkin_code(session, timezone.now() - timedelta(minutes=1)),
    }
    expect(
        board.get_by_role("img", name="QR code for checking in to this session")
    ).to_be_visible()

    # B checks in with the code on the trainer's screen.
    second.get_by_role("link", name="Check in").click()
    expect(second).to_have_url(re.compile(rf"{detail_url}check-in/$"))
    second.get_by_label("Check-in code").fill(code)
    second.get_by_role("main").get_by_role("button", name="Check in").click()
    expect(second.get_by_text("You are checked in")).to_be_visible()
    expect(second).to_have_url(re.compile(rf"{detail_url}$"))
    expect(second.get_by_text("Attendance: Attended.")).to_be_visible()
    b_booking.refresh_from_db()
    assert b_booking.attendance == "attended" and b_booking.checked_in_at
    certificate = other_learner.certificates.get()
    assert certificate.kind == "session" and certificate.title == COURSE
    assert 5 in [rec["number"] for rec in certificate.recommendations]
    assert not learner.certificates.exists()

    # The board (it refreshes itself) now lists B as checked in.
    board.reload()
    expect(board.get_by_role("heading", name="1 checked in")).to_be_visible()

    # B downloads the attendance certificate from My learning.
    second.goto("/my-learning/")
    bookings = second.get_by_role("table", name="Your training bookings")
    expect(bookings.get_by_role("row").filter(has_text=COURSE)).to_contain_text(
        "Attended"
    )
    link = second.get_by_role("link", name=f"Download the certificate for {COURSE}")
    expect(link).to_be_visible()
    text = pdf_text(second.request.get(link.get_attribute("href")))
    assert other_learner.name in text and COURSE in text
    assert "completed the training session" in text
    assert "Recommendation 5" in text
    assert certificate.code in text

    # Checked last, so that a wrong title does not hide the steps above: the page is
    # titled "My learning – <site>", not with the markup of its tables.
    title = second.title()
    assert re.fullmatch(r"My learning – .+ learning", title), title
    assert js_errors == []
