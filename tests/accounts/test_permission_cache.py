"""Permissions are cached across requests, and every change to a grant applies at once."""

from django.contrib.auth.models import Group, Permission

import pytest

from learning.accounts.backends import CachedPermissionsBackend
from learning.accounts.models import User
from learning.accounts.roles import Role

pytestmark = pytest.mark.django_db

REPORTS = "accounts.view_own_agency_reports"


def _fresh(user):
    """The user as the next request loads them: no per-request permission cache."""
    return User.objects.get(pk=user.pk)


def test_a_second_request_reads_permissions_without_querying(
    agency_lead, django_assert_num_queries
):
    assert _fresh(agency_lead).has_perm(REPORTS)

    user = _fresh(agency_lead)
    with django_assert_num_queries(0):
        assert user.has_perm(REPORTS)
        assert not user.has_perm("events.waive_charge")


def test_a_revoked_role_stops_working_on_the_next_request(agency_lead):
    assert _fresh(agency_lead).has_perm(REPORTS)

    agency_lead.groups.remove(Group.objects.get(name=Role.AGENCY_LEADS))

    assert not _fresh(agency_lead).has_perm(REPORTS)


def test_a_granted_role_works_on_the_next_request(learner):
    assert not _fresh(learner).has_perm(REPORTS)

    Group.objects.get(name=Role.AGENCY_LEADS).user_set.add(learner)

    assert _fresh(learner).has_perm(REPORTS)


def test_a_permission_taken_from_a_role_is_gone_for_its_holders(agency_lead):
    assert _fresh(agency_lead).has_perm(REPORTS)

    Group.objects.get(name=Role.AGENCY_LEADS).permissions.remove(
        Permission.objects.get(codename="view_own_agency_reports")
    )

    assert not _fresh(agency_lead).has_perm(REPORTS)


def test_a_personal_permission_applies_at_once(learner):
    assert not _fresh(learner).has_perm("events.view_charge")

    learner.user_permissions.add(Permission.objects.get(codename="view_charge"))

    assert _fresh(learner).has_perm("events.view_charge")


def test_becoming_or_ceasing_to_be_a_superuser_applies_at_once(learner):
    assert not _fresh(learner).has_perm("events.waive_charge")

    learner.is_superuser = True
    learner.save()
    assert _fresh(learner).has_perm("events.waive_charge")

    learner.is_superuser = False
    learner.save(update_fields=["is_superuser"])
    assert not _fresh(learner).has_perm("events.waive_charge")


def test_an_inactive_user_has_no_permissions_even_if_cached(agency_lead):
    assert _fresh(agency_lead).has_perm(REPORTS)

    User.objects.filter(pk=agency_lead.pk).update(is_active=False)

    assert not _fresh(agency_lead).has_perm(REPORTS)
    assert CachedPermissionsBackend().get_all_permissions(_fresh(agency_lead)) == set()


def test_object_permissions_are_not_cached(agency_lead):
    assert (
        CachedPermissionsBackend().get_all_permissions(agency_lead, obj=agency_lead)
        == set()
    )


def test_a_role_change_still_works_when_the_cache_cannot_be_written(
    settings, agency_lead, caplog
):
    """As in the first ``migrate`` without Redis, before the cache table exists: the
    change is made (on PostgreSQL too, where a failed query would otherwise abort the
    transaction) and the failure is logged."""
    working = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "no_such_cache_table",
        }
    }

    agency_lead.groups.remove(Group.objects.get(name=Role.AGENCY_LEADS))

    assert not agency_lead.groups.filter(name=Role.AGENCY_LEADS).exists()
    assert "Could not move the permissions version on" in caplog.text
    settings.CACHES = working
    assert not _fresh(agency_lead).has_perm(REPORTS)
