from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "learning.events"
    label = "events"
    verbose_name = _("Face-to-face training")
    default_auto_field = "django.db.models.BigAutoField"
