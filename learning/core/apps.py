from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "learning.core"
    label = "core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import PartnershipSettings

        for signal in (post_save, post_delete):
            signal.connect(
                _forget_partnership_settings,
                sender=PartnershipSettings,
                dispatch_uid=f"core.partnership-settings.{signal is post_save}",
            )


def _forget_partnership_settings(sender, instance, **kwargs):
    from django.core.cache import cache

    cache.delete(sender.cache_key(instance.site_id))
