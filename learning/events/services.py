"""Bookings, waiting lists, registers and check-in for face-to-face training."""

import hashlib
import hmac
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.accounts.roles import Role, user_has_role
from learning.core.services import audit_log
from learning.core.tasks import SendRun, send_each
from learning.licences.services import (
    licence_grant_for_booking,
    licence_withdraw_for_booking,
)

from .models import (
    AttendanceStatus,
    Booking,
    BookingStatus,
    Charge,
    ChargeKind,
    ChargeStatus,
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
CHECKIN_TOO_MANY_ATTEMPTS = _(
    "You have entered too many codes in the last minute. Wait a minute, then enter "
    "the code now on the trainer's screen."
)
CHECKIN_PAUSED = _(
    "Check-in for this session is paused for a minute because too many wrong codes "
    "were entered. Wait a minute, then enter the code now on the trainer's screen."
)
UNKNOWN_ATTENDANCE = _("Choose attended, late, absent or did not attend.")
SUBSTITUTE_NOT_BOOKED = _(
    "Only a confirmed place can be passed to a colleague, not a waiting-list place."
)
SUBSTITUTE_TOO_LATE = _(
    "This session has started, so the place can no longer be passed to a colleague."
)
SUBSTITUTE_SELF = _("Enter a colleague's email address, not the one on this booking.")
SUBSTITUTE_OTHER_AGENCY = _(
    "A place can only pass to a colleague in the same agency. Ask them to book "
    "their own place instead."
)
SUBSTITUTE_ALREADY_BOOKED = _(
    "Your colleague already has a place, or a waiting-list place, on this session."
)
SUBSTITUTE_NOT_ALLOWED = _(
    "Only the person booked, or a lead for their agency, can pass this place on."
)
WAIVE_REASON_REQUIRED = _("Give a reason for waiving the charge.")
CHARGE_NOT_OUTSTANDING = _("Only a charge still to invoice can be waived.")

CHECKIN_CODE_PERIOD_SECONDS = 60
CHECKIN_CODE_DIGITS = 6
# Guessing limits. Each person may try 5 codes a minute. A session takes 20 wrong
# codes a minute from everyone together before check-in pauses for a minute: more
# than a full room's typos, and out of reach of one person, who cannot then shut
# everyone else out.
CHECKIN_ATTEMPTS_PER_PERSON = 5
CHECKIN_ATTEMPTS_PER_SESSION = 20
CHECKIN_ATTEMPT_WINDOW_SECONDS = 60


def places_left(session: TrainingSession) -> int:
    booked = session.bookings.filter(status=BookingStatus.BOOKED).count()
    return max(session.capacity - booked, 0)


@transaction.atomic
def booking_create(*, session: TrainingSession, learner, now=None) -> Booking:
    """Book a place, or a waiting-list place when the session is full.

    The session row is locked, so two learners racing for the last place cannot
    both get it. Anyone already waiting is offered a free place first, so that a
    place that appeared without a promotion never goes to a newcomer.
    """
    now = now or timezone.now()
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    waitlist_promote(session=session, now=now)
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


@transaction.atomic
def waitlist_promote(*, session: TrainingSession, by=None, now=None) -> list[Booking]:
    """Give every free place to the waiting list, first come first served.

    Called wherever places can appear: a cancellation, a capacity raised in the
    admin, and before every new booking. Nobody is promoted into a cancelled
    session or one that has started. Each promoted learner is told.
    """
    now = now or timezone.now()
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if session.status == SessionStatus.CANCELLED or now >= session.start:
        return []
    free = places_left(session)
    if free <= 0:
        return []
    waiting = list(
        session.bookings.select_for_update()
        .filter(status=BookingStatus.WAITLISTED)
        .order_by("created_at", "pk")[:free]
    )
    for booking in waiting:
        booking.status = BookingStatus.BOOKED
        booking.promoted_at = now
        booking.save(update_fields=["status", "promoted_at"])
        audit_log(actor=by, action="booking.promoted", obj=booking)
        _notify(booking, "promoted")
    return waiting


def late_cancellation_cutoff(session: TrainingSession):
    return session.start - timedelta(days=session.course.cancellation_cutoff_days)


def is_late_cancellation(*, booking: Booking, session: TrainingSession, at) -> bool:
    """Whether cancelling this place at ``at`` is a (chargeable) late cancellation.

    Only a confirmed place can be cancelled late, and not one given from the waiting
    list inside the cut-off: that learner never had the notice the cut-off assumes.
    """
    if booking.status != BookingStatus.BOOKED:
        return False
    cutoff = late_cancellation_cutoff(session)
    if booking.promoted_at is not None and booking.promoted_at >= cutoff:
        return False
    return at >= cutoff


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
    booking.late_cancellation = is_late_cancellation(
        booking=booking, session=session, at=now
    )
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = now
    booking.save(update_fields=["status", "cancelled_at", "late_cancellation"])
    audit_log(
        actor=by,
        action="booking.cancelled",
        obj=booking,
        late=booking.late_cancellation,
    )
    if was_booked:
        waitlist_promote(session=session, by=by, now=now)
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
    charges_apply(session=session, by=by)
    return session


def session_default_trainers(*, creator) -> list:
    """Who a new session's trainers are, unless its creator names them: a trainer
    creating a session keeps its register; a partnership lead already may."""
    return [creator] if user_has_role(creator, Role.TRAINERS) else []


@transaction.atomic
def session_trainers_default(*, session: TrainingSession, creator) -> TrainingSession:
    """Called once a new session is saved: with no trainer named, its creator's
    defaults apply, so a trainer is never locked out of a session they created."""
    if session.trainers.exists():
        return session
    defaults = session_default_trainers(creator=creator)
    if defaults:
        session.trainers.add(*defaults)
        audit_log(
            actor=creator,
            action="session.trainers_defaulted",
            obj=session,
            trainers=[user.pk for user in defaults],
        )
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


def checkin_is_paused(session: TrainingSession, at=None) -> bool:
    at = at or timezone.now()
    return (
        session.checkin_paused_until is not None and at < session.checkin_paused_until
    )


@transaction.atomic
def checkin_pause(*, session: TrainingSession, now=None) -> TrainingSession:
    """Refuse every check-in code for this session, right or wrong, for a while.

    Called when too many wrong codes arrive for the session at once: carrying on
    would let guesses from several accounts go on until one is right.
    """
    now = now or timezone.now()
    until = now + timedelta(seconds=CHECKIN_ATTEMPT_WINDOW_SECONDS)
    TrainingSession.objects.filter(pk=session.pk).update(checkin_paused_until=until)
    session.checkin_paused_until = until
    return session


@transaction.atomic
def booking_check_in(
    *, session: TrainingSession, learner, code: str, now=None
) -> Booking:
    """Mark a signed-in learner as attending, with the code on the trainer's screen.

    The code must be this session's, for this minute or the one before (a learner
    typing as it changes); outside the window, or while check-in is paused after
    too many wrong codes, nothing is recorded. Limiting each person's attempts is
    the caller's part (see ``views.check_in``).
    """
    now = now or timezone.now()
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if not checkin_is_open(session, now):
        raise ValidationError(CHECKIN_CLOSED, code="closed")
    if checkin_is_paused(session, now):
        raise ValidationError(CHECKIN_PAUSED, code="paused")
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
        previous_attendance = booking.attendance
        booking.checked_in_at = now
        late = now > session.start + timedelta(minutes=15)
        _record(
            booking,
            AttendanceStatus.LATE if late else AttendanceStatus.ATTENDED,
            recorded_by=learner,
            now=now,
            source="check-in",
        )
        if previous_attendance == AttendanceStatus.DID_NOT_ATTEND:
            charges_apply(session=session, by=learner, now=now)
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
        else:
            if previous in (AttendanceStatus.ATTENDED, AttendanceStatus.LATE):
                _attendance_withdrawn(booking, by=recorded_by)
            if status == AttendanceStatus.DID_NOT_ATTEND:
                _notify(booking, "no_show")


def _attendance_withdrawn(booking, *, by):
    """The register no longer says they attended: withdraw what attending gave."""
    from certificates.services import certificate_withdraw_for_source

    certificate_withdraw_for_source(source_key=f"attendance:{booking.pk}", by=by)
    licence_withdraw_for_booking(booking=booking, by=by)


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
    charges_apply(session=session, by=recorded_by, now=now)
    return changed


def _notify(booking, kind):
    from .notifications import booking_notification

    pk = booking.pk
    transaction.on_commit(lambda: booking_notification.enqueue(pk, kind))


def session_reminders_send(*, now=None, hours_before=48) -> SendRun:
    """Remind each booked learner once, in the ``hours_before`` before their session.

    A reminder counts as sent only once the mail server has accepted it, so one that
    could not be sent is tried again on the next run.
    """
    from .notifications import session_reminder_email

    now = now or timezone.now()
    due = Booking.objects.filter(
        status=BookingStatus.BOOKED,
        reminded_at__isnull=True,
        session__status=SessionStatus.SCHEDULED,
        session__start__gt=now,
        session__start__lte=now + timedelta(hours=hours_before),
    ).values_list("pk", flat=True)
    return send_each(
        list(due),
        key=lambda pk: f"booking-reminder:{pk}",
        build=session_reminder_email,
        mark_sent=lambda pk: Booking.objects.filter(pk=pk).update(reminded_at=now),
    )


def _may_act_for(user, holder_agency_id) -> bool:
    if user.has_perm("accounts.view_all_agency_reports"):
        return True
    if not user.has_perm("accounts.view_own_agency_reports"):
        return False
    from certificates.selectors import managed_agency_id

    return holder_agency_id is not None and managed_agency_id(user) == holder_agency_id


def _agency_id_of(user):
    profile = getattr(user, "profile", None)
    return profile.agency_id if profile else None


@transaction.atomic
def booking_substitute(*, booking: Booking, colleague, by, now=None) -> Booking:
    """Pass a confirmed place to a named colleague from the same agency.

    The original booking is cancelled without being a late cancellation, so it is
    never charged; the colleague's booking takes the place and is told about it.
    """
    now = now or timezone.now()
    session = TrainingSession.objects.select_for_update().get(pk=booking.session_id)
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("user__profile")
        .get(pk=booking.pk)
    )
    holder_agency_id = _agency_id_of(booking.user)
    if by.pk != booking.user_id and not _may_act_for(by, holder_agency_id):
        raise ValidationError(SUBSTITUTE_NOT_ALLOWED, code="not_allowed")
    if booking.status != BookingStatus.BOOKED:
        raise ValidationError(SUBSTITUTE_NOT_BOOKED, code="not_booked")
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError(SESSION_CANCELLED, code="cancelled")
    if now >= session.start:
        raise ValidationError(SUBSTITUTE_TOO_LATE, code="started")
    if colleague.pk == booking.user_id:
        raise ValidationError(SUBSTITUTE_SELF, code="self")
    colleague_agency_id = _agency_id_of(colleague)
    if (
        not colleague.is_active
        or colleague_agency_id is None
        or colleague_agency_id != holder_agency_id
    ):
        raise ValidationError(SUBSTITUTE_OTHER_AGENCY, code="other_agency")
    if (
        session.bookings.filter(user=colleague)
        .exclude(status=BookingStatus.CANCELLED)
        .exists()
    ):
        raise ValidationError(SUBSTITUTE_ALREADY_BOOKED, code="duplicate")
    replacement = Booking.objects.create(
        session=session, user=colleague, status=BookingStatus.BOOKED, created_at=now
    )
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = now
    booking.late_cancellation = False
    booking.substituted_by = replacement
    booking.save(
        update_fields=["status", "cancelled_at", "late_cancellation", "substituted_by"]
    )
    audit_log(
        actor=by,
        action="booking.substituted",
        obj=booking,
        replacement=replacement.pk,
        colleague=colleague.pk,
    )
    _notify(replacement, "substituted_in")
    _notify(booking, "substituted_out")
    return replacement


