"""Follow-up impact checks: scheduling, sending once, and storing answers.

Timing. A follow-up is due ``FOLLOW_UP_AFTER_WEEKS`` after the learning (a module's
``completed_at``, a session's ``end``). The scheduler only looks back over a catch-up
window of ``CATCH_UP_DAYS`` before that point, so that the first run on a site with
years of history does not email everyone about learning they did long ago, and so that
a missed cron run (up to ``CATCH_UP_DAYS``) is caught up on the next one. Learning
older than ``FOLLOW_UP_AFTER_WEEKS`` + ``CATCH_UP_DAYS`` never gets a follow-up.

Once only. Each completion or attendance has one ``source_key``, unique in the
database, so scheduling twice (or on two workers at once) creates one follow-up. Sending
claims each follow-up with a conditional update of ``sent_at`` before the email is
queued, so two workers never send the same one twice (on SQLite and PostgreSQL).
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.core.services import audit_log
from learning.core.tasks import SendRun, send_each
from learning.events.models import (
    AttendanceStatus,
    Booking,
    BookingStatus,
    SessionStatus,
)
from modules.models import ModuleProgress

from .models import (
    EXAMPLE_MAX_LENGTH,
    MANAGER_COMMENT_MAX_LENGTH,
    ChangedPractice,
    FollowUp,
    ObservedChange,
    SourceKind,
    UsedChallengeProcess,
    new_token,
)

CATCH_UP_DAYS = 30
# How long the learner's questionnaire and the line manager's link stay open once sent.
ANSWER_WINDOW = timedelta(weeks=12)

ALREADY_ANSWERED = _("You have already answered this questionnaire. Thank you.")
CLOSED = _("This questionnaire has closed.")
CHANGED_PRACTICE_REQUIRED = _("Select whether the learning has changed your practice.")
EXAMPLE_REQUIRED = _("Give one example of how your practice has changed.")
EXAMPLE_TOO_LONG = _("Your example must be 1,000 characters or fewer.")
CONFIDENCE_REQUIRED = _("Select how confident you feel now, from 1 to 5.")
CHALLENGE_REQUIRED = _(
    "Select whether you have used the challenge and resolution process."
)
NO_LINE_MANAGER = _(
    "There is no line manager email on your profile, so we cannot ask them."
)
OBSERVED_REQUIRED = _("Select whether you have seen a change in their practice.")
COMMENT_TOO_LONG = _("Your comment must be 1,000 characters or fewer.")


def follow_up_delay() -> timedelta:
    return timedelta(weeks=settings.FOLLOW_UP_AFTER_WEEKS)


def _reachable(queryset, prefix="user__"):
    return queryset.filter(**{f"{prefix}is_active": True}).exclude(
        **{f"{prefix}email": ""}
    )


def follow_ups_due_to_create(*, now=None, after: timedelta | None = None) -> list:
    """Unsaved follow-ups for learning that is due and has none yet (two queries)."""
    now = now or timezone.now()
    after = follow_up_delay() if after is None else after
    cutoff = now - after
    floor = cutoff - timedelta(days=CATCH_UP_DAYS)

    completions = (
        _reachable(ModuleProgress.objects.all())
        .filter(completed_at__gt=floor, completed_at__lte=cutoff)
        .filter(~Exists(FollowUp.objects.filter(module_progress=OuterRef("pk"))))
        .values(
            "pk",
            "user_id",
            "module_id",
            "module__title",
            "completed_at",
            "user__profile__agency_id",
        )
        .order_by("completed_at", "pk")
    )
    attendances = (
        _reachable(Booking.objects.all())
        .exclude(status=BookingStatus.CANCELLED)
        .filter(
            attendance__in=[AttendanceStatus.ATTENDED, AttendanceStatus.LATE],
            session__status=SessionStatus.SCHEDULED,
            session__end__gt=floor,
            session__end__lte=cutoff,
        )
        .filter(~Exists(FollowUp.objects.filter(booking=OuterRef("pk"))))
        .values(
            "pk",
            "user_id",
            "session__course_id",
            "session__course__title",
            "session__end",
            "user__profile__agency_id",
        )
        .order_by("session__end", "pk")
    )
    follow_ups = [
        FollowUp(
            user_id=row["user_id"],
            kind=SourceKind.MODULE,
            module_progress_id=row["pk"],
            source_key=f"module-progress:{row['pk']}",
            title=row["module__title"],
            module_id=row["module_id"],
            agency_id=row["user__profile__agency_id"],
            completed_at=row["completed_at"],
            due_at=row["completed_at"] + after,
        )
        for row in completions
    ]
    follow_ups += [
        FollowUp(
            user_id=row["user_id"],
            kind=SourceKind.COURSE,
            booking_id=row["pk"],
            source_key=f"booking:{row['pk']}",
            title=row["session__course__title"],
            course_id=row["session__course_id"],
            agency_id=row["user__profile__agency_id"],
            completed_at=row["session__end"],
            due_at=row["session__end"] + after,
        )
        for row in attendances
    ]
    return follow_ups


@transaction.atomic
def follow_ups_schedule(*, now=None, after: timedelta | None = None) -> int:
    """Create the follow-ups that are due; returns how many were new.

    ``after`` overrides ``FOLLOW_UP_AFTER_WEEKS`` (the demo uses it to make recent
    training due at once).
    """
    follow_ups = follow_ups_due_to_create(now=now, after=after)
    # A second worker may have created some in the meantime: the unique source_key
    # makes those rows no-ops rather than errors.
    FollowUp.objects.bulk_create(follow_ups, ignore_conflicts=True, batch_size=500)
    return len(follow_ups)


def follow_ups_due_to_send(*, now=None):
    now = now or timezone.now()
    return _reachable(
        FollowUp.objects.filter(sent_at__isnull=True, due_at__lte=now)
    ).order_by("due_at", "pk")


def follow_ups_send(*, now=None) -> SendRun:
    """Email each due, unsent follow-up once.

    A follow-up is recorded as sent (its answer window opening) only once the mail
    server has accepted the invitation, so one that could not be sent is tried again
    on the next run. Inactive users and users without an email address are skipped
    (and stay unsent).
    """
    from .tasks import follow_up_invitation

    now = now or timezone.now()

    def build(pk):
        follow_up = (
            follow_ups_due_to_send(now=now).filter(pk=pk).select_related("user").first()
        )
        return follow_up_invitation(follow_up, sent_at=now) if follow_up else None

    return send_each(
        list(follow_ups_due_to_send(now=now).values_list("pk", flat=True)),
        key=lambda pk: f"follow-up-invitation:{pk}",
        build=build,
        mark_sent=lambda pk: FollowUp.objects.filter(
            pk=pk, sent_at__isnull=True
        ).update(sent_at=now),
    )


def follow_up_is_open(follow_up: FollowUp, *, now=None) -> bool:
    now = now or timezone.now()
    return follow_up.sent_at is not None and now < follow_up.sent_at + ANSWER_WINDOW


def manager_link_is_open(follow_up: FollowUp, *, now=None) -> bool:
    now = now or timezone.now()
    return (
        follow_up.manager_sent_at is not None
        and now < follow_up.manager_sent_at + ANSWER_WINDOW
    )


def _choice(value, choices, message, field):
    if value not in choices.values:
        raise ValidationError({field: ValidationError(message, code="invalid")})
    return value


@transaction.atomic
def follow_up_answer(
    *,
    follow_up: FollowUp,
    user,
    changed_practice: str,
    example: str,
    confidence_now: int,
    used_challenge_process: str,
    ask_manager: bool = False,
    now=None,
) -> FollowUp:
    """Store the learner's answers once, and optionally ask their line manager."""
    now = now or timezone.now()
    if follow_up.user_id != user.pk:
        # Callers look follow-ups up by owner; this is a second line of defence.
        raise ValidationError(CLOSED, code="not_owner")
    if follow_up.answered_at is not None:
        raise ValidationError(ALREADY_ANSWERED, code="already_answered")
    if not follow_up_is_open(follow_up, now=now):
        raise ValidationError(CLOSED, code="closed")
    _choice(
        changed_practice, ChangedPractice, CHANGED_PRACTICE_REQUIRED, "changed_practice"
    )
    _choice(
        used_challenge_process,
        UsedChallengeProcess,
        CHALLENGE_REQUIRED,
        "used_challenge_process",
    )
    if confidence_now not in range(1, 6):
        raise ValidationError({"confidence_now": ValidationError(CONFIDENCE_REQUIRED)})
    example = (example or "").strip()
    if len(example) > EXAMPLE_MAX_LENGTH:
        raise ValidationError({"example": ValidationError(EXAMPLE_TOO_LONG)})
    if changed_practice != ChangedPractice.NOT_YET and not example:
        raise ValidationError({"example": ValidationError(EXAMPLE_REQUIRED)})

    fields = {
        "answered_at": now,
        "changed_practice": changed_practice,
        "example": example,
        "confidence_now": confidence_now,
        "used_challenge_process": used_challenge_process,
    }
    if ask_manager:
        profile = getattr(user, "profile", None)
        if profile is None or not profile.line_manager_email:
            raise ValidationError({"ask_manager": ValidationError(NO_LINE_MANAGER)})
        fields.update(
            manager_name=profile.line_manager_name,
            manager_email=profile.line_manager_email,
            manager_token=new_token(),
            manager_sent_at=now,
        )
    # Conditional update: of two simultaneous submissions only one is stored.
    if not FollowUp.objects.filter(
        pk=follow_up.pk, user=user, answered_at__isnull=True
    ).update(**fields):
        raise ValidationError(ALREADY_ANSWERED, code="already_answered")
    for name, value in fields.items():
        setattr(follow_up, name, value)
    audit_log(
        actor=user,
        action="follow_up.answered",
        obj=follow_up,
        changed_practice=changed_practice,
        confidence_now=confidence_now,
        used_challenge_process=used_challenge_process,
        manager_asked=bool(ask_manager),
    )
    if ask_manager:
        from .tasks import follow_up_manager_email

        pk = follow_up.pk
        transaction.on_commit(lambda: follow_up_manager_email.enqueue(pk), robust=True)
    return follow_up


