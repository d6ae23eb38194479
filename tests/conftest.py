"""Fixtures shared by the whole suite. App folders add their own conftest.py."""

import pytest

from learning.accounts.factories import (
    DEFAULT_PASSWORD,
    AgencyFactory,
    ProfileFactory,
    UserFactory,
)
from learning.accounts.models import AgencyKind
from learning.accounts.roles import Role
from learning.accounts.services import user_roles_set


@pytest.fixture(autouse=True)
def _isolated_cache():
    # Rate-limit counters live in the cache; each test starts with none.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def password():
    return DEFAULT_PASSWORD


@pytest.fixture
def agency(db):
    return AgencyFactory(
        name="Children's Social Care",
        kind=AgencyKind.CHILDRENS_SOCIAL_CARE,
        domains=["council.example.org"],
    )


@pytest.fixture
def other_agency(db):
    return AgencyFactory(
        name="Oakfield Primary School",
        kind=AgencyKind.EDUCATION,
        domains=["oakfield-primary.example.org"],
    )


def make_person(*, email, agency, roles=(), name=None):
    kwargs = {"user__email": email, "agency": agency}
    if name:
        kwargs["user__name"] = name
    profile = ProfileFactory(**kwargs)
    user_roles_set(user=profile.user, roles=list(roles))
    return profile.user


@pytest.fixture
def learner(agency):
    return make_person(email="learner@council.example.org", agency=agency)


@pytest.fixture
def other_learner(other_agency):
    return make_person(
        email="pupil-lead@oakfield-primary.example.org", agency=other_agency
    )


@pytest.fixture
def trainer(agency):
    return make_person(
        email="trainer@council.example.org", agency=agency, roles=[Role.TRAINERS]
    )


@pytest.fixture
def agency_lead(agency):
    return make_person(
        email="agency-lead@council.example.org",
        agency=agency,
        roles=[Role.AGENCY_LEADS],
    )


@pytest.fixture
def partnership_lead(agency):
    return make_person(
        email="partnership-lead@council.example.org",
        agency=agency,
        roles=[Role.PARTNERSHIP_LEADS],
    )


__all__ = ["UserFactory", "make_person"]


def retry_while_locked(call, *, attempts=500, pause=0.01):
    """Run ``call``, trying again while SQLite reports a locked table.

    Race tests start several writers at once. PostgreSQL makes a writer wait for a
    row lock; SQLite's in-memory test database refuses it at once ("database table
    is locked"), so a racer tries again, as a waiting writer would. Any other error
    is raised.
    """
    import time

    from django.db import OperationalError

    for _attempt in range(attempts):
        try:
            return call()
        except OperationalError as exc:
            if "locked" not in str(exc):
                raise
            time.sleep(pause)
    raise AssertionError("The database stayed locked.")
