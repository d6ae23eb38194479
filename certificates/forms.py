from django import forms
from django.utils.translation import gettext_lazy as _

from learning.accounts.models import Agency
from learning.core.forms import IdChoiceField

from .models import CODE_LENGTH, normalise_code

CODE_REQUIRED = _("Enter a certificate code.")
CODE_INVALID = _(
    "Enter the code as it appears on the certificate, for example 7KQ4-M2ZP-9XWD."
)


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"),
        max_length=30,
        help_text=_("12 letters and numbers, printed on the certificate."),
        error_messages={"required": CODE_REQUIRED},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if len(code.replace("-", "")) != CODE_LENGTH:
            raise forms.ValidationError(CODE_INVALID)
        return code


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you revoking this certificate?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": _("Give a reason for revoking the certificate.")},
        help_text=_(
            "The reason is kept in the audit log. The public check shows only that it was revoked."
        ),
    )


class CertificateFilterForm(forms.Form):
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
            ("valid", _("Valid")),
            ("expired", _("Expired")),
            ("revoked", _("Revoked")),
        ],
    )