@transaction.atomic
def follow_up_manager_answer(
    *, follow_up: FollowUp, observed_change: str, comment: str, now=None
) -> FollowUp:
    """Store the line manager's view once. They need no account: the link is the key."""
    now = now or timezone.now()
    if follow_up.manager_answered_at is not None:
        raise ValidationError(ALREADY_ANSWERED, code="already_answered")
    if not manager_link_is_open(follow_up, now=now):
        raise ValidationError(CLOSED, code="closed")
    _choice(observed_change, ObservedChange, OBSERVED_REQUIRED, "observed_change")
    comment = (comment or "").strip()
    if len(comment) > MANAGER_COMMENT_MAX_LENGTH:
        raise ValidationError({"comment": ValidationError(COMMENT_TOO_LONG)})
    fields = {
        "manager_answered_at": now,
        "manager_observed_change": observed_change,
        "manager_comment": comment,
    }
    if not FollowUp.objects.filter(
        pk=follow_up.pk,
        manager_token=follow_up.manager_token,
        manager_answered_at__isnull=True,
    ).update(**fields):
        raise ValidationError(ALREADY_ANSWERED, code="already_answered")
    for name, value in fields.items():
        setattr(follow_up, name, value)
    audit_log(
        actor=None,
        action="follow_up.manager_answered",
        obj=follow_up,
        observed_change=observed_change,
    )
    return follow_up
