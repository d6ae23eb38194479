"""Who may see which agencies in reports."""

from django.contrib.auth.models import AnonymousUser

import pytest

from learning.accounts.factories import AgencyFactory, UserFactory
from learning.accounts.roles import Role
from learning.accounts.services import user_roles_set
from learning.reports.scope import ReportScope, report_scope_for

pytestmark = pytest.mark.django_db


def test_a_partnership_lead_sees_every_agency_including_closed_ones(
    partnership_lead, agency, other_agency
):
    closed = AgencyFactory(name="Closed Agency", is_active=False)

    scope = report_scope_for(partnership_lead)

    assert scope == ReportScope(
        agency_ids=tuple(sorted([agency.pk, other_agency.pk, closed.pk])),
        all_agencies=True,
    )


def test_an_agency_lead_sees_their_own_agency_only(agency_lead, agency, other_agency):
    scope = report_scope_for(agency_lead)

    assert scope == ReportScope(agency_ids=(agency.pk,), all_agencies=False)
    assert scope.allows_agency(agency.pk)
    assert not scope.allows_agency(other_agency.pk)
    assert not scope.allows_agency("not a number")


def test_an_agency_lead_who_moves_agency_sees_the_new_one(agency_lead, other_agency):
    agency_lead.profile.agency = other_agency
    agency_lead.profile.save()

    assert report_scope_for(agency_lead).agency_ids == (other_agency.pk,)


def test_learners_trainers_team_managers_and_visitors_have_no_scope(
    learner, trainer, agency
):
    manager = UserFactory(email="manager@council.example.org")
    user_roles_set(user=manager, roles=[Role.TEAM_MANAGERS])

    for user in (learner, trainer, manager, AnonymousUser()):
        assert report_scope_for(user) is None


def test_an_agency_lead_without_a_profile_has_no_scope(db):
    lead = UserFactory(email="lead-without-agency@example.org")
    user_roles_set(user=lead, roles=[Role.AGENCY_LEADS])

    assert report_scope_for(lead) is None
