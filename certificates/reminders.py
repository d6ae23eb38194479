"""Refresher reminders, 60 and 14 days before a certificate expires."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from learning.core.selectors import partnership_settings

from .models import Certificate
from .rendering import absolute_url

REMINDER_DAYS = (60, 14)


def _is_superseded(certificate) -> bool:
    """A newer current certificate for the same learning makes a reminder pointless."""
    if certificate.module_id is None:
        return False
    return (
        Certificate.objects.current()
        .filter(holder=certificate.holder, module_id=certificate.module_id)
        .filter(completed_on__gt=certificate.completed_on)
        .exists()
    )


def certificate_reminders_send(*, today=None, dry_run=False) -> int:
    """Send each due reminder once (safe to run as often as cron likes)."""
    today = today or timezone.localdate()
    partnership = partnership_settings().name
    sent = 0
    for days in REMINDER_DAYS:
        flag = f"reminded_{days}_at"
        due = (
            Certificate.objects.current(today)
            .filter(holder__isnull=False, expires_on__lte=today + timedelta(days=days))
            .filter(**{f"{flag}__isnull": True})
            .select_related("holder", "module")
        )
        later = [d for d in REMINDER_DAYS if d < days]
        if later:
            # Inside a later reminder's window, only the later reminder is sent.
            due = due.filter(expires_on__gt=today + timedelta(days=max(later)))
        for certificate in due:
            if _is_superseded(certificate):
                continue
            if dry_run:
                sent += 1
                continue
            with transaction.atomic():
                locked = (
                    Certificate.objects.select_for_update()
                    .filter(pk=certificate.pk, **{f"{flag}__isnull": True})
                    .first()
                )
                if locked is None:
                    continue
                context = {
                    "certificate": certificate,
                    "days": (certificate.expires_on - today).days,
                    "partnership_name": partnership,
                    "learning_url": absolute_url(
                        certificate.module.url
                        if certificate.module_id
                        else "/my-learning/"
                    ),
                }
                send_mail(
                    subject=render_to_string(
                        "certificates/email/reminder_subject.txt", context
                    ).strip(),
                    message=render_to_string(
                        "certificates/email/reminder_message.txt", context
                    ),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=[certificate.holder.email],
                )
                setattr(locked, flag, timezone.now())
                locked.save(update_fields=[flag])
                sent += 1
    return sent
