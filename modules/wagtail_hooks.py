from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from .admin_views import QuizAnalysisView, can_view_quiz_analysis
from .models import ModulePage
from .viewsets import QuizAdjustmentViewSet


@hooks.register("register_admin_urls")
def register_quiz_analysis_url():
    return [
        path(
            "modules/<int:page_id>/quiz-results/",
            QuizAnalysisView.as_view(),
            name="modules_quiz_analysis",
        )
    ]


@hooks.register("register_page_header_buttons")
def quiz_results_button(page, user, view_name, next_url=None):
    specific_class = page.specific_class
    if specific_class is ModulePage and can_view_quiz_analysis(user, page):
        yield Button(
            _("Quiz results"),
            reverse("modules_quiz_analysis", args=[page.pk]),
            icon_name="table",
            priority=80,
        )


register_snippet(QuizAdjustmentViewSet)
