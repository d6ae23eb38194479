"""The audit log for partnership leads: who did what to which record, and when.

Only people who see every agency's reports (``accounts.view_all_agency_reports``)
may read it: entries name learners and staff across the partnership.
"""

from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent

AUDIT_PERMISSION = "accounts.view_all_agency_reports"
EVENTS_PER_PAGE = 50
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"]

AUDIT_DATES_REVERSED = _("The ‘to’ date must be the same as or after the ‘from’ date.")
AUDIT_ACTION_UNKNOWN = _("Choose an action from the list.")
AUDIT_DATE_INVALID = _("Enter a real date, for example 31/03/2026.")


def audit_actions() -> list[str]:
    return list(
        AuditEvent.objects.order_by("action")
        .values_list("action", flat=True)
        .distinct()
    )


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        error_messages={"invalid_choice": AUDIT_ACTION_UNKNOWN},
    )
    actor = forms.CharField(
        label=_("Done by (email address)"),
        required=False,
        max_length=254,
        help_text=_("The whole address or part of it."),
    )
    start = forms.DateField(
        label=_("From"),
        required=False,
        input_formats=DATE_FORMATS,
        help_text=_("For example, 01/04/2025."),
        error_messages={"invalid": AUDIT_DATE_INVALID},
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        input_formats=DATE_FORMATS,
        help_text=_("For example, 31/03/2026."),
        error_messages={"invalid": AUDIT_DATE_INVALID},
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["action"].choices = [
            ("", _("Any action")),
            *((action, action) for action in audit_actions()),
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", AUDIT_DATES_REVERSED)
        return cleaned


def audit_events_filtered(*, action="", actor="", start=None, end=None):
    """Audit entries, newest first, with their actors fetched in the same query."""
    events = AuditEvent.objects.select_related("actor").order_by("-created_at", "-pk")
    if action:
        events = events.filter(action=action)
    if actor:
        events = events.filter(actor__email__icontains=actor.strip())
    if start:
        events = events.filter(created_at__date__gte=start)
    if end:
        events = events.filter(created_at__date__lte=end)
    return events


@login_required
def audit_log_list(request):
    if not request.user.has_perm(AUDIT_PERMISSION):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {
            name: form.cleaned_data[name]
            for name in ("action", "actor", "start", "end")
        }
    events = (
        audit_events_filtered(**filters)
        if not form.is_bound or form.is_valid()
        else AuditEvent.objects.none()
    )
    page_obj = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    query = {
        key: value for key, value in request.GET.items() if key in form.fields and value
    }
    response = render(
        request,
        "core/audit_log.html",
        {
            "form": form,
            "page_obj": page_obj,
            "events": page_obj.object_list,
            "query_string": urlencode(query),
        },
    )
    # Names and actions across the partnership: never kept by a shared cache.
    patch_cache_control(response, private=True, no_store=True)
    return response
