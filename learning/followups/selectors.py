"""Reads for follow-ups: the learner's open questionnaires, token look-ups, roll-ups."""

from dataclasses import dataclass

from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from .models import ChangedPractice, FollowUp, ObservedChange, UsedChallengeProcess


def _open_since(now):
    from .services import ANSWER_WINDOW

    return now - ANSWER_WINDOW


def follow_ups_open_for(*, user, now=None) -> list:
    """Follow-up questionnaires waiting for this learner's answer, for My learning."""
    if not user.is_authenticated:
        return []
    now = now or timezone.now()
    return list(
        FollowUp.objects.filter(
            user=user,
            sent_at__isnull=False,
            sent_at__gt=_open_since(now),
            answered_at__isnull=True,
        )
        .only("pk", "token", "title", "kind", "completed_at", "sent_at", "user_id")
        .order_by("sent_at", "pk")
    )


def follow_up_get_for_user(*, token: str, user) -> FollowUp | None:
    """The learner's own sent follow-up with this token; someone else's is None."""
    if not user.is_authenticated:
        return None
    return (
        FollowUp.objects.select_related("user__profile")
        .filter(token=token, user=user, sent_at__isnull=False)
        .first()
    )


def follow_up_get_for_manager(*, token: str) -> FollowUp | None:
    return (
        FollowUp.objects.select_related("user")
        .filter(manager_token=token, manager_sent_at__isnull=False)
        .first()
    )


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class RollupRow:
    """Counts for one module, course or agency; rates are percentages or None."""

    label: str
    sent: int
    answered: int
    changed: int
    confidence_sum: int
    confidence_count: int
    used_challenge: int
    manager_asked: int
    manager_answered: int
    manager_observed: int
    kind: str = ""
    module_id: int | None = None
    course_id: int | None = None
    agency_id: int | None = None

    @property
    def response_rate(self):
        return _pct(self.answered, self.sent)

    @property
    def changed_pct(self):
        """Share of answers saying practice has changed (yes or partly)."""
        return _pct(self.changed, self.answered)

    @property
    def confidence_mean(self):
        if not self.confidence_count:
            return None
        return round(self.confidence_sum / self.confidence_count, 2)

    @property
    def used_challenge_pct(self):
        """Share of answers saying the challenge and resolution process was used."""
        return _pct(self.used_challenge, self.answered)

    @property
    def manager_observed_pct(self):
        """Share of line managers' answers seeing a change (yes or partly)."""
        return _pct(self.manager_observed, self.manager_answered)


COUNTS = {
    "sent": Count("pk"),
    "answered": Count("pk", filter=Q(answered_at__isnull=False)),
    "changed": Count(
        "pk",
        filter=Q(changed_practice__in=[ChangedPractice.YES, ChangedPractice.PARTLY]),
    ),
    "confidence_sum": Sum("confidence_now", default=0),
    "confidence_count": Count("confidence_now"),
    "used_challenge": Count(
        "pk", filter=Q(used_challenge_process=UsedChallengeProcess.YES)
    ),
    "manager_asked": Count("pk", filter=Q(manager_sent_at__isnull=False)),
    "manager_answered": Count("pk", filter=Q(manager_answered_at__isnull=False)),
    "manager_observed": Count(
        "pk",
        filter=Q(
            manager_observed_change__in=[ObservedChange.YES, ObservedChange.PARTLY]
        ),
    ),
}
COUNT_NAMES = list(COUNTS)


def follow_up_rollup(*, agencies=None, start=None, end=None) -> dict:
    """Follow-up results per module or course and per agency, in two queries.

    ``agencies``: the agencies (or their ids) the caller may see; ``None`` means every
    agency and is for partnership leads only. ``start``/``end`` bound when the
    questionnaire was sent (``start <= sent_at < end``). Agency is the learner's agency
    when the follow-up was created. Returns ``{"by_learning": [...], "by_agency":
    [...], "total": RollupRow}``.
    """
    follow_ups = FollowUp.objects.filter(sent_at__isnull=False)
    if agencies is not None:
        follow_ups = follow_ups.filter(agency__in=agencies)
    if start is not None:
        follow_ups = follow_ups.filter(sent_at__gte=start)
    if end is not None:
        follow_ups = follow_ups.filter(sent_at__lt=end)

    by_learning = [
        RollupRow(
            label=row["label"],
            kind=row["kind"],
            module_id=row["module_id"],
            course_id=row["course_id"],
            **{name: row[name] for name in COUNT_NAMES},
        )
        for row in follow_ups.values("kind", "module_id", "course_id")
        .annotate(label=Max("title"), **COUNTS)
        .order_by("label", "kind", "module_id", "course_id")
    ]
    by_agency = [
        RollupRow(
            label=row["label"] or "",
            agency_id=row["agency_id"],
            **{name: row[name] for name in COUNT_NAMES},
        )
        for row in follow_ups.values("agency_id")
        .annotate(label=Max("agency__name"), **COUNTS)
        .order_by("label", "agency_id")
    ]
    total = RollupRow(
        label="",
        **{name: sum(getattr(row, name) for row in by_agency) for name in COUNT_NAMES},
    )
    return {"by_learning": by_learning, "by_agency": by_agency, "total": total}


def follow_up_rollup_for_user(*, user, start=None, end=None) -> dict | None:
    """The roll-up scoped to what a lead may see: every agency, their own, or None."""
    from certificates.selectors import managed_agency_id, user_manages_all_agencies

    if user_manages_all_agencies(user):
        return follow_up_rollup(start=start, end=end)
    agency_id = managed_agency_id(user)
    if agency_id is None:
        return None
    return follow_up_rollup(agencies=[agency_id], start=start, end=end)
