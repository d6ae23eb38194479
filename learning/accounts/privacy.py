"""Privacy: a learner's copy of their data, erasure of an account, and retention.

Erasure keeps every row that reports count (progress, attempts, bookings, charges,
certificates) and removes what identifies the person or what they wrote, so that
totals do not change when someone leaves.
"""

import json
import re
from datetime import datetime
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allauth.account.models import EmailAddress
from dateutil.relativedelta import relativedelta

from certificates.models import Certificate
from learning.briefings.models import BriefingAttendee
from learning.core.jobs import ACCOUNT_ERASED, exports_withdraw_covering
from learning.core.models import AuditEvent
from learning.core.services import audit_log
from learning.events.models import Booking, Charge
from learning.followups.models import FollowUp
from learning.licences.models import Licence
from modules.models import ModuleProgress, QuizAdjustment, QuizAttempt

from .models import AgencyMoveRequest, AgencyMoveStatus, Profile, User
from .roles import Role
from .security import security_event
from .services import user_sessions_end

# Stored in place of a removed person's name (plain text: it is written to rows).
REMOVED_LEARNER_NAME = "Removed learner"
REMOVED_TEXT = "[removed]"
HOLDER_REMOVED = _("Holder removed at their request")

ONLY_PARTNERSHIP_LEAD = _(
    "You are the only partnership lead, so your account cannot be deleted yet. Ask "
    "for someone else to be made a partnership lead first."
)
ALREADY_ERASED = _("This account has already been deleted.")
UNKNOWN_REASON = _("Choose why the account is being deleted.")

# Keys of module step answers that hold the learner's own words.
FREE_TEXT_KEYS = frozenset({"text", "note", "notes", "comment", "rationale"})
# Roles that make an account part of running the site; retention never removes them.
STAFF_ROLES = (
    Role.TRAINERS,
    Role.AGENCY_LEADS,
    Role.PARTNERSHIP_LEADS,
    Role.TEAM_MANAGERS,
)


class ErasureReason(models.TextChoices):
    REQUEST = "request", _("The person asked for their account to be deleted")
    RETENTION = "retention", _("The account was unused for the retention period")


def erased_email(user_id) -> str:
    return f"removed-{user_id}@invalid"


def user_is_erased(user) -> bool:
    return user.email == erased_email(user.pk)


def certificate_holder_removed(certificate) -> bool:
    return certificate.holder_name == REMOVED_LEARNER_NAME


# Reads ---------------------------------------------------------------------------


def _row(obj, names) -> dict:
    return {name: getattr(obj, name) for name in names}


