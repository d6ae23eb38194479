from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from certificates.selectors import managed_agency_id, user_manages_all_agencies
from learning.accounts.models import Agency, Profile, User

from .models import Briefing, BriefingAttendee, BriefingDelivery

RECORD_PERMISSION = "briefings.add_briefingdelivery"


def user_is_team_manager(user) -> bool:
    return user.is_authenticated and user.has_perm(RECORD_PERMISSION)


def user_is_briefings_lead(user) -> bool:
    """Agency and partnership leads see deliveries; team managers only their own."""
    return user_manages_all_agencies(user) or managed_agency_id(user) is not None


def lead_agency_scope(user) -> list[int] | None:
    """Agency ids a lead may see: None for every agency, [] for none."""
    if user_manages_all_agencies(user):
        return None
    own = managed_agency_id(user)
    return [own] if own is not None else []


def team_manager_agency(user) -> Agency | None:
    """The agency whose staff a team manager records briefings for, or None."""
    if not user_is_team_manager(user):
        return None
    profile = Profile.objects.filter(user=user).select_related("agency").first()
    return profile.agency if profile else None


def active_briefings() -> QuerySet[Briefing]:
    return Briefing.objects.filter(is_active=True).select_related("module", "document")


def agency_staff(*, agency: Agency, first_team: str = "") -> list[User]:
    """Registered staff of an agency, the given team first, then by team and name."""
    users = list(
        User.objects.filter(profile__agency=agency, is_active=True)
        .select_related("profile")
        .order_by("profile__team", "name", "email")
    )
    if first_team:
        users.sort(key=lambda user: user.profile.team != first_team)
    return users


def _with_counts(queryset):
    return (
        queryset.select_related("briefing", "agency", "delivered_by")
        .annotate(
            attendee_count=Count("attendees", distinct=True),
            pending_count=Count(
                "attendees", filter=Q(attendees__user__isnull=True), distinct=True
            ),
        )
        .order_by("-delivered_on", "-pk")
    )


def deliveries_recorded_by(*, user) -> QuerySet[BriefingDelivery]:
    return _with_counts(BriefingDelivery.objects.filter(delivered_by=user))


def deliveries_for_lead(*, user, agency_id=None) -> QuerySet[BriefingDelivery]:
    """Deliveries in a lead's scope: every agency's, or their own agency's only."""
    scope = lead_agency_scope(user)
    queryset = BriefingDelivery.objects.all()
    if scope is not None:
        queryset = queryset.filter(agency_id__in=scope)
    if agency_id:
        queryset = queryset.filter(agency_id=agency_id)
    return _with_counts(queryset)


def delivery_get_for_user(*, pk: int, user) -> BriefingDelivery:
    """The delivery, for the manager who recorded it or a lead over its agency.

    Anyone else gets the same 404 as for a delivery that does not exist.
    """
    delivery = (
        BriefingDelivery.objects.select_related("briefing", "agency", "delivered_by")
        .filter(pk=pk)
        .first()
    )
    if delivery is None or not user.is_authenticated:
        raise Http404
    if delivery.delivered_by_id == user.pk and user_is_team_manager(user):
        return delivery
    scope = lead_agency_scope(user)
    if scope is None or delivery.agency_id in scope:
        return delivery
    raise Http404


def delivery_attendees(*, delivery) -> list[BriefingAttendee]:
    return list(
        delivery.attendees.select_related("user__profile").order_by("name", "email")
    )


@dataclass
class ReachRow:
    agency: Agency
    deliveries: int
    staff_reached: int
    registered_staff: int
    registered_reached: int

    @property
    def percent(self) -> int | None:
        if not self.registered_staff:
            return None
        return round(100 * self.registered_reached / self.registered_staff)


def briefing_reach_by_agency(*, user) -> list[ReachRow]:
    """Per agency in the lead's scope: deliveries, people reached, share of staff.

    "Staff reached" counts distinct people present (by email, including people
    added by email who have not signed up yet); the percentage is of registered
    staff who were present at least once.
    """
    scope = lead_agency_scope(user)
    agencies = Agency.objects.order_by("name")
    if scope is not None:
        agencies = agencies.filter(pk__in=scope)
    agencies = list(agencies)
    ids = [agency.pk for agency in agencies]
    deliveries = dict(
        BriefingDelivery.objects.filter(agency_id__in=ids)
        .values_list("agency_id")
        .annotate(count=Count("pk"))
    )
    reached = {
        row["delivery__agency_id"]: row
        for row in BriefingAttendee.objects.filter(delivery__agency_id__in=ids)
        .values("delivery__agency_id")
        .annotate(
            people=Count("email", distinct=True),
            registered=Count(
                "user",
                distinct=True,
                filter=Q(user__profile__agency_id=F("delivery__agency_id")),
            ),
        )
    }
    registered = dict(
        Profile.objects.filter(agency_id__in=ids, user__is_active=True)
        .values_list("agency_id")
        .annotate(count=Count("pk"))
    )
    return [
        ReachRow(
            agency=agency,
            deliveries=deliveries.get(agency.pk, 0),
            staff_reached=reached.get(agency.pk, {}).get("people", 0),
            registered_staff=registered.get(agency.pk, 0),
            registered_reached=reached.get(agency.pk, {}).get("registered", 0),
        )
        for agency in agencies
    ]


def briefing_attendances_pending(*, emails) -> QuerySet[BriefingAttendee]:
    return BriefingAttendee.objects.filter(
        user__isnull=True, email__in=[email.lower() for email in emails]
    )


def achievement_for_briefing_attendee(attendee: BriefingAttendee):
    """What a present person's certificate says: the briefing, its date and learning.

    Only the recommendations that accept a briefing as evidence are listed as
    evidenced; briefing certificates do not expire.
    """
    from certificates.models import AchievementKind
    from certificates.services import Achievement

    delivery = attendee.delivery
    briefing = delivery.briefing
    return Achievement(
        kind=AchievementKind.BRIEFING,
        source_key=f"briefing-attendee:{attendee.pk}",
        title=briefing.title,
        completed_on=delivery.delivered_on,
        cpd_minutes=briefing.cpd_minutes,
        refresher_months=None,
        recommendations=list(
            briefing.recommendations.filter(
                briefings_count_as_evidence=True
            ).select_related("review")
        ),
        learning_points=list(briefing.learning_points.select_related("review")),
        briefing=briefing,
    )
