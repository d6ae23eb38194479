import logging
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.accounts.models import Profile
from learning.core.dates import add_months
from learning.core.services import audit_log

from .models import AchievementKind, Certificate

logger = logging.getLogger(__name__)

REVOKE_REASON_REQUIRED = _("Give a reason for revoking the certificate.")
ALREADY_REVOKED = _("This certificate has already been revoked.")
# Kept in English in the database: it also marks certificates the register withdrew.
ATTENDANCE_CORRECTED = "Attendance corrected on the register."


@dataclass(frozen=True)
class Achievement:
    """What a certificate is for: a module completed, a session or briefing attended."""

    kind: str
    source_key: str
    title: str
    completed_on: date
    cpd_minutes: int
    refresher_months: int | None
    recommendations: list = field(default_factory=list)
    learning_points: list = field(default_factory=list)
    module: object = None
    course: object = None
    briefing: object = None


def _snapshot(items):
    return [
        {"review": item.review.title, "number": item.number, "text": item.text}
        for item in sorted(items, key=lambda i: (i.review_id, i.number))
    ]


def achievement_for_module_progress(progress) -> Achievement:
    module = progress.module.specific
    return Achievement(
        kind=AchievementKind.MODULE,
        source_key=f"module-progress:{progress.pk}",
        title=module.title,
        completed_on=timezone.localdate(progress.completed_at),
        cpd_minutes=module.cpd_minutes,
        refresher_months=module.refresher_months,
        recommendations=list(module.recommendations.select_related("review")),
        learning_points=list(module.learning_points.select_related("review")),
        module=module,
    )


@transaction.atomic
def certificate_issue(*, holder, achievement: Achievement) -> Certificate:
    """Issue the certificate for an achievement, once; later calls return it.

    The recommendations and learning points are copied onto the certificate so that
    later edits to the module or the review never change what it says.
    """
    existing = (
        Certificate.objects.select_for_update()
        .filter(source_key=achievement.source_key)
        .first()
    )
    if existing:
        if existing.revoked_at and existing.revoked_reason == ATTENDANCE_CORRECTED:
            existing.revoked_at = None
            existing.revoked_by = None
            existing.revoked_reason = ""
            existing.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
            audit_log(actor=holder, action="certificate.reinstated", obj=existing)
        return existing
    profile = Profile.objects.filter(user=holder).select_related("agency").first()
    expires_on = (
        add_months(achievement.completed_on, achievement.refresher_months)
        if achievement.refresher_months
        else None
    )
    certificate = Certificate(
        holder=holder,
        holder_name=holder.name or holder.email,
        agency=profile.agency if profile else None,
        agency_name=profile.agency.name if profile else "",
        kind=achievement.kind,
        module=achievement.module,
        course=achievement.course,
        briefing=achievement.briefing,
        source_key=achievement.source_key,
        title=achievement.title,
        completed_on=achievement.completed_on,
        cpd_minutes=achievement.cpd_minutes,
        expires_on=expires_on,
        recommendations=_snapshot(achievement.recommendations),
        learning_points=_snapshot(achievement.learning_points),
    )
    _save_with_fresh_code(certificate)
    audit_log(
        actor=holder,
        action="certificate.issued",
        obj=certificate,
        code=certificate.code,
    )
    _after_issue(certificate)
    return certificate


def _save_with_fresh_code(certificate):
    from .models import new_certificate_code

    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate.save()
            return
        except IntegrityError:
            if Certificate.objects.filter(source_key=certificate.source_key).exists():
                raise
            certificate.code = new_certificate_code()
    raise IntegrityError("Could not find an unused certificate code.")


def _after_issue(certificate):
    from .tasks import certificate_issued_email, render_certificate

    pk = certificate.pk
    transaction.on_commit(lambda: render_certificate.enqueue(pk))
    transaction.on_commit(lambda: certificate_issued_email.enqueue(pk))


@transaction.atomic
def certificate_revoke(
    *, certificate: Certificate, reason: str, revoked_by
) -> Certificate:
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": REVOKE_REASON_REQUIRED})
    if certificate.revoked_at:
        raise ValidationError(ALREADY_REVOKED)
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.revoked_by = revoked_by
    certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    audit_log(
        actor=revoked_by, action="certificate.revoked", obj=certificate, reason=reason
    )
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate: Certificate, reissued_by) -> Certificate:
    """A new certificate (new code) saying the same; the old one is revoked."""
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    new = Certificate(
        holder=old.holder,
        holder_name=old.holder.name if old.holder else old.holder_name,
        agency=old.agency,
        agency_name=old.agency_name,
        kind=old.kind,
        module=old.module,
        course=old.course,
        briefing=old.briefing,
        source_key=f"reissue:{old.code}",
        title=old.title,
        completed_on=old.completed_on,
        cpd_minutes=old.cpd_minutes,
        expires_on=old.expires_on,
        recommendations=old.recommendations,
        learning_points=old.learning_points,
        replaces=old,
    )
    _save_with_fresh_code(new)
    if not old.revoked_at:
        old.revoked_at = timezone.now()
        old.revoked_reason = f"Re-issued as {new.code}."
        old.revoked_by = reissued_by
        old.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    audit_log(
        actor=reissued_by,
        action="certificate.reissued",
        obj=old,
        new_code=new.code,
    )
    _after_issue(new)
    return new


def certificate_pdf_store(*, certificate: Certificate) -> Certificate:
    """Render the PDF and keep it in storage, replacing any earlier file.

    The PDF goes to a new name, and the certificate moves to it only once storage
    holds all of it: a write that fails (a full disk) removes what it left and
    raises, and the certificate keeps its earlier file, never an empty one. The
    earlier file is deleted last. Safe to run again, or twice at once.
    """
    import errno
    import secrets

    from django.core.files.base import ContentFile

    from .rendering import render_certificate_pdf

    data = render_certificate_pdf(certificate)
    pdf_field = certificate.pdf.field
    storage = certificate.pdf.storage
    name = pdf_field.generate_filename(
        certificate, f"{certificate.code}-{secrets.token_hex(4)}.pdf"
    )
    try:
        name = storage.save(name, ContentFile(data), max_length=pdf_field.max_length)
        if storage.size(name) != len(data):
            raise OSError(errno.EIO, "The stored certificate PDF is incomplete.", name)
    except BaseException:
        _delete_quietly(storage, name)
        raise
    rendered_at = timezone.now()
    with transaction.atomic():
        earlier = (
            Certificate.objects.select_for_update()
            .filter(pk=certificate.pk)
            .values_list("pdf", flat=True)
            .first()
        )
        Certificate.objects.filter(pk=certificate.pk).update(
            pdf=name, pdf_rendered_at=rendered_at
        )
    if earlier and earlier != name:
        _delete_quietly(storage, earlier)
    certificate.pdf.name = name
    certificate.pdf_rendered_at = rendered_at
    return certificate


def _delete_quietly(storage, name: str) -> None:
    try:
        if storage.exists(name):
            storage.delete(name)
    except Exception:
        logger.warning("A certificate PDF file could not be deleted: %s", name)


@transaction.atomic
def certificate_withdraw_for_source(*, source_key: str, by) -> Certificate | None:
    """Revoke the certificate for an achievement that the register no longer shows.

    Issuing the same achievement again (the register corrected back) reinstates it.
    """
    certificate = (
        Certificate.objects.select_for_update()
        .filter(source_key=source_key, revoked_at__isnull=True)
        .first()
    )
    if certificate is None:
        return None
    return certificate_revoke(
        certificate=certificate, reason=ATTENDANCE_CORRECTED, revoked_by=by
    )
