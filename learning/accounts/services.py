from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Agency, AgencyMoveRequest, AgencyMoveStatus, Profile, User
from .roles import AGENCY_SCOPED_ROLES, Role, roles_sync
from .security import client_ip, security_event
from .selectors import (
    agencies_for_email,
    move_scope_for,
    user_holds_a_role,
    user_sees_every_agency,
)

AGENCY_DOES_NOT_ALLOW_DOMAIN = _(
    "Your email address does not belong to the agency you chose. Choose your own "
    "agency, or sign up with your work email address."
)
AGENCY_REQUIRED = _("Choose the agency you work for.")
AGENCY_CHANGE_NEEDS_A_LEAD = _(
    "Your agency cannot be changed here. Ask your agency lead to move you to "
    "another agency."
)


def agency_allows_email(*, agency: Agency, email: str, allow_any_domain: bool) -> bool:
    if allow_any_domain:
        return True
    return agencies_for_email(email=email).filter(pk=agency.pk).exists()


@transaction.atomic
def profile_save(
    *,
    user: User,
    job_title: str,
    agency: Agency | None = None,
    team: str = "",
    line_manager_name: str = "",
    line_manager_email: str = "",
    allow_any_domain: bool = False,
) -> Profile:
    """Create a user's work profile (with their agency, at sign-up) or update its
    work details, and put them in the Learners role.

    The agency is set once, when the profile is created. An existing profile keeps
    its agency: passing another one is refused, because only
    ``profile_agency_move`` (a lead over both agencies, audited) moves people.
    """
    profile = Profile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        if agency is None:
            raise ValidationError({"agency": AGENCY_REQUIRED})
        if not agency_allows_email(
            agency=agency, email=user.email, allow_any_domain=allow_any_domain
        ):
            raise ValidationError({"agency": AGENCY_DOES_NOT_ALLOW_DOMAIN})
        profile = Profile(user=user, agency=agency)
    elif agency is not None and agency.pk != profile.agency_id:
        raise ValidationError({"agency": AGENCY_CHANGE_NEEDS_A_LEAD})
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


# ------------------------------------------------------------------ agency moves

CANNOT_MOVE_YOURSELF = _(
    "You cannot move yourself to another agency. Ask your agency lead or the "
    "partnership team to move you."
)
ROLE_HOLDERS_CANNOT_ASK = _(
    "Because you hold a role (such as agency lead, team manager or trainer), you "
    "cannot ask to move yourself. Ask your agency lead or the partnership team to "
    "move you."
)
NOT_A_LEAD = _("Only agency leads and partnership leads can move people.")
NOT_IN_YOUR_AGENCY = _("You can only move people who are in your own agency.")
ONLY_PARTNERSHIP_LEADS_MOVE_THEM = _(
    "Only a partnership lead can move %(name)s to another agency."
)
ALREADY_IN_AGENCY = _("%(name)s is already in %(agency)s. Choose another agency.")
AGENCY_CLOSED = _("%(agency)s is closed. Choose an open agency.")
AGENCY_DOES_NOT_TAKE_EMAIL = _(
    "%(agency)s does not use the email domain of %(email)s. Choose an agency that does."
)
MOVE_ALREADY_WAITING = _(
    "A move for %(name)s is already waiting for a decision. Decide that one first."
)
ASK_ALREADY_WAITING = _(
    "You have already asked to move. Cancel that request first if you want to ask "
    "for another agency."
)
MOVE_ALREADY_DECIDED = _("This request has already been decided.")
MOVE_OUT_OF_DATE = _(
    "%(name)s is no longer in %(agency)s, so this request is out of date. Decline it."
)
NOT_YOUR_DECISION = _("You cannot decide this request.")
CANNOT_DECIDE_OWN_MOVE = _("You cannot decide a request to move yourself.")
ALREADY_AGREED = _(
    "You have already agreed to this move. It now waits for the lead of %(agency)s."
)
NOT_YOUR_REQUEST = _("You can only cancel your own requests.")


def _name(user: User) -> str:
    return user.name or user.email


def _agency_data(prefix: str, agency: Agency) -> dict:
    return {f"{prefix}_agency_id": agency.pk, f"{prefix}_agency_name": agency.name}


def _check_destination(*, person: User, from_agency: Agency, to_agency: Agency):
    if to_agency.pk == from_agency.pk:
        raise ValidationError(
            ALREADY_IN_AGENCY % {"name": _name(person), "agency": to_agency.name}
        )
    if not to_agency.is_active:
        raise ValidationError(AGENCY_CLOSED % {"agency": to_agency.name})
    if not agency_allows_email(
        agency=to_agency,
        email=person.email,
        allow_any_domain=settings.ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN,
    ):
        raise ValidationError(
            AGENCY_DOES_NOT_TAKE_EMAIL
            % {"agency": to_agency.name, "email": person.email}
        )


