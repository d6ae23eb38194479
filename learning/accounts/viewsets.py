from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import CreateView as WagtailUserCreateView
from wagtail.users.views.users import EditView as WagtailUserEditView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import Agency
from .services import user_deactivate, user_role_changes_audit, user_roles_snapshot


class NameFieldMixin(forms.ModelForm):
    first_name = None
    last_name = None
    name = forms.CharField(label=_("Full name"), max_length=150)


class AccountsUserCreationForm(NameFieldMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = ["email", "name", "is_superuser", "groups"]


class AccountsUserEditForm(NameFieldMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = ["email", "name", "is_active", "is_superuser", "groups"]


class UserCreateView(WagtailUserCreateView):
    @transaction.atomic
    def save_instance(self):
        instance = super().save_instance()
        # Every role given to a new account is audited, as a change would be.
        user_role_changes_audit(
            user=instance, by=self.request.user, before=(frozenset(), False)
        )
        return instance


class UserEditView(WagtailUserEditView):
    @transaction.atomic
    def save_instance(self):
        before = user_roles_snapshot(user_id=self.form.instance.pk)
        deactivating = (
            "is_active" in self.form.changed_data and not self.form.instance.is_active
        )
        if deactivating:
            # Unticking "active" goes through user_deactivate, which also ends every
            # session the person has open and writes the audit entry.
            self.form.instance.is_active = True
        instance = super().save_instance()
        if deactivating:
            instance = user_deactivate(user=instance, by=self.request.user)
        user_role_changes_audit(user=instance, by=self.request.user, before=before)
        return instance


class UserViewSet(WagtailUserViewSet):
    add_view_class = UserCreateView
    edit_view_class = UserEditView

    def get_form_class(self, for_update=False):
        return AccountsUserEditForm if for_update else AccountsUserCreationForm


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = _("Agencies")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "kind", "frontline_headcount", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    list_export = ["name", "kind", "frontline_headcount", "is_active"]
    ordering = ["name"]
