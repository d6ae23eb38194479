"""Impact figures against a hand-built fixture, scope, charts, CSV and query budget."""

import csv
import datetime
import io
import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from learning.events.factories import TrainingSessionFactory
from learning.events.models import Booking
from learning.followups.models import FollowUp
from learning.reports.impact import (
    confidence_by_agency,
    confidence_by_module,
    follow_up_figures,
    item_difficulty,
    monthly_trends,
    quiz_pass_rates,
)
from learning.reports.impact_forms import FILTER_AGENCY_INVALID, FILTER_DATES_REVERSED
from learning.reports.scope import report_scope_for
from modules.factories import module_create
from modules.models import ModuleProgress

from ..conftest import make_person
from ..modules.test_quiz_analysis import _attempt
from ..modules.test_quiz_services import quiz_module

pytestmark = pytest.mark.django_db

URL = reverse("reports:impact")
NOW = datetime.datetime(2026, 11, 15, 12, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 11, 15)


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def _at(month, day):
    return datetime.datetime(2026, month, day, 10, 0, tzinfo=datetime.UTC)


def _progress(user, module, before, after, completed):
    return ModuleProgress.objects.create(
        user=user,
        module=module,
        current_step=None if completed else 0,
        confidence_before=before,
        confidence_after=after,
        started_at=(completed or _at(11, 1)) - datetime.timedelta(hours=1),
        completed_at=completed,
    )


def _attend(user, start, attendance):
    session = TrainingSessionFactory(
        start=start, end=start + datetime.timedelta(hours=3)
    )
    return Booking.objects.create(
        session=session, user=user, status="booked", attendance=attendance
    )


def _follow_up(user, module, progress, *, answered):
    return FollowUp.objects.create(
        user=user,
        kind="module",
        module_progress=progress,
        source_key=f"module-progress:{progress.pk}",
        title=module.title,
        module=module,
        agency=user.profile.agency,
        completed_at=progress.completed_at,
        due_at=_at(11, 10),
        sent_at=_at(11, 10),
        answered_at=_at(11, 12) if answered else None,
        changed_practice="yes" if answered else "",
        confidence_now=4 if answered else None,
    )


@pytest.fixture
def world(agency, other_agency):
    """Two agencies, two modules, known confidence ratings, attempts and attendances.

    Completed with both ratings (before -> after):
      a1 pattern 2 -> 4 (Oct), a2 pattern 3 -> 4 (Nov), b1 pattern 1 -> 5 (Nov),
      a1 challenge 4 -> 5 (Sep).
    Not counted for confidence: a2 challenge (no after rating, but a completion in
    Nov) and b1 challenge (not finished).
    """
    pattern = quiz_module()
    pattern.title = "Seeing the pattern"
    pattern.save()
    challenge = module_create(title="=SUM(1,1) Challenging decisions")
    a1 = make_person(email="a1@council.example.org", agency=agency)
    a2 = make_person(email="a2@council.example.org", agency=agency)
    b1 = make_person(email="b1@oakfield-primary.example.org", agency=other_agency)
    a1_pattern = _progress(a1, pattern, 2, 4, _at(10, 5))
    _progress(a2, pattern, 3, 4, _at(11, 2))
    b1_pattern = _progress(b1, pattern, 1, 5, _at(11, 3))
    _progress(a1, challenge, 4, 5, _at(9, 10))
    _progress(a2, challenge, 2, None, _at(11, 4))
    _progress(b1, challenge, 3, None, None)
    # Quiz on "Seeing the pattern": question 1 right once in three answers.
    _attempt(a1, pattern, 1, {0: [1], 1: [0], 2: [0], 3: [0]})  # none right
    _attempt(a1, pattern, 2, {0: [0], 1: [0, 1], 2: [1], 3: [1]})  # all right
    _attempt(b1, pattern, 1, {0: [1], 1: [0, 1], 2: [0], 3: [1]})  # two right
    _attend(a1, _at(10, 20), "attended")
    _attend(b1, _at(11, 10), "late")
    _attend(a2, _at(11, 10), "did_not_attend")
    _follow_up(a1, pattern, a1_pattern, answered=True)
    _follow_up(b1, pattern, b1_pattern, answered=False)
    return {"pattern": pattern, "challenge": challenge}


def _by_label(rows):
    return {row.label: row for row in rows}


