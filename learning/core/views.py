from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from modules.selectors import learner_progress_list


class MyLearningView(LoginRequiredMixin, TemplateView):
    """The learner's own record: modules in progress and completed."""

    template_name = "core/my_learning.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(learner_progress_list(user=self.request.user))
        return context
