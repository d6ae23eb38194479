"""Report selectors against the hand-built partnership in conftest.py."""

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

import pytest

from certificates.selectors import Evidence, learning_record
from learning.accounts.models import Profile
from learning.reports.scope import report_scope_for
from learning.reports.selectors import (
    UNKNOWN_METRIC,
    Band,
    Metric,
    ReportFilters,
    agency_table,
    band_for,
    dashboard_figures,
    evidence_matrix,
    headline_figures,
    people_for,
)

from .conftest import certificate_give

pytestmark = pytest.mark.django_db

# (staff evidencing, staff counted, percent, band) per recommendation and agency.
EXPECTED_MATRIX = {
    1: {
        "a": (3, 7, 42, Band.SOME),
        "c": (1, 2, 50, Band.SOME),
        "b": (3, 3, 100, Band.MOST),
    },
    2: {"a": (1, 7, 14, Band.LOW), "c": (0, 2, 0, Band.LOW), "b": (1, 3, 33, Band.LOW)},
    3: {
        "a": (1, 7, 14, Band.LOW),
        "c": (1, 2, 50, Band.SOME),
        "b": (0, 3, 0, Band.LOW),
    },
    4: {"a": (0, 7, 0, Band.LOW), "c": (0, 2, 0, Band.LOW), "b": (0, 3, 0, Band.LOW)},
    5: {"a": (0, 7, 0, Band.LOW), "c": (0, 2, 0, Band.LOW), "b": (0, 3, 0, Band.LOW)},
    6: {"a": (0, 7, 0, Band.LOW), "c": (0, 2, 0, Band.LOW), "b": (0, 3, 0, Band.LOW)},
}


def _all(world):
    return report_scope_for(world.partnership_lead)


def _filters(**changes):
    return ReportFilters(**{**vars(ReportFilters.default()), **changes})


def _names(queryset):
    return {profile.user.name for profile in queryset}


def _matrix_cells(matrix, world):
    keys = {agency.pk: key for key, agency in world.agencies.items()}
    columns = [keys[agency["id"]] for agency in matrix["agencies"]]
    return {
        row["number"]: {
            column: (cell["evidencing"], cell["total"], cell["percent"], cell["band"])
            for column, cell in zip(columns, row["cells"], strict=True)
        }
        for row in matrix["rows"]
    }


def test_every_cell_of_the_matrix_matches_the_hand_built_partnership(world):
    matrix = evidence_matrix(scope=_all(world), filters=ReportFilters.default())

    assert [a["name"] for a in matrix["agencies"]] == [
        "Children's Social Care",
        "Northbridge Police",
        "Oakfield Primary School",
    ]
    assert _matrix_cells(matrix, world) == EXPECTED_MATRIX
    first = matrix["rows"][0]
    assert first["total"] == {
        "evidencing": 7,
        "total": 12,
        "percent": 58,
        "band": Band.SOME,
    }
    assert [row["mapped"] for row in matrix["rows"]] == [True, True, True] + [False] * 3


def test_bands_are_low_below_40_some_to_69_and_most_from_70():
    assert [band_for(p) for p in (0, 39, 40, 69, 70, 100, None)] == [
        Band.LOW,
        Band.LOW,
        Band.SOME,
        Band.SOME,
        Band.MOST,
        Band.MOST,
        Band.NONE,
    ]


def test_the_matrix_agrees_with_each_learners_own_learning_record(world):
    scope = _all(world)
    filters = ReportFilters.default()
    everyone = Profile.objects.filter(user__is_active=True).select_related("user")
    met_by_record = {
        (profile.user_id, row.recommendation.pk)
        for profile in everyone
        for review in learning_record(user=profile.user)["reviews"]
        for row in review["rows"]
        if row.status == Evidence.MET
    }
    met_by_matrix = {
        (user_id, recommendation.pk)
        for recommendation in world.recommendations.values()
        for user_id in people_for(
            scope=scope,
            filters=filters,
            metric=Metric.EVIDENCING,
            recommendation_id=recommendation.pk,
        ).values_list("user_id", flat=True)
    }

    assert len(met_by_record) == 11  # 7 for R1, 2 for R2, 2 for R3
    assert met_by_matrix == met_by_record


