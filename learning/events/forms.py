from django import forms
from django.utils.translation import gettext_lazy as _

from learning.reviews.models import Recommendation

from .models import AttendanceStatus, Course

CHECKIN_CODE_REQUIRED = _("Enter the 6-digit code shown by the trainer.")


class SessionFilterForm(forms.Form):
    course = forms.ModelChoiceField(
        queryset=Course.objects.filter(is_active=True).order_by("title"),
        required=False,
        empty_label=_("Any course"),
        label=_("Course"),
    )
    recommendation = forms.ModelChoiceField(
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
