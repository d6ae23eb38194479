"""The impact page and the action plan pages."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.core.exports import safe_csv_value
from learning.core.services import audit_export

from .impact import (
    ACTION_FIELDS,
    action_get,
    action_update,
    actions_for_plan,
    impact_charts,
    impact_report,
    impact_tables,
)
from .impact import (
    action_create as action_create_service,
)
from .impact_forms import ActionForm, ImpactFilterForm
from .scope import report_scope_for

ACTION_ADDED = _("The action has been added to the plan.")
ACTION_SAVED = _("The action has been updated.")


def _scope_or_403(user):
    scope = report_scope_for(user)
    if scope is None:
        raise PermissionDenied
    return scope


@login_required
def impact(request):
    """Leads: confidence, follow-up answers, quiz results and trends, in scope."""
    scope = _scope_or_403(request.user)
    form = ImpactFilterForm(request.GET or None, scope=scope)
    report = tables = None
    if not form.is_bound or form.is_valid():
        filters = form.filters() if form.is_bound else {}
        report = impact_report(scope=scope, today=timezone.localdate(), **filters)
        tables = impact_tables(report)
    if request.GET.get("export") == "csv" and tables is not None:
        table = tables.get(request.GET.get("table", ""))
        if table is None:
            raise Http404
        audit_export(
            actor=request.user,
            what="impact",
            table=request.GET.get("table"),
            **(form.filters() if form.is_bound else {}),
        )
        return _table_csv(table, form)
    query = request.GET.copy()
    for key in ("export", "table"):
        query.pop(key, None)
    return render(
        request,
        "reports/impact.html",
        {
            "form": form,
            "scope": scope,
            "report": report,
            "tables": tables or {},
            "charts": impact_charts(report) if report else {},
            "query_string": query.urlencode(),
        },
        status=400 if tables is None else 200,
    )


def _table_csv(table, form):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="impact-{table["name"].replace("_", "-")}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(
        ["Generated at", timezone.localtime().isoformat(timespec="seconds")]
    )
    data = form.cleaned_data if form.is_bound else {}
    writer.writerow(
        [
            "Agency",
            safe_csv_value(data["agency"].name)
            if data.get("agency")
            else "All agencies in scope",
            "Module",
            safe_csv_value(data["module"].title) if data.get("module") else "All",
            "From",
            data["start"].isoformat() if data.get("start") else "",
            "To",
            data["end"].isoformat() if data.get("end") else "",
        ]
    )
    writer.writerow([safe_csv_value(str(table["caption"]))])
    writer.writerow([str(column["label"]) for column in table["columns"]])
    for row in table["rows"]:
        writer.writerow(
            [
                ""
                if cell is None
                else safe_csv_value(str(cell))
                if isinstance(cell, str)
                else cell
                for cell in row
            ]
        )
    return response


# Action plan ------------------------------------------------------------------------


@login_required
def action_list(request):
    """The partnership's action plan: leads read it, partnership leads edit it."""
    if not request.user.has_perm("reports.view_action"):
        raise PermissionDenied
    scope = _scope_or_403(request.user)
    return render(
        request,
        "reports/action_list.html",
        {
            "actions": actions_for_plan(scope=scope),
            "scope": scope,
            "can_add_actions": request.user.has_perm("reports.add_action"),
            "can_edit_actions": request.user.has_perm("reports.change_action"),
        },
    )


def _apply_service_errors(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@login_required
def action_create(request):
    if not request.user.has_perm("reports.add_action"):
        raise PermissionDenied
    initial = {}
    if request.GET.get("recommendation", "").isdigit():
        initial["recommendation"] = int(request.GET["recommendation"])
    form = ActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            action_create_service(
                actor=request.user,
                **{name: form.cleaned_data[name] for name in ACTION_FIELDS},
            )
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, ACTION_ADDED)
            return redirect("reports:action_list")
    return render(
        request,
        "reports/action_form.html",
        {"form": form, "action": None},
        status=400 if form.errors else 200,
    )


@login_required
def action_edit(request, pk):
    if not request.user.has_perm("reports.change_action"):
        raise PermissionDenied
    action = action_get(pk=pk)
    if action is None:
        raise Http404
    form = ActionForm(
        request.POST or None,
        initial={
            "recommendation": action.recommendation_id,
            "owner_agency": action.owner_agency_id,
            "description": action.description,
            "due_on": action.due_on,
            "status": action.status,
            "evidence_notes": action.evidence_notes,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            action_update(
                action=action,
                actor=request.user,
                **{name: form.cleaned_data[name] for name in ACTION_FIELDS},
            )
        except ValidationError as exc:
            _apply_service_errors(form, exc)
        else:
            messages.success(request, ACTION_SAVED)
            return redirect("reports:action_list")
    return render(
        request,
        "reports/action_form.html",
        {"form": form, "action": action},
        status=400 if form.errors else 200,
    )
