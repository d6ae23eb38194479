from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents import get_document_model_string
from wagtail.search import index

BRIEFING_NEEDS_ONE_SOURCE = _(
    "Choose either a module or a document for the briefing, not both."
)
BRIEFING_MODULE_NOT_LIVE = _(
    "The module is not published. Choose a published module, or publish it first."
)


class Briefing(index.Indexed, ClusterableModel):
    """A seven-minute briefing that team managers deliver face to face.

    Its content is either a published module or an uploaded document (a one-page
    briefing), never both.
    """

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"),
        help_text=_("One or two sentences saying what the briefing covers."),
    )
    module = models.ForeignKey(
        "modules.ModulePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="briefings",
        verbose_name=_("module"),
        help_text=_("The module that holds the briefing, if it is a module."),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
        help_text=_("The briefing as a document, if it is not a module."),
    )
    recommendations = ParentalManyToManyField(
        "reviews.Recommendation",
        related_name="briefings",
        blank=True,
        verbose_name=_("recommendations addressed"),
    )
    learning_points = ParentalManyToManyField(
        "reviews.LearningPoint",
        related_name="briefings",
        blank=True,
        verbose_name=_("learning points addressed"),
    )
    cpd_minutes = models.PositiveSmallIntegerField(_("CPD minutes"), default=15)
    is_active = models.BooleanField(
        _("available to deliver"),
        default=True,
        help_text=_("Team managers can record deliveries of active briefings only."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [PageChooserPanel("module", "modules.ModulePage"), FieldPanel("document")],
            heading=_("The briefing itself: a module or a document"),
        ),
        FieldPanel("recommendations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("learning_points", widget=forms.CheckboxSelectMultiple),
        FieldPanel("cpd_minutes"),
        FieldPanel("is_active"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("seven-minute briefing")
        verbose_name_plural = _("seven-minute briefings")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.module_id) == bool(self.document_id):
            raise ValidationError(BRIEFING_NEEDS_ONE_SOURCE)
        if self.module_id and not self.module.live:
            raise ValidationError({"module": BRIEFING_MODULE_NOT_LIVE})

    @property
    def source_url(self) -> str:
        """Where to read the briefing: the module page or the document."""
        if self.module_id and self.module.live:
            return self.module.url or ""
        if self.document_id:
            return self.document.url
        return ""


class BriefingDelivery(models.Model):
    """One team manager's delivery of a briefing to their team, on one day."""

    briefing = models.ForeignKey(
        Briefing,
        on_delete=models.PROTECT,
        related_name="deliveries",
        verbose_name=_("briefing"),
    )
    delivered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="briefings_delivered",
        verbose_name=_("delivered by"),
    )
    agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="briefing_deliveries",
        verbose_name=_("agency"),
    )
    team = models.CharField(_("team"), max_length=150)
    delivered_on = models.DateField(_("delivered on"))
    notes = models.TextField(_("discussion points"), blank=True)
    actions = models.TextField(_("agreed actions"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("briefing delivery")
        verbose_name_plural = _("briefing deliveries")
        ordering = ["-delivered_on", "-pk"]
        indexes = [
            models.Index(
                fields=["agency", "delivered_on"], name="briefing_delivery_agency_idx"
            ),
        ]

    def __str__(self):
        return f"{self.briefing} – {self.team} ({self.delivered_on:%d %b %Y})"

    def get_absolute_url(self):
        return reverse("briefings:detail", kwargs={"pk": self.pk})


class BriefingAttendee(models.Model):
    """Someone present at a delivery: a registered user, or an email still to claim."""

    delivery = models.ForeignKey(
        BriefingDelivery, on_delete=models.CASCADE, related_name="attendees"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="briefing_attendances",
    )
    email = models.EmailField(_("email address"))
    name = models.CharField(_("name"), max_length=150, blank=True)
    claimed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When a person added by email confirmed that address."),
    )

    class Meta:
        verbose_name = _("briefing attendee")
        ordering = ["name", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["delivery", "email"], name="briefing_attendee_email_unique"
            )
        ]
        indexes = [models.Index(fields=["email"], name="briefing_attendee_email_idx")]

    def __str__(self):
        return self.name or self.email

    @property
    def is_pending(self) -> bool:
        return self.user_id is None
