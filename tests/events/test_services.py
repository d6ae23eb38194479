from datetime import timedelta

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

import icalendar
import pytest

from learning.core.models import AuditEvent
from learning.events.factories import TrainingSessionFactory
from learning.events.models import Booking
from learning.events.services import (
    ALREADY_BOOKED,
    BOOKINGS_CLOSED,
    CHECKIN_CLOSED,
    CHECKIN_NOT_BOOKED,
    CHECKIN_WRONG_CODE,
    SESSION_CANCELLED,
    booking_cancel,
    booking_check_in,
    booking_create,
    checkin_code,
    register_save,
    session_cancel,
)

from ..conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(agency):
    return [
        make_person(email=f"person{n}@council.example.org", agency=agency)
        for n in range(4)
    ]


@pytest.fixture
def session(db):
    return TrainingSessionFactory(course__recommendation_numbers=[5])


@pytest.fixture
def notify(django_capture_on_commit_callbacks):
    """Run the emails that follow a change, as they would after commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_the_last_place_then_the_waiting_list(session, people, notify):
    with notify():
        first = booking_create(session=session, learner=people[0])
        second = booking_create(session=session, learner=people[1])
        third = booking_create(session=session, learner=people[2])
    assert [first.status, second.status, third.status] == [
        "booked",
        "booked",
        "waitlisted",
    ]
    assert "waiting list" in mail.outbox[-1].subject


def test_cancelling_promotes_the_first_on_the_waiting_list(session, people, notify):
    with notify():
        booked = [booking_create(session=session, learner=p) for p in people[:2]]
        waiting = [booking_create(session=session, learner=p) for p in people[2:]]
    mail.outbox.clear()
    with notify():
        booking_cancel(booking=booked[0], by=people[0])
    waiting[0].refresh_from_db()
    waiting[1].refresh_from_db()
    assert waiting[0].status == "booked" and waiting[0].promoted_at
    assert waiting[1].status == "waitlisted"
    assert [m.to for m in mail.outbox] == [[people[2].email]]
    assert "now yours" in mail.outbox[0].subject


def test_a_cancellation_inside_the_cut_off_is_late(session, people):
    booking = booking_create(session=session, learner=people[0])
    early = booking_cancel(
        booking=booking, by=people[0], now=session.start - timedelta(days=5)
    )
    assert early.late_cancellation is False
    booking = booking_create(session=session, learner=people[1])
    late = booking_cancel(
        booking=booking, by=people[1], now=session.start - timedelta(days=1)
    )
    assert late.late_cancellation is True
    assert AuditEvent.objects.filter(action="booking.cancelled").count() == 2


def test_nobody_can_cancel_someone_elses_booking(session, people):
    booking = booking_create(session=session, learner=people[0])
    with pytest.raises(ValidationError):
        booking_cancel(booking=booking, by=people[1])
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_bookings_close_at_the_deadline_and_for_cancelled_sessions(session, people):
    session.booking_deadline = timezone.now() - timedelta(minutes=1)
    session.save()
    with pytest.raises(ValidationError) as exc:
        booking_create(session=session, learner=people[0])
    assert exc.value.messages == [str(BOOKINGS_CLOSED)]
    other = TrainingSessionFactory()
    session_cancel(session=other, by=people[3])
    with pytest.raises(ValidationError) as exc:
        booking_create(session=other, learner=people[0])
    assert exc.value.messages == [str(SESSION_CANCELLED)]
    assert not Booking.objects.exists()


def test_booking_twice_is_refused(session, people):
    booking_create(session=session, learner=people[0])
    with pytest.raises(ValidationError) as exc:
        booking_create(session=session, learner=people[0])
    assert exc.value.messages == [str(ALREADY_BOOKED)]


def test_a_cancelled_session_tells_everyone_booked(session, people, notify):
    with notify():
        for person in people[:3]:
            booking_create(session=session, learner=person)
    mail.outbox.clear()
    with notify():
        session_cancel(session=session, by=people[3])
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people[:3])
    assert all(m.subject.startswith("Cancelled:") for m in mail.outbox)


def test_confirmation_has_a_parseable_ics_and_copies_the_line_manager(
    session, people, notify
):
    profile = people[0].profile
    profile.line_manager_email = "manager@council.example.org"
    profile.save()
    with notify():
        booking_create(session=session, learner=people[0])
    message = mail.outbox[-1]
    assert message.cc == ["manager@council.example.org"]
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("session.ics", "text/calendar")
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]) == session.course.title
    assert event.decoded("dtstart") == session.start.replace(microsecond=0)
    assert event.decoded("dtend") == session.end.replace(microsecond=0)
    assert str(event["location"]) == session.venue


def test_check_in_with_the_code_marks_attendance_and_issues_a_certificate(
    session, people, notify
):
    booking = booking_create(session=session, learner=people[0])
    at = session.start - timedelta(minutes=5)
    with notify():
        booking_check_in(
            session=session, learner=people[0], code=checkin_code(session, at), now=at
        )
    booking.refresh_from_db()
    assert booking.attendance == "attended" and booking.checked_in_at == at
    certificate = people[0].certificates.get()
    assert certificate.kind == "session"
    assert [r["number"] for r in certificate.recommendations] == [5]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("other_session_code", CHECKIN_WRONG_CODE),
        ("expired_code", CHECKIN_WRONG_CODE),
        ("too_early", CHECKIN_CLOSED),
        ("after_the_end", CHECKIN_CLOSED),
        ("not_booked", CHECKIN_NOT_BOOKED),
    ],
)
def test_check_in_refusals_record_nothing(session, people, case, message):
    booking_create(session=session, learner=people[0])
    other = TrainingSessionFactory(start=session.start, end=session.end)
    at = session.start
    learner, code = people[0], checkin_code(session, at)
    if case == "other_session_code":
        code = checkin_code(other, at)
    elif case == "expired_code":
        code = checkin_code(session, at - timedelta(minutes=3))
    elif case == "too_early":
        at = session.start - timedelta(hours=2)
        code = checkin_code(session, at)
    elif case == "after_the_end":
        at = session.end + timedelta(minutes=1)
        code = checkin_code(session, at)
    elif case == "not_booked":
        learner = people[1]
    with pytest.raises(ValidationError) as exc:
        booking_check_in(session=session, learner=learner, code=code, now=at)
    assert exc.value.messages == [str(message)]
    assert not Booking.objects.exclude(attendance="").exists()


def test_a_code_from_the_previous_minute_still_works(session, people):
    booking_create(session=session, learner=people[0])
    at = session.start
    code = checkin_code(session, at - timedelta(seconds=60))
    booking_check_in(session=session, learner=people[0], code=code, now=at)


def test_saving_a_register_is_idempotent_audited_and_emails_no_shows(
    session, people, notify
):
    bookings = [booking_create(session=session, learner=p) for p in people[:2]]
    trainer = people[3]
    statuses = {bookings[0].pk: "attended", bookings[1].pk: "did_not_attend"}
    mail.outbox.clear()
    with notify():
        changed = register_save(session=session, statuses=statuses, recorded_by=trainer)
    assert len(changed) == 2
    assert any(
        people[1].email in m.to and "We missed you" in m.subject for m in mail.outbox
    )
    events = AuditEvent.objects.filter(action="attendance.recorded").count()
    with notify():
        again = register_save(session=session, statuses=statuses, recorded_by=trainer)
    assert again == []
    assert AuditEvent.objects.filter(action="attendance.recorded").count() == events
    assert people[0].certificates.count() == 1
    assert people[1].certificates.count() == 0


def test_walk_ins_are_added_and_marked_attended(session, people):
    register_save(
        session=session, statuses={}, walk_ins=[people[2]], recorded_by=people[3]
    )
    booking = Booking.objects.get(user=people[2])
    assert booking.walk_in and booking.attendance == "attended"


def test_a_register_for_another_sessions_booking_is_refused(session, people):
    other = TrainingSessionFactory()
    foreign = booking_create(session=other, learner=people[0])
    with pytest.raises(ValidationError):
        register_save(
            session=session, statuses={foreign.pk: "attended"}, recorded_by=people[3]
        )
    foreign.refresh_from_db()
    assert foreign.attendance == ""
