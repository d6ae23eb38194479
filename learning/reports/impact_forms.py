from django import forms
from django.utils.translation import gettext_lazy as _

from learning.accounts.models import Agency
from learning.briefings.forms import GovukDateField
from learning.core.forms import IdChoiceField
from learning.reviews.models import Recommendation

from .impact import DESCRIPTION_REQUIRED, STATUS_INVALID
from .models import ActionStatus

RECOMMENDATION_REQUIRED = _("Choose the recommendation the action works towards.")
OWNER_REQUIRED = _("Choose the agency responsible for the action.")
DUE_REQUIRED = _("Enter the date the action is due.")
DUE_INCOMPLETE = _("The due date must include a day, month and year.")
DUE_INVALID = _("The due date must be a real date, like 31 3 2027.")
FILTER_AGENCY_INVALID = _("Choose one of the agencies you can see reports for.")
FILTER_MODULE_INVALID = _("Choose a module from the list.")
FILTER_DATE_INCOMPLETE = _("A date must include a day, month and year.")
FILTER_DATE_INVALID = _("A date must be a real date, like 1 4 2026.")
FILTER_DATES_REVERSED = _("The end date must be the same as or after the start date.")


class DateErrorStyleMixin:
    """Give the day, month and year boxes the error style too, not only the fieldset."""

    date_fields: tuple[str, ...] = ()

    def add_error(self, field, error):
        super().add_error(field, error)
        for name in self.date_fields:
            if name in self.errors:
                self.fields[name].widget.attrs["error"] = True


class ActionForm(DateErrorStyleMixin, forms.Form):
    date_fields = ("due_on",)

    recommendation = IdChoiceField(
        label=_("Recommendation"),
        queryset=Recommendation.objects.none(),
        empty_label=_("Choose a recommendation"),
        error_messages={
            "required": RECOMMENDATION_REQUIRED,
            "invalid_choice": RECOMMENDATION_REQUIRED,
        },
    )
    owner_agency = IdChoiceField(
        label=_("Owner agency"),
        queryset=Agency.objects.none(),
        empty_label=_("Choose an agency"),
        help_text=_("The agency responsible for completing the action."),
        error_messages={"required": OWNER_REQUIRED, "invalid_choice": OWNER_REQUIRED},
    )
    description = forms.CharField(
        label=_("What will be done"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": DESCRIPTION_REQUIRED},
    )
    due_on = GovukDateField(
        label=_("Due date"),
        help_text=_("For example, 31 3 2027."),
        error_messages={
            "required": DUE_REQUIRED,
            "incomplete": DUE_INCOMPLETE,
            "invalid": DUE_INVALID,
        },
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ActionStatus.choices,
        initial=ActionStatus.NOT_STARTED,
        widget=forms.RadioSelect,
        help_text=_("An action past its due date and not complete shows as overdue."),
        error_messages={"required": STATUS_INVALID, "invalid_choice": STATUS_INVALID},
    )
    evidence_notes = forms.CharField(
        label=_("Evidence notes (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What shows progress, such as an audit, board minutes or an updated "
            "procedure."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendation"].queryset = Recommendation.objects.select_related(
            "review"
        ).order_by("review__title", "number")
        self.fields["recommendation"].label_from_instance = self._recommendation_label
        self.fields["owner_agency"].queryset = Agency.objects.order_by("name")

    @staticmethod
    def _recommendation_label(recommendation):
        return str(recommendation)


class ImpactFilterForm(DateErrorStyleMixin, forms.Form):
    date_fields = ("start", "end")

    start = GovukDateField(
        label=_("From"),
        required=False,
        help_text=_("For example, 1 4 2026."),
        error_messages={
            "incomplete": FILTER_DATE_INCOMPLETE,
            "invalid": FILTER_DATE_INVALID,
        },
    )
    end = GovukDateField(
        label=_("To"),
        required=False,
        help_text=_("For example, 31 3 2027."),
        error_messages={
            "incomplete": FILTER_DATE_INCOMPLETE,
            "invalid": FILTER_DATE_INVALID,
        },
    )
    agency = IdChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("All agencies you can see"),
        error_messages={"invalid_choice": FILTER_AGENCY_INVALID},
    )
    module = IdChoiceField(
        label=_("Module"),
        queryset=None,
        required=False,
        empty_label=_("All modules"),
        error_messages={"invalid_choice": FILTER_MODULE_INVALID},
    )

    def __init__(self, *args, scope, **kwargs):
        from modules.models import ModulePage

        super().__init__(*args, **kwargs)
        agencies = Agency.objects.order_by("name")
        if not scope.all_agencies:
            agencies = agencies.filter(pk__in=scope.agency_ids)
        self.fields["agency"].queryset = agencies
        self.fields["module"].queryset = (
            ModulePage.objects.live().defer_streamfields().order_by("title")
        )
        self.single_agency = not scope.all_agencies and len(scope.agency_ids) == 1

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", FILTER_DATES_REVERSED)
        return cleaned

    def filters(self) -> dict:
        """Keyword arguments for the impact selectors (call after ``is_valid``)."""
        data = self.cleaned_data
        return {
            "agency_id": data["agency"].pk if data.get("agency") else None,
            "module": data.get("module"),
            "start": data.get("start"),
            "end": data.get("end"),
        }
