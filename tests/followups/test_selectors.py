from datetime import timedelta

from django.utils import timezone

import pytest

from learning.accounts.roles import Role
from learning.followups.models import FollowUp
from learning.followups.selectors import (
    follow_up_get_for_user,
    follow_up_rollup,
    follow_up_rollup_for_user,
    follow_ups_open_for,
)
from modules.factories import module_create

from ..conftest import make_person

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def follow_up(user, module, key, *, agency=None, answer=None, manager=None, sent=1):
    """A sent follow-up (``sent`` days ago) with optional answers.

    answer: (changed_practice, confidence_now, used_challenge_process)
    manager: observed_change, or "" for asked but not answered
    """
    fields = {}
    if answer:
        changed, confidence, challenge = answer
        fields.update(
            answered_at=NOW,
            changed_practice=changed,
            confidence_now=confidence,
            used_challenge_process=challenge,
        )
    if manager is not None:
        fields.update(manager_sent_at=NOW, manager_token=f"m-{key}")
        if manager:
            fields.update(manager_answered_at=NOW, manager_observed_change=manager)
    return FollowUp.objects.create(
        user=user,
        kind="module",
        source_key=f"test:{key}",
        title=module.title,
        module=module,
        agency=agency if agency is not None else user.profile.agency,
        completed_at=NOW - timedelta(weeks=9),
        due_at=NOW - timedelta(weeks=1),
        sent_at=NOW - timedelta(days=sent),
        **fields,
    )


@pytest.fixture
def rollup_data(learner, other_learner, agency, other_agency):
    """Two agencies, two modules, answers chosen so every figure is checkable.

    Agency A (learner), module One: 3 sent, 2 answered (yes/5/yes, not_yet/2/no),
      one manager asked (answered "partly"), another asked and not answered.
    Agency A, module Two: 1 sent, 1 answered (partly/4/not_needed), manager "no".
    Agency B (other_learner), module One: 2 sent, 1 answered (yes/3/yes).
    Agency B, module Two: 1 sent, none answered. Plus one unsent (never counted).
    """
    one = module_create(title="Module one")
    two = module_create(title="Module two")
    follow_up(learner, one, 1, answer=("yes", 5, "yes"), manager="partly")
    follow_up(learner, one, 2, answer=("not_yet", 2, "no"), manager="")
    follow_up(learner, one, 3)
    follow_up(learner, two, 4, answer=("partly", 4, "not_needed"), manager="no")
    follow_up(other_learner, one, 5, answer=("yes", 3, "yes"))
    follow_up(other_learner, one, 6, sent=40)
    follow_up(other_learner, two, 7)
    unsent = follow_up(other_learner, two, 8)
    FollowUp.objects.filter(pk=unsent.pk).update(sent_at=None)
    return {"one": one, "two": two}


def by_label(rows):
    return {row.label: row for row in rows}


def test_the_rollup_figures_per_module_and_per_agency(
    rollup_data, agency, other_agency, django_assert_num_queries
):
    with django_assert_num_queries(2):
        rollup = follow_up_rollup()

    modules = by_label(rollup["by_learning"])
    assert list(modules) == ["Module one", "Module two"]
    one = modules["Module one"]
    assert (one.sent, one.answered) == (5, 3)
    assert one.module_id == rollup_data["one"].pk and one.kind == "module"
    assert one.response_rate == 60.0
    assert one.changed_pct == 66.7  # yes, yes of three answers
    assert one.confidence_mean == 3.33  # (5 + 2 + 3) / 3
    assert one.used_challenge_pct == 66.7
    assert (one.manager_asked, one.manager_answered) == (2, 1)
    assert one.manager_observed_pct == 100.0
    two = modules["Module two"]
    assert (two.sent, two.answered) == (2, 1)
    assert two.response_rate == 50.0
    assert two.changed_pct == 100.0
    assert two.confidence_mean == 4
    assert two.used_challenge_pct == 0.0
    assert two.manager_observed_pct == 0.0

    agencies = by_label(rollup["by_agency"])
    a = agencies[agency.name]
    assert (a.sent, a.answered, a.agency_id) == (4, 3, agency.pk)
    assert a.response_rate == 75.0
    assert a.changed_pct == 66.7
    assert a.confidence_mean == 3.67  # (5 + 2 + 4) / 3
    assert a.used_challenge_pct == 33.3
    assert (a.manager_asked, a.manager_answered, a.manager_observed) == (3, 2, 1)
    assert a.manager_observed_pct == 50.0
    b = agencies[other_agency.name]
    assert (b.sent, b.answered) == (3, 1)
    assert b.response_rate == 33.3
    assert b.confidence_mean == 3
    assert b.manager_observed_pct is None  # no manager answers: no rate, not 0 %

    total = rollup["total"]
    assert (total.sent, total.answered) == (7, 4)
    assert total.confidence_mean == 3.5


def test_the_rollup_keeps_to_the_agencies_given(rollup_data, agency, other_agency):
    rollup = follow_up_rollup(agencies=[agency])
    assert [row.label for row in rollup["by_agency"]] == [agency.name]
    assert by_label(rollup["by_learning"])["Module one"].sent == 3
    assert rollup["total"].sent == 4


def test_the_rollup_counts_only_questionnaires_sent_in_the_period(rollup_data):
    rollup = follow_up_rollup(start=NOW - timedelta(days=30), end=NOW)
    assert rollup["total"].sent == 6
    rollup = follow_up_rollup(end=NOW - timedelta(days=30))
    assert rollup["total"].sent == 1


def test_an_empty_rollup_has_no_rates(db):
    rollup = follow_up_rollup()
    assert rollup["by_learning"] == [] and rollup["by_agency"] == []
    assert rollup["total"].response_rate is None
    assert rollup["total"].confidence_mean is None


def test_leads_see_their_scope_and_learners_see_none(
    rollup_data, learner, agency, agency_lead, partnership_lead
):
    assert follow_up_rollup_for_user(user=learner) is None
    own = follow_up_rollup_for_user(user=agency_lead)
    assert [row.label for row in own["by_agency"]] == [agency.name]
    assert follow_up_rollup_for_user(user=partnership_lead)["total"].sent == 7


def test_the_rollup_uses_the_agency_snapshot_not_the_current_agency(
    rollup_data, learner, other_agency
):
    profile = learner.profile
    profile.agency = other_agency
    profile.save()
    rollup = follow_up_rollup(agencies=[other_agency])
    assert rollup["total"].sent == 3


def test_lookups_only_find_the_owners_follow_ups(learner, other_learner, agency):
    module = module_create()
    mine = follow_up(learner, module, "mine")
    assert follow_up_get_for_user(token=mine.token, user=learner) == mine
    assert follow_up_get_for_user(token=mine.token, user=other_learner) is None
    assert follow_ups_open_for(user=other_learner) == []
    assert follow_ups_open_for(user=learner) == [mine]
    manager = make_person(
        email="manager@council.example.org", agency=agency, roles=[Role.TEAM_MANAGERS]
    )
    assert follow_ups_open_for(user=manager) == []