def _charge_kind_due(booking: Booking) -> str | None:
    if booking.session.status == SessionStatus.CANCELLED:
        return None
    if (
        booking.status == BookingStatus.BOOKED
        and booking.attendance == AttendanceStatus.DID_NOT_ATTEND
    ):
        return ChargeKind.NO_SHOW
    if (
        booking.status == BookingStatus.CANCELLED
        and booking.late_cancellation
        and booking.substituted_by_id is None
    ):
        return ChargeKind.LATE_CANCELLATION
    return None


def charge_exempt(*, course, agency, exempt_agency_ids=None) -> bool:
    """Whether the course's charging policy exempts this agency."""
    if exempt_agency_ids is None:
        exempt_agency_ids = set(course.fee_exempt_agencies.values_list("pk", flat=True))
    return agency.pk in exempt_agency_ids or agency.kind in (
        course.fee_exempt_kinds or []
    )


@transaction.atomic
def charges_apply(*, session: TrainingSession, by=None, now=None) -> list[Charge]:
    """Bring the session's charges into line with its register and cancellations.

    A no-show or an unsubstituted late cancellation is charged to the learner's
    agency at the course's fee, unless the agency is exempt or the fee is nothing.
    A charge whose reason has gone (register corrected, session cancelled) is
    withdrawn; a waived charge stays waived. Running it again changes nothing.
    """
    now = now or timezone.now()
    session = (
        TrainingSession.objects.select_for_update()
        .select_related("course")
        .get(pk=session.pk)
    )
    course = session.course
    exempt_ids = set(course.fee_exempt_agencies.values_list("pk", flat=True))
    bookings = (
        session.bookings.select_for_update(of=("self",))
        .select_related("user__profile__agency", "charge")
        .order_by("pk")
    )
    changed = []
    for booking in bookings:
        booking.session = session
        kind = _charge_kind_due(booking)
        profile = getattr(booking.user, "profile", None)
        agency = profile.agency if profile else None
        if kind and (
            agency is None
            or charge_exempt(course=course, agency=agency, exempt_agency_ids=exempt_ids)
            or course.fee_for(kind) <= 0
        ):
            kind = None
        charge = getattr(booking, "charge", None)
        if charge is None:
            if kind:
                changed.append(
                    _charge_create(booking, kind, agency, course, session, by)
                )
            continue
        if kind is None:
            if charge.status == ChargeStatus.OUTSTANDING:
                charge.status = ChargeStatus.WITHDRAWN
                charge.withdrawn_at = now
                charge.save(update_fields=["status", "withdrawn_at"])
                audit_log(actor=by, action="charge.withdrawn", obj=charge)
                changed.append(charge)
            continue
        if charge.status == ChargeStatus.WITHDRAWN or (
            charge.status == ChargeStatus.OUTSTANDING and charge.kind != kind
        ):
            charge.kind = kind
            charge.amount = course.fee_for(kind)
            charge.status = ChargeStatus.OUTSTANDING
            charge.withdrawn_at = None
            charge.save(update_fields=["kind", "amount", "status", "withdrawn_at"])
            audit_log(actor=by, action="charge.reinstated", obj=charge, kind=kind)
            changed.append(charge)
    return changed


