from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Agency, Profile, User
from .roles import Role, roles_sync
from .security import client_ip, security_event
from .selectors import agencies_for_email

AGENCY_DOES_NOT_ALLOW_DOMAIN = _(
    "Your email address does not belong to the agency you chose. Choose your own "
    "agency, or sign up with your work email address."
)


def agency_allows_email(*, agency: Agency, email: str, allow_any_domain: bool) -> bool:
    if allow_any_domain:
        return True
    return agencies_for_email(email=email).filter(pk=agency.pk).exists()


@transaction.atomic
def profile_save(
    *,
    user: User,
    agency: Agency,
    job_title: str,
    team: str = "",
    line_manager_name: str = "",
    line_manager_email: str = "",
    allow_any_domain: bool = False,
) -> Profile:
    """Create or update a user's work profile and put them in the Learners role."""
    if not agency_allows_email(
        agency=agency, email=user.email, allow_any_domain=allow_any_domain
    ):
        raise ValidationError({"agency": AGENCY_DOES_NOT_ALLOW_DOMAIN})
    profile = Profile.objects.filter(user=user).first() or Profile(user=user)
    profile.agency = agency
    profile.job_title = job_title
    profile.team = team
    profile.line_manager_name = line_manager_name
    profile.line_manager_email = line_manager_email.lower()
    profile.full_clean()
    profile.save()
    learners, _created = Group.objects.get_or_create(name=Role.LEARNERS)
    user.groups.add(learners)
    return profile


@transaction.atomic
def user_roles_set(*, user: User, roles: list[str]) -> None:
    """Replace a user's role groups (Learners is always kept)."""
    unknown = set(roles) - set(Role.ALL)
    if unknown:
        raise ValidationError(f"Unknown roles: {', '.join(sorted(unknown))}.")
    wanted = {Role.LEARNERS, *roles}
    groups = roles_sync()
    user.groups.remove(*[g for name, g in groups.items() if name not in wanted])
    user.groups.add(*[groups[name] for name in wanted])


# An address is required by the session index; used when a sign-in has none (only
# test clients and management code sign in without a connecting address).
UNKNOWN_CLIENT_IP = "0.0.0.0"  # noqa: S104 - stored, never bound


def user_session_record(*, request, user: User) -> None:
    """Add this sign-in's session to the index that ``user_sessions_end`` uses.

    allauth.usersessions' ``UserSession`` rows name each signed-in session by key,
    whatever SESSION_ENGINE stores it (database, cache or signed cookies aside), so
    sessions can be ended without scanning every stored session. allauth records
    its own sign-ins; this also records any other (``django.contrib.auth.login``).
    """
    from allauth.usersessions.models import UserSession

    if not request.session.session_key:
        request.session.save()
    max_length = UserSession._meta.get_field("user_agent").max_length
    UserSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={
            "user": user,
            "ip": client_ip(request) or UNKNOWN_CLIENT_IP,
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:max_length],
        },
    )


def user_sessions_end(*, user: User) -> int:
    """Delete every indexed session of ``user`` from the session store.

    Returns how many were ended. Sessions from before the index existed are not
    listed, but Django refuses them anyway once the user is inactive or their
    password changes (``ModelBackend.get_user`` and the session auth hash).
    """
    from allauth.usersessions.models import UserSession

    ended = 0
    for user_session in UserSession.objects.filter(user=user):
        user_session.end()
        ended += 1
    return ended


@transaction.atomic
def user_deactivate(*, user: User, by: User | None) -> User:
    """Stop ``user`` signing in and end all their sessions, now.

    Idempotent: an inactive user's sessions are still ended, but the audit entry
    is written only when the account was active.
    """
    from learning.core.services import audit_log

    user = User.objects.select_for_update().get(pk=user.pk)
    was_active = user.is_active
    if was_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
    ended = user_sessions_end(user=user)
    if was_active:
        audit_log(actor=by, action="user.deactivated", obj=user, sessions_ended=ended)
        security_event(
            "user_deactivated",
            user=user,
            by_user_id=getattr(by, "pk", None),
            sessions_ended=ended,
        )
    return user


SUPERUSER_ROLE = "Superuser"


def user_roles_snapshot(*, user_id) -> tuple[frozenset[str], bool]:
    """The roles (group names) and superuser flag ``user_id`` has in the database."""
    if user_id is None:
        return frozenset(), False
    groups = Group.objects.filter(user__pk=user_id).values_list("name", flat=True)
    is_superuser = (
        User.objects.filter(pk=user_id).values_list("is_superuser", flat=True).first()
    )
    return frozenset(groups), bool(is_superuser)


def user_role_changes_audit(
    *, user: User, by: User | None, before: tuple[frozenset[str], bool]
) -> None:
    """Audit each role granted or revoked since ``before`` (a ``user_roles_snapshot``).

    For role changes made outside our own services (the Wagtail admin's user form and
    its "Assign role" bulk action): one ``role.granted`` or ``role.revoked`` entry per
    role, superuser status included.
    """
    from learning.core.services import audit_log

    groups_before, superuser_before = before
    groups_after, superuser_after = user_roles_snapshot(user_id=user.pk)
    changes = [("role.granted", name) for name in sorted(groups_after - groups_before)]
    changes += [("role.revoked", name) for name in sorted(groups_before - groups_after)]
    if superuser_after != superuser_before:
        action = "role.granted" if superuser_after else "role.revoked"
        changes.append((action, SUPERUSER_ROLE))
    for action, role in changes:
        audit_log(actor=by, action=action, obj=user, role=role, source="admin")
