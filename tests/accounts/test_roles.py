from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError

import pytest

from learning.accounts.roles import ROLE_PERMISSIONS, Role, roles_sync, user_has_role
from learning.accounts.services import user_roles_set

pytestmark = pytest.mark.django_db


def _permission_names(group):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def _role_names(user):
    return set(user.groups.values_list("name", flat=True))


def test_roles_sync_creates_the_five_role_groups():
    groups = roles_sync()

    assert set(groups) == set(Role.ALL)
    assert Group.objects.filter(name__in=Role.ALL).count() == 5


@pytest.mark.parametrize("role", Role.ALL)
def test_roles_sync_gives_each_role_exactly_its_listed_permissions(role):
    roles_sync()

    group = Group.objects.get(name=role)
    assert _permission_names(group) == set(ROLE_PERMISSIONS[role])


def test_every_listed_permission_exists():
    # A typo in ROLE_PERMISSIONS would otherwise silently grant nothing.
    for names in ROLE_PERMISSIONS.values():
        for name in names:
            app_label, codename = name.split(".", 1)
            assert Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).exists(), name


def test_roles_sync_is_idempotent():
    first = {role: _permission_names(group) for role, group in roles_sync().items()}
    group_count = Group.objects.count()

    second = {role: _permission_names(group) for role, group in roles_sync().items()}

    assert second == first
    assert Group.objects.count() == group_count


def test_roles_sync_removes_permissions_added_by_hand():
    roles_sync()
    trainers = Group.objects.get(name=Role.TRAINERS)
    trainers.permissions.add(
        Permission.objects.get(
            content_type__app_label="accounts", codename="add_agency"
        )
    )

    roles_sync()

    assert "accounts.add_agency" not in _permission_names(trainers)


def test_user_roles_set_always_keeps_learners(learner):
    user_roles_set(user=learner, roles=[])
    assert _role_names(learner) == {Role.LEARNERS}

    user_roles_set(user=learner, roles=[Role.TRAINERS])
    assert _role_names(learner) == {Role.LEARNERS, Role.TRAINERS}


def test_user_roles_set_replaces_the_previous_roles(trainer):
    user_roles_set(user=trainer, roles=[Role.AGENCY_LEADS])

    assert _role_names(trainer) == {Role.LEARNERS, Role.AGENCY_LEADS}
    assert user_has_role(trainer, Role.AGENCY_LEADS)
    assert not user_has_role(trainer, Role.TRAINERS)


def test_user_roles_set_rejects_unknown_roles_and_changes_nothing(trainer):
    with pytest.raises(ValidationError, match="Unknown roles: Superheroes."):
        user_roles_set(user=trainer, roles=[Role.AGENCY_LEADS, "Superheroes"])

    assert _role_names(trainer) == {Role.LEARNERS, Role.TRAINERS}
    assert not Group.objects.filter(name="Superheroes").exists()


def test_trainers_can_upload_and_choose_documents_and_images_in_every_collection(
    trainer,
):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    roles_sync()

    documents = policy_registry.get_by_type(get_document_model())
    images = policy_registry.get_by_type(get_image_model())
    for policy in (documents, images):
        for action in ("add", "change", "choose"):
            assert policy.user_has_permission(trainer, action), (policy, action)


def test_trainers_can_edit_the_practitioner_resources_pages(trainer):
    from wagtail.models import Page

    from learning.licences.models import ResourceIndexPage

    home = Page.objects.get(depth=2)
    index = home.add_child(instance=ResourceIndexPage(title="Resources"))
    roles_sync()

    assert index.permissions_for_user(trainer).can_add_subpage()
    assert index.permissions_for_user(trainer).can_edit()


def test_learners_cannot_upload_documents(learner):
    from wagtail.documents import get_document_model
    from wagtail.permissions import policy_registry

    roles_sync()

    documents = policy_registry.get_by_type(get_document_model())
    assert not documents.user_has_permission(learner, "add")
