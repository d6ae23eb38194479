"""Invented demo content: partner agencies, the four demo accounts and learners.

Everything is idempotent: loading twice leaves one copy of each row.
"""

import random

from django.db import transaction

from allauth.account.models import EmailAddress

from learning.accounts.factories import totp_enable
from learning.accounts.models import (
    Agency,
    AgencyEmailDomain,
    AgencyKind,
    Profile,
    User,
)
from learning.accounts.roles import Role
from learning.accounts.services import profile_save, user_roles_set

DEMO_PASSWORD = "learn-safely-2026"  # noqa: S105 - demo data only, refused without DEBUG
# The authenticator-app secret of every demo staff account (trainer and leads), who
# must use two-step sign-in. Published in the README: demo data only.
DEMO_TOTP_SECRET = "LEARNSAFELYDEMOSECRETKEYTWOSTEPS"  # noqa: S105

AGENCIES = [
    (
        "Children's Social Care",
        AgencyKind.CHILDRENS_SOCIAL_CARE,
        ["council.example.org"],
        420,
    ),
    (
        "Early Help and Family Support",
        AgencyKind.EARLY_HELP,
        ["council.example.org"],
        150,
    ),
    ("Adult Social Care", AgencyKind.ADULT_SOCIAL_CARE, ["council.example.org"], 380),
    (
        "Multi-Agency Safeguarding Hub (MASH)",
        AgencyKind.MASH,
        ["mash.example.org"],
        45,
    ),
    (
        "Oakfield Primary School",
        AgencyKind.EDUCATION,
        ["oakfield-primary.example.org"],
        40,
    ),
    ("Brookside Academy", AgencyKind.EDUCATION, ["brookside-academy.example.org"], 95),
    (
        "Castle Street Medical Practice",
        AgencyKind.PRIMARY_CARE,
        ["castlestreet-gp.example.org"],
        30,
    ),
    ("Hillside Surgery", AgencyKind.PRIMARY_CARE, ["hillside-surgery.example.org"], 22),
    (
        "Borough General Hospital NHS Trust",
        AgencyKind.ACUTE_HEALTH,
        ["nhs.example.org", "bgh.example.org"],
        900,
    ),
    (
        "Community Health Services NHS Trust",
        AgencyKind.COMMUNITY_HEALTH,
        ["nhs.example.org"],
        310,
    ),
    (
        "Borough Mental Health NHS Trust",
        AgencyKind.MENTAL_HEALTH,
        ["nhs.example.org"],
        260,
    ),
    (
        "Regional Police: Local Policing Unit",
        AgencyKind.POLICE,
        ["police.example.org"],
        210,
    ),
    ("Borough Homes", AgencyKind.HOUSING, ["boroughhomes.example.org"], None),
    (
        "Brighter Futures Family Charity",
        AgencyKind.VOLUNTARY_SECTOR,
        ["brighterfutures.example.org"],
        35,
    ),
    (
        "Safeguarding People Partnership",
        AgencyKind.PARTNERSHIP,
        ["partnership.example.org"],
        12,
    ),
]

# (email, name, agency, job title, team, roles)
DEMO_ACCOUNTS = [
    (
        "learner@example.org",
        "Priya Shah",
        "Children's Social Care",
        "Social worker",
        "Locality team North",
        [],
    ),
    (
        "trainer@example.org",
        "Tom Okafor",
        "Safeguarding People Partnership",
        "Multi-agency safeguarding trainer",
        "Learning and development",
        [Role.TRAINERS],
    ),
    (
        "lead@example.org",
        "Helen Marsh",
        "Safeguarding People Partnership",
        "Learning and improvement lead",
        "Partnership business unit",
        [Role.PARTNERSHIP_LEADS],
    ),
    (
        "agencylead@example.org",
        "Gareth Price",
        "Children's Social Care",
        "Principal social worker and safeguarding lead",
        "Quality assurance",
        [Role.AGENCY_LEADS],
    ),
]

