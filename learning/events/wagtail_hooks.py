from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from .models import TrainingSession
from .viewsets import TrainingViewSetGroup

register_snippet(TrainingViewSetGroup)


@hooks.register("register_snippet_listing_buttons")
def session_register_buttons(snippet, user, next_url=None):
    """Open a session's register and check-in board from the admin listing."""
    if isinstance(snippet, TrainingSession):
        yield Button(
            _("Register"),
            reverse("events:register", args=[snippet.pk]),
            icon_name="list-ul",
            priority=5,
        )
        yield Button(
            _("Check-in board"),
            reverse("events:board", args=[snippet.pk]),
            icon_name="time",
            priority=6,
        )