def test_a_person_with_several_certificates_for_one_module_counts_once(world):
    scope, filters = _all(world), ReportFilters.default()
    a2 = world.people["a2"]
    assert a2.certificates.filter(module=world.modules[0]).count() == 2

    evidencing = people_for(
        scope=scope,
        filters=filters,
        metric=Metric.EVIDENCING,
        recommendation_id=world.recommendations[1].pk,
    )

    assert list(evidencing.values_list("user_id", flat=True)).count(a2.pk) == 1
    # Only the newest certificate for each piece of learning counts: a2 has two.
    assert headline_figures(scope=scope, filters=filters)["certificates_current"] == 12


def test_a_person_who_moved_agency_counts_only_in_their_new_agency(world):
    b2 = world.people["b2"]
    scope, filters = _all(world), ReportFilters.default()

    in_old = people_for(
        scope=scope,
        filters=filters,
        metric=Metric.EVIDENCING,
        recommendation_id=world.recommendations[2].pk,
        agency_id=world.agencies["a"].pk,
    )
    in_new = people_for(
        scope=scope,
        filters=filters,
        metric=Metric.EVIDENCING,
        recommendation_id=world.recommendations[2].pk,
        agency_id=world.agencies["b"].pk,
    )

    assert b2.certificates.filter(agency=world.agencies["a"]).count() == 2
    assert b2.name not in _names(in_old)
    assert b2.name in _names(in_new)


def test_expired_or_revoked_certificates_do_not_evidence(world):
    a4 = world.people["a4"]
    scope, filters = _all(world), ReportFilters.default()
    for number in (1, 2):
        evidencing = people_for(
            scope=scope,
            filters=filters,
            metric=Metric.EVIDENCING,
            recommendation_id=world.recommendations[number].pk,
        )
        assert a4.name not in _names(evidencing)
    not_evidencing = people_for(
        scope=scope,
        filters=filters,
        metric=Metric.NOT_EVIDENCING,
        recommendation_id=world.recommendations[1].pk,
    )
    assert a4.name in _names(not_evidencing)


def test_a_certificate_that_expires_tomorrow_stops_evidencing_the_day_after(world):
    c1 = world.people["c1"]
    c1.certificates.update(expires_on=timezone.localdate() + timedelta(days=1))
    scope, filters = _all(world), ReportFilters.default()
    rec = world.recommendations[1].pk
    tomorrow = timezone.localdate() + timedelta(days=1)

    def names(on):
        return _names(
            people_for(
                scope=scope,
                filters=filters,
                on=on,
                metric=Metric.EVIDENCING,
                recommendation_id=rec,
            )
        )

    assert c1.name in names(tomorrow)
    assert c1.name not in names(tomorrow + timedelta(days=1))


def test_an_agency_leads_figures_leave_other_agencies_out(world):
    scope = report_scope_for(world.agency_lead)
    filters = ReportFilters.default()

    matrix = evidence_matrix(scope=scope, filters=filters)
    table = agency_table(scope=scope, filters=filters)
    headline = headline_figures(scope=scope, filters=filters)

    assert [a["name"] for a in matrix["agencies"]] == ["Children's Social Care"]
    assert [row["agency_name"] for row in table["rows"]] == ["Children's Social Care"]
    assert headline["registered"] == 7
    assert headline["licences_current"] == 0  # c2's licence is in another agency


def test_an_agency_outside_the_scope_narrows_to_nobody(world):
    scope = report_scope_for(world.agency_lead)
    other = world.agencies["b"].pk

    tampered_filter = _filters(agency_id=other)
    tampered_argument = people_for(
        scope=scope,
        filters=ReportFilters.default(),
        metric=Metric.REGISTERED,
        agency_id=other,
    )

    assert evidence_matrix(scope=scope, filters=tampered_filter)["agencies"] == []
    assert headline_figures(scope=scope, filters=tampered_filter)["registered"] == 0
    assert (
        people_for(
            scope=scope, filters=tampered_filter, metric=Metric.REGISTERED
        ).count()
        == 0
    )
    assert tampered_argument.count() == 0


