from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import LearningPoint, Recommendation, Review


class ReviewViewSet(SnippetViewSet):
    model = Review
    icon = "doc-full"
    menu_label = _("Reviews")
    list_display = ["title", "kind", "published_on"]
    search_fields = ["title"]
    list_export = ["title", "slug", "kind", "published_on"]


class LearningPointViewSet(SnippetViewSet):
    model = LearningPoint
    icon = "list-ol"
    menu_label = _("Learning points")
    list_display = ["review", "number", "text"]
    list_filter = ["review"]
    search_fields = ["text"]
    list_export = ["review", "number", "text"]
    ordering = ["review", "number"]


class RecommendationViewSet(SnippetViewSet):
    model = Recommendation
    icon = "tick-inverse"
    menu_label = _("Recommendations")
    list_display = ["review", "number", "text", "evidence_rule"]
    list_filter = ["review", "evidence_rule"]
    search_fields = ["text"]
    list_export = ["review", "number", "text", "evidence_rule"]
    ordering = ["review", "number"]


class ReviewViewSetGroup(SnippetViewSetGroup):
    items = (ReviewViewSet, LearningPointViewSet, RecommendationViewSet)
    menu_icon = "doc-full"
    menu_label = _("Learning review")
    menu_order = 150
