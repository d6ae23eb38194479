from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETE = "complete", _("Complete")


class Action(models.Model):
    """One step of the partnership's action plan towards a recommendation.

    Whether an action is overdue is derived from its due date and status, never
    stored, so it cannot go stale.
    """

    recommendation = models.ForeignKey(
        "reviews.Recommendation",
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("recommendation"),
    )
    owner_agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("owner agency"),
        help_text=_("The agency responsible for completing the action."),
    )
    description = models.TextField(
        _("description"), help_text=_("What will be done, in a sentence or two.")
    )
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ActionStatus.choices,
        default=ActionStatus.NOT_STARTED,
    )
    evidence_notes = models.TextField(
        _("evidence notes"),
        blank=True,
        help_text=_("What shows progress: audits, minutes, updated procedures."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("action plan")
        ordering = ["recommendation__number", "due_on", "pk"]
        indexes = [
            models.Index(fields=["recommendation", "due_on"], name="action_rec_due_idx")
        ]

    def __str__(self):
        return Truncator(self.description).chars(80)

    @property
    def is_overdue(self) -> bool:
        return (
            self.status != ActionStatus.COMPLETE and self.due_on < timezone.localdate()
        )

    @property
    def status_label(self) -> str:
        """The status shown to people, with overdue derived from the date."""
        if self.is_overdue:
            return _("Overdue")
        return self.get_status_display()


class ReportSummary(models.Model):
    """One person's certificate, licence and evidence figures for the dashboard.

    Worked out by ``learning.reports.summary.summary_refresh`` (a scheduled
    command or task) for the day in ``computed_for``, so that the dashboard need
    not work them out from every certificate on each request. The figures do not
    depend on the date range. A row older than five minutes, for another day, or
    with no ``computed_at`` (marked stale when the person's certificates or
    licences change) is never used: the dashboard works that person out afresh.
    The person's agency is not kept here: it is always read from their profile.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="report_summary",
    )
    computed_at = models.DateTimeField(null=True, blank=True)
    computed_for = models.DateField()
    # Each holder's newest unrevoked certificate for each piece of learning.
    certificates_current = models.PositiveIntegerField(default=0)
    certificates_expiring = models.PositiveIntegerField(default=0)
    certificates_expired = models.PositiveIntegerField(default=0)
    licensed = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("report summary")
        verbose_name_plural = _("report summaries")

    def __str__(self):
        return f"{self.user_id} ({self.computed_for})"


class ReportEvidence(models.Model):
    """A recommendation that a summarised person evidences (one row per pair)."""

    summary = models.ForeignKey(
        ReportSummary, on_delete=models.CASCADE, related_name="evidence"
    )
    recommendation = models.ForeignKey(
        "reviews.Recommendation", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("report evidence")
        verbose_name_plural = _("report evidence")
        constraints = [
            models.UniqueConstraint(
                fields=["summary", "recommendation"], name="report_evidence_once"
            )
        ]
        indexes = [
            # The matrix lists everyone who evidences each recommendation from
            # this index alone (an index-only scan), not from the table.
            models.Index(
                fields=["recommendation", "summary"], name="report_evidence_rec_idx"
            )
        ]

    def __str__(self):
        return f"{self.summary_id}: {self.recommendation_id}"
