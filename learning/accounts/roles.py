"""Roles are Django groups with real permissions, kept in step by ``roles_sync``."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q


class Role:
    LEARNERS = "Learners"
    TRAINERS = "Trainers"
    AGENCY_LEADS = "Agency leads"
    PARTNERSHIP_LEADS = "Partnership leads"
    # Granted by agency and partnership leads; records seven-minute briefings given
    # to their team. Not an admin role.
    TEAM_MANAGERS = "Team managers"

    ALL = (LEARNERS, TRAINERS, AGENCY_LEADS, PARTNERSHIP_LEADS, TEAM_MANAGERS)
    ADMIN_ROLES = (TRAINERS, AGENCY_LEADS, PARTNERSHIP_LEADS)


# Roles that give sight of one agency's people: they end when their holder moves to
# another agency (``services.profile_agency_move``).
AGENCY_SCOPED_ROLES = (Role.AGENCY_LEADS, Role.TEAM_MANAGERS)


# app_label.codename for each role. Page permissions for the module tree are
# granted separately, once that tree exists.
ROLE_PERMISSIONS = {
    Role.LEARNERS: [],
    Role.TEAM_MANAGERS: [
        "briefings.add_briefingdelivery",
        "briefings.view_briefingdelivery",
    ],
    Role.TRAINERS: [
        "wagtailadmin.access_admin",
        "reviews.view_review",
        "reviews.view_learningpoint",
        "reviews.view_recommendation",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "core.add_document",
        "core.change_document",
        "core.choose_document",
        "modules.add_quizadjustment",
        "modules.change_quizadjustment",
        "modules.delete_quizadjustment",
        "modules.view_quizadjustment",
        "events.add_course",
        "events.change_course",
        "events.view_course",
        "events.add_trainingsession",
        "events.change_trainingsession",
        "events.view_trainingsession",
        "briefings.add_briefing",
        "briefings.change_briefing",
        "briefings.view_briefing",
    ],
    Role.AGENCY_LEADS: [
        "wagtailadmin.access_admin",
        "accounts.view_own_agency_reports",
        "briefings.view_briefingdelivery",
        "reports.view_action",
    ],
    Role.PARTNERSHIP_LEADS: [
        "wagtailadmin.access_admin",
        "accounts.view_own_agency_reports",
        "accounts.view_all_agency_reports",
        "accounts.add_agency",
        "accounts.change_agency",
        "accounts.view_agency",
        "reviews.add_review",
        "reviews.change_review",
        "reviews.view_review",
        "reviews.add_learningpoint",
        "reviews.change_learningpoint",
        "reviews.view_learningpoint",
        "reviews.add_recommendation",
        "reviews.change_recommendation",
        "reviews.view_recommendation",
        "events.add_course",
        "events.change_course",
        "events.view_course",
        "events.add_trainingsession",
        "events.change_trainingsession",
        "events.view_trainingsession",
        "events.view_charge",
        "events.waive_charge",
        "briefings.add_briefing",
        "briefings.change_briefing",
        "briefings.view_briefing",
        "briefings.view_briefingdelivery",
        "reports.add_action",
        "reports.change_action",
        "reports.view_action",
    ],
}


def _permissions(names):
    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".", 1)
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


# Page permissions trainers hold on every module index (and so on its modules).
TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page"]


def _trainer_page_permissions(group):
    from wagtail.models import GroupPagePermission

    from learning.licences.models import ResourceIndexPage
    from modules.models import ModuleIndexPage

    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRAINER_PAGE_PERMISSIONS
    )
    index_pages = [*ModuleIndexPage.objects.all(), *ResourceIndexPage.objects.all()]
    for index_page in index_pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=index_page, permission=permission
            )


# Wagtail checks image and document permissions per collection, so trainers hold
# their media permissions on the root collection (and so on every collection).
TRAINER_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "core.add_document",
    "core.change_document",
    "core.choose_document",
]


def _trainer_collection_permissions(group):
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    for permission in _permissions(TRAINER_COLLECTION_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


@transaction.atomic
def roles_sync() -> dict[str, Group]:
    """Create the role groups and give each exactly its listed permissions."""
    groups = {}
    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(_permissions(names))
        groups[role] = group
    _trainer_page_permissions(groups[Role.TRAINERS])
    _trainer_collection_permissions(groups[Role.TRAINERS])
    return groups


def user_has_role(user, role: str) -> bool:
    if not user.is_authenticated:
        return False
    return user.groups.filter(name=role).exists()