def test_confidence_per_module_and_agency_matches_the_hand_computed_figures(
    world, partnership_lead, agency, other_agency
):
    scope = report_scope_for(partnership_lead)

    modules = _by_label(confidence_by_module(scope=scope))
    agencies = _by_label(confidence_by_agency(scope=scope))

    pattern = modules["Seeing the pattern"]
    assert (pattern.responses, pattern.before, pattern.after) == (3, 2.0, 4.33)
    assert pattern.change == 2.33
    challenge = modules["=SUM(1,1) Challenging decisions"]
    assert (challenge.responses, challenge.before, challenge.after) == (1, 4.0, 5.0)
    council = agencies[agency.name]
    assert (council.responses, council.learners) == (3, 2)
    assert (council.before, council.after, council.change) == (3.0, 4.33, 1.33)
    school = agencies[other_agency.name]
    assert (school.responses, school.before, school.after) == (1, 1.0, 5.0)


def test_filters_narrow_confidence_by_date_agency_and_module(
    world, partnership_lead, other_agency
):
    scope = report_scope_for(partnership_lead)

    november = confidence_by_module(
        scope=scope, start=datetime.date(2026, 11, 1), end=datetime.date(2026, 11, 30)
    )
    school = confidence_by_module(scope=scope, agency_id=other_agency.pk)
    challenge = confidence_by_agency(scope=scope, module_id=world["challenge"].pk)

    assert [(r.label, r.responses) for r in november] == [("Seeing the pattern", 2)]
    assert [(r.label, r.after) for r in school] == [("Seeing the pattern", 5.0)]
    assert [(r.responses, r.before) for r in challenge] == [(1, 4.0)]


def test_quiz_pass_rates_and_item_difficulty_match_the_attempts(
    world, partnership_lead, agency_lead
):
    everyone = report_scope_for(partnership_lead)
    own = report_scope_for(agency_lead)

    [all_rates] = quiz_pass_rates(scope=everyone)
    [own_rates] = quiz_pass_rates(scope=own)
    items = item_difficulty(scope=everyone, module=world["pattern"])
    own_items = item_difficulty(scope=own, module=world["pattern"])

    assert (all_rates.attempts, all_rates.passed, all_rates.pass_rate) == (3, 1, 33)
    assert (own_rates.attempts, own_rates.passed, own_rates.pass_rate) == (2, 1, 50)
    assert [r.percent_correct for r in items["rows"]] == [33, 67, 33, 67]
    assert [r.percent_correct for r in own_items["rows"]] == [50, 50, 50, 50]


def test_trends_count_completions_attendances_and_confidence_change_per_month(
    world, partnership_lead, agency_lead
):
    months = monthly_trends(scope=report_scope_for(partnership_lead), until=TODAY)
    own = monthly_trends(scope=report_scope_for(agency_lead), until=TODAY)

    assert len(months) == 12
    assert months[0].month == datetime.date(2025, 12, 1)
    by_month = {row.month.month: row for row in months[-3:]}
    assert (by_month[9].completions, by_month[9].confidence_change) == (1, 1.0)
    assert (by_month[10].completions, by_month[10].attendances) == (1, 1)
    assert by_month[11].completions == 3  # one without an after rating
    assert by_month[11].confidence_change == 2.5  # (4 - 3 + 5 - 1) / 2
    assert by_month[11].attendances == 1  # late counts; did not attend does not
    assert [r.attendances for r in own[-2:]] == [1, 0]
    assert sum(r.completions for r in own) == 4  # the school's one is not counted


def test_follow_up_answers_come_from_the_rollup_within_scope(
    world, partnership_lead, agency_lead, agency
):
    everyone = follow_up_figures(scope=report_scope_for(partnership_lead))
    own = follow_up_figures(scope=report_scope_for(agency_lead))

    assert everyone["total"].sent == 2
    assert everyone["total"].answered == 1
    assert [(r.label, r.sent, r.answered) for r in own["by_agency"]] == [
        (agency.name, 1, 1)
    ]
    assert own["by_learning"][0].changed_pct == 100.0


def test_the_page_shows_each_chart_followed_by_its_table_with_an_accessible_name(
    client, world, partnership_lead
):
    client.force_login(partnership_lead)

    body = client.get(URL, {"module": world["pattern"].pk}).content.decode()

    for name in (
        "confidence_modules",
        "confidence_agencies",
        "followups_agencies",
        "quiz_modules",
        "quiz_items",
        "trends_activity",
        "trends_confidence",
    ):
        chart_id = f"chart-{name}"
        svg = re.search(
            rf'<svg[^>]*role="img"[^>]*aria-labelledby="{chart_id}-title '
            rf'{chart_id}-desc"',
            body,
        )
        assert svg, name
        title = re.search(rf'<title id="{chart_id}-title">([^<]+)</title>', body)
        desc = re.search(rf'<desc id="{chart_id}-desc">([^<]+)</desc>', body)
        assert title and title.group(1).strip(), name
        assert desc and desc.group(1).strip(), name
        table = body.index(f'id="table-{name}"')
        assert svg.start() < table, name
        # No other chart between this chart and its table.
        assert "<svg" not in body[desc.end() : table]
    assert "Before: 2.00" in body and "After: 4.33" in body


