"""Role changes made in the Wagtail admin are audited, one entry per role."""

from django.contrib.auth.models import Group

import pytest

from learning.accounts.factories import UserFactory
from learning.accounts.models import User
from learning.accounts.roles import Role, roles_sync
from learning.core.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "a long admin-set passphrase 2026"


@pytest.fixture
def admin_user(db):
    roles_sync()
    return UserFactory(email="admin@example.org", is_superuser=True)


def _group(name):
    return Group.objects.get(name=name)


def _edit_data(user, *, groups, is_superuser=False):
    data = {"email": user.email, "name": user.name, "is_active": "on"}
    data["groups"] = [_group(name).pk for name in groups]
    if is_superuser:
        data["is_superuser"] = "on"
    return data


def _role_events(user):
    return sorted(
        (event.action, event.data["role"], event.actor_id)
        for event in AuditEvent.objects.filter(
            object_type="accounts.user",
            object_id=str(user.pk),
            action__startswith="role.",
        )
    )


def test_granting_and_revoking_roles_in_the_user_form_is_audited(
    client, admin_user, learner
):
    learner.groups.add(_group(Role.TEAM_MANAGERS))
    client.force_login(admin_user)

    response = client.post(
        f"/admin/users/edit/{learner.pk}/",
        _edit_data(learner, groups=[Role.LEARNERS, Role.TRAINERS], is_superuser=True),
    )

    assert response.status_code == 302, response.context["form"].errors
    assert set(learner.groups.values_list("name", flat=True)) == {
        Role.LEARNERS,
        Role.TRAINERS,
    }
    assert _role_events(learner) == [
        ("role.granted", "Superuser", admin_user.pk),
        ("role.granted", Role.TRAINERS, admin_user.pk),
        ("role.revoked", Role.TEAM_MANAGERS, admin_user.pk),
    ]
    assert all(
        event.data["source"] == "admin"
        for event in AuditEvent.objects.filter(action__startswith="role.")
    )


def test_saving_the_user_form_without_a_role_change_audits_nothing(
    client, admin_user, learner
):
    client.force_login(admin_user)

    response = client.post(
        f"/admin/users/edit/{learner.pk}/",
        _edit_data(learner, groups=[Role.LEARNERS]),
    )

    assert response.status_code == 302
    assert _role_events(learner) == []


def test_taking_superuser_away_is_audited(client, admin_user):
    other_admin = UserFactory(email="second-admin@example.org", is_superuser=True)
    client.force_login(admin_user)

    client.post(
        f"/admin/users/edit/{other_admin.pk}/", _edit_data(other_admin, groups=[])
    )

    other_admin.refresh_from_db()
    assert other_admin.is_superuser is False
    assert _role_events(other_admin) == [("role.revoked", "Superuser", admin_user.pk)]


def test_an_invalid_user_form_changes_no_role_and_audits_nothing(
    client, admin_user, learner
):
    client.force_login(admin_user)
    data = _edit_data(learner, groups=[Role.PARTNERSHIP_LEADS])
    data["email"] = "not an email address"

    response = client.post(f"/admin/users/edit/{learner.pk}/", data)

    assert response.status_code == 200
    assert not learner.groups.filter(name=Role.PARTNERSHIP_LEADS).exists()
    assert _role_events(learner) == []


def test_roles_given_to_a_new_account_are_audited(client, admin_user):
    client.force_login(admin_user)

    response = client.post(
        "/admin/users/new/",
        {
            "email": "new-trainer@example.org",
            "name": "Nia Trainer",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "groups": [_group(Role.TRAINERS).pk],
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    created = User.objects.get(email="new-trainer@example.org")
    assert _role_events(created) == [("role.granted", Role.TRAINERS, admin_user.pk)]


def test_the_assign_role_bulk_action_audits_only_real_grants(
    client, admin_user, learner, other_learner
):
    other_learner.groups.add(_group(Role.AGENCY_LEADS))
    client.force_login(admin_user)

    response = client.post(
        "/admin/bulk/accounts/user/assign_role/"
        f"?next=/admin/users/&id={learner.pk}&id={other_learner.pk}",
        {"role": _group(Role.AGENCY_LEADS).pk},
    )

    assert response.status_code == 302
    assert learner.groups.filter(name=Role.AGENCY_LEADS).exists()
    assert _role_events(learner) == [("role.granted", Role.AGENCY_LEADS, admin_user.pk)]
    # other_learner already had the role: nothing changed, nothing is audited.
    assert _role_events(other_learner) == []


def test_role_changes_are_listed_in_the_audit_log_for_partnership_leads(
    client, admin_user, learner, partnership_lead
):
    client.force_login(admin_user)
    client.post(
        f"/admin/users/edit/{learner.pk}/",
        _edit_data(learner, groups=[Role.LEARNERS, Role.TRAINERS]),
    )

    client.force_login(partnership_lead)
    response = client.get("/audit/", {"action": "role.granted"})

    assert response.status_code == 200
    [row] = [
        row
        for row in response.content.decode().split('<tr class="govuk-table__row">')
        if f"accounts.user {learner.pk}" in row
    ]
    assert "<code>role.granted</code>" in row
    assert (
        f'<dd class="govuk-!-display-inline govuk-!-margin-left-0">{Role.TRAINERS}</dd>'
        in row
    )
    assert admin_user.email in row
