from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.core.dates import add_months
from learning.core.services import audit_log

from .models import Licence

REVOKE_REASON_REQUIRED = _("Give a reason for revoking the licence.")
ALREADY_REVOKED = _("This licence has already been revoked.")
REVOKE_NOT_ALLOWED = _("Only partnership leads can revoke a licence.")
# Kept in English in the database: it also marks licences the register withdrew.
ATTENDANCE_CORRECTED = "Attendance corrected on the register."


@transaction.atomic
def licence_grant_for_booking(*, booking, granted_by) -> Licence | None:
    """Record the licence a course grants, once per attended booking.

    Called each time a booking's attendance is recorded as attended; saving the
    register again returns the licence already granted. Courses that grant no
    licence, and bookings not attended, get none.
    """
    course = booking.session.course
    if not course.grants_licence or not booking.attended:
        return None
    existing = (
        Licence.objects.select_for_update().filter(source_booking=booking).first()
    )
    if existing is not None:
        if existing.revoked_at and existing.revoked_reason == ATTENDANCE_CORRECTED:
            existing.revoked_at = None
            existing.revoked_by = None
            existing.revoked_reason = ""
            existing.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
            audit_log(actor=granted_by, action="licence.reinstated", obj=existing)
        return existing
    granted_on = timezone.localdate(booking.session.start)
    refresher_due = (
        add_months(granted_on, course.refresher_months)
        if course.refresher_months
        else None
    )
    licence = Licence.objects.create(
        holder=booking.user,
        kind=course.grants_licence,
        granted_on=granted_on,
        refresher_due=refresher_due,
        source_booking=booking,
        granted_by=granted_by
        if getattr(granted_by, "is_authenticated", False)
        else None,
    )
    audit_log(
        actor=granted_by,
        action="licence.granted",
        obj=licence,
        kind=licence.kind,
        holder=booking.user_id,
        booking=booking.pk,
        granted_on=granted_on.isoformat(),
        refresher_due=refresher_due.isoformat() if refresher_due else None,
    )
    return licence


@transaction.atomic
def licence_revoke(*, licence: Licence, reason: str, revoked_by) -> Licence:
    """Withdraw a licence (partnership leads only), keeping the reason in the audit log."""
    from certificates.selectors import user_manages_all_agencies

    if not user_manages_all_agencies(revoked_by):
        raise PermissionDenied(REVOKE_NOT_ALLOWED)
    licence = Licence.objects.select_for_update().get(pk=licence.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": REVOKE_REASON_REQUIRED})
    if licence.revoked_at:
        raise ValidationError(ALREADY_REVOKED)
    licence.revoked_at = timezone.now()
    licence.revoked_by = revoked_by
    licence.revoked_reason = reason
    licence.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
    audit_log(actor=revoked_by, action="licence.revoked", obj=licence, reason=reason)
    return licence


@transaction.atomic
def licence_withdraw_for_booking(*, booking, by) -> Licence | None:
    """Withdraw the licence granted for a booking whose attendance was corrected.

    Marking the booking attended again reinstates the same licence.
    """
    licence = (
        Licence.objects.select_for_update()
        .filter(source_booking=booking, revoked_at__isnull=True)
        .first()
    )
    if licence is None:
        return None
    licence.revoked_at = timezone.now()
    licence.revoked_by = by if getattr(by, "is_authenticated", False) else None
    licence.revoked_reason = ATTENDANCE_CORRECTED
    licence.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
    audit_log(actor=by, action="licence.withdrawn", obj=licence, booking=booking.pk)
    return licence
