from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Agency, Profile, User
from .roles import Role, roles_sync
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
