from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from .forms import ProfileForm

PROFILE_SAVED = _("Your profile has been saved.")


class ProfileView(LoginRequiredMixin, FormView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            form.save()
        except ValidationError:
            return self.form_invalid(form)
        messages.success(self.request, PROFILE_SAVED)
        return redirect("accounts_profile")


def admin_login(request):
    """Where Wagtail sends people who may not use the admin.

    Anonymous visitors sign in through allauth (one login form for the whole site);
    signed-in people without admin access get a clear 403 instead of a login loop.
    """
    next_url = request.GET.get("next") or "/admin/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        next_url = "/admin/"
    if request.user.is_authenticated:
        if request.user.has_perm("wagtailadmin.access_admin"):
            return redirect(next_url)
        return render(request, "403.html", status=403)
    return redirect_to_login(next_url)
