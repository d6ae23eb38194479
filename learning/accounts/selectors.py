from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet

from .models import Agency, AgencyMoveRequest, AgencyMoveStatus, Profile, User
from .roles import AGENCY_SCOPED_ROLES, Role


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""


def agencies_for_email(*, email: str) -> QuerySet[Agency]:
    """Active agencies whose allowed domains include this email's domain."""
    domain = email_domain(email)
    if not domain:
        return Agency.objects.none()
    return Agency.objects.filter(
        is_active=True, email_domains__domain=domain
    ).distinct()


def agency_choices_for_signup() -> QuerySet[Agency]:
    return Agency.objects.filter(is_active=True).order_by("name")


def agency_domain_map() -> dict[str, list[int]]:
    """Domain -> agency ids, for the sign-up form's progressive enhancement."""
    mapping: dict[str, list[int]] = {}
    rows = Agency.objects.filter(is_active=True).values_list(
        "email_domains__domain", "pk"
    )
    for domain, pk in rows:
        if domain:
            mapping.setdefault(domain, []).append(pk)
    return mapping


# ------------------------------------------------------------------ agency moves


@dataclass(frozen=True)
class MoveScope:
    """Whose moves between agencies a lead may make and decide.

    The same rule as the reports' scope (``accounts.view_all_agency_reports``: every
    agency; ``accounts.view_own_agency_reports``: the agency on the lead's own
    profile, which only a lead over both agencies can change).
    """

    all_agencies: bool
    agency_id: int | None = None

    def covers(self, agency_id) -> bool:
        return self.all_agencies or (
            self.agency_id is not None and agency_id == self.agency_id
        )


def move_scope_for(user) -> MoveScope | None:
    """The lead's move scope, or None for anyone who is not a lead."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.has_perm("accounts.view_all_agency_reports"):
        return MoveScope(all_agencies=True)
    if not user.has_perm("accounts.view_own_agency_reports"):
        return None
    agency_id = (
        Profile.objects.filter(user=user).values_list("agency_id", flat=True).first()
    )
    return MoveScope(all_agencies=False, agency_id=agency_id) if agency_id else None


def user_holds_a_role(user: User) -> bool:
    """Whether ``user`` holds any role but Learners' (or is a superuser): such
    people never ask to move themselves."""
    if user.is_superuser or user.is_staff:
        return True
    return user.groups.exclude(name=Role.LEARNERS).exists()


def agency_roles_held(user: User) -> list[str]:
    """The agency-scoped roles ``user`` holds: a move to another agency ends them."""
    return sorted(
        user.groups.filter(name__in=AGENCY_SCOPED_ROLES).values_list("name", flat=True)
    )


def user_sees_every_agency(user: User) -> bool:
    """Partnership leads and superusers: only a partnership lead may move them."""
    return user.is_superuser or user.has_perm("accounts.view_all_agency_reports")


def agency_move_destinations(*, person: User) -> QuerySet[Agency]:
    """Agencies ``person`` could move to: active ones using their email domain
    (any active agency when ``ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN`` is on), except
    their own."""
    if settings.ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN:
        agencies = Agency.objects.filter(is_active=True)
    else:
        agencies = agencies_for_email(email=person.email)
    current = Profile.objects.filter(user=person).values_list("agency_id", flat=True)
    return agencies.exclude(pk__in=current).order_by("name")


def _with_people(queryset: QuerySet[AgencyMoveRequest]) -> QuerySet:
    return queryset.select_related(
        "person",
        "from_agency",
        "to_agency",
        "requested_by",
        "source_approved_by",
        "destination_approved_by",
    )


def agency_moves_pending_for_lead(*, scope: MoveScope) -> QuerySet[AgencyMoveRequest]:
    """Requests waiting for a decision, from or to the lead's agency (partnership
    leads: every request), oldest first."""
    queryset = AgencyMoveRequest.objects.filter(status=AgencyMoveStatus.PENDING)
    if not scope.all_agencies:
        queryset = queryset.filter(
            Q(from_agency_id=scope.agency_id) | Q(to_agency_id=scope.agency_id)
        )
    return _with_people(queryset).order_by("created_at", "pk")


def agency_move_get_for_lead(*, pk, scope: MoveScope) -> AgencyMoveRequest | None:
    """The request, if it is from or to an agency in the lead's scope; else None
    (the view's 404, the same as for a request that does not exist)."""
    move = _with_people(AgencyMoveRequest.objects.filter(pk=pk)).first()
    if move is None:
        return None
    if scope.covers(move.from_agency_id) or scope.covers(move.to_agency_id):
        return move
    return None


def agency_move_awaits(*, move: AgencyMoveRequest, scope: MoveScope) -> bool:
    """Whether a lead with ``scope`` may still agree to ``move`` (a side of it they
    lead has not agreed yet)."""
    return (
        scope.covers(move.from_agency_id) and move.source_approved_by_id is None
    ) or (scope.covers(move.to_agency_id) and move.destination_approved_by_id is None)


def agency_move_pending_for(*, person: User) -> AgencyMoveRequest | None:
    return (
        _with_people(
            AgencyMoveRequest.objects.filter(
                person=person, status=AgencyMoveStatus.PENDING
            )
        )
        .order_by("-created_at")
        .first()
    )


def agency_move_person_for_lead(*, email: str, scope: MoveScope) -> User | None:
    """The active person with this address in the lead's scope, or None."""
    queryset = User.objects.filter(
        email__iexact=email.strip(), is_active=True, profile__isnull=False
    ).select_related("profile__agency")
    if not scope.all_agencies:
        queryset = queryset.filter(profile__agency_id=scope.agency_id)
    return queryset.first()
