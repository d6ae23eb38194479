from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.urls import reverse
from django.utils import timezone

from certificates.selectors import managed_agency_id, user_manages_all_agencies

from .models import (
    REFRESHER_WARNING_DAYS,
    Licence,
    LicenceKind,
    LicenceStatus,
    current_licence_q,
)

# Filter values on the register. "licensed" includes those due a refresher soon.
STATUS_FILTERS = ("licensed", "due", "lapsed", "revoked")
LICENSED = (LicenceStatus.CURRENT, LicenceStatus.DUE)


def _newest(queryset: QuerySet[Licence]) -> QuerySet[Licence]:
    """Keep only each holder's newest licence of each kind: the one that counts."""
    newest = (
        Licence.objects.filter(holder=OuterRef("holder"), kind=OuterRef("kind"))
        .order_by("-granted_on", "-created_at", "-pk")
        .values("pk")[:1]
    )
    return queryset.filter(pk=Subquery(newest))


def status_filters(day: date) -> dict[str, Q]:
    """Each register status filter as a condition on licence rows, on ``day``."""
    warning_end = day + timedelta(days=REFRESHER_WARNING_DAYS)
    not_revoked = Q(revoked_at__isnull=True)
    return {
        "licensed": current_licence_q(day),
        "due": not_revoked & Q(refresher_due__gte=day, refresher_due__lte=warning_end),
        "lapsed": not_revoked & Q(refresher_due__lt=day),
        "revoked": Q(revoked_at__isnull=False),
    }


def _with_status(queryset: QuerySet[Licence], day: date) -> QuerySet[Licence]:
    filters = status_filters(day)
    return queryset.annotate(
        register_status=Case(
            When(filters["revoked"], then=Value(LicenceStatus.REVOKED.value)),
            When(filters["lapsed"], then=Value(LicenceStatus.LAPSED.value)),
            When(filters["due"], then=Value(LicenceStatus.DUE.value)),
            default=Value(LicenceStatus.CURRENT.value),
            output_field=CharField(),
        )
    )


def _newest_for(*, user, kind) -> Licence | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Licence.objects.filter(holder=user, kind=kind)
        .order_by("-granted_on", "-created_at", "-pk")
        .first()
    )


def licence_current_for(*, user, kind, on=None) -> Licence | None:
    """The user's licence of this kind if it is current on ``on`` (today), else None."""
    licence = _newest_for(user=user, kind=kind)
    if licence is None or not licence.is_current_on(on or timezone.localdate()):
        return None
    return licence


@dataclass(frozen=True)
class ResourceAccess:
    allowed: bool
    kind: str = ""
    latest: Licence | None = None  # the user's newest licence, to explain a refusal

    @property
    def kind_label(self):
        return LicenceKind(self.kind).label if self.kind else ""

    @property
    def latest_status(self):
        return self.latest.status_on() if self.latest else None


def resource_access_for(*, user, licence_required: str, on=None) -> ResourceAccess:
    """May this user open a resource that needs ``licence_required`` (blank: anyone)?"""
    if not licence_required:
        return ResourceAccess(allowed=True)
    latest = _newest_for(user=user, kind=licence_required)
    day = on or timezone.localdate()
    allowed = latest is not None and latest.is_current_on(day)
    return ResourceAccess(allowed=allowed, kind=licence_required, latest=latest)


def licence_course_booking_url(*, kind) -> str:
    """Where to book the course that grants this licence: its upcoming sessions."""
    from learning.events.models import Course

    course_id = (
        Course.objects.filter(grants_licence=kind, is_active=True)
        .order_by("title")
        .values_list("pk", flat=True)
        .first()
    )
    url = reverse("events:session_list")
    return f"{url}?course={course_id}" if course_id else url


