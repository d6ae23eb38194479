from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from learning.reviews.models import Recommendation

from .models import Booking, BookingStatus, Course, SessionStatus, TrainingSession


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