def test_headline_figures_for_the_partnership(world):
    assert headline_figures(scope=_all(world), filters=ReportFilters.default()) == {
        "registered": 12,
        "active": 9,
        "modules_completed": 1,
        "sessions_attended": 1,
        "certificates_current": 12,
        "certificates_expiring": 1,
        "certificates_expired": 1,
        "licences_current": 1,
    }


def test_a_renewed_certificate_is_not_also_counted_as_expired(world):
    scope, filters = _all(world), ReportFilters.default()
    # a3's first certificate for module one has expired but was renewed.
    overdue = people_for(scope=scope, filters=filters, metric=Metric.REFRESHER_OVERDUE)
    assert _names(overdue) == {"Person a4"}


def test_the_agency_table_counts_people_in_each_agency(world):
    table = agency_table(scope=_all(world), filters=ReportFilters.default())
    rows = {row["agency_name"]: row for row in table["rows"]}

    assert [m["title"] for m in table["modules"]] == [
        "Seeing the pattern",
        "Professional curiosity",
    ]
    csc = rows["Children's Social Care"]
    assert (csc["registered"], csc["headcount"], csc["workforce_percent"]) == (
        7,
        20,
        35,
    )
    assert (
        csc["started"],
        csc["completed"],
        csc["attended"],
        csc["no_shows"],
        csc["refreshers_overdue"],
    ) == (1, [1, 0], 0, 1, 1)
    school = rows["Oakfield Primary School"]
    assert (school["registered"], school["attended"], school["no_shows"]) == (3, 1, 0)
    assert rows["Northbridge Police"]["workforce_percent"] is None
    assert table["totals"]["registered"] == 12


def test_a_course_filter_counts_that_courses_sessions_and_leaves_modules_out(world):
    filters = _filters(course_id=world.course.pk)
    scope = _all(world)

    table = agency_table(scope=scope, filters=filters)
    headline = headline_figures(scope=scope, filters=filters)
    matrix = evidence_matrix(scope=scope, filters=filters)

    assert table["modules"] == []
    assert headline["sessions_attended"] == 1
    assert headline["modules_completed"] == 0
    assert headline["certificates_current"] == 2  # a3 and b1 for the course
    assert [row["number"] for row in matrix["rows"]] == [1]


def test_a_date_range_before_the_activity_counts_no_activity(world):
    long_ago = timezone.localdate() - timedelta(days=900)
    filters = _filters(start=long_ago - timedelta(days=30), end=long_ago)

    headline = headline_figures(scope=_all(world), filters=filters)

    assert (
        headline["active"],
        headline["modules_completed"],
        headline["sessions_attended"],
    ) == (0, 0, 0)
    assert headline["registered"] == 12


def test_a_job_role_filter_counts_only_people_with_that_job_title(world):
    # Not a title Faker's random job titles could give someone else in the fixture.
    title = "Neglect practice champion (test)"
    Profile.objects.filter(user=world.people["a1"]).update(job_title=title)

    figures = headline_figures(scope=_all(world), filters=_filters(job_title=title))

    assert figures["registered"] == 1


def test_an_unknown_metric_is_refused(world):
    with pytest.raises(ValueError, match=UNKNOWN_METRIC):
        people_for(scope=_all(world), filters=ReportFilters.default(), metric="all")


def test_cached_figures_are_never_shared_between_scopes(world):
    partnership = _all(world)
    own = report_scope_for(world.agency_lead)
    filters = ReportFilters.default()

    everyone = dashboard_figures(scope=partnership, filters=filters)
    mine = dashboard_figures(scope=own, filters=filters)

    assert everyone["headline"]["registered"] == 12
    assert mine["headline"]["registered"] == 7
    assert [a["name"] for a in mine["matrix"]["agencies"]] == ["Children's Social Care"]


def test_figures_are_cached_for_five_minutes_then_worked_out_again(world, settings):
    scope, filters = _all(world), ReportFilters.default()
    dashboard_figures(scope=scope, filters=filters)
    certificate_give(world.people["b3"], world.course)

    cached = dashboard_figures(scope=scope, filters=filters)
    assert cached["headline"]["certificates_current"] == 12

    cache.clear()  # as when the five minutes are up
    fresh = dashboard_figures(scope=scope, filters=filters)
    assert fresh["headline"]["certificates_current"] == 13
