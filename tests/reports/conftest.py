"""A small, hand-built partnership for the report tests.

Three agencies, two modules, a course and a briefing mapped to the seeded review:

- Recommendation 1 (any): module one or the course.
- Recommendation 2 (all): module one and module two.
- Recommendation 3 (any, briefings count): the briefing.
- Recommendation 4 (any, briefings do not count): the briefing only, so nothing
  that counts is mapped to it. Recommendations 5 and 6 have nothing mapped.

People (``world.people[key]``) and what they hold today:

- Children's Social Care (headcount 20): a1 module one; a2 module one (twice)
  and module two; a3 module one renewed (old one expired) and the course; a4
  module two expired and module one revoked, and a no-show; a5 the briefing; plus
  the agency lead and the partnership lead, who hold nothing.
- Oakfield Primary School: b1 the course (attended in the period); b2 moved from
  Children's Social Care, modules one and two (certificates issued there); b3
  module one.
- Northbridge Police (no headcount): c1 module one, expiring in 30 days; c2 the
  briefing and a current GCP2 licence; c3 is deactivated and is never counted.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from itertools import count

from django.utils import timezone

import pytest

from certificates.models import Certificate
from learning.accounts.factories import AgencyFactory, ProfileFactory
from learning.accounts.models import AgencyKind
from learning.accounts.roles import Role
from learning.briefings.models import Briefing
from learning.events.factories import CourseFactory, TrainingSessionFactory
from learning.events.models import AttendanceStatus, Booking, BookingStatus
from learning.licences.models import Licence, LicenceKind
from learning.reviews.models import EvidenceRule, Recommendation
from modules.factories import module_create
from modules.models import ModuleProgress
from tests.conftest import make_person

_codes = count(1)


def certificate_give(
    person, item, *, days_ago=30, expires_in=700, revoked=False, agency=None
):
    """A certificate for a module, course or briefing, as the issuing code stores it."""
    today = timezone.localdate()
    kind = {"ModulePage": "module", "Course": "session", "Briefing": "briefing"}[
        type(item).__name__
    ]
    agency = agency or person.profile.agency
    return Certificate.objects.create(
        holder=person,
        holder_name=person.name,
        agency=agency,
        agency_name=agency.name,
        kind=kind,
        module=item if kind == "module" else None,
        course=item if kind == "session" else None,
        briefing=item if kind == "briefing" else None,
        source_key=f"test:{next(_codes)}",
        title=str(item.title),
        completed_on=today - timedelta(days=days_ago),
        expires_on=None if expires_in is None else today + timedelta(days=expires_in),
        revoked_at=timezone.now() if revoked else None,
    )


@dataclass
class World:
    agencies: dict
    modules: list
    course: object
    briefing: object
    session: object
    recommendations: dict
    people: dict = field(default_factory=dict)
    agency_lead: object = None
    partnership_lead: object = None


@pytest.fixture
def world(db, agency, other_agency):
    police = AgencyFactory(name="Northbridge Police", kind=AgencyKind.POLICE)
    agency.frontline_headcount = 20
    agency.save()
    module_one = module_create(title="Seeing the pattern", recommendations=[1, 2])
    module_two = module_create(title="Professional curiosity", recommendations=[2])
    course = CourseFactory(title="Neglect in practice", recommendation_numbers=[1])
    briefing = Briefing.objects.create(
        title="Seven-minute briefing: the home visit", summary="What to look for."
    )
    briefing.recommendations.set(Recommendation.objects.filter(number__in=[3, 4]))
    briefing.save()
    recommendations = {r.number: r for r in Recommendation.objects.all()}
    Recommendation.objects.update(
        evidence_rule=EvidenceRule.ANY, briefings_count_as_evidence=False
    )
    Recommendation.objects.filter(number=2).update(evidence_rule=EvidenceRule.ALL)
    Recommendation.objects.filter(number=3).update(briefings_count_as_evidence=True)

    world = World(
        agencies={"a": agency, "b": other_agency, "c": police},
        modules=[module_one, module_two],
        course=course,
        briefing=briefing,
        session=TrainingSessionFactory(
            course=course,
            start=timezone.now() - timedelta(days=10),
            end=timezone.now() - timedelta(days=10) + timedelta(hours=3),
        ),
        recommendations=recommendations,
    )
    world.agency_lead = make_person(
        email="lead@council.example.org",
        agency=agency,
        roles=[Role.AGENCY_LEADS],
        name="Alex Lead",
    )
    world.partnership_lead = make_person(
        email="dspp@council.example.org",
        agency=agency,
        roles=[Role.PARTNERSHIP_LEADS],
        name="Pat Partnership",
    )
    for key in ("a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "c1", "c2", "c3"):
        home = world.agencies[key[0]]
        # Plain profiles: role groups play no part in the figures, and are slow.
        world.people[key] = ProfileFactory(
            user__email=f"{key}@{key[0]}.example.org",
            user__name=f"Person {key}",
            agency=home,
        ).user
    p = world.people
    certificate_give(p["a1"], module_one)
    ModuleProgress.objects.create(
        user=p["a1"],
        module=module_one,
        started_at=timezone.now() - timedelta(days=3),
        completed_at=timezone.now() - timedelta(days=1),
    )
    certificate_give(p["a2"], module_one, days_ago=200)
    certificate_give(p["a2"], module_one)
    certificate_give(p["a2"], module_two)
    certificate_give(p["a3"], module_one, days_ago=1200, expires_in=-100)
    certificate_give(p["a3"], module_one, days_ago=20)
    certificate_give(p["a3"], course)
    certificate_give(p["a4"], module_two, days_ago=1200, expires_in=-400)
    certificate_give(p["a4"], module_one, days_ago=700, revoked=True)
    Booking.objects.create(
        session=world.session,
        user=p["a4"],
        status=BookingStatus.BOOKED,
        attendance=AttendanceStatus.DID_NOT_ATTEND,
    )
    certificate_give(p["a5"], briefing)
    certificate_give(p["b1"], course)
    Booking.objects.create(
        session=world.session,
        user=p["b1"],
        status=BookingStatus.BOOKED,
        attendance=AttendanceStatus.ATTENDED,
    )
    # b2 moved from Children's Social Care: the certificates keep the old agency.
    certificate_give(p["b2"], module_one, agency=agency)
    certificate_give(p["b2"], module_two, agency=agency)
    certificate_give(p["b3"], module_one)
    certificate_give(p["c1"], module_one, expires_in=30)
    certificate_give(p["c2"], briefing)
    Licence.objects.create(
        holder=p["c2"],
        kind=LicenceKind.GCP2,
        granted_on=timezone.localdate() - timedelta(days=10),
        refresher_due=timezone.localdate() + timedelta(days=300),
    )
    certificate_give(p["c3"], module_one)
    p["c3"].is_active = False
    p["c3"].save()
    return world
