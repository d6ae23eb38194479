import json

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taggit.managers import TaggableManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from learning.licences.models import LicenceKind

from .blocks import BaseStreamBlock
from .fields import StreamField


class HomePage(Page):
    """The site's front page: the partnership's learning offer."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "core.StandardPage",
        "modules.ModuleIndexPage",
        "licences.ResourceIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from learning.licences.models import ResourceIndexPage
        from learning.reviews.selectors import review_featured

        context = super().get_context(request, *args, **kwargs)
        context["featured_review"] = review_featured()
        context["resources_page"] = (
            ResourceIndexPage.objects.live().child_of(self).first()
        )
        return context


class StandardPage(Page):
    """A general information page, such as the accessibility statement."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)
    last_reviewed = models.DateField(_("content last reviewed"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class Document(AbstractDocument):
    """The site's documents; some are for current licence holders only.

    Files are always served through Django (``WAGTAILDOCS_SERVE_METHOD``), so that
    the licence check runs before every download.
    """

    licence_required = models.CharField(
        _("who can download it"),
        max_length=10,
        choices=LicenceKind.choices,
        blank=True,
        help_text=_(
            "Leave blank for everyone. Choose a licence to let only people who "
            "currently hold it download the file."
        ),
    )

    # Overridden only to give reverse names that do not clash with Wagtail's own
    # (unused) document model, which stays installed with the documents app.
    uploaded_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by user"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="uploaded_documents",
    )
    uploaded_by_user.wagtail_reference_index_ignore = True
    tags = TaggableManager(
        help_text=None, blank=True, verbose_name=_("tags"), related_name="documents"
    )

    admin_form_fields = ("title", "file", "collection", "licence_required", "tags")

    class Meta(AbstractDocument.Meta):
        permissions = [("choose_document", "Can choose document")]


@register_setting(icon="site")
class PartnershipSettings(BaseSiteSetting):
    """Who runs this site: shown in the header, footer and on certificates."""

    name = models.CharField(
        _("partnership name"),
        max_length=200,
        default="Safeguarding People Partnership",
    )
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    footer_text = RichTextField(_("footer text"), blank=True, features=["bold", "link"])
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice"),
    )

    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_(
            "Shown on certificates. A PNG or SVG on a white background works best."
        ),
    )
    signatory_name = models.CharField(
        _("certificate signatory"), max_length=150, blank=True
    )
    signatory_role = models.CharField(_("signatory's role"), max_length=150, blank=True)

    select_related = ["accessibility_page", "privacy_page", "logo"]
    # Every page shows these (header, footer), so they are read from the shared cache
    # for up to a minute rather than from the database on each request. Saving them
    # clears the cached copy at once; a renamed footer page shows within a minute.
    CACHE_SECONDS = 60

    @staticmethod
    def cache_key(site_id) -> str:
        return f"core:partnership-settings:{site_id}"

    @classmethod
    def for_site(cls, site):
        key = cls.cache_key(site.pk)
        instance = cache.get(key)
        if instance is None:
            instance = super().for_site(site)
            cache.set(key, instance, cls.CACHE_SECONDS)
        return instance

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("contact_email")],
            heading=_("Partnership"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("signatory_name"),
                FieldPanel("signatory_role"),
            ],
            heading=_("Certificates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("footer_text"),
            ],
            heading=_("Footer"),
        ),
    ]

    class Meta:
        verbose_name = _("partnership settings")


class AuditEvent(models.Model):
    """A compliance-relevant change: who did what to which record, and when."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=80)
    object_id = models.CharField(max_length=64)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx")
        ]

    def __str__(self):
        return f"{self.action} {self.object_type}:{self.object_id}"

    # The audit page shows at most this many characters of each detail.
    DETAIL_MAX_LENGTH = 120

    @property
    def details(self) -> list[tuple[str, str]]:
        """The entry's data as (name, value) pairs for people to read, without
        anything named like a secret (as in the security log)."""
        from .logging import scrub

        data = scrub(self.data) if isinstance(self.data, dict) else {}
        pairs = []
        for name, value in sorted(data.items()):
            text = value if isinstance(value, str) else json.dumps(value, default=str)
            if len(text) > self.DETAIL_MAX_LENGTH:
                text = text[: self.DETAIL_MAX_LENGTH - 1] + "…"
            pairs.append((name.replace("_", " "), text))
        return pairs


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("In progress")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")
    # The file was deleted: past its retention period, or because it might hold
    # someone who has since deleted their account.
    EXPIRED = "expired", _("Expired")


class JobFailure(models.TextChoices):
    """Why a job failed, where its requester is told more than that it failed."""

    STOPPED = "stopped", _("The export stopped before it finished. Start it again.")


class BackgroundJob(models.Model):
    """Long work (large exports) done by a task, with progress the requester can watch."""

    kind = models.CharField(max_length=60)
    params = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    progress = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    result = models.FileField(upload_to="exports/%Y/%m/", blank=True)
    error = models.TextField(blank=True)
    # Set by the reaper (learning/core/tasks.py); its label is shown on the job's page.
    failure = models.CharField(max_length=20, choices=JobFailure.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # When a finished job's file stops being served; ``expire_exports`` then deletes it.
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def percent(self):
        return round(self.progress * 100 / self.total) if self.total else 0

    @property
    def is_expired(self) -> bool:
        """True once the file may no longer be served, even before the clean-up."""
        if self.status == JobStatus.EXPIRED:
            return True
        return (
            self.status == JobStatus.DONE
            and self.expires_at is not None
            and self.expires_at <= timezone.now()
        )


class EmailClaim(models.Model):
    """An email being sent, or sent with nothing else to record it (learning/core/tasks.py).

    A send takes the claim first, so that two runs never send the same email; a failed
    send gives it back, so that the next run tries again. A claim older than
    ``CLAIM_LEASE`` belongs to a process that died and may be taken over.
    """

    key = models.CharField(max_length=120, unique=True)
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.key
