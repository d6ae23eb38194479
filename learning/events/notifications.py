"""Emails about bookings, sent after the change commits through the tasks API."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

import icalendar

from learning.core.selectors import partnership_settings
from learning.core.tasks import retried_task

SUBJECTS = {
    "booked": "Your place is booked: {course}",
    "waitlisted": "You are on the waiting list: {course}",
    "promoted": "A place is now yours: {course}",
    "session_cancelled": "Cancelled: {course} on {date}",
    "reminder": "Reminder: {course} on {date}",
    "no_show": "We missed you at {course}",
    "substituted_in": "A colleague has passed you their place: {course}",
    "substituted_out": "Your place has passed to a colleague: {course}",
}
WITH_CALENDAR = {"booked", "promoted", "reminder", "substituted_in"}
COPY_MANAGER = {"booked", "promoted", "no_show", "substituted_in"}


def session_ics(session, *, cancelled=False) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Safeguarding partnership learning//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = icalendar.Event()
    event.add(
        "uid",
        f"training-session-{session.pk}@{settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else 'learning'}",
    )
    event.add("summary", session.course.title)
    event.add("dtstart", session.start)
    event.add("dtend", session.end)
    event.add("dtstamp", timezone.now())
    event.add("location", session.venue or "Online")
    if session.online_joining_details:
        event.add("description", session.online_joining_details)
    if cancelled:
        event.add("status", "CANCELLED")
    calendar.add_component(event)
    return calendar.to_ical()


def _booking_for_email(booking_id: int, **filters):
    from .models import Booking

    return (
        Booking.objects.select_related(
            "user__profile",
            "session__course",
            "substituted_by__user",
            "substitute_for__user",
        )
        .filter(pk=booking_id, **filters)
        .first()
    )


def booking_email(booking, kind: str) -> EmailMessage:
    session = booking.session
    start = timezone.localtime(session.start)
    context = {
        "booking": booking,
        "session": session,
        "kind": kind,
        "start": start,
        "end": timezone.localtime(session.end),
        "partnership_name": partnership_settings().name,
        "session_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + session.get_absolute_url(),
    }
    subject = SUBJECTS[kind].format(
        course=session.course.title, date=f"{start:%d %B %Y}"
    )
    cc = []
    profile = getattr(booking.user, "profile", None)
    if kind in COPY_MANAGER and profile and profile.line_manager_email:
        cc.append(profile.line_manager_email)
    message = EmailMessage(
        subject=subject,
        body=render_to_string("events/email/booking.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[booking.user.email],
        cc=cc,
    )
    if kind in WITH_CALENDAR:
        message.attach("session.ics", session_ics(session), "text/calendar")
    elif kind == "session_cancelled":
        message.attach(
            "session.ics", session_ics(session, cancelled=True), "text/calendar"
        )
    return message


def session_reminder_email(booking_id: int) -> EmailMessage | None:
    """The reminder for a booking that still needs one, or None."""
    from .models import BookingStatus, SessionStatus

    booking = _booking_for_email(
        booking_id,
        reminded_at__isnull=True,
        status=BookingStatus.BOOKED,
        session__status=SessionStatus.SCHEDULED,
    )
    return booking_email(booking, "reminder") if booking is not None else None


@retried_task()
def booking_notification(booking_id: int, kind: str) -> None:
    """Tell the learner what happened to their booking (tried again while the mail
    server is out of reach: ``retried_task``)."""
    booking = _booking_for_email(booking_id)
    if booking is not None:
        booking_email(booking, kind).send()
