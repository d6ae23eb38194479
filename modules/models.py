from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from learning.accounts.models import AgencyKind
from learning.core.fields import StreamField

from .blocks import ModuleStepsBlock, QuizQuestionsBlock

CONFIDENCE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class QuizGrading(models.TextChoices):
    HIGHEST = "highest", _("Highest score counts")
    LATEST = "latest", _("Latest attempt counts")


class QuizReviewContent(models.TextChoices):
    SCORE = "score", _("Score only")
    INCORRECT = "incorrect", _("Score and which answers were wrong")
    FULL = "full", _("Score, correct answers and explanations")


class QuizReviewTiming(models.TextChoices):
    IMMEDIATELY = "immediately", _("Straight after each attempt")
    WHEN_FINISHED = "when_finished", _("Once they pass or have used every attempt")


class ModuleIndexPage(Page):
    """The list of modules at /modules/, filterable by what each module teaches."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["modules.ModulePage"]
    max_count = 1

    class Meta:
        verbose_name = _("module index page")

    def route(self, request, path_components):
        """Find a module below this page with one query rather than Wagtail's two
        (the generic page, then its specific type): every module URL comes here."""
        if not path_components:
            return super().route(request, path_components)
        try:
            module = ModulePage.objects.child_of(self).get(slug=path_components[0])
        except ModulePage.DoesNotExist:
            # Not a module (subpage_types allows only modules): Wagtail's 404.
            return super().route(request, path_components)
        module._cached_parent_obj = self
        return module.route(request, path_components[1:])

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

    quiz_questions = StreamField(QuizQuestionsBlock(), blank=True)
    quiz_pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    quiz_attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave blank for unlimited attempts."),
    )
    quiz_draw_count = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Draw this many questions from the pool. Leave blank to ask them all."
        ),
    )
    quiz_shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    quiz_shuffle_options = models.BooleanField(_("shuffle answers"), default=False)
    quiz_time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave blank for no time limit."),
    )
    quiz_grading = models.CharField(
        _("with several attempts"),
        max_length=10,
        choices=QuizGrading.choices,
        default=QuizGrading.HIGHEST,
    )
    quiz_review_content = models.CharField(
        _("after an attempt, learners see"),
        max_length=10,
        choices=QuizReviewContent.choices,
        default=QuizReviewContent.FULL,
    )
    quiz_review_timing = models.CharField(
        _("and they see it"),
        max_length=15,
        choices=QuizReviewTiming.choices,
        default=QuizReviewTiming.IMMEDIATELY,
    )

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
    quiz_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("quiz_pass_mark"), FieldPanel("quiz_attempts_allowed")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("quiz_draw_count"),
                        FieldPanel("quiz_time_limit_minutes"),
                    ]
                ),
                FieldPanel("quiz_shuffle_questions"),
                FieldPanel("quiz_shuffle_options"),
                FieldPanel("quiz_grading"),
                FieldPanel("quiz_review_content"),
                FieldPanel("quiz_review_timing"),
            ],
            heading=_("Quiz settings"),
        ),
        FieldPanel(
            "quiz_questions",
            help_text=_(
                "The end-of-module quiz. Leave empty for a module without a quiz. "
                "Learners complete the module when they pass it."
            ),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(quiz_panels, heading=_("Quiz")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
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

    @path("quiz/", name="quiz")
    def quiz_route(self, request):
        from .views import quiz_attempt

        return quiz_attempt(request, self)

    @path("quiz/results/<int:number>/", name="quiz_results")
    def quiz_results_route(self, request, number):
        from .views import quiz_results

        return quiz_results(request, self, number)

    @property
    def has_quiz(self):
        return len(self.quiz_questions) > 0


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


class QuizAttemptStatus(models.TextChoices):
    OPEN = "open", _("In progress")
    SUBMITTED = "submitted", _("Submitted")
    TIMED_OUT = "timed_out", _("Time ran out")


class QuizAttempt(models.Model):
    """One sitting of a module's quiz: the drawn questions, answers and result."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    module = models.ForeignKey(
        ModulePage, on_delete=models.PROTECT, related_name="quiz_attempts"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    questions = models.JSONField(
        default=list, blank=True, help_text=_("Drawn question ids and answer order.")
    )
    saved_answers = models.JSONField(
        default=dict, blank=True, help_text=_("Answers saved before submitting.")
    )
    status = models.CharField(
        max_length=10, choices=QuizAttemptStatus.choices, default=QuizAttemptStatus.OPEN
    )
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    correct_count = models.PositiveSmallIntegerField(null=True, blank=True)
    question_count = models.PositiveSmallIntegerField(null=True, blank=True)
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = _("quiz attempt")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "number"], name="quiz_attempt_number_unique"
            ),
            models.UniqueConstraint(
                fields=["user", "module"],
                condition=Q(status="open"),
                name="one_open_quiz_attempt",
            ),
        ]
        indexes = [
            models.Index(
                fields=["module", "submitted_at"], name="quiz_attempt_module_idx"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.module} #{self.number}"

    @property
    def is_open(self):
        return self.status == QuizAttemptStatus.OPEN


class QuizAnswer(models.Model):
    """A learner's final answer to one question, for scoring and item analysis."""

    attempt = models.ForeignKey(
        QuizAttempt, on_delete=models.CASCADE, related_name="answers"
    )
    question_id = models.CharField(max_length=64)
    chosen = models.JSONField(default=list, blank=True)
    is_correct = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_id"], name="quiz_answer_unique"
            )
        ]
        indexes = [
            models.Index(fields=["question_id"], name="quiz_answer_question_idx")
        ]

    def __str__(self):
        return f"{self.attempt} – {self.question_id}"


class QuizAdjustment(models.Model):
    """Extra time, or no time limit, for a named learner (an accessibility adjustment)."""

    module = models.ForeignKey(
        ModulePage,
        on_delete=models.CASCADE,
        related_name="quiz_adjustments",
        verbose_name=_("module"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="quiz_adjustments",
        verbose_name=_("learner"),
    )
    extra_minutes = models.PositiveSmallIntegerField(
        _("extra minutes"), null=True, blank=True
    )
    no_time_limit = models.BooleanField(_("no time limit"), default=False)
    note = models.CharField(
        _("note"),
        max_length=250,
        blank=True,
        help_text=_("Why the adjustment was agreed. Do not record medical details."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("module"),
        FieldPanel("user"),
        FieldRowPanel([FieldPanel("extra_minutes"), FieldPanel("no_time_limit")]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("quiz time adjustment")
        constraints = [
            models.UniqueConstraint(
                fields=["module", "user"], name="quiz_adjustment_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.module}"
