"""Invented demo content: partner agencies, the four demo accounts and learners.

Everything is idempotent: loading twice leaves one copy of each row.
"""

import random

from django.db import transaction

from allauth.account.models import EmailAddress

from learning.accounts.models import Agency, AgencyEmailDomain, AgencyKind, User
from learning.accounts.roles import Role
from learning.accounts.services import profile_save, user_roles_set

DEMO_PASSWORD = "learn-safely-2026"  # noqa: S105 - demo data only, refused without DEBUG

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


@transaction.atomic
def demo_accounts_load(*, agencies: dict[str, Agency]) -> list[User]:
    users = []
    for email, name, agency_name, job_title, team, roles in DEMO_ACCOUNTS:
        user, _ = _verified_user(email=email, name=name)
        profile_save(
            user=user,
            agency=agencies[agency_name],
            job_title=job_title,
            team=team,
            allow_any_domain=True,
        )
        user_roles_set(user=user, roles=roles)
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
            agency=agencies[agency_name],
            job_title=rng.choice(JOB_TITLES[kind]),
            team="",
        )
    return created_count
