from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import Agency


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


class UserViewSet(WagtailUserViewSet):
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
