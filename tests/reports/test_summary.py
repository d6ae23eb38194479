"""The per-person report summary: refresh, freshness, scope isolation, agreement."""

from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from certificates.selectors import Evidence, learning_record
from learning.accounts.models import Profile
from learning.reports.management.commands.refresh_report_summary import (
    AGENCY_NOT_FOUND,
)
from learning.reports.models import ReportEvidence, ReportSummary
from learning.reports.scope import report_scope_for
from learning.reports.selectors import (
    ReportFilters,
    dashboard_figures,
    evidence_matrix,
    headline_figures,
)
from learning.reports.summary import SUMMARY_MAX_AGE, summary_refresh
from learning.reports.summary_tasks import refresh_report_summary

from .conftest import certificate_give
from .test_selectors import EXPECTED_MATRIX, _matrix_cells

pytestmark = pytest.mark.django_db


def _everyone(world):
    return report_scope_for(world.partnership_lead)


def _noon_today():
    zone = timezone.get_current_timezone()
    return datetime.combine(timezone.localdate(), time(12, 0), tzinfo=zone)


def test_the_summary_evidence_equals_each_learners_own_learning_record(world):
    summary_refresh()

    for profile in Profile.objects.select_related("user"):
        by_record = {
            row.recommendation.pk
            for review in learning_record(user=profile.user)["reviews"]
            for row in review["rows"]
            if row.status == Evidence.MET
        }
        in_summary = set(
            ReportEvidence.objects.filter(summary_id=profile.user_id).values_list(
                "recommendation_id", flat=True
            )
        )
        assert in_summary == by_record, profile.user.name
    assert ReportEvidence.objects.count() == 12  # 11 active people's, and c3's


def test_the_summary_counts_each_holders_newest_certificates_and_licence(world):
    summary_refresh()
    rows = {row.user.name: row for row in ReportSummary.objects.select_related("user")}

    a3, a4, c1, c2 = (rows[f"Person {key}"] for key in ("a3", "a4", "c1", "c2"))
    # a3's expired first certificate was renewed: only the newest one counts.
    assert (a3.certificates_current, a3.certificates_expired) == (2, 0)
    # a4: module two expired; the revoked certificate is not counted at all.
    assert (a4.certificates_current, a4.certificates_expired) == (0, 1)
    assert (c1.certificates_current, c1.certificates_expiring) == (1, 1)
    assert c2.licensed and not a3.licensed
    assert ReportSummary.objects.count() == Profile.objects.count()


def test_the_dashboard_reads_fresh_summary_rows(world):
    summary_refresh()
    b3 = world.people["b3"]
    # Changed behind the summary's back (no signal): the row is still fresh.
    ReportSummary.objects.filter(user=b3).update(licensed=True)

    figures = headline_figures(scope=_everyone(world), filters=ReportFilters.default())

    assert figures["licences_current"] == 2


def test_a_summary_row_older_than_five_minutes_is_never_used(world):
    summary_refresh()
    b3 = world.people["b3"]
    ReportSummary.objects.filter(user=b3).update(
        licensed=True,
        certificates_current=50,
        computed_at=timezone.now() - SUMMARY_MAX_AGE - timedelta(seconds=1),
    )
    ReportEvidence.objects.filter(summary_id=b3.pk).delete()

    scope, filters = _everyone(world), ReportFilters.default()
    figures = headline_figures(scope=scope, filters=filters)
    matrix = evidence_matrix(scope=scope, filters=filters)

    assert figures["licences_current"] == 1
    assert figures["certificates_current"] == 12
    assert _matrix_cells(matrix, world) == EXPECTED_MATRIX


def test_with_no_summary_at_all_every_figure_is_worked_out_afresh(world):
    assert not ReportSummary.objects.exists()

    matrix = evidence_matrix(scope=_everyone(world), filters=ReportFilters.default())

    assert _matrix_cells(matrix, world) == EXPECTED_MATRIX