def licences_for_holder(*, user) -> list[Licence]:
    """The learner's licences that count (the newest of each kind), for My learning."""
    if not getattr(user, "is_authenticated", False):
        return []
    today = timezone.localdate()
    licences = list(
        _newest(Licence.objects.filter(holder=user)).order_by("kind", "-granted_on")
    )
    for licence in licences:
        licence.status = licence.status_on(today)
        licence.is_current = licence.status in LICENSED
        # Only those who need to book again are shown the course.
        needs_booking = licence.status != LicenceStatus.CURRENT
        licence.booking_url = (
            licence_course_booking_url(kind=licence.kind) if needs_booking else None
        )
    return licences


@dataclass(frozen=True)
class RegisterScope:
    """Whose licences a user may see on the register."""

    all_agencies: bool = False
    agency_id: int | None = None  # an agency lead's own agency

    @property
    def allowed(self) -> bool:
        return self.all_agencies or self.agency_id is not None


def register_scope_for(user) -> RegisterScope:
    if user_manages_all_agencies(user):
        return RegisterScope(all_agencies=True)
    return RegisterScope(agency_id=managed_agency_id(user))


def _scoped(*, scope: RegisterScope, agency_id, kind) -> QuerySet[Licence]:
    """Newest licences of ``kind`` within the scope.

    Partnership leads see every agency; agency leads only their own, so an agency
    filter naming another agency gives nothing. Anyone else sees nothing.
    """
    queryset = _newest(Licence.objects.filter(kind=kind))
    if scope.all_agencies:
        if agency_id:
            queryset = queryset.filter(holder__profile__agency_id=agency_id)
        return queryset
    own = scope.agency_id
    if own is None or (agency_id and str(agency_id) != str(own)):
        return Licence.objects.none()
    return queryset.filter(holder__profile__agency_id=own)


def licence_register_rows(
    *, scope: RegisterScope, agency_id=None, status=None, kind=LicenceKind.GCP2, on=None
) -> QuerySet[Licence]:
    """One row per holder: their newest licence, filtered and in agency, name order."""
    day = on or timezone.localdate()
    queryset = _with_status(_scoped(scope=scope, agency_id=agency_id, kind=kind), day)
    if status in STATUS_FILTERS:
        queryset = queryset.filter(status_filters(day)[status])
    return queryset.select_related("holder", "holder__profile__agency").order_by(
        "holder__profile__agency__name", "holder__name", "holder__email", "pk"
    )


def licence_register_counts(
    *, scope: RegisterScope, agency_id=None, kind=LicenceKind.GCP2, on=None
) -> list[dict]:
    """Per agency: how many are licensed, due a refresher soon, lapsed and revoked."""
    filters = status_filters(on or timezone.localdate())
    queryset = _scoped(scope=scope, agency_id=agency_id, kind=kind)
    return list(
        queryset.order_by()
        .values(
            agency_id=F("holder__profile__agency_id"),
            agency_name=F("holder__profile__agency__name"),
        )
        .annotate(
            licensed=Count("pk", filter=filters["licensed"]),
            due=Count("pk", filter=filters["due"]),
            lapsed=Count("pk", filter=filters["lapsed"]),
            revoked=Count("pk", filter=filters["revoked"]),
        )
        .order_by("agency_name")
    )


def licence_get_for_manager(*, scope: RegisterScope, pk) -> Licence | None:
    """A licence the lead may open (their agency's, or any for partnership leads)."""
    if scope.all_agencies:
        queryset = Licence.objects.all()
    elif scope.agency_id is not None:
        queryset = Licence.objects.filter(holder__profile__agency_id=scope.agency_id)
    else:
        return None
    return (
        queryset.select_related("holder", "holder__profile__agency", "revoked_by")
        .filter(pk=pk)
        .first()
    )


def licence_history_for(*, licence: Licence) -> list[Licence]:
    """Every licence of the same kind held by the same person, newest first."""
    return list(
        Licence.objects.filter(holder_id=licence.holder_id, kind=licence.kind)
        .select_related("source_booking__session__course")
        .order_by("-granted_on", "-created_at", "-pk")
    )