def _locked_profile(person: User) -> Profile:
    return Profile.objects.select_for_update().select_related("agency").get(user=person)


def _create_pending(**fields) -> AgencyMoveRequest:
    try:
        # In a savepoint, so that a clash leaves the caller's transaction usable.
        with transaction.atomic():
            return AgencyMoveRequest.objects.create(**fields)
    except IntegrityError:
        person = fields["person"]
        if fields.get("requested_by") == person:
            raise ValidationError(ASK_ALREADY_WAITING) from None
        raise ValidationError(MOVE_ALREADY_WAITING % {"name": _name(person)}) from None


def _agency_roles_end(*, user: User, by: User) -> list[str]:
    """Take ``user`` out of the agency-scoped roles, auditing each one ended."""
    from learning.core.services import audit_log

    groups = list(user.groups.filter(name__in=AGENCY_SCOPED_ROLES))
    if groups:
        user.groups.remove(*groups)
    ended = sorted(group.name for group in groups)
    for role in ended:
        audit_log(
            actor=by, action="role.revoked", obj=user, role=role, reason="agency_moved"
        )
    return ended


def _move_complete(*, move: AgencyMoveRequest, profile: Profile, by: User):
    """Move the person now: the profile, the request, their roles, the audit."""
    from learning.core.services import audit_log

    person = move.person
    old_agency = profile.agency
    profile.agency = move.to_agency
    profile.save(update_fields=["agency", "updated_at"])
    move.status = AgencyMoveStatus.APPROVED
    move.decided_by = by
    move.decided_at = timezone.now()
    move.save()
    roles_ended = _agency_roles_end(user=person, by=by)
    audit_log(
        actor=by,
        action="profile.agency_moved",
        obj=person,
        request_id=move.pk,
        requested_by_id=move.requested_by_id,
        roles_ended=roles_ended,
        **_agency_data("from", old_agency),
        **_agency_data("to", move.to_agency),
    )
    data = {
        "by_user_id": by.pk,
        "from_agency_id": old_agency.pk,
        "to_agency_id": move.to_agency_id,
        "roles_ended": roles_ended,
    }
    transaction.on_commit(
        lambda: security_event("agency_moved", user=person, **data), robust=True
    )


def profile_agency_move_check(*, profile: Profile, to_agency: Agency, by: User):
    """Raise ``ValidationError`` unless ``by`` may move ``profile``'s person to
    ``to_agency`` (see ``profile_agency_move``); return ``by``'s ``MoveScope``.

    Also used to check a move before asking the lead to confirm it.
    """
    person = profile.user
    if by.pk == person.pk:
        raise ValidationError(CANNOT_MOVE_YOURSELF)
    scope = move_scope_for(by)
    if scope is None:
        raise ValidationError(NOT_A_LEAD)
    if not scope.covers(profile.agency_id):
        raise ValidationError(NOT_IN_YOUR_AGENCY)
    if not scope.all_agencies and user_sees_every_agency(person):
        raise ValidationError(
            ONLY_PARTNERSHIP_LEADS_MOVE_THEM % {"name": _name(person)}
        )
    _check_destination(person=person, from_agency=profile.agency, to_agency=to_agency)
    if not scope.all_agencies and (
        AgencyMoveRequest.objects.filter(
            person=person, status=AgencyMoveStatus.PENDING
        ).exists()
    ):
        raise ValidationError(MOVE_ALREADY_WAITING % {"name": _name(person)})
    return scope


@transaction.atomic
def profile_agency_move(
    *, profile: Profile, to_agency: Agency, by: User, reason: str = ""
) -> AgencyMoveRequest:
    """Move someone to another agency, or hand them over to it.

    A partnership lead moves anyone but themselves at once (a request waiting for
    the person is closed as cancelled). An agency lead hands over someone in their
    own agency (not a partnership lead or superuser): the move then waits for the
    destination's lead, or a partnership lead, to agree with
    ``agency_move_request_decide``. Nobody moves themselves.

    Returns the request: approved when the person has moved, else pending.
    """
    from learning.core.services import audit_log

    profile = _locked_profile(profile.user)
    person = profile.user
    scope = profile_agency_move_check(profile=profile, to_agency=to_agency, by=by)
    now = timezone.now()
    if scope.all_agencies:
        for waiting in AgencyMoveRequest.objects.select_for_update().filter(
            person=person, status=AgencyMoveStatus.PENDING
        ):
            waiting.status = AgencyMoveStatus.CANCELLED
            waiting.decided_by = by
            waiting.decided_at = now
            waiting.save()
            audit_log(
                actor=by,
                action="agency_move.cancelled",
                obj=person,
                request_id=waiting.pk,
                superseded=True,
            )
    move = _create_pending(
        person=person,
        from_agency=profile.agency,
        to_agency=to_agency,
        requested_by=by,
        reason=reason,
        source_approved_by=by,
        source_approved_at=now,
        destination_approved_by=by if scope.all_agencies else None,
        destination_approved_at=now if scope.all_agencies else None,
    )
    if scope.all_agencies:
        _move_complete(move=move, profile=profile, by=by)
    else:
        audit_log(
            actor=by,
            action="agency_move.requested",
            obj=person,
            request_id=move.pk,
            **_agency_data("from", profile.agency),
            **_agency_data("to", to_agency),
        )
    return move


