"""Fixtures for the briefing tests: a briefing, a team manager and their team."""

import pytest

from learning.accounts.roles import Role
from learning.briefings.models import Briefing
from learning.reviews.models import LearningPoint, Recommendation
from modules.factories import module_create
from tests.conftest import make_person

TEAM = "Locality team North"


@pytest.fixture
def briefing_module(db):
    return module_create(title="Seven-minute briefing module", recommendations=[6])


@pytest.fixture
def briefing(briefing_module):
    """A briefing mapped to recommendations 6 (briefings count) and 1 (they do not)."""
    briefing = Briefing.objects.create(
        title="Seven-minute briefing: chronic neglect",
        summary="What the review found and what to do differently.",
        module=briefing_module,
        cpd_minutes=15,
    )
    briefing.recommendations.set(Recommendation.objects.filter(number__in=[1, 6]))
    briefing.learning_points.set(LearningPoint.objects.filter(number__in=[1, 2]))
    briefing.save()  # parental many-to-many relations are written on save
    return briefing


@pytest.fixture
def team_manager(agency):
    user = make_person(
        email="team.manager@council.example.org",
        agency=agency,
        roles=[Role.TEAM_MANAGERS],
        name="Tara Manager",
    )
    user.profile.team = TEAM
    user.profile.save()
    return user


@pytest.fixture
def colleagues(agency):
    """Three colleagues of the team manager's agency, two in the same team."""
    people = []
    for number, team in ((1, TEAM), (2, TEAM), (3, "Locality team South")):
        user = make_person(
            email=f"colleague{number}@council.example.org",
            agency=agency,
            name=f"Colleague {number}",
        )
        user.profile.team = team
        user.profile.save()
        people.append(user)
    return people
