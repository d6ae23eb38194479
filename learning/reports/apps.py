from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "learning.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        # Marks a person's report summary stale when their certificates or licences
        # change, in every process (web and task workers alike).
        from . import summary  # noqa: F401
