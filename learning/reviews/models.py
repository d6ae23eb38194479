from django.db import models
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index


class Review(index.Indexed, ClusterableModel):
    """A learning review whose findings the platform teaches and evidences."""

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(
        _("kind of review"),
        max_length=100,
        default=_("Local learning review"),
        help_text=_(
            "For example, Local learning review or Child safeguarding practice review."
        ),
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Who the review is for and how it was done."),
    )
    audience = models.TextField(_("who should read it"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldPanel("published_on"),
            ],
            heading=_("Review"),
        ),
        FieldPanel("summary"),
        FieldPanel("audience"),
        InlinePanel(
            "learning_points", heading=_("Learning points"), label=_("Learning point")
        ),
        InlinePanel(
            "recommendations", heading=_("Recommendations"), label=_("Recommendation")
        ),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("learning review")
        verbose_name_plural = _("learning reviews")
        ordering = ["-published_on", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reviews:detail", kwargs={"slug": self.slug})


class LearningPoint(index.Indexed, models.Model):
    """One numbered finding of a review."""

    review = ParentalKey(
        Review, on_delete=models.CASCADE, related_name="learning_points"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))

    panels = [FieldPanel("number"), FieldPanel("text")]
    search_fields = [index.SearchField("text"), index.FilterField("review")]

    class Meta:
        verbose_name = _("learning point")
        verbose_name_plural = _("learning points")
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"], name="learning_point_number_unique"
            )
        ]

    def __str__(self):
        return _("Learning point %(number)s: %(text)s") % {
            "number": self.number,
            "text": Truncator(self.text).chars(90),
        }

    @property
    def label(self):
        return _("Learning point %(number)s") % {"number": self.number}


class EvidenceRule(models.TextChoices):
    ANY = "any", _("Any one piece of the learning mapped to it")
    ALL = "all", _("All of the learning mapped to it")


class Recommendation(index.Indexed, models.Model):
    """One numbered recommendation, and the rule for who evidences it."""

    review = ParentalKey(
        Review, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))
    evidence_rule = models.CharField(
        _("a practitioner evidences this recommendation with"),
        max_length=10,
        choices=EvidenceRule.choices,
        default=EvidenceRule.ANY,
    )
    briefings_count_as_evidence = models.BooleanField(
        _("a seven-minute briefing counts as evidence"),
        default=False,
        help_text=_(
            "Tick if being present at a seven-minute briefing mapped to this "
            "recommendation is enough to evidence it, for example where the "
            "recommendation is about sharing the learning."
        ),
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("text"),
        FieldPanel("evidence_rule"),
        FieldPanel("briefings_count_as_evidence"),
    ]
    search_fields = [index.SearchField("text"), index.FilterField("review")]

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"], name="recommendation_number_unique"
            )
        ]

    def __str__(self):
        return _("Recommendation %(number)s: %(text)s") % {
            "number": self.number,
            "text": Truncator(self.text).chars(90),
        }

    @property
    def label(self):
        return _("Recommendation %(number)s") % {"number": self.number}
