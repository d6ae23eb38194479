from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .services import user_deactivate, user_role_changes_audit, user_roles_snapshot
from .viewsets import AgencyViewSet

register_snippet(AgencyViewSet)


@hooks.register("before_bulk_action")
def deactivate_users_marked_inactive(request, action_type, objects, action):
    """The admin's "Set active state" bulk action, marking users inactive, goes
    through ``user_deactivate`` first, so their sessions end and it is audited."""
    if action_type != "set_active_state":
        return
    if action.cleaned_form.cleaned_data.get("mark_as_active", True):
        return
    for user in objects:
        if user.pk != request.user.pk:
            user_deactivate(user=user, by=request.user)


@hooks.register("before_bulk_action")
def note_roles_before_bulk_assign(request, action_type, objects, action):
    """Remember each user's roles before the admin's "Assign role" bulk action."""
    if action_type != "assign_role":
        return
    action.roles_before = {
        user.pk: user_roles_snapshot(user_id=user.pk) for user in objects
    }


@hooks.register("after_bulk_action")
def audit_bulk_role_assignment(request, action_type, objects, action):
    """Audit each role the "Assign role" bulk action actually gave."""
    if action_type != "assign_role":
        return
    before = getattr(action, "roles_before", {})
    for user in objects:
        user_role_changes_audit(
            user=user,
            by=request.user,
            before=before[user.pk]
            if user.pk in before
            else user_roles_snapshot(user_id=user.pk),
        )