FIRST_NAMES = [
    "Aisha",
    "Ben",
    "Chloe",
    "Daniel",
    "Ella",
    "Farhan",
    "Grace",
    "Harry",
    "Imran",
    "Jade",
    "Kieran",
    "Leah",
    "Mohammed",
    "Niamh",
    "Oliver",
    "Poppy",
    "Rhys",
    "Sana",
    "Tariq",
    "Uma",
    "Victoria",
    "Wes",
    "Yasmin",
    "Zoe",
    "Callum",
    "Amelia",
    "Hannah",
    "Joseph",
    "Kavita",
    "Liam",
    "Maya",
    "Nathan",
    "Olivia",
    "Ravi",
    "Sophie",
    "Tom",
]
LAST_NAMES = [
    "Ahmed",
    "Bennett",
    "Clarke",
    "Davies",
    "Evans",
    "Fletcher",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Nash",
    "Owen",
    "Patel",
    "Rowe",
    "Singh",
    "Turner",
    "Walsh",
    "Young",
    "Begum",
    "Carter",
    "Dhillon",
]
JOB_TITLES = {
    AgencyKind.CHILDRENS_SOCIAL_CARE: [
        "Social worker",
        "Senior social worker",
        "Team manager",
    ],
    AgencyKind.EARLY_HELP: ["Family support worker", "Early help practitioner"],
    AgencyKind.ADULT_SOCIAL_CARE: ["Social worker (adults)", "Occupational therapist"],
    AgencyKind.MASH: ["MASH social worker", "MASH health practitioner"],
    AgencyKind.EDUCATION: [
        "Designated safeguarding lead",
        "Class teacher",
        "Pastoral lead",
    ],
    AgencyKind.PRIMARY_CARE: ["GP", "Practice nurse", "Safeguarding administrator"],
    AgencyKind.ACUTE_HEALTH: [
        "Paediatric nurse",
        "Emergency department doctor",
        "Ward sister",
    ],
    AgencyKind.COMMUNITY_HEALTH: [
        "Health visitor",
        "School nurse",
        "Community midwife",
    ],
    AgencyKind.MENTAL_HEALTH: ["Community psychiatric nurse", "Care coordinator"],
    AgencyKind.POLICE: ["Police constable", "Detective constable", "Police sergeant"],
    AgencyKind.HOUSING: ["Housing officer", "Tenancy support officer"],
    AgencyKind.VOLUNTARY_SECTOR: [
        "Family support volunteer coordinator",
        "Youth worker",
    ],
}
LEARNER_COUNT = 36


def _verified_user(*, email, name):
    user, created = User.objects.get_or_create(email=email, defaults={"name": name})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user, created


@transaction.atomic
def demo_partnership_settings_load() -> None:
    """Fill in the certificate signatory and contact address if nobody has yet."""
    from .selectors import partnership_settings

    settings = partnership_settings()
    changed = False
    for field, value in (
        ("signatory_name", "Helen Marsh"),
        ("signatory_role", "Learning and improvement lead"),
        ("contact_email", "learning@partnership.example.org"),
    ):
        if not getattr(settings, field):
            setattr(settings, field, value)
            changed = True
    if changed:
        settings.save()


@transaction.atomic
def demo_agencies_load() -> dict[str, Agency]:
    agencies = {}
    for name, kind, domains, headcount in AGENCIES:
        agency, _ = Agency.objects.update_or_create(
            name=name, defaults={"kind": kind, "frontline_headcount": headcount}
        )
        for domain in domains:
            AgencyEmailDomain.objects.get_or_create(agency=agency, domain=domain)
        agencies[name] = agency
    return agencies


def _new_profile_agency(user: User, agency: Agency) -> Agency | None:
    """The agency for a demo person's new profile; None (keep it) once they have
    one, as a lead may have moved them since the demo was last loaded."""
    return None if Profile.objects.filter(user=user).exists() else agency


@transaction.atomic
def demo_accounts_load(*, agencies: dict[str, Agency]) -> list[User]:
    users = []
    for email, name, agency_name, job_title, team, roles in DEMO_ACCOUNTS:
        user, _ = _verified_user(email=email, name=name)
        profile_save(
            user=user,
            agency=_new_profile_agency(user, agencies[agency_name]),
            job_title=job_title,
            team=team,
            allow_any_domain=True,
        )
        user_roles_set(user=user, roles=roles)
        if roles:
            totp_enable(user, secret=DEMO_TOTP_SECRET)
        users.append(user)
    return users


@transaction.atomic
def demo_learners_load(
    *, agencies: dict[str, Agency], count: int = LEARNER_COUNT
) -> int:
    """Invented learners spread across front-line agencies; returns how many were new."""
    rng = random.Random(2026)  # noqa: S311 - repeatable demo names, not security
    frontline = [
        (name, kind, domains)
        for name, kind, domains, _headcount in AGENCIES
        if kind in JOB_TITLES
    ]
    created_count = 0
    for index in range(count):
        first = FIRST_NAMES[index % len(FIRST_NAMES)]
        last = LAST_NAMES[(index * 7) % len(LAST_NAMES)]
        agency_name, kind, domains = frontline[index % len(frontline)]
        email = f"{first}.{last}.{index + 1}@{domains[0]}".lower()
        user, created = _verified_user(email=email, name=f"{first} {last}")
        created_count += created
        profile_save(
            user=user,
            agency=_new_profile_agency(user, agencies[agency_name]),
            job_title=rng.choice(JOB_TITLES[kind]),
            team="",
        )
    return created_count


