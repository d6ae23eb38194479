from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowUpsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "learning.followups"
    label = "followups"
    verbose_name = _("Follow-up impact checks")