def _charge_create(booking, kind, agency, course, session, by) -> Charge:
    charge = Charge.objects.create(
        booking=booking,
        session=session,
        agency=agency,
        agency_name=agency.name,
        holder_name=booking.user.name or booking.user.email,
        kind=kind,
        amount=course.fee_for(kind),
        incurred_on=timezone.localdate(session.start),
    )
    audit_log(
        actor=by,
        action="charge.made",
        obj=charge,
        kind=kind,
        amount=str(charge.amount),
        agency=agency.pk,
    )
    return charge


@transaction.atomic
def charge_waive(*, charge: Charge, reason: str, waived_by, now=None) -> Charge:
    now = now or timezone.now()
    charge = Charge.objects.select_for_update().get(pk=charge.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": WAIVE_REASON_REQUIRED})
    if charge.status != ChargeStatus.OUTSTANDING:
        raise ValidationError(CHARGE_NOT_OUTSTANDING, code="not_outstanding")
    charge.status = ChargeStatus.WAIVED
    charge.waived_at = now
    charge.waived_by = waived_by
    charge.waive_reason = reason
    charge.save(update_fields=["status", "waived_at", "waived_by", "waive_reason"])
    audit_log(actor=waived_by, action="charge.waived", obj=charge, reason=reason)
    return charge