def privacy_export(*, user: User) -> dict:
    """Every row held about ``user``, as plain data, in a fixed number of queries."""
    profile = Profile.objects.filter(user=user).select_related("agency").first()
    attempts = (
        QuizAttempt.objects.filter(user=user)
        .select_related("module")
        .prefetch_related("answers")
        .order_by("started_at")
    )
    bookings = (
        Booking.objects.filter(user=user)
        .select_related("session__course", "charge")
        .order_by("created_at")
    )
    data = {
        "generated_at": timezone.now(),
        "account": {
            **_row(user, ["id", "email", "name", "date_joined", "last_login"]),
            "active": user.is_active,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        },
        "email_addresses": [
            _row(address, ["email", "verified", "primary"])
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "profile": (
            {
                "agency": profile.agency.name,
                **_row(
                    profile,
                    [
                        "job_title",
                        "team",
                        "line_manager_name",
                        "line_manager_email",
                        "created_at",
                        "updated_at",
                    ],
                ),
            }
            if profile
            else None
        ),
        "module_progress": [
            {
                "module": progress.module.title,
                **_row(
                    progress,
                    [
                        "started_at",
                        "last_activity_at",
                        "steps_completed_at",
                        "completed_at",
                        "confidence_before",
                        "confidence_after",
                        "current_step",
                        "visited",
                        "responses",
                    ],
                ),
            }
            for progress in ModuleProgress.objects.filter(user=user)
            .select_related("module")
            .order_by("started_at")
        ],
        "quiz_attempts": [
            {
                "module": attempt.module.title,
                **_row(
                    attempt,
                    [
                        "number",
                        "status",
                        "started_at",
                        "deadline",
                        "submitted_at",
                        "correct_count",
                        "question_count",
                        "score",
                        "passed",
                    ],
                ),
                "answers": [
                    _row(answer, ["question_id", "chosen", "is_correct"])
                    for answer in attempt.answers.all()
                ],
            }
            for attempt in attempts
        ],
        "quiz_adjustments": [
            {
                "module": adjustment.module.title,
                **_row(
                    adjustment, ["extra_minutes", "no_time_limit", "note", "created_at"]
                ),
            }
            for adjustment in QuizAdjustment.objects.filter(user=user).select_related(
                "module"
            )
        ],
        "bookings": [_booking_row(booking) for booking in bookings],
        "certificates": [
            _row(
                certificate,
                [
                    "code",
                    "holder_name",
                    "agency_name",
                    "kind",
                    "title",
                    "completed_on",
                    "cpd_minutes",
                    "issued_at",
                    "expires_on",
                    "revoked_at",
                    "revoked_reason",
                    "recommendations",
                    "learning_points",
                ],
            )
            for certificate in Certificate.objects.filter(holder=user).order_by(
                "issued_at"
            )
        ],
        "licences": [
            _row(
                licence,
                ["kind", "granted_on", "refresher_due", "revoked_at", "created_at"],
            )
            for licence in Licence.objects.filter(holder=user).order_by("granted_on")
        ],
        "briefings_attended": [
            {
                "briefing": attendee.delivery.briefing.title,
                "agency": attendee.delivery.agency.name,
                "team": attendee.delivery.team,
                "delivered_on": attendee.delivery.delivered_on,
                **_row(attendee, ["email", "name", "claimed_at"]),
            }
            for attendee in BriefingAttendee.objects.filter(user=user)
            .select_related("delivery__briefing", "delivery__agency")
            .order_by("delivery__delivered_on")
        ],
        "follow_ups": [
            _row(
                follow_up,
                [
                    "title",
                    "kind",
                    "completed_at",
                    "due_at",
                    "sent_at",
                    "answered_at",
                    "changed_practice",
                    "example",
                    "confidence_now",
                    "used_challenge_process",
                    "manager_name",
                    "manager_email",
                    "manager_answered_at",
                    "manager_observed_change",
                    "manager_comment",
                ],
            )
            for follow_up in FollowUp.objects.filter(user=user).order_by("created_at")
        ],
        "agency_moves": [
            {
                "from": move.from_agency.name,
                "to": move.to_agency.name,
                "status": move.get_status_display(),
                **_row(move, ["reason", "created_at", "decided_at"]),
            }
            for move in AgencyMoveRequest.objects.filter(person=user)
            .select_related("from_agency", "to_agency")
            .order_by("created_at")
        ],
        "activity_log": [
            _row(event, ["created_at", "action", "object_type"])
            for event in AuditEvent.objects.filter(
                Q(actor=user)
                | Q(object_type=User._meta.label_lower, object_id=str(user.pk))
            ).order_by("created_at")
        ],
    }
    if apps.is_installed("allauth.usersessions"):
        from allauth.usersessions.models import UserSession

        data["signed_in_sessions"] = [
            _row(session, ["created_at", "last_seen_at", "ip", "user_agent"])
            for session in UserSession.objects.filter(user=user).order_by("created_at")
        ]
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.models import Authenticator

        data["security_keys_and_codes"] = [
            {"type": authenticator.type, "created_at": authenticator.created_at}
            for authenticator in Authenticator.objects.filter(user=user)
        ]
    return data


def _booking_row(booking) -> dict:
    session = booking.session
    charge = getattr(booking, "charge", None)
    return {
        "course": session.course.title,
        "session_start": session.start,
        "session_end": session.end,
        "venue": session.venue,
        **_row(
            booking,
            [
                "status",
                "created_at",
                "cancelled_at",
                "late_cancellation",
                "walk_in",
                "attendance",
                "checked_in_at",
            ],
        ),
        "charge": (
            _row(charge, ["kind", "amount", "status", "incurred_on", "agency_name"])
            if charge
            else None
        ),
    }


def retention_cutoff(*, years: int, now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - relativedelta(years=years)


def accounts_inactive_since(*, cutoff: datetime):
    """Learner accounts with no sign-in and no learning activity since ``cutoff``.

    Staff and anyone holding a role beyond Learners are never included, nor accounts
    already erased.
    """
    day = cutoff.date()
    user = OuterRef("pk")
    recent = [
        ModuleProgress.objects.filter(user=user, last_activity_at__gte=cutoff),
        QuizAttempt.objects.filter(user=user).filter(
            Q(started_at__gte=cutoff) | Q(submitted_at__gte=cutoff)
        ),
        Booking.objects.filter(user=user).filter(
            Q(created_at__gte=cutoff) | Q(session__end__gte=cutoff)
        ),
        Certificate.objects.filter(holder=user, issued_at__gte=cutoff),
        Licence.objects.filter(holder=user, granted_on__gte=day),
        BriefingAttendee.objects.filter(user=user, delivery__delivered_on__gte=day),
        FollowUp.objects.filter(user=user, answered_at__gte=cutoff),
    ]
    queryset = (
        User.objects.filter(is_staff=False, is_superuser=False)
        .filter(
            Q(last_login__lt=cutoff)
            | Q(last_login__isnull=True, date_joined__lt=cutoff)
        )
        .exclude(groups__name__in=STAFF_ROLES)
        .exclude(email__startswith="removed-", email__endswith="@invalid")
    )
    for rows in recent:
        queryset = queryset.filter(~Exists(rows))
    return queryset.order_by("pk")


# Writes --------------------------------------------------------------------------


def _only_partnership_lead(user: User) -> bool:
    leads = User.objects.filter(
        is_active=True, groups__name=Role.PARTNERSHIP_LEADS
    ).values_list("pk", flat=True)
    return list(leads) == [user.pk]


class _Mentions:
    """Finds a person's email addresses anywhere, and their full name as whole words."""

    def __init__(self, *, emails: set[str], name: str):
        self.emails = emails
        self.name = name.strip()
        self.name_pattern = (
            re.compile(rf"\b{re.escape(self.name)}\b", re.IGNORECASE)
            if self.name
            else None
        )

    def needles(self) -> list[str]:
        return [*self.emails, *([self.name] if self.name else [])]

    def found_in(self, text: str) -> bool:
        lowered = text.lower()
        if any(email in lowered for email in self.emails):
            return True
        return bool(self.name_pattern and self.name_pattern.search(text))

    def scrub(self, value):
        if isinstance(value, dict):
            return {key: self.scrub(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.scrub(item) for item in value]
        if isinstance(value, str) and self.found_in(value):
            return REMOVED_TEXT
        return value


def _clear_free_text(responses: dict) -> dict:
    cleared = {}
    for block_id, answer in responses.items():
        if isinstance(answer, dict):
            answer = {
                key: "" if key in FREE_TEXT_KEYS else item
                for key, item in answer.items()
            }
        cleared[block_id] = answer
    return cleared


def sessions_end(*, user_ids) -> int:
    """End every signed-in session of these users (database-backed sessions)."""
    wanted = {str(pk) for pk in user_ids}
    engine = import_module(settings.SESSION_ENGINE)
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") in wanted:
            engine.SessionStore(session_key=session.session_key).delete()
            ended += 1
    return ended


def _erase_audit_mentions(*, user: User, mentions: _Mentions) -> None:
    query = Q(actor=user) | Q(
        object_type=User._meta.label_lower, object_id=str(user.pk)
    )
    for needle in mentions.needles():
        query |= Q(data__icontains=needle)
        query |= Q(data__icontains=json.dumps(needle)[1:-1])
    for event in AuditEvent.objects.filter(query):
        scrubbed = mentions.scrub(event.data)
        if scrubbed != event.data:
            event.data = scrubbed
            event.save(update_fields=["data"])


def _erase_wagtail_traces(*, user: User, mentions: _Mentions) -> None:
    from wagtail.models import ModelLogEntry
    from wagtail.users.models import UserProfile

    query = Q(object_id=str(user.pk), content_type__model="user")
    for needle in mentions.needles():
        query |= Q(label__icontains=needle)
    for entry in ModelLogEntry.objects.filter(query):
        entry.label = mentions.scrub(entry.label)
        if entry.object_id == str(user.pk) and entry.content_type.model == "user":
            entry.label = REMOVED_LEARNER_NAME
        entry.data = mentions.scrub(entry.data)
        entry.save(update_fields=["label", "data"])
    for wagtail_profile in UserProfile.objects.filter(user=user):
        if wagtail_profile.avatar:
            wagtail_profile.avatar.delete(save=False)
        wagtail_profile.delete()


def _erase_exports(*, user: User, by: User | None) -> int:
    """Delete every prepared export that may name the person: any report file or
    certificate ZIP made for their agency, or for an agency that issued them a
    certificate, and any they made themselves (each audited, files deleted after
    commit)."""
    agency_ids = set(
        Certificate.objects.filter(holder=user, agency__isnull=False).values_list(
            "agency_id", flat=True
        )
    )
    agency_ids |= set(
        Profile.objects.filter(user=user, agency__isnull=False).values_list(
            "agency_id", flat=True
        )
    )
    # Agencies the person was moved out of: an export made for one of them before
    # the move may name them.
    agency_ids |= set(
        AgencyMoveRequest.objects.filter(
            person=user, status=AgencyMoveStatus.APPROVED
        ).values_list("from_agency_id", flat=True)
    )
    return exports_withdraw_covering(
        agency_ids=agency_ids, created_by=user, actor=by, reason=ACCOUNT_ERASED
    )


@transaction.atomic
def account_erase(*, user: User, by: User | None, reason: str) -> User:
    """Erase or anonymise ``user``'s personal data, keeping the figures reports count.

    The account stays as an anonymous, inactive row so that progress, attendance,
    quiz results, charges and certificates still add up by agency.
    """
    if reason not in ErasureReason.values:
        raise ValidationError(UNKNOWN_REASON, code="reason")
    user = User.objects.select_for_update().get(pk=user.pk)
    if user_is_erased(user):
        raise ValidationError(ALREADY_ERASED, code="erased")
    if _only_partnership_lead(user):
        raise ValidationError(ONLY_PARTNERSHIP_LEAD, code="only_lead")

    emails = {user.email.lower()} | {
        email.lower()
        for email in EmailAddress.objects.filter(user=user).values_list(
            "email", flat=True
        )
    }
    mentions = _Mentions(emails=emails, name=user.name)

    user.email = erased_email(user.pk)
    user.name = REMOVED_LEARNER_NAME
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.save()
    user.user_permissions.clear()
    learners = Group.objects.filter(name=Role.LEARNERS)
    user.groups.set(learners)
    EmailAddress.objects.filter(user=user).delete()

    Profile.objects.filter(user=user).update(
        job_title="", team="", line_manager_name="", line_manager_email=""
    )
    # Others who named this person as their line manager.
    email_match = Q()
    for email in emails:
        email_match |= Q(line_manager_email__iexact=email)
    Profile.objects.filter(email_match).update(
        line_manager_name="", line_manager_email=""
    )

    for progress in ModuleProgress.objects.filter(user=user).only("responses"):
        progress.responses = _clear_free_text(progress.responses)
        progress.save(update_fields=["responses"])
    QuizAdjustment.objects.filter(user=user).update(note="")
    FollowUp.objects.filter(user=user).update(
        example="", manager_name="", manager_email="", manager_comment=""
    )
    manager_match = Q()
    for email in emails:
        manager_match |= Q(manager_email__iexact=email)
    FollowUp.objects.filter(manager_match).update(manager_name="", manager_email="")

    AgencyMoveRequest.objects.filter(
        person=user, status=AgencyMoveStatus.PENDING
    ).update(status=AgencyMoveStatus.CANCELLED, decided_at=timezone.now())
    AgencyMoveRequest.objects.filter(person=user).update(reason="")
    Charge.objects.filter(booking__user=user).update(holder_name=REMOVED_LEARNER_NAME)
    attendee_match = Q(user=user)
    for email in emails:
        attendee_match |= Q(email__iexact=email)
    for attendee in BriefingAttendee.objects.filter(attendee_match):
        attendee.email = f"removed-{user.pk}-{attendee.pk}@invalid"
        attendee.name = ""
        attendee.save(update_fields=["email", "name"])

    _erase_exports(user=user, by=by)
    for certificate in Certificate.objects.filter(holder=user):
        if certificate.pdf:
            stored = certificate.pdf
            transaction.on_commit(lambda stored=stored: stored.delete(save=False))
        certificate.holder_name = REMOVED_LEARNER_NAME
        certificate.pdf = ""
        certificate.pdf_rendered_at = None
        certificate.save(update_fields=["holder_name", "pdf", "pdf_rendered_at"])

    _erase_audit_mentions(user=user, mentions=mentions)
    _erase_wagtail_traces(user=user, mentions=mentions)
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.models import Authenticator

        Authenticator.objects.filter(user=user).delete()
    ended = (
        user_sessions_end(user=user) if apps.is_installed("allauth.usersessions") else 0
    )
    # Sessions from before the session index existed are found in the store itself.
    ended += sessions_end(user_ids=[user.pk])

    audit_log(
        actor=by,
        action="account.erased",
        obj=user,
        reason=reason,
    )
    security_event(
        "account_erased",
        user=user,
        by_user_id=getattr(by, "pk", None),
        reason=reason,
        sessions_ended=ended,
    )
    return user
