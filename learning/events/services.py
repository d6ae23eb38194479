"""Bookings, waiting lists, registers and check-in for face-to-face training."""

import hashlib
import hmac
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.core.services import audit_log
from learning.licences.services import licence_grant_for_booking

from .models import (
    AttendanceStatus,
    Booking,
    BookingStatus,
    SessionStatus,
    TrainingSession,
)

SESSION_CANCELLED = _("This session has been cancelled.")
BOOKINGS_CLOSED = _("Bookings for this session have closed.")
ALREADY_BOOKED = _(
    "You already have a place, or a waiting-list place, on this session."
)
NOT_YOUR_BOOKING = _("That booking is not yours.")
ALREADY_CANCELLED = _("This booking is already cancelled.")
SESSION_FINISHED = _("This session has already finished.")
CHECKIN_CLOSED = _("Check-in is not open for this session at the moment.")
CHECKIN_WRONG_CODE = _(
    "That code is not right for this session, or it has expired. Check the code on the "
    "screen and try again."
)
CHECKIN_NOT_BOOKED = _(
    "You do not have a place on this session. Ask the trainer to add you to the register."
)
UNKNOWN_ATTENDANCE = _("Choose attended, late, absent or did not attend.")

CHECKIN_CODE_PERIOD_SECONDS = 60
CHECKIN_CODE_DIGITS = 6


def places_left(session: TrainingSession) -> int:
    booked = session.bookings.filter(status=BookingStatus.BOOKED).count()
    return max(session.capacity - booked, 0)


@transaction.atomic
def booking_create(*, session: TrainingSession, learner, now=None) -> Booking:
    """Book a place, or a waiting-list place when the session is full.

    The session row is locked, so two learners racing for the last place cannot
    both get it.
    """
    now = now or timezone.now()
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError(SESSION_CANCELLED, code="cancelled")
    if now >= session.bookings_close_at:
        raise ValidationError(BOOKINGS_CLOSED, code="closed")
    if (
        session.bookings.filter(user=learner)
        .exclude(status=BookingStatus.CANCELLED)
        .exists()
    ):
        raise ValidationError(ALREADY_BOOKED, code="duplicate")
    status = (
        BookingStatus.BOOKED if places_left(session) > 0 else BookingStatus.WAITLISTED
    )
    booking = Booking.objects.create(
        session=session, user=learner, status=status, created_at=now
    )
    _notify(booking, "booked" if status == BookingStatus.BOOKED else "waitlisted")
    return booking


def _promote_next(session: TrainingSession, now) -> Booking | None:
    if places_left(session) <= 0 or now >= session.start:
        return None
    waiting = (
        session.bookings.select_for_update()
        .filter(status=BookingStatus.WAITLISTED)
        .order_by("created_at", "pk")
        .first()
    )
    if waiting is None:
        return None
    waiting.status = BookingStatus.BOOKED
    waiting.promoted_at = now
    waiting.save(update_fields=["status", "promoted_at"])
    _notify(waiting, "promoted")
    return waiting


@transaction.atomic
def booking_cancel(*, booking: Booking, by, now=None) -> Booking:
    """Cancel a place; inside the course's cut-off it is a late cancellation.

    A freed place goes to the first person on the waiting list straight away.
    """
    now = now or timezone.now()
    session = (
        TrainingSession.objects.select_for_update()
        .select_related("course")
        .get(pk=booking.session_id)
    )
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.user_id != by.pk:
        raise ValidationError(NOT_YOUR_BOOKING, code="not_yours")
    if booking.status == BookingStatus.CANCELLED:
        raise ValidationError(ALREADY_CANCELLED, code="cancelled")
    if now >= session.end:
        raise ValidationError(SESSION_FINISHED, code="finished")
    was_booked = booking.status == BookingStatus.BOOKED
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = now
    cutoff = session.start - timedelta(days=session.course.cancellation_cutoff_days)
    booking.late_cancellation = was_booked and now >= cutoff
    booking.save(update_fields=["status", "cancelled_at", "late_cancellation"])
    audit_log(
        actor=by,
        action="booking.cancelled",
        obj=booking,
        late=booking.late_cancellation,
    )
    if was_booked:
        _promote_next(session, now)
    return booking


@transaction.atomic
def session_cancel(*, session: TrainingSession, by) -> TrainingSession:
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if session.status == SessionStatus.CANCELLED:
        return session
    session.status = SessionStatus.CANCELLED
    session.save(update_fields=["status"])
    audit_log(actor=by, action="session.cancelled", obj=session)
    for booking in session.bookings.exclude(
        status=BookingStatus.CANCELLED
    ).select_related("user"):
        _notify(booking, "session_cancelled")
    return session


def checkin_code(session: TrainingSession, at=None) -> str:
    """The short code shown on the trainer's screen; it changes every minute."""
    at = at or timezone.now()
    window = int(at.timestamp()) // CHECKIN_CODE_PERIOD_SECONDS
    digest = hmac.new(
        session.checkin_secret.encode(),
        f"{session.pk}:{window}".encode(),
        hashlib.sha256,
    ).hexdigest()
    return str(int(digest[:12], 16) % 10**CHECKIN_CODE_DIGITS).zfill(
        CHECKIN_CODE_DIGITS
    )


