import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from learning.accounts.models import Agency, User
from learning.core.forms import IdChoiceField, IdMultipleChoiceField

from .models import Briefing
from .services import ATTENDEE_NOT_IN_AGENCY, normalise_emails

BRIEFING_REQUIRED = _("Choose the briefing you delivered.")
DATE_REQUIRED = _("Enter the date of the briefing.")
DATE_INCOMPLETE = _("The date of the briefing must include a day, month and year.")
DATE_INVALID = _("The date of the briefing must be a real date, like 14 3 2026.")
TEAM_REQUIRED = _("Enter the team that received the briefing.")
EMAIL_REQUIRED = _("Enter the email address of the person to make a team manager.")
PERSON_NOT_FOUND = _(
    "Nobody you can manage is registered with that email address. Check the "
    "address, or ask them to sign up first."
)
PERSON_INVALID = _("Choose a person from the list of team managers.")


class GovukDateWidget(forms.Widget):
    """Day, month and year boxes (the GOV.UK date input pattern)."""

    template_name = "briefings/includes/date_input.html"
    parts = ("day", "month", "year")

    def value_from_datadict(self, data, files, name):
        return tuple(data.get(f"{name}-{part}", "").strip() for part in self.parts)

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}-{part}" in data for part in self.parts)

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return (str(value.day), str(value.month), str(value.year))
        if isinstance(value, tuple | list):
            return tuple(value)
        return ("", "", "")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["parts"] = dict(
            zip(self.parts, self.format_value(value), strict=True)
        )
        return context


class GovukDateField(forms.Field):
    widget = GovukDateWidget
    default_error_messages = {
        "required": DATE_REQUIRED,
        "incomplete": DATE_INCOMPLETE,
        "invalid": DATE_INVALID,
    }

    def to_python(self, value):
        if isinstance(value, datetime.date):
            return value
        parts = tuple(value or ("", "", ""))
        if not any(parts):
            return None
        if not all(parts):
            raise forms.ValidationError(
                self.error_messages["incomplete"], code="incomplete"
            )
        try:
            day, month, year = (int(part) for part in parts)
            if year < 1000:
                raise ValueError
            return datetime.date(year, month, day)
        except ValueError:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from None


class StaffChoiceField(IdMultipleChoiceField):
    def label_from_instance(self, obj):
        job = obj.profile.job_title
        return f"{obj.name} ({job})" if job else obj.name


class DeliveryForm(forms.Form):
    briefing = IdChoiceField(
        label=_("Which briefing did you deliver?"),
        queryset=Briefing.objects.none(),
        empty_label=_("Choose a briefing"),
        error_messages={
            "required": BRIEFING_REQUIRED,
            "invalid_choice": BRIEFING_REQUIRED,
        },
    )
    delivered_on = GovukDateField(
        label=_("When did you deliver it?"),
        help_text=_("For example, 27 3 2026."),
    )
    team = forms.CharField(
        label=_("Team"),
        max_length=150,
        help_text=_("The team that received the briefing."),
        error_messages={"required": TEAM_REQUIRED},
    )
    attendees = StaffChoiceField(
        label=_("Who was present?"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick everyone who was there. Each of them gets the briefing on their "
            "learning record."
        ),
        error_messages={
            "invalid_choice": ATTENDEE_NOT_IN_AGENCY,
            "invalid_pk_value": ATTENDEE_NOT_IN_AGENCY,
        },
    )
    emails = forms.CharField(
        label=_("Anyone present who is not in the list"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text=_(
            "Their work email addresses, one per line. People without an account get "
            "the briefing on their record when they sign up with that address."
        ),
    )
    notes = forms.CharField(
        label=_("Discussion points (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    actions = forms.CharField(
        label=_("Agreed actions (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What the team agreed to do differently, who will do it and by when."
        ),
    )

    def __init__(self, *args, briefings, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["briefing"].queryset = briefings
        self.staff = staff
        self.fields["attendees"].queryset = User.objects.filter(
            pk__in=[user.pk for user in staff]
        ).select_related("profile")

    def add_error(self, field, error):
        super().add_error(field, error)
        if "delivered_on" in self.errors:
            # The date boxes get the error style too, not only the fieldset.
            self.fields["delivered_on"].widget.attrs["error"] = True

    def clean_emails(self):
        return normalise_emails(self.cleaned_data["emails"].splitlines())

    def staff_by_team(self):
        """Checkbox rows grouped by team, in the order the staff list gives."""
        chosen = {str(value) for value in (self["attendees"].value() or [])}
        auto_id = self["attendees"].auto_id
        groups = []
        for index, user in enumerate(self.staff):
            team = user.profile.team or _("No team given")
            if not groups or groups[-1]["team"] != team:
                groups.append({"team": team, "people": []})
            groups[-1]["people"].append(
                {
                    "id": f"{auto_id}_{index}",
                    "value": user.pk,
                    "label": self.fields["attendees"].label_from_instance(user),
                    "checked": str(user.pk) in chosen,
                }
            )
        return groups


class DeliveryFilterForm(forms.Form):
    agency = IdChoiceField(
        queryset=Agency.objects.order_by("name"),
        required=False,
        empty_label=_("All agencies"),
        label=_("Agency"),
    )


class TeamManagerGrantForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The work email address they sign in with."),
        error_messages={"required": EMAIL_REQUIRED, "invalid": PERSON_NOT_FOUND},
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
