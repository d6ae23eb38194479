from django import forms
from django.utils.translation import gettext_lazy as _

from learning.core.forms import IdChoiceField
from learning.reviews.models import Recommendation

from .models import AttendanceStatus, ChargeStatus, Course
from .services import WAIVE_REASON_REQUIRED

CHECKIN_CODE_REQUIRED = _("Enter the 6-digit code shown by the trainer.")


class SessionFilterForm(forms.Form):
    course = IdChoiceField(
        queryset=Course.objects.filter(is_active=True).order_by("title"),
        required=False,
        empty_label=_("Any course"),
        label=_("Course"),
    )
    recommendation = IdChoiceField(
        queryset=Recommendation.objects.order_by("review_id", "number"),
        required=False,
        empty_label=_("Any recommendation"),
        label=_("Recommendation"),
    )


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=12,
        help_text=_(
            "The 6-digit code on the trainer's screen. It changes every minute."
        ),
        error_messages={"required": CHECKIN_CODE_REQUIRED},
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "class": "govuk-input--width-10",
            }
        ),
    )


class RegisterForm(forms.Form):
    """One attendance choice per booking, plus walk-ins by email."""

    walk_ins = forms.CharField(
        label=_("Walk-ins (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Email addresses of people who came without booking, one per line."
        ),
    )

    def __init__(self, *args, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.bookings = bookings
        for booking in bookings:
            self.fields[f"booking_{booking.pk}"] = forms.ChoiceField(
                label=booking.user.name or booking.user.email,
                choices=AttendanceStatus.choices,
                required=False,
                widget=forms.RadioSelect(attrs={"compact": True}),
                initial=booking.attendance or None,
            )
        self.order_fields([f"booking_{b.pk}" for b in bookings] + ["walk_ins"])

    def clean_walk_ins(self):
        from learning.accounts.models import User

        emails = [
            line.strip().lower()
            for line in self.cleaned_data["walk_ins"].splitlines()
            if line.strip()
        ]
        users = list(User.objects.filter(email__in=emails, is_active=True))
        missing = sorted(set(emails) - {u.email for u in users})
        if missing:
            raise forms.ValidationError(
                _(
                    "No account uses %(emails)s. Ask them to sign up first, then add them."
                )
                % {"emails": ", ".join(missing)}
            )
        return users

    def statuses(self):
        return {
            booking.pk: self.cleaned_data.get(f"booking_{booking.pk}") or ""
            for booking in self.bookings
        }


SUBSTITUTE_EMAIL_REQUIRED = _("Enter your colleague's work email address.")
SUBSTITUTE_NOT_FOUND = _(
    "No one in this agency has an account with that email address. Ask your "
    "colleague to sign up first, then pass the place on."
)
LEDGER_DATES_REVERSED = _("The end date must be the same as or after the start date.")


class SubstituteForm(forms.Form):
    email = forms.EmailField(
        label=_("Your colleague's work email address"),
        help_text=_(
            "They must work for the same agency and have an account on this site."
        ),
        error_messages={
            "required": SUBSTITUTE_EMAIL_REQUIRED,
            "invalid": _(
                "Enter an email address in the correct format, like name@example.org."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, agency_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency_id = agency_id

    def clean_email(self):
        from learning.accounts.models import User

        email = self.cleaned_data["email"].strip()
        colleague = (
            User.objects.filter(
                email__iexact=email, is_active=True, profile__agency_id=self.agency_id
            )
            .select_related("profile")
            .first()
        )
        if colleague is None:
            raise forms.ValidationError(SUBSTITUTE_NOT_FOUND)
        self.colleague = colleague
        return email


class ChargeLedgerFilterForm(forms.Form):
    agency = IdChoiceField(
        queryset=None, required=False, empty_label=_("All agencies"), label=_("Agency")
    )
    start = forms.DateField(
        label=_("Sessions from"),
        required=False,
        help_text=_("For example, 01/04/2026"),
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
    )
    end = forms.DateField(
        label=_("Sessions to"),
        required=False,
        help_text=_("For example, 31/03/2027"),
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("To invoice and waived"))] + list(ChargeStatus.choices),
    )

    def __init__(self, *args, **kwargs):
        from learning.accounts.models import Agency

        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.order_by("name")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", LEDGER_DATES_REVERSED)
        return cleaned


class WaiveChargeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this charge waived?"),
        help_text=_("For example, illness on the day confirmed by the line manager."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": WAIVE_REASON_REQUIRED},
    )
