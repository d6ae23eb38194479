from decimal import Decimal

from django.db.models import Count, DecimalField, Max, Prefetch, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from learning.reviews.models import Recommendation

from .models import (
    Booking,
    BookingStatus,
    Charge,
    ChargeKind,
    ChargeStatus,
    Course,
    SessionStatus,
    TrainingSession,
)


def achievement_for_booking(booking: Booking):
    from certificates.models import AchievementKind
    from certificates.services import Achievement

    session = booking.session
    course = session.course
    return Achievement(
        kind=AchievementKind.SESSION,
        source_key=f"attendance:{booking.pk}",
        title=course.title,
        completed_on=timezone.localdate(session.start),
        cpd_minutes=course.cpd_minutes,
        refresher_months=course.refresher_months,
        recommendations=list(course.recommendations.select_related("review")),
        learning_points=list(course.learning_points.select_related("review")),
        course=course,
    )


def upcoming_sessions(*, course=None, recommendation=None, now=None):
    """Scheduled sessions still to start, with places taken counted in the query."""
    now = now or timezone.now()
    queryset = (
        TrainingSession.objects.filter(status=SessionStatus.SCHEDULED, start__gt=now)
        .select_related("course")
        .prefetch_related(
            Prefetch(
                "course__recommendations",
                queryset=Recommendation.objects.order_by("number"),
            )
        )
        .annotate(
            booked_count=Count(
                "bookings", filter=Q(bookings__status=BookingStatus.BOOKED)
            ),
            waiting_count=Count(
                "bookings", filter=Q(bookings__status=BookingStatus.WAITLISTED)
            ),
        )
        .order_by("start")
    )
    if course is not None:
        queryset = queryset.filter(course=course)
    if recommendation is not None:
        queryset = queryset.filter(course__recommendations=recommendation)
    return queryset


def active_courses():
    return Course.objects.filter(is_active=True).order_by("title")


def user_bookings(*, user):
    return list(
        Booking.objects.filter(user=user)
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("session__course")
        .order_by("session__start")
    )


def session_for_register(*, pk, user):
    """The session if this user may keep its register: its trainers and partnership leads."""
    session = TrainingSession.objects.select_related("course").filter(pk=pk).first()
    if session is None or not user.is_authenticated:
        return None
    if user.has_perm("accounts.view_all_agency_reports"):
        return session
    if session.trainers.filter(pk=user.pk).exists():
        return session
    return None


def register_rows(*, session):
    return list(
        session.bookings.filter(status=BookingStatus.BOOKED)
        .select_related("user__profile__agency")
        .order_by("user__name")
    )


def booking_for_substitution(*, pk, user) -> Booking | None:
    """The booking if this user may pass it on: its holder, or a lead over their agency."""
    if not user.is_authenticated:
        return None
    booking = (
        Booking.objects.select_related("session__course", "user__profile__agency")
        .filter(pk=pk)
        .first()
    )
    if booking is None:
        return None
    if booking.user_id == user.pk or user.has_perm("accounts.view_all_agency_reports"):
        return booking
    if user.has_perm("accounts.view_own_agency_reports"):
        from certificates.selectors import managed_agency_id

        profile = getattr(booking.user, "profile", None)
        if profile and profile.agency_id == managed_agency_id(user):
            return booking
    return None


def charges_for_ledger(*, agency=None, start=None, end=None, status=None):
    """Charges for the partnership's ledger, newest session first.

    ``status`` None means every charge except withdrawn ones.
    """
    queryset = Charge.objects.select_related(
        "session__course", "booking", "waived_by"
    ).order_by("-incurred_on", "agency_name", "holder_name", "pk")
    if agency is not None:
        queryset = queryset.filter(agency=agency)
    if start is not None:
        queryset = queryset.filter(incurred_on__gte=start)
    if end is not None:
        queryset = queryset.filter(incurred_on__lte=end)
    if status:
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.exclude(status=ChargeStatus.WITHDRAWN)
    return queryset


def charge_totals_by_agency(charges) -> list[dict]:
    """One row per agency: counts by reason, and amounts to invoice and waived."""
    money = DecimalField(max_digits=12, decimal_places=2)
    zero = Value(Decimal("0.00"), output_field=money)

    def total(status):
        return Coalesce(Sum("amount", filter=Q(status=status)), zero)

    rows = (
        charges.order_by()
        .values("agency_id")
        .annotate(
            agency_name=Max("agency_name"),
            no_shows=Count("pk", filter=Q(kind=ChargeKind.NO_SHOW)),
            late_cancellations=Count("pk", filter=Q(kind=ChargeKind.LATE_CANCELLATION)),
            outstanding=total(ChargeStatus.OUTSTANDING),
            waived=total(ChargeStatus.WAIVED),
        )
        .order_by("agency_name")
    )
    return list(rows)
