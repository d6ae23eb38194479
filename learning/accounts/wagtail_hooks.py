from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .services import user_deactivate
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
