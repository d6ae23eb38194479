"""Dashboard, drill-downs and a learner's record for partnership and agency leads.

Every view works out the lead's ``ReportScope`` first and passes it to the
selectors, which filter every query by it. Anyone without a scope gets 403.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control

from certificates.selectors import learning_record

from .forms import PeopleFilterForm, ReportFilterForm
from .impact import actions_for_plan
from .scope import report_scope_for
from .selectors import (
    BAND_MOST_FROM,
    BAND_SOME_FROM,
    Band,
    Metric,
    dashboard_figures,
    modules_for_person,
    people_for,
    person_in_scope,
)

PEOPLE_PER_PAGE = 50


def _scope(request):
    scope = report_scope_for(request.user)
    if scope is None:
        raise PermissionDenied
    return scope


def _private(response):
    # Named people and their figures must never be kept by a shared cache.
    patch_cache_control(response, private=True, no_store=True)
    return response


class DrillLinks:
    """Builds links to the people behind a figure, keeping the dashboard filters."""

    def __init__(self, query: dict[str, str]):
        self.query = query
        self.base = reverse("reports:people")

    def __call__(self, metric, **extra) -> str:
        query = {**self.query, "metric": metric}
        query.update({key: str(value) for key, value in extra.items() if value})
        return f"{self.base}?{urlencode(query)}"


def _cell_view(cell, link):
    return {**cell, "band_label": Band.LABELS[cell["band"]], "url": link}


def _decorate(figures, link: DrillLinks):
    """Add drill-down links and band labels to a copy of the cached figures."""
    headline = figures["headline"]
    headline_links = {
        "registered": link(Metric.REGISTERED),
        "active": link(Metric.ACTIVE),
        "modules_completed": link(Metric.COMPLETED),
        "sessions_attended": link(Metric.ATTENDED),
        "certificates_current": link(Metric.CERTIFICATE_CURRENT),
        "certificates_expiring": link(Metric.CERTIFICATE_EXPIRING),
        "certificates_expired": link(Metric.REFRESHER_OVERDUE),
        "licences_current": link(Metric.LICENSED),
    }
    table = figures["agencies"]
    modules = table["modules"]

    def row_view(row, agency_id=None):
        return {
            **row,
            "registered_url": link(Metric.REGISTERED, agency=agency_id),
            "started_url": link(Metric.STARTED, agency=agency_id),
            "completed_cells": [
                {
                    "count": count,
                    "url": link(
                        Metric.COMPLETED, agency=agency_id, module=module["id"]
                    ),
                }
                for count, module in zip(row["completed"], modules, strict=True)
            ],
            "attended_url": link(Metric.ATTENDED, agency=agency_id),
            "no_shows_url": link(Metric.NO_SHOW, agency=agency_id),
            "refreshers_overdue_url": link(Metric.REFRESHER_OVERDUE, agency=agency_id),
        }

    matrix = figures["matrix"]
    agencies = matrix["agencies"]
    matrix_rows = []
    for row in matrix["rows"]:
        cells = [
            _cell_view(
                cell,
                link(Metric.EVIDENCING, agency=agency["id"], recommendation=row["id"]),
            )
            for cell, agency in zip(row["cells"], agencies, strict=True)
        ]
        total = _cell_view(
            row["total"], link(Metric.EVIDENCING, recommendation=row["id"])
        )
        matrix_rows.append({**row, "cells": cells, "total": total})
    return {
        "headline": headline,
        "headline_links": headline_links,
        "modules": modules,
        "agency_rows": [row_view(row, row["agency_id"]) for row in table["rows"]],
        "agency_totals": row_view(table["totals"]),
        "matrix_agencies": agencies,
        "matrix_rows": matrix_rows,
        "computed_at": figures["computed_at"],
    }


@login_required
def dashboard(request):
    scope = _scope(request)
    form = ReportFilterForm(request.GET or None, scope=scope)
    context = {"form": form, "scope": scope, "figures": None}
    if not form.is_bound or form.is_valid():
        filters = form.report_filters()
        figures = dashboard_figures(scope=scope, filters=filters)
        context.update(
            filters=filters,
            figures=_decorate(figures, DrillLinks(filters.as_query())),
            band_some_from=BAND_SOME_FROM,
            band_some_to=BAND_MOST_FROM - 1,
            band_most_from=BAND_MOST_FROM,
            actions=actions_for_plan(scope=scope),
            can_edit_actions=request.user.has_perm("reports.change_action"),
        )
    return _private(render(request, "reports/dashboard.html", context))


@login_required
def people(request):
    scope = _scope(request)
    form = PeopleFilterForm(request.GET or None, scope=scope)
    context = {"form": form, "page_obj": None, "people": []}
    if form.is_bound and form.is_valid():
        filters = form.report_filters()
        metric = form.cleaned_data["metric"]
        recommendation = form.cleaned_data.get("recommendation")
        queryset = people_for(
            scope=scope,
            filters=filters,
            metric=metric,
            recommendation_id=recommendation.pk if recommendation else None,
            module_id=filters.module_id,
        )
        page_obj = Paginator(queryset, PEOPLE_PER_PAGE).get_page(
            request.GET.get("page")
        )
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filters=filters,
            metric_label=Metric.LABELS[metric],
            recommendation=recommendation,
            page_obj=page_obj,
            people=page_obj.object_list,
            query_string=query.urlencode(),
            dashboard_url=f"{reverse('reports:dashboard')}?"
            f"{urlencode(filters.as_query())}",
        )
    return _private(render(request, "reports/people.html", context))


@login_required
def person(request, user_id):
    scope = _scope(request)
    profile = person_in_scope(scope=scope, user_id=user_id)
    if profile is None:
        raise Http404
    record = learning_record(user=profile.user)
    context = {
        "profile": profile,
        "person": profile.user,
        "record": record,
        "progress": modules_for_person(user=profile.user),
    }
    return _private(render(request, "reports/person.html", context))