def test_a_summary_worked_out_for_today_is_not_used_for_another_day(world):
    c1 = world.people["c1"]
    c1.certificates.update(expires_on=timezone.localdate() + timedelta(days=1))
    summary_refresh()
    day_after = timezone.localdate() + timedelta(days=2)
    scope, filters = _everyone(world), ReportFilters.default()

    today = evidence_matrix(scope=scope, filters=filters)
    later = evidence_matrix(scope=scope, filters=filters, on=day_after)

    police = [a["name"] for a in today["agencies"]].index("Northbridge Police")
    assert today["rows"][0]["cells"][police]["evidencing"] == 1
    assert later["rows"][0]["cells"][police]["evidencing"] == 0


def test_a_new_certificate_makes_the_holders_row_stale_at_once(world):
    summary_refresh()
    b3 = world.people["b3"]

    certificate_give(b3, world.course)

    assert ReportSummary.objects.get(user=b3).computed_at is None
    figures = headline_figures(scope=_everyone(world), filters=ReportFilters.default())
    assert figures["certificates_current"] == 13


def test_an_agency_leads_figures_never_read_another_agencys_rows(world):
    summary_refresh()
    school = Profile.objects.filter(agency=world.agencies["b"]).values("user_id")
    ReportSummary.objects.filter(user_id__in=school).update(
        licensed=True, certificates_current=40
    )
    own = report_scope_for(world.agency_lead)
    filters = ReportFilters.default()

    mine = headline_figures(scope=own, filters=filters)
    everyone = headline_figures(scope=_everyone(world), filters=filters)

    assert (mine["licences_current"], mine["certificates_current"]) == (0, 6)
    assert everyone["licences_current"] == 4  # c2 and the three school rows


def test_refreshing_one_agency_leaves_other_agencies_rows_alone(world):
    police = world.agencies["c"]

    refresh_report_summary.enqueue(agency_ids=[police.pk])

    refreshed = set(ReportSummary.objects.values_list("user_id", flat=True))
    assert refreshed == set(
        Profile.objects.filter(agency=police).values_list("user_id", flat=True)
    )


def test_a_refresh_of_only_stale_rows_leaves_fresh_ones_alone(world):
    summary_refresh()
    a1 = world.people["a1"]
    ReportSummary.objects.filter(user=a1).update(computed_at=None)
    before = dict(ReportSummary.objects.values_list("user_id", "computed_at"))

    count = summary_refresh(only_stale=True)

    after = dict(ReportSummary.objects.values_list("user_id", "computed_at"))
    assert count == 1
    assert after[a1.pk] is not None
    assert {k: v for k, v in after.items() if k != a1.pk} == {
        k: v for k, v in before.items() if k != a1.pk
    }


def test_the_refresh_command_refreshes_everyone_and_refuses_an_unknown_agency(
    world, capsys
):
    people = Profile.objects.count()

    call_command("refresh_report_summary")

    assert f"refreshed for {people} people" in capsys.readouterr().out
    assert ReportSummary.objects.count() == people
    with pytest.raises(CommandError, match=AGENCY_NOT_FOUND.format(pk=987654)):
        call_command("refresh_report_summary", agency=[987654])


def test_cached_figures_expire_when_their_oldest_summary_row_is_five_minutes_old(
    world,
):
    scope, filters = _everyone(world), ReportFilters.default()
    b3 = world.people["b3"]
    with time_machine.travel(_noon_today(), tick=False) as traveller:
        summary_refresh()
        traveller.shift(timedelta(minutes=4))
        first = dashboard_figures(scope=scope, filters=filters)
        assert first["computed_at"] == _noon_today()  # the summary's age, not now
        ReportSummary.objects.filter(user=b3).update(licensed=True)

        traveller.shift(timedelta(seconds=50))
        assert dashboard_figures(scope=scope, filters=filters) == first

        traveller.shift(timedelta(seconds=11))  # five minutes and a second
        later = dashboard_figures(scope=scope, filters=filters)
    assert later["headline"]["licences_current"] == 1  # the stale row is not used
    assert later["computed_at"] > first["computed_at"]


def test_the_dashboard_takes_as_many_queries_with_stale_rows_as_with_fresh_ones(
    client, world
):
    client.force_login(world.partnership_lead)
    url = reverse("reports:dashboard")
    client.get(url)
    summary_refresh()

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    fresh = count()
    ReportSummary.objects.update(computed_at=None)
    stale = count()

    assert stale == fresh
