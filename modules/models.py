from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from learning.accounts.models import AgencyKind
from learning.core.fields import StreamField

from .blocks import ModuleStepsBlock

CONFIDENCE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class ModuleIndexPage(Page):
    """The list of modules at /modules/, filterable by what each module teaches."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["modules.ModulePage"]
    max_count = 1

    class Meta:
        verbose_name = _("module index page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import module_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_index_context(index_page=self, request=request))
        return context


class ModulePage(RoutablePageMixin, Page):
    """A case-based module: an overview page and its steps, one per screen."""

    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences for listings.")
    )
    outcomes = models.TextField(
        _("learning outcomes"),
        help_text=_(
            "One outcome per line, each completing “By the end you will be able to…”."
        ),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=30
    )
    cpd_minutes = models.PositiveSmallIntegerField(_("CPD minutes"), default=30)
    refresher_months = models.PositiveSmallIntegerField(
        _("refresher period (months)"),
        default=36,
        help_text=_("How long a certificate for this module stays current."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"), max_length=250, blank=True
    )
    recommendations = ParentalManyToManyField(
        "reviews.Recommendation",
        related_name="modules",
        blank=True,
        verbose_name=_("recommendations addressed"),
    )
    learning_points = ParentalManyToManyField(
        "reviews.LearningPoint",
        related_name="modules",
        blank=True,
        verbose_name=_("learning points addressed"),
    )
    steps = StreamField(ModuleStepsBlock())

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("cpd_minutes"),
                FieldPanel("refresher_months"),
            ],
            heading=_("Time and CPD"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
            heading=_("Image"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("recommendations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("learning_points", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("What this module evidences"),
        ),
        InlinePanel("audiences", heading=_("Audience"), label=_("Agency kind")),
        FieldPanel("steps"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("outcomes"),
    ]

    parent_page_types = ["modules.ModuleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("module")

    @cached_property
    def outcome_list(self):
        return [line.strip() for line in self.outcomes.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from .selectors import module_overview_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_overview_context(module=self, user=request.user))
        return context

    @path("start/", name="start")
    def start_route(self, request):
        from .views import module_start

        return module_start(request, self)

    @path("step/<int:number>/", name="step")
    def step_route(self, request, number):
        from .views import module_step

        return module_step(request, self, number)

    @path("finish/", name="finish")
    def finish_route(self, request):
        from .views import module_finish

        return module_finish(request, self)


class ModuleAudience(Orderable):
    """An agency kind a module is written for."""

    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="audiences")
    kind = models.CharField(_("agency kind"), max_length=40, choices=AgencyKind.choices)

    panels = [FieldPanel("kind")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["page", "kind"], name="module_audience_unique"
            )
        ]


class ModuleProgress(models.Model):
    """One learner's way through one module, pinned to the revision they started."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="module_progress",
    )
    module = models.ForeignKey(
        ModulePage, on_delete=models.PROTECT, related_name="progress_records"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The version of the module the learner is working through."),
    )
    current_step = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        default=0,
        help_text=_("Index of the next step to answer; empty once every step is done."),
    )
    visited = models.JSONField(
        default=list, blank=True, help_text=_("Step block ids, in path order.")
    )
    responses = models.JSONField(
        default=dict, blank=True, help_text=_("Answers keyed by step block id.")
    )
    confidence_before = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=CONFIDENCE_VALIDATORS
    )
    confidence_after = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=CONFIDENCE_VALIDATORS
    )
    started_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    steps_completed_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress records")
        ordering = ["-last_activity_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module"],
                condition=Q(completed_at__isnull=True),
                name="one_open_progress_per_module",
            ),
            models.CheckConstraint(
                condition=Q(confidence_before__isnull=True)
                | Q(confidence_before__gte=1, confidence_before__lte=5),
                name="progress_confidence_before_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(confidence_after__isnull=True)
                | Q(confidence_after__gte=1, confidence_after__lte=5),
                name="progress_confidence_after_1_to_5",
            ),
        ]
        indexes = [
            models.Index(
                fields=["module", "completed_at"], name="progress_module_done_idx"
            ),
            models.Index(
                fields=["user", "completed_at"], name="progress_user_done_idx"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.module}"

    @property
    def is_complete(self):
        return self.completed_at is not None
