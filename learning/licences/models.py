from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from learning.core.blocks import BaseStreamBlock
from learning.core.fields import StreamField


class LicenceKind(models.TextChoices):
    """Tools a practitioner may use only after the partnership's licensed training."""

    GCP2 = "gcp2", _("Graded Care Profile 2 (GCP2)")


class LicenceStatus(models.TextChoices):
    """A licence's standing on a given day (derived, never stored)."""

    CURRENT = "current", _("Licensed")
    DUE = "due", _("Refresher due soon")
    LAPSED = "lapsed", _("Lapsed")
    REVOKED = "revoked", _("Revoked")


# A current licence whose refresher falls due within this many days is flagged.
REFRESHER_WARNING_DAYS = 90


class Licence(models.Model):
    """Permission to use a licensed tool, granted by attending its practitioner course.

    A learner's newest licence of a kind decides whether they hold it now; older ones
    stay as history. Whether a licence is current is worked out on the day asked.
    """

    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="licences",
        verbose_name=_("holder"),
    )
    kind = models.CharField(_("licence"), max_length=10, choices=LicenceKind.choices)
    granted_on = models.DateField(_("granted on"))
    refresher_due = models.DateField(
        _("refresher due"),
        null=True,
        blank=True,
        help_text=_("Blank when the course sets no refresher period."),
    )
    source_booking = models.OneToOneField(
        "events.Booking",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="licence",
        verbose_name=_("granted for attending"),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("licence")
        ordering = ["-granted_on", "-created_at", "-pk"]
        indexes = [
            # "Newest licence of this kind for this holder".
            models.Index(
                fields=["holder", "kind", "-granted_on"], name="licence_holder_kind_idx"
            ),
            # The register's status filters and counts.
            models.Index(
                fields=["kind", "refresher_due"], name="licence_kind_refresher_idx"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.holder} ({self.granted_on})"

    def status_on(self, day=None) -> str:
        day = day or timezone.localdate()
        if self.revoked_at:
            return LicenceStatus.REVOKED
        if self.refresher_due is None:
            return LicenceStatus.CURRENT
        if self.refresher_due < day:
            return LicenceStatus.LAPSED
        if (self.refresher_due - day).days <= REFRESHER_WARNING_DAYS:
            return LicenceStatus.DUE
        return LicenceStatus.CURRENT

    def is_current_on(self, day=None) -> bool:
        return self.status_on(day) in (LicenceStatus.CURRENT, LicenceStatus.DUE)


def current_licence_q(day, prefix="") -> Q:
    """Rows (at ``prefix``) that are current licences on ``day``."""
    return Q(**{f"{prefix}revoked_at__isnull": True}) & (
        Q(**{f"{prefix}refresher_due__isnull": True})
        | Q(**{f"{prefix}refresher_due__gte": day})
    )


# ------------------------------------------------------------------ CMS resources


class ResourceIndexPage(Page):
    """Practitioner resources: the list of resource pages, public or licensed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["licences.ResourcePage"]

    class Meta:
        verbose_name = _("practitioner resources index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["resources"] = (
            ResourcePage.objects.child_of(self).live().public().order_by("path")
        )
        return context


class ResourcePage(Page):
    """A practice note or guide; optionally for current licence holders only.

    The title and introduction are public (listings, search); the body and the
    attached documents are shown only to those allowed.
    """

    intro = models.TextField(
        _("public summary"),
        blank=True,
        help_text=_(
            "Shown to everyone, including in listings and search, even when the page "
            "is restricted. Do not put restricted content here."
        ),
    )
    body = StreamField(BaseStreamBlock(), blank=True)
    licence_required = models.CharField(
        _("who can open it"),
        max_length=10,
        choices=LicenceKind.choices,
        blank=True,
        help_text=_(
            "Leave blank for everyone. Choose a licence to show the body and documents "
            "only to people who currently hold it."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("licence_required"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
    ]
    # The body is left out of the search index on purpose: restricted text must not
    # surface in search results.
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["licences.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practitioner resource")

    def serve(self, request, *args, **kwargs):
        from .views import resource_page_response

        return resource_page_response(
            request,
            page=self,
            render=lambda: super(ResourcePage, self).serve(request, *args, **kwargs),
        )

    def serve_preview(self, request, mode_name):
        # Previews render without serve(), so they need the same check.
        from .views import resource_page_response

        return resource_page_response(
            request,
            page=self,
            render=lambda: super(ResourcePage, self).serve_preview(request, mode_name),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attached_documents"] = [link.document for link in self.documents.all()]
        parent = self.get_parent()
        context["breadcrumbs"] = [{"label": parent.title, "url": parent.url}]
        return context


class ResourcePageDocument(Orderable):
    """A document offered on a resource page."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
