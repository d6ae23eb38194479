from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BriefingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "learning.briefings"
    label = "briefings"
    verbose_name = _("Seven-minute briefings")
