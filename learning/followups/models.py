import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

EXAMPLE_MAX_LENGTH = 1000
MANAGER_COMMENT_MAX_LENGTH = 1000


def new_token() -> str:
    # 256 bits: the token alone finds the follow-up, so it must not be guessable.
    return secrets.token_urlsafe(32)


class SourceKind(models.TextChoices):
    MODULE = "module", _("Module")
    COURSE = "course", _("Course")


class ChangedPractice(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NOT_YET = "not_yet", _("Not yet")


class UsedChallengeProcess(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_NEEDED = "not_needed", _("I have not needed to")


class ObservedChange(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    DONT_KNOW = "dont_know", _("I do not know")


class FollowUp(models.Model):
    """A short questionnaire about impact on practice, some weeks after the learning.

    One per completion (module) or attendance (course), keyed by ``source_key`` so the
    scheduler can run any number of times. Title, agency and manager email are
    snapshots taken when they were first needed, so roll-ups do not move later.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_ups"
    )
    kind = models.CharField(max_length=10, choices=SourceKind.choices)
    module_progress = models.ForeignKey(
        "modules.ModuleProgress",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    booking = models.ForeignKey(
        "events.Booking",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    source_key = models.CharField(max_length=40, unique=True)
    title = models.CharField(_("learning"), max_length=255)
    module = models.ForeignKey(
        "modules.ModulePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    course = models.ForeignKey(
        "events.Course",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    agency = models.ForeignKey(
        "accounts.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    completed_at = models.DateTimeField(
        help_text=_("When the module was completed or the session ended.")
    )
    due_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token)

    answered_at = models.DateTimeField(null=True, blank=True)
    changed_practice = models.CharField(
        max_length=10, choices=ChangedPractice.choices, blank=True
    )
    example = models.TextField(max_length=EXAMPLE_MAX_LENGTH, blank=True)
    confidence_now = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    used_challenge_process = models.CharField(
        max_length=10, choices=UsedChallengeProcess.choices, blank=True
    )

    manager_name = models.CharField(max_length=150, blank=True)
    manager_email = models.EmailField(blank=True)
    manager_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, default=None
    )
    manager_sent_at = models.DateTimeField(null=True, blank=True)
    manager_answered_at = models.DateTimeField(null=True, blank=True)
    manager_observed_change = models.CharField(
        max_length=10, choices=ObservedChange.choices, blank=True
    )
    manager_comment = models.TextField(
        max_length=MANAGER_COMMENT_MAX_LENGTH, blank=True
    )

    class Meta:
        verbose_name = _("follow-up impact check")
        verbose_name_plural = _("follow-up impact checks")
        ordering = ["-due_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(module_progress__isnull=False, booking__isnull=False),
                name="follow_up_one_source",
            ),
            models.CheckConstraint(
                condition=Q(confidence_now__isnull=True)
                | Q(confidence_now__gte=1, confidence_now__lte=5),
                name="follow_up_confidence_1_to_5",
            ),
        ]
        indexes = [
            models.Index(fields=["sent_at", "due_at"], name="follow_up_send_idx"),
            models.Index(fields=["user", "answered_at"], name="follow_up_user_idx"),
        ]

    def __str__(self):
        return f"{self.user} – {self.title}"

    def get_absolute_url(self):
        return reverse("followups:answer", kwargs={"token": self.token})

    def get_manager_url(self):
        return reverse("followups:manager", kwargs={"token": self.manager_token})
