from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allauth.account.models import EmailAddress

from learning.accounts.models import AgencyEmailDomain, Profile, User
from learning.accounts.roles import Role
from learning.accounts.selectors import email_domain
from learning.accounts.services import user_roles_set
from learning.core.dates import add_months
from learning.core.services import audit_log

from .models import Briefing, BriefingAttendee, BriefingDelivery
from .selectors import (
    achievement_for_briefing_attendee,
    lead_agency_scope,
    team_manager_agency,
)

OLDEST_DELIVERY_MONTHS = 24

NOT_A_TEAM_MANAGER = _(
    "Only team managers can record a briefing. Ask your agency lead to add you to "
    "the Team managers role."
)
NO_AGENCY = _(
    "Your profile has no agency, so you cannot record a briefing. Add your agency "
    "to your profile first."
)
BRIEFING_NOT_ACTIVE = _("Choose a briefing that is available to deliver.")
DATE_IN_FUTURE = _("The date of the briefing must be today or in the past.")
DATE_TOO_OLD = _(
    "The date of the briefing must be within the last two years. Older briefings "
    "cannot be recorded here."
)
TEAM_REQUIRED = _("Enter the team that received the briefing.")
NO_ATTENDEES = _(
    "Choose the staff who were present, or add them by email address, one per line."
)
ATTENDEE_NOT_IN_AGENCY = _(
    "Choose staff from your own agency only. Someone you chose is not in your agency."
)
EMAIL_INVALID = _(
    "“%(email)s” is not a valid email address. Enter one email address per line, "
    "like name@example.org."
)
EMAIL_WRONG_DOMAIN = _(
    "“%(email)s” is not an email address of your agency. Add people whose work email "
    "ends in %(domains)s, or choose them from the list."
)
AGENCY_HAS_NO_DOMAINS = _(
    "Your agency has no email domains set up, so people cannot be added by email. "
    "Choose them from the list, or ask the partnership to add your agency's domain."
)
EMAIL_OTHER_AGENCY = _(
    "“%(email)s” belongs to someone registered with another agency. Record only "
    "staff of your own agency."
)
LEAD_REQUIRED = _("Only agency and partnership leads can change who is a team manager.")
USER_NOT_IN_SCOPE = _(
    "You can only make people in your own agency team managers. Check the person "
    "and try again."
)
ALREADY_TEAM_MANAGER = _("%(name)s is already a team manager.")
NOT_TEAM_MANAGER = _("%(name)s is not a team manager.")


def normalise_emails(lines) -> list[str]:
    """Lower-cased, stripped, unique addresses in the order given."""
    seen = []
    for line in lines:
        email = line.strip().lower()
        if email and email not in seen:
            seen.append(email)
    return seen


def _check_date(delivered_on: date) -> None:
    today = timezone.localdate()
    if delivered_on > today:
        raise ValidationError({"delivered_on": DATE_IN_FUTURE})
    if delivered_on < add_months(today, -OLDEST_DELIVERY_MONTHS):
        raise ValidationError({"delivered_on": DATE_TOO_OLD})


def _registered_by_email(emails) -> dict[str, User]:
    """Registered users for these addresses: main address or any verified one."""
    users = {
        user.email.lower(): user
        for user in User.objects.filter(email__in=emails).select_related("profile")
    }
    for address in EmailAddress.objects.filter(
        email__in=emails, verified=True
    ).select_related("user__profile"):
        users.setdefault(address.email.lower(), address.user)
    return users


def _profile_agency_id(user):
    try:
        return user.profile.agency_id
    except Profile.DoesNotExist:
        return None


def _resolve_emails(*, agency, emails, chosen_ids) -> tuple[list[User], list[str]]:
    """Split typed addresses into registered colleagues and people still to sign up."""
    errors = []
    domains = set(
        AgencyEmailDomain.objects.filter(agency=agency).values_list("domain", flat=True)
    )
    if emails and not domains:
        raise ValidationError({"emails": AGENCY_HAS_NO_DOMAINS})
    for email in emails:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(ValidationError(EMAIL_INVALID % {"email": email}))
            continue
        if email_domain(email) not in domains:
            errors.append(
                ValidationError(
                    EMAIL_WRONG_DOMAIN
                    % {
                        "email": email,
                        "domains": ", ".join(f"@{d}" for d in sorted(domains)),
                    }
                )
            )
    if errors:
        raise ValidationError({"emails": errors})
    registered = _registered_by_email(emails)
    users, pending = [], []
    for email in emails:
        user = registered.get(email)
        if user is None:
            pending.append(email)
            continue
        if _profile_agency_id(user) not in (None, agency.pk):
            errors.append(ValidationError(EMAIL_OTHER_AGENCY % {"email": email}))
        elif user.pk not in chosen_ids:
            users.append(user)
    if errors:
        raise ValidationError({"emails": errors})
    return users, pending


def _issue_certificate(attendee: BriefingAttendee) -> None:
    from certificates.services import certificate_issue

    certificate_issue(
        holder=attendee.user, achievement=achievement_for_briefing_attendee(attendee)
    )