def test_an_agency_lead_sees_only_their_agency(client, world, agency_lead):
    client.force_login(agency_lead)

    body = client.get(URL).content.decode()

    assert "Children&#x27;s Social Care" in body or "Children's Social Care" in body
    assert "Oakfield Primary School" not in body
    # The module's mean before counts only the lead's agency (2 and 3, not 1).
    assert "Before: 2.50" in body
    assert "Before: 2.00" not in body


def test_a_tampered_agency_filter_shows_an_error_and_no_figures(
    client, world, agency_lead, other_agency
):
    client.force_login(agency_lead)

    page = client.get(URL, {"agency": other_agency.pk})
    export = client.get(
        URL,
        {"agency": other_agency.pk, "export": "csv", "table": "confidence_agencies"},
    )

    assert page.status_code == 400
    body = page.content.decode()
    assert str(FILTER_AGENCY_INVALID) in body
    assert "Oakfield Primary School" not in body
    assert "table-confidence_agencies" not in body
    assert export.status_code == 400
    assert not export["Content-Type"].startswith("text/csv")


def test_reversed_dates_show_the_error_summary(client, world, partnership_lead):
    client.force_login(partnership_lead)
    response = client.get(
        URL,
        {
            "start-day": "1",
            "start-month": "11",
            "start-year": "2026",
            "end-day": "1",
            "end-month": "10",
            "end-year": "2026",
        },
    )
    assert response.status_code == 400
    assert str(FILTER_DATES_REVERSED) in response.content.decode()


def test_learners_are_refused_and_signed_out_visitors_sent_to_sign_in(client, learner):
    assert client.get(URL).status_code == 302
    client.force_login(learner)
    assert client.get(URL).status_code == 403
    assert (
        client.get(URL, {"export": "csv", "table": "trends_activity"}).status_code
        == 403
    )


def test_each_table_downloads_as_csv_with_the_screen_figures_and_safe_text(
    client, world, partnership_lead
):
    client.force_login(partnership_lead)

    response = client.get(URL, {"export": "csv", "table": "confidence_modules"})

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Generated at"
    assert rows[0][1].startswith(timezone.localtime().date().isoformat())
    assert rows[3][0] == "Module"
    data = {row[0]: row[1:] for row in rows[4:]}
    assert data["Seeing the pattern"] == ["3", "3", "2.00", "4.33", "2.33"]
    # Formula injection: a title starting with "=" is quoted.
    assert "'=SUM(1,1) Challenging decisions" in data
    assert client.get(URL, {"export": "csv", "table": "nope"}).status_code == 404


def test_the_agency_leads_csv_has_only_their_agency(client, world, agency_lead):
    client.force_login(agency_lead)
    response = client.get(URL, {"export": "csv", "table": "confidence_agencies"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert [row[0] for row in rows[4:]] == ["Children's Social Care"]


def _count_queries(client):
    # Measured with cold caches each time: adding people changes roles, which
    # clears the cached permission sets, and the figures are cached by filter.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"module": ModuleProgress.objects.first().module_id})
    assert response.status_code == 200
    return len(queries)


def test_the_page_keeps_the_same_number_of_queries_as_data_grows(
    client, world, partnership_lead, agency, other_agency, django_assert_max_num_queries
):
    client.force_login(partnership_lead)
    client.get(URL)  # first visit creates the admin user profile
    small = _count_queries(client)

    extra_module = module_create(title="Another module")
    for number in range(8):
        person = make_person(
            email=f"extra{number}@council.example.org",
            agency=agency if number % 2 else other_agency,
        )
        _progress(person, world["pattern"], 2, 3, _at(8, 1 + number))
        _progress(person, extra_module, 1, 4, _at(7, 1 + number))
        _attempt(person, world["pattern"], 1, {0: [0], 1: [0], 2: [1], 3: [1]})
        _attend(person, _at(6, 1 + number), "attended")

    assert _count_queries(client) == small
    with django_assert_max_num_queries(25):
        client.get(URL, {"module": world["pattern"].pk})
