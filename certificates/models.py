import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Crockford-style alphabet: no I, L, O or U, so codes read aloud and typed back well.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12


def new_certificate_code() -> str:
    """A random 60-bit code such as 7KQ4-M2ZP-9XWD (never sequential)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


class AchievementKind(models.TextChoices):
    MODULE = "module", _("E-learning module")
    SESSION = "session", _("Training session")
    BRIEFING = "briefing", _("Seven-minute briefing")


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class CertificateQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(revoked_at__isnull=True).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=on)
        )


class Certificate(models.Model):
    """Evidence of one piece of completed learning, as it stood when issued."""

    code = models.CharField(max_length=20, unique=True, default=new_certificate_code)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    holder_name = models.CharField(_("holder's name"), max_length=150)
    agency = models.ForeignKey(
        "accounts.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    agency_name = models.CharField(_("agency"), max_length=200, blank=True)
    kind = models.CharField(max_length=10, choices=AchievementKind.choices)
    module = models.ForeignKey(
        "modules.ModulePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "events.Course",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    briefing = models.ForeignKey(
        "briefings.Briefing",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    source_key = models.CharField(
        max_length=80,
        unique=True,
        help_text=_("What this certificate was issued for, so it is issued once only."),
    )
    title = models.CharField(_("learning completed"), max_length=255)
    completed_on = models.DateField(_("completed on"))
    cpd_minutes = models.PositiveSmallIntegerField(_("CPD minutes"), default=0)
    issued_at = models.DateTimeField(default=timezone.now)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    recommendations = models.JSONField(
        default=list, blank=True, help_text=_("Snapshot: [{review, number, text}].")
    )
    learning_points = models.JSONField(
        default=list, blank=True, help_text=_("Snapshot: [{review, number, text}].")
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    pdf = models.FileField(upload_to="certificates/%Y/%m/", blank=True)
    pdf_rendered_at = models.DateTimeField(null=True, blank=True)
    reminded_60_at = models.DateTimeField(null=True, blank=True)
    reminded_14_at = models.DateTimeField(null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]
        indexes = [
            models.Index(
                fields=["holder", "expires_on"], name="certificate_holder_idx"
            ),
            models.Index(fields=["agency", "issued_at"], name="certificate_agency_idx"),
            # Reports: does this holder hold a certificate for this piece of learning?
            models.Index(
                fields=["holder", "module", "completed_on"],
                name="certificate_holder_module_idx",
            ),
            models.Index(
                fields=["holder", "course", "completed_on"],
                name="certificate_holder_course_idx",
            ),
            models.Index(
                fields=["holder", "briefing", "completed_on"],
                name="certificate_holder_brief_idx",
            ),
        ]

    def __str__(self):
        return f"{self.code} – {self.title}"

    def get_absolute_url(self):
        return reverse("certificates:verify", kwargs={"code": self.code})

    def get_download_url(self):
        return reverse("certificates:download", kwargs={"code": self.code})

    def status_on(self, on=None) -> str:
        on = on or timezone.localdate()
        if self.revoked_at:
            return CertificateStatus.REVOKED
        if self.expires_on and self.expires_on < on:
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID

    @property
    def status(self) -> str:
        return self.status_on()

    @property
    def status_label(self):
        return CertificateStatus(self.status).label