@transaction.atomic
def briefing_delivery_record(
    *,
    briefing: Briefing,
    delivered_by: User,
    delivered_on: date,
    team: str,
    attendees=(),
    emails=(),
    notes: str = "",
    actions: str = "",
) -> BriefingDelivery:
    """Record a team manager's delivery of a briefing to staff of their own agency.

    Everyone present who has an account gets a certificate for the briefing now;
    people added by email who have no account yet get it when they confirm that
    address (``briefing_attendance_claim``).
    """
    if not delivered_by.has_perm("briefings.add_briefingdelivery"):
        raise ValidationError(NOT_A_TEAM_MANAGER)
    agency = team_manager_agency(delivered_by)
    if agency is None:
        raise ValidationError(NO_AGENCY)
    if not Briefing.objects.filter(pk=briefing.pk, is_active=True).exists():
        raise ValidationError({"briefing": BRIEFING_NOT_ACTIVE})
    _check_date(delivered_on)
    team = (team or "").strip()
    if not team:
        raise ValidationError({"team": TEAM_REQUIRED})
    chosen = {user.pk: user for user in attendees}
    if chosen:
        in_agency = set(
            Profile.objects.filter(user_id__in=chosen, agency=agency).values_list(
                "user_id", flat=True
            )
        )
        if in_agency != set(chosen):
            raise ValidationError({"attendees": ATTENDEE_NOT_IN_AGENCY})
    emails = normalise_emails(emails)
    by_email, pending = _resolve_emails(agency=agency, emails=emails, chosen_ids=chosen)
    present = [*chosen.values(), *by_email]
    if not present and not pending:
        raise ValidationError({"attendees": NO_ATTENDEES})

    delivery = BriefingDelivery.objects.create(
        briefing=briefing,
        delivered_by=delivered_by,
        agency=agency,
        team=team,
        delivered_on=delivered_on,
        notes=(notes or "").strip(),
        actions=(actions or "").strip(),
    )
    registered = BriefingAttendee.objects.bulk_create(
        BriefingAttendee(
            delivery=delivery, user=user, email=user.email.lower(), name=user.name
        )
        for user in present
    )
    BriefingAttendee.objects.bulk_create(
        BriefingAttendee(delivery=delivery, email=email) for email in pending
    )
    audit_log(
        actor=delivered_by,
        action="briefing.delivered",
        obj=delivery,
        briefing=briefing.title,
        delivered_on=delivered_on.isoformat(),
        present=len(present),
        pending=len(pending),
    )
    for attendee in BriefingAttendee.objects.filter(
        pk__in=[a.pk for a in registered]
    ).select_related("user", "delivery__briefing"):
        _issue_certificate(attendee)
    return delivery


@transaction.atomic
def briefing_attendance_claim(*, user: User) -> int:
    """Give a newly confirmed person the briefings they were added to by email.

    Called when someone confirms an email address; only verified addresses claim.
    Returns how many attendances were claimed.
    """
    emails = {
        e.lower()
        for e in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    }
    if not emails:
        return 0
    pending = list(
        BriefingAttendee.objects.select_for_update()
        .filter(user__isnull=True, email__in=emails)
        .exclude(delivery__attendees__user=user)
        .select_related("delivery__briefing")
    )
    now = timezone.now()
    for attendee in pending:
        attendee.user = user
        attendee.name = user.name
        attendee.claimed_at = now
        attendee.save(update_fields=["user", "name", "claimed_at"])
        audit_log(
            actor=user,
            action="briefing.attendance_claimed",
            obj=attendee.delivery,
            email=attendee.email,
        )
        _issue_certificate(attendee)
    return len(pending)


def _role_names(user) -> list[str]:
    return [
        name
        for name in user.groups.values_list("name", flat=True)
        if name in Role.ALL and name != Role.LEARNERS
    ]


def _check_lead_scope(*, user: User, lead: User) -> None:
    if not (
        lead.is_authenticated
        and (
            lead.has_perm("accounts.view_all_agency_reports")
            or lead.has_perm("accounts.view_own_agency_reports")
        )
    ):
        raise ValidationError(LEAD_REQUIRED)
    scope = lead_agency_scope(lead)
    if scope is None:
        return
    if _profile_agency_id(user) not in scope:
        raise ValidationError(USER_NOT_IN_SCOPE)


@transaction.atomic
def team_manager_grant(*, user: User, granted_by: User) -> None:
    """Add someone to the Team managers role, keeping their other roles."""
    _check_lead_scope(user=user, lead=granted_by)
    roles = _role_names(user)
    if Role.TEAM_MANAGERS in roles:
        raise ValidationError(ALREADY_TEAM_MANAGER % {"name": user.name or user.email})
    user_roles_set(user=user, roles=[*roles, Role.TEAM_MANAGERS])
    audit_log(
        actor=granted_by, action="role.granted", obj=user, role=Role.TEAM_MANAGERS
    )


@transaction.atomic
def team_manager_revoke(*, user: User, revoked_by: User) -> None:
    """Take someone out of the Team managers role, keeping their other roles."""
    _check_lead_scope(user=user, lead=revoked_by)
    roles = _role_names(user)
    if Role.TEAM_MANAGERS not in roles:
        raise ValidationError(NOT_TEAM_MANAGER % {"name": user.name or user.email})
    user_roles_set(user=user, roles=[r for r in roles if r != Role.TEAM_MANAGERS])
    audit_log(
        actor=revoked_by, action="role.revoked", obj=user, role=Role.TEAM_MANAGERS
    )