TRAINING = [
    {
        "title": "Professional Challenge and Resolution: escalating concerns",
        "description": (
            "A half-day, scenario-based workshop on the partnership's Professional "
            "Challenge and Resolution process: when to use it instead of re-referring, "
            "how to raise a challenge, what to record, and how to stay involved while it "
            "is resolved."
        ),
        "recommendations": [5],
        "learning_points": [8, 9, 10],
        "cpd_minutes": 180,
        "venue": "Council House, Committee Room 2",
    },
    {
        "title": "Graded Care Profile 2 (GCP2): practitioner training",
        "description": (
            "The partnership's one-day GCP2 practitioner course. Completing it licenses "
            "you to use GCP2 with families in this area. Bring a case you are worried "
            "about (anonymised) to practise on."
        ),
        "recommendations": [1],
        "learning_points": [1, 2, 12],
        "cpd_minutes": 360,
        "venue": "Brookside Academy, Conference Suite",
        "grants_licence": "gcp2",
    },
]


DEMO_NO_SHOW_FEE = 75
DEMO_LATE_CANCELLATION_FEE = 40
DEMO_FEE_EXEMPT_KINDS = ["childrens_social_care", "police", "mash"]


@transaction.atomic
def demo_training_load(*, trainer_email="trainer@example.org") -> int:
    """Two courses, each with a past session (register kept) and two future ones."""
    from datetime import timedelta

    from django.utils import timezone

    from learning.events.models import Booking, Course, TrainingSession
    from learning.events.services import booking_create, register_save
    from learning.reviews.models import LearningPoint, Recommendation

    trainer = User.objects.get(email=trainer_email)
    learners = list(
        User.objects.filter(profile__isnull=False, groups__name=Role.LEARNERS)
        .exclude(email__in=[a[0] for a in DEMO_ACCOUNTS if a[5]])
        .order_by("email")[:12]
    )
    today = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0)
    created = 0
    for spec in TRAINING:
        course, _ = Course.objects.get_or_create(
            title=spec["title"],
            defaults={
                "description": spec["description"],
                "cpd_minutes": spec["cpd_minutes"],
            },
        )
        course.recommendations.set(
            Recommendation.objects.filter(number__in=spec["recommendations"])
        )
        course.learning_points.set(
            LearningPoint.objects.filter(number__in=spec["learning_points"])
        )
        course.grants_licence = spec.get("grants_licence", "")
        # The statutory partners fund the training, so only other agencies are
        # charged for places left empty.
        course.no_show_fee = DEMO_NO_SHOW_FEE
        course.late_cancellation_fee = DEMO_LATE_CANCELLATION_FEE
        course.fee_exempt_kinds = DEMO_FEE_EXEMPT_KINDS
        course.save()
        for days, capacity in ((-21, 12), (10, 12), (24, 3)):
            start = today + timedelta(days=days)
            session, was_created = TrainingSession.objects.get_or_create(
                course=course,
                start__date=start.date(),
                defaults={
                    "start": start,
                    "end": start + timedelta(minutes=spec["cpd_minutes"]),
                    "venue": spec["venue"],
                    "capacity": capacity,
                },
            )
            session.trainers.add(trainer)
            created += was_created
            if not was_created:
                continue
            if days < 0:
                # A past session: booked earlier, register kept by the trainer.
                bookings = [
                    Booking.objects.create(
                        session=session,
                        user=user,
                        status="booked",
                        created_at=start - timedelta(days=30),
                    )
                    for user in learners[:8]
                ]
                # One place cancelled the day before: a late cancellation.
                late_canceller = learners[8:9]
                for user in late_canceller:
                    Booking.objects.create(
                        session=session,
                        user=user,
                        status="cancelled",
                        created_at=start - timedelta(days=30),
                        cancelled_at=start - timedelta(days=1),
                        late_cancellation=True,
                    )
                statuses = {
                    b.pk: (
                        "did_not_attend" if i == 7 else "late" if i == 6 else "attended"
                    )
                    for i, b in enumerate(bookings)
                }
                register_save(
                    session=session, statuses=statuses, recorded_by=trainer, now=start
                )
            else:
                for user in learners[: capacity + 1]:
                    booking_create(session=session, learner=user)
    return created
