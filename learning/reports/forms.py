from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.accounts.models import Agency, AgencyKind
from learning.core.forms import IdChoiceField
from learning.events.models import Course
from learning.reviews.models import Recommendation
from modules.models import ModulePage

from .scope import ReportScope
from .selectors import Metric, ReportFilters, job_titles_in_scope, twelve_months_before

DATES_REVERSED = _("The end date must be the same as or after the start date.")
AGENCY_OUTSIDE_SCOPE = _("Choose an agency from the list.")
CHOICE_NOT_FOUND = _("Choose an option from the list.")
METRIC_REQUIRED = _("Choose which figure to show the people behind.")
RECOMMENDATION_REQUIRED = _("Choose a recommendation.")

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"]


class ReportFilterForm(forms.Form):
    """The dashboard filters; an agency outside the lead's scope is an error."""

    start = forms.DateField(
        label=_("Activity from"),
        required=False,
        input_formats=DATE_FORMATS,
        help_text=_("For example, 01/04/2025. Leave blank for 12 months ago."),
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
    )
    end = forms.DateField(
        label=_("Activity to"),
        required=False,
        input_formats=DATE_FORMATS,
        help_text=_("For example, 31/03/2026. Leave blank for today."),
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
    )
    agency = IdChoiceField(
        queryset=Agency.objects.none(),
        required=False,
        label=_("Agency"),
        empty_label=_("All agencies"),
        error_messages={"invalid_choice": AGENCY_OUTSIDE_SCOPE},
    )
    agency_kind = forms.ChoiceField(
        label=_("Kind of agency"),
        required=False,
        choices=[("", _("Any kind")), *AgencyKind.choices],
        error_messages={"invalid_choice": CHOICE_NOT_FOUND},
    )
    module = IdChoiceField(
        queryset=ModulePage.objects.none(),
        required=False,
        label=_("Module"),
        empty_label=_("All modules and courses"),
        error_messages={"invalid_choice": CHOICE_NOT_FOUND},
    )
    course = IdChoiceField(
        queryset=Course.objects.none(),
        required=False,
        label=_("Course"),
        empty_label=_("All courses and modules"),
        error_messages={"invalid_choice": CHOICE_NOT_FOUND},
    )
    job_title = forms.ChoiceField(
        label=_("Job role"),
        required=False,
        error_messages={"invalid_choice": CHOICE_NOT_FOUND},
    )

    def __init__(self, data=None, *, scope: ReportScope, **kwargs):
        super().__init__(data, **kwargs)
        self.scope = scope
        self.fields["agency"].queryset = Agency.objects.filter(
            pk__in=scope.agency_ids
        ).order_by("name")
        if not scope.all_agencies:
            self.fields["agency"].empty_label = _("Your agency")
        self.fields["module"].queryset = (
            ModulePage.objects.live().defer_streamfields().order_by("title")
        )
        self.fields["course"].queryset = Course.objects.order_by("title")
        self.fields["job_title"].choices = [
            ("", _("Any job role")),
            *((title, title) for title in job_titles_in_scope(scope=scope)),
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", DATES_REVERSED)
        return cleaned

    def report_filters(self, today=None) -> ReportFilters:
        """The valid filters, or the defaults for a form that was not submitted."""
        today = today or timezone.localdate()
        if not self.is_bound:
            return ReportFilters.default(today)
        data = self.cleaned_data
        end = data.get("end") or today
        agency, module, course = (
            data.get("agency"),
            data.get("module"),
            data.get("course"),
        )
        return ReportFilters(
            start=data.get("start") or twelve_months_before(end),
            end=end,
            agency_id=agency.pk if agency else None,
            agency_kind=data.get("agency_kind") or "",
            module_id=module.pk if module else None,
            course_id=course.pk if course else None,
            job_title=data.get("job_title") or "",
        )


class PeopleFilterForm(ReportFilterForm):
    """The dashboard filters plus which figure to list the people behind."""

    metric = forms.ChoiceField(
        choices=Metric.CHOICES,
        widget=forms.HiddenInput,
        error_messages={"required": METRIC_REQUIRED, "invalid_choice": METRIC_REQUIRED},
    )
    recommendation = IdChoiceField(
        queryset=Recommendation.objects.all(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": RECOMMENDATION_REQUIRED},
    )

    def clean(self):
        cleaned = super().clean()
        evidence = (Metric.EVIDENCING, Metric.NOT_EVIDENCING)
        if cleaned.get("metric") in evidence and not cleaned.get("recommendation"):
            self.add_error("recommendation", RECOMMENDATION_REQUIRED)
        return cleaned
