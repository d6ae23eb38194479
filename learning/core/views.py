from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from certificates.selectors import EXPIRY_WARNING_DAYS, certificates_for_holder
from learning.events.selectors import user_bookings
from learning.followups.selectors import follow_ups_open_for
from learning.licences.selectors import licences_for_holder
from modules.selectors import learner_progress_list


class MyLearningView(LoginRequiredMixin, TemplateView):
    """The learner's own record: modules, certificates and the learning record."""

    template_name = "core/my_learning.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(learner_progress_list(user=self.request.user))
        context["certificates"] = certificates_for_holder(user=self.request.user)
        context["expiry_warning_days"] = EXPIRY_WARNING_DAYS
        context["bookings"] = user_bookings(user=self.request.user)
        context["licences"] = licences_for_holder(user=self.request.user)
        context["follow_ups"] = follow_ups_open_for(user=self.request.user)
        return context
