from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from .models import Course, TrainingSession
from .services import (
    session_default_trainers,
    session_trainers_default,
    waitlist_promote,
)


class TrainingSessionCreateView(CreateView):
    """A trainer creating a session is its trainer unless they name others."""

    def get_initial(self):
        initial = super().get_initial()
        defaults = session_default_trainers(creator=self.request.user)
        if defaults:
            initial["trainers"] = [user.pk for user in defaults]
        return initial

    def save_instance(self):
        session = super().save_instance()
        return session_trainers_default(session=session, creator=self.request.user)


class TrainingSessionEditView(EditView):
    """Saving a session can add places (a raised capacity): the waiting list gets
    them, in the same transaction as the save."""

    def save_instance(self):
        session = super().save_instance()
        waitlist_promote(session=session, by=self.request.user)
        return session


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
    add_view_class = TrainingSessionCreateView
    edit_view_class = TrainingSessionEditView


class TrainingViewSetGroup(SnippetViewSetGroup):
    items = (CourseViewSet, TrainingSessionViewSet)
    menu_icon = "date"
    menu_label = _("Training")
    menu_order = 160