def checkin_window(session: TrainingSession):
    return session.start - timedelta(minutes=session.checkin_opens_minutes), session.end


def checkin_is_open(session: TrainingSession, at=None) -> bool:
    at = at or timezone.now()
    opens, closes = checkin_window(session)
    return session.status == SessionStatus.SCHEDULED and opens <= at <= closes


@transaction.atomic
def booking_check_in(
    *, session: TrainingSession, learner, code: str, now=None
) -> Booking:
    """Mark a signed-in learner as attending, with the code on the trainer's screen.

    The code must be this session's, for this minute or the one before (a learner
    typing as it changes); outside the window nothing is recorded.
    """
    now = now or timezone.now()
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if not checkin_is_open(session, now):
        raise ValidationError(CHECKIN_CLOSED, code="closed")
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    valid = {
        checkin_code(session, now),
        checkin_code(session, now - timedelta(seconds=CHECKIN_CODE_PERIOD_SECONDS)),
    }
    if not any(hmac.compare_digest(code, candidate) for candidate in valid):
        raise ValidationError(CHECKIN_WRONG_CODE, code="wrong_code")
    booking = (
        session.bookings.select_for_update()
        .filter(user=learner, status=BookingStatus.BOOKED)
        .first()
    )
    if booking is None:
        raise ValidationError(CHECKIN_NOT_BOOKED, code="not_booked")
    if booking.checked_in_at is None:
        booking.checked_in_at = now
        late = now > session.start + timedelta(minutes=15)
        _record(
            booking,
            AttendanceStatus.LATE if late else AttendanceStatus.ATTENDED,
            recorded_by=learner,
            now=now,
            source="check-in",
        )
    return booking


def _record(booking, status, *, recorded_by, now, source):
    previous = booking.attendance
    booking.attendance = status
    booking.attendance_recorded_at = now
    booking.attendance_recorded_by = recorded_by
    booking.save()
    if previous != status:
        audit_log(
            actor=recorded_by,
            action="attendance.recorded",
            obj=booking,
            status=status,
            previous=previous,
            source=source,
        )
        if booking.attended:
            from certificates.services import certificate_issue

            from .selectors import achievement_for_booking

            certificate_issue(
                holder=booking.user, achievement=achievement_for_booking(booking)
            )
            licence_grant_for_booking(booking=booking, granted_by=recorded_by)
        elif status == AttendanceStatus.DID_NOT_ATTEND:
            _notify(booking, "no_show")


@transaction.atomic
def register_save(
    *,
    session: TrainingSession,
    statuses: dict[int, str],
    walk_ins=(),
    recorded_by,
    now=None,
) -> list[Booking]:
    """Save a register: attendance by booking id, plus walk-ins (existing users).

    Saving the same register twice changes nothing the second time.
    """
    now = now or timezone.now()
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    bookings = {
        b.pk: b
        for b in session.bookings.select_for_update()
        .filter(status=BookingStatus.BOOKED)
        .select_related("user")
    }
    for booking_id, status in statuses.items():
        if booking_id not in bookings:
            raise ValidationError(
                _("That booking is not on this register."), code="unknown"
            )
        if status and status not in AttendanceStatus.values:
            raise ValidationError(UNKNOWN_ATTENDANCE, code="bad_status")
    changed = []
    for user in walk_ins:
        booking = (
            session.bookings.exclude(status=BookingStatus.CANCELLED)
            .filter(user=user)
            .first()
        )
        if booking is None:
            booking = Booking.objects.create(
                session=session,
                user=user,
                status=BookingStatus.BOOKED,
                walk_in=True,
                created_at=now,
            )
        elif booking.status == BookingStatus.WAITLISTED:
            booking.status = BookingStatus.BOOKED
            booking.save(update_fields=["status"])
        bookings[booking.pk] = booking
        statuses = {
            **statuses,
            booking.pk: statuses.get(booking.pk) or AttendanceStatus.ATTENDED,
        }
    for booking_id, status in statuses.items():
        booking = bookings[booking_id]
        if status and booking.attendance != status:
            _record(
                booking, status, recorded_by=recorded_by, now=now, source="register"
            )
            changed.append(booking)
    return changed


def _notify(booking, kind):
    from .notifications import booking_notification

    pk = booking.pk
    transaction.on_commit(lambda: booking_notification.enqueue(pk, kind))


def session_reminders_send(*, now=None, hours_before=48) -> int:
    """Remind each booked learner once, in the ``hours_before`` before their session."""
    now = now or timezone.now()
    due = Booking.objects.filter(
        status=BookingStatus.BOOKED,
        reminded_at__isnull=True,
        session__status=SessionStatus.SCHEDULED,
        session__start__gt=now,
        session__start__lte=now + timedelta(hours=hours_before),
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            claimed = Booking.objects.filter(pk=pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if claimed:
                _notify(Booking(pk=pk), "reminder")
                sent += 1
    return sent
