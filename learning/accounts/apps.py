from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "learning.accounts"
    label = "accounts"
    verbose_name = _("Accounts and agencies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from wagtail.admin.views import account

        from . import checks  # noqa: F401 - registers the system checks
        from .backends import permission_signals_connect
        from .forms import AdminNameEmailForm
        from .security import security_signals_connect

        post_migrate.connect(_sync_roles, sender=self)
        permission_signals_connect()
        security_signals_connect()

        # Wagtail's own account page edits first and last names, which our one-field
        # user model does not have; point it at a form for ``name`` instead.
        account.NameEmailSettingsPanel.form_class = AdminNameEmailForm


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "learning.accounts.viewsets.UserViewSet"


def _sync_roles(**kwargs):
    # Permissions only exist once every app has migrated, so the role groups are
    # brought in step after migrate rather than inside a migration.
    from .roles import roles_sync

    roles_sync()
