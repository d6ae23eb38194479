"""Demo data for this app, called by `load_demo` after agencies, people and training."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from learning.accounts.factories import totp_enable
from learning.accounts.models import User
from learning.accounts.roles import Role
from learning.core.demo import DEMO_TOTP_SECRET

from .models import Briefing, BriefingDelivery

BRIEFING_TITLE = "Seven-minute briefing: learning from a case of chronic neglect"
BRIEFING_SUMMARY = (
    "The partnership's Safer7 on the chronic neglect learning review: the case in "
    "brief, why it matters, what the review found and what to do differently, with "
    "questions for the team to discuss. Give it in a team meeting or supervision."
)
MODULE_SLUG = "seven-minute-briefing"
REVIEW_SLUG = "chronic-neglect"
AGENCY = "Children's Social Care"
AGENCY_LEAD_EMAIL = "agencylead@example.org"
DEMO_LEARNER_EMAIL = "learner@example.org"
DEMO_TEAM = "Locality team North"
COLLEAGUES = 4
DEMO_ACCOUNT_EMAILS = {
    "learner@example.org",
    "trainer@example.org",
    "lead@example.org",
    "agencylead@example.org",
}


def _briefing(module) -> Briefing:
    from learning.reviews.models import LearningPoint, Recommendation

    briefing, _created = Briefing.objects.get_or_create(
        title=BRIEFING_TITLE,
        defaults={"summary": BRIEFING_SUMMARY, "module": module, "cpd_minutes": 15},
    )
    briefing.recommendations.set(
        Recommendation.objects.filter(review__slug=REVIEW_SLUG, number=6)
    )
    briefing.learning_points.set(LearningPoint.objects.filter(review__slug=REVIEW_SLUG))
    briefing.save()
    return briefing


def _team_manager():
    """A demo learner of children's social care (not one of the four accounts)."""
    staff = (
        User.objects.filter(profile__agency__name=AGENCY)
        .exclude(email__in=DEMO_ACCOUNT_EMAILS)
        .select_related("profile")
        .order_by("email")
    )
    return staff.filter(profile__job_title="Team manager").first() or staff.first()


@transaction.atomic
def demo_briefings_load() -> str:
    """Load the demo data (idempotent) and return a short summary for the command."""
    from modules.models import ModulePage

    from .services import briefing_delivery_record, team_manager_grant

    module = ModulePage.objects.live().filter(slug=MODULE_SLUG).first()
    if module is None:
        return (
            "Briefings: skipped, because the seven-minute briefing module is not "
            "loaded (run load_modules first)."
        )
    briefing = _briefing(module)
    manager = _team_manager()
    if manager is None:
        return "Briefings: one briefing; no demo learner to make a team manager."
    if not manager.groups.filter(name=Role.TEAM_MANAGERS).exists():
        team_manager_grant(
            user=manager, granted_by=User.objects.get(email=AGENCY_LEAD_EMAIL)
        )
        manager = User.objects.get(pk=manager.pk)  # a fresh permission cache
    # Team managers see colleagues' records, so they use two-step sign-in too.
    totp_enable(manager, secret=DEMO_TOTP_SECRET)
    delivery = BriefingDelivery.objects.filter(
        briefing=briefing, delivered_by=manager
    ).first()
    if delivery is None:
        colleagues = list(
            User.objects.filter(profile__agency__name=AGENCY)
            .exclude(pk=manager.pk)
            .order_by("email")
        )
        # The demo learner first, so that their My learning shows the briefing.
        colleagues.sort(key=lambda user: user.email != DEMO_LEARNER_EMAIL)
        delivery = briefing_delivery_record(
            briefing=briefing,
            delivered_by=manager,
            delivered_on=timezone.localdate() - timedelta(days=14),
            team=DEMO_TEAM,
            attendees=colleagues[:COLLEAGUES],
            notes=(
                "The team talked about two families where missed health "
                "appointments had been seen one at a time rather than as a pattern."
            ),
            actions=(
                "Each practitioner to check one open case for a multi-agency "
                "chronology by the next team meeting."
            ),
        )
    return (
        f"Briefings: 1 briefing; {manager.email} is a team manager and recorded a "
        f"delivery to {delivery.attendees.count()} colleagues "
        "(the demo password and authenticator secret apply)."
    )
