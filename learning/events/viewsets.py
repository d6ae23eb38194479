from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Course, TrainingSession


class CourseViewSet(SnippetViewSet):
    model = Course
    icon = "group"
    menu_label = _("Courses")
    list_display = ["title", "cpd_minutes", "cancellation_cutoff_days", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title"]
    list_export = ["title", "cpd_minutes", "refresher_months", "is_active"]


class TrainingSessionViewSet(SnippetViewSet):
    model = TrainingSession
    icon = "date"
    menu_label = _("Sessions")
    list_display = ["course", "start", "venue", "capacity", "status"]
    list_filter = ["status", "course"]
    list_export = ["course", "start", "end", "venue", "capacity", "status"]
    ordering = ["-start"]


class TrainingViewSetGroup(SnippetViewSetGroup):
    items = (CourseViewSet, TrainingSessionViewSet)
    menu_icon = "date"
    menu_label = _("Training")
    menu_order = 160
