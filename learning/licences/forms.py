from django import forms
from django.utils.translation import gettext_lazy as _

from learning.accounts.models import Agency
from learning.core.forms import IdChoiceField

from .services import REVOKE_REASON_REQUIRED


class LicenceFilterForm(forms.Form):
    agency = IdChoiceField(
        queryset=Agency.objects.order_by("name"),
        required=False,
        empty_label=_("All agencies"),
        label=_("Agency"),
    )
    status = forms.ChoiceField(
        required=False,
        label=_("Status"),
        choices=[
            ("", _("Any status")),
            ("licensed", _("Licensed")),
            ("due", _("Refresher due within 90 days")),
            ("lapsed", _("Lapsed")),
            ("revoked", _("Revoked")),
        ],
    )


class LicenceRevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you revoking this licence?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": REVOKE_REASON_REQUIRED},
        help_text=_(
            "The reason is kept in the audit log. The holder loses access to "
            "licensed resources straight away."
        ),
    )