@transaction.atomic
def agency_move_request_create(
    *, person: User, to_agency: Agency, reason: str = ""
) -> AgencyMoveRequest:
    """A learner asks to move to another agency; a lead over both agencies decides.

    People holding any role but Learners' never ask for themselves.
    """
    from learning.core.services import audit_log

    if user_holds_a_role(person):
        raise ValidationError(ROLE_HOLDERS_CANNOT_ASK)
    profile = _locked_profile(person)
    _check_destination(person=person, from_agency=profile.agency, to_agency=to_agency)
    move = _create_pending(
        person=person,
        from_agency=profile.agency,
        to_agency=to_agency,
        requested_by=person,
        reason=reason,
    )
    audit_log(
        actor=person,
        action="agency_move.requested",
        obj=person,
        request_id=move.pk,
        **_agency_data("from", profile.agency),
        **_agency_data("to", to_agency),
    )
    return move


@transaction.atomic
def agency_move_request_decide(
    *, move_request: AgencyMoveRequest, by: User, approve: bool
) -> AgencyMoveRequest:
    """A lead agrees to, or declines, a waiting move.

    A partnership lead decides for both agencies at once. An agency lead agrees
    for their own agency's side (the one the person leaves, or joins); the person
    moves once both sides have agreed. Either lead may decline.
    """
    from learning.core.services import audit_log

    move = (
        AgencyMoveRequest.objects.select_for_update()
        .select_related("person", "from_agency", "to_agency")
        .get(pk=move_request.pk)
    )
    if move.status != AgencyMoveStatus.PENDING:
        raise ValidationError(MOVE_ALREADY_DECIDED)
    if by.pk == move.person_id:
        raise ValidationError(CANNOT_DECIDE_OWN_MOVE)
    scope = move_scope_for(by)
    source = scope is not None and scope.covers(move.from_agency_id)
    destination = scope is not None and scope.covers(move.to_agency_id)
    if not (source or destination):
        raise ValidationError(NOT_YOUR_DECISION)
    now = timezone.now()
    if not approve:
        move.status = AgencyMoveStatus.DECLINED
        move.decided_by = by
        move.decided_at = now
        move.save()
        audit_log(
            actor=by, action="agency_move.declined", obj=move.person, request_id=move.pk
        )
        return move
    profile = _locked_profile(move.person)
    if profile.agency_id != move.from_agency_id:
        raise ValidationError(
            MOVE_OUT_OF_DATE
            % {"name": _name(move.person), "agency": move.from_agency.name}
        )
    _check_destination(
        person=move.person, from_agency=profile.agency, to_agency=move.to_agency
    )
    agreed = False
    if source and move.source_approved_by_id is None:
        move.source_approved_by, move.source_approved_at = by, now
        agreed = True
    if destination and move.destination_approved_by_id is None:
        move.destination_approved_by, move.destination_approved_at = by, now
        agreed = True
    if not agreed:
        waiting_for = move.to_agency if source else move.from_agency
        raise ValidationError(ALREADY_AGREED % {"agency": waiting_for.name})
    if move.source_approved_by_id and move.destination_approved_by_id:
        _move_complete(move=move, profile=profile, by=by)
    else:
        move.save()
        audit_log(
            actor=by, action="agency_move.agreed", obj=move.person, request_id=move.pk
        )
    return move


@transaction.atomic
def agency_move_request_cancel(
    *, move_request: AgencyMoveRequest, by: User
) -> AgencyMoveRequest:
    """Whoever asked withdraws a waiting request (a lead's hand-over is ended by
    declining it)."""
    from learning.core.services import audit_log

    move = AgencyMoveRequest.objects.select_for_update().get(pk=move_request.pk)
    if by.pk != move.requested_by_id:
        raise ValidationError(NOT_YOUR_REQUEST)
    if move.status != AgencyMoveStatus.PENDING:
        raise ValidationError(MOVE_ALREADY_DECIDED)
    move.status = AgencyMoveStatus.CANCELLED
    move.decided_by = by
    move.decided_at = timezone.now()
    move.save()
    audit_log(
        actor=by, action="agency_move.cancelled", obj=move.person, request_id=move.pk
    )
    return move
