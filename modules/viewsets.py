from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import QuizAdjustment


class QuizAdjustmentViewSet(SnippetViewSet):
    model = QuizAdjustment
    icon = "time"
    menu_label = _("Quiz time adjustments")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["user", "module", "extra_minutes", "no_time_limit", "created_at"]
    list_filter = ["no_time_limit"]
    search_fields = ["user__name", "user__email"]
    ordering = ["-created_at"]
