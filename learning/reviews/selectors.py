from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import LearningPoint, Recommendation, Review


def review_get_for_display(*, slug: str, request=None) -> Review:
    """The review with its learning points and recommendations, in number order.

    Each recommendation carries ``mapped_learning``: the live modules and active
    courses that evidence it, and its active seven-minute briefings where a briefing
    counts as evidence.
    """
    from learning.briefings.models import Briefing
    from learning.events.models import Course
    from modules.models import ModulePage

    queryset = Review.objects.prefetch_related(
        Prefetch("learning_points", queryset=LearningPoint.objects.order_by("number")),
        Prefetch(
            "recommendations",
            queryset=Recommendation.objects.order_by("number").prefetch_related(
                Prefetch(
                    "modules",
                    queryset=ModulePage.objects.live()
                    .public()
                    .defer_streamfields()
                    .order_by("path"),
                    to_attr="live_modules",
                ),
                Prefetch(
                    "courses",
                    queryset=Course.objects.filter(is_active=True).order_by("title"),
                    to_attr="active_courses",
                ),
                Prefetch(
                    "briefings",
                    queryset=Briefing.objects.filter(is_active=True)
                    .select_related("module", "document")
                    .order_by("title"),
                    to_attr="active_briefings",
                ),
            ),
        ),
    )
    review = get_object_or_404(queryset, slug=slug)
    for recommendation in review.recommendations.all():
        recommendation.mapped_learning = [
            {"title": module.title, "url": module.get_url(request)}
            for module in recommendation.live_modules
        ] + [
            {
                "title": _("%(title)s (face-to-face training)")
                % {"title": course.title},
                "url": f"{reverse('events:session_list')}?course={course.pk}",
            }
            for course in recommendation.active_courses
        ]
        if recommendation.briefings_count_as_evidence:
            recommendation.mapped_learning += [
                {
                    "title": _("%(title)s (seven-minute briefing, given by your team)")
                    % {"title": briefing.title},
                    "url": briefing.source_url,
                }
                for briefing in recommendation.active_briefings
            ]
    return review


def review_list():
    return Review.objects.order_by("-published_on", "title")


def review_featured() -> Review | None:
    """The most recent review, with counts, for the home page."""
    return (
        Review.objects.annotate(
            learning_point_count=Count("learning_points", distinct=True),
            recommendation_count=Count("recommendations", distinct=True),
        )
        .order_by("-published_on", "-pk")
        .first()
    )
