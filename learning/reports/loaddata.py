"""A large, realistic, invented dataset for benchmarking the reports.

``load_data_generate`` adds one batch of invented staff across about fifteen agencies,
with their module progress, quiz attempts, bookings and attendance, GCP2 licences,
seven-minute briefings and certificates, all written with ``bulk_create`` in batches.
Nothing is rendered and nobody is emailed. Every generated person has an email address
under ``load.example.org``; ``load_data_reset`` removes them and everything generated
for them, and nothing else.

The live modules must exist first (``python manage.py load_modules``).
"""

import math
import random
import secrets
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from allauth.account.models import EmailAddress

from certificates.models import AchievementKind, Certificate, new_certificate_code
from learning.accounts.models import (
    Agency,
    AgencyEmailDomain,
    AgencyKind,
    Profile,
    User,
)
from learning.accounts.roles import Role, roles_sync
from learning.briefings.models import Briefing, BriefingAttendee, BriefingDelivery
from learning.core.dates import add_months
from learning.core.demo import AGENCIES as DEMO_AGENCIES
from learning.core.demo import FIRST_NAMES, JOB_TITLES, LAST_NAMES, TRAINING
from learning.events.models import (
    AttendanceStatus,
    Booking,
    BookingStatus,
    Charge,
    Course,
    SessionStatus,
    TrainingSession,
)
from learning.licences.models import Licence
from learning.reviews.models import LearningPoint, Recommendation
from modules.models import (
    ModulePage,
    ModuleProgress,
    QuizAnswer,
    QuizAttempt,
    QuizAttemptStatus,
)
from modules.quiz import draw_questions, questions_of

LOAD_DOMAIN = "load.example.org"
# Sessions made here carry this prefix in their (never shown) check-in secret, so a
# reset can find them without a marker anyone would see.
LOAD_SESSION_SECRET_PREFIX = "load-"  # noqa: S105 - a marker, not a secret
BATCH_SIZE = 2000
CHUNK_LEARNERS = 5000
MONTHS_OF_ACTIVITY = 18
# About one person in ten joined before the 18 months, so that some certificates and
# licences have passed their refresher date.
EARLY_JOINER_SHARE = 0.1
EARLIEST_DAYS_AGO = 1340

NO_LIVE_MODULES = (
    "There are no live modules to generate progress for. "
    "Run `python manage.py load_modules` first."
)
LEARNERS_MUST_BE_POSITIVE = "Give a number of learners of one or more."

# Demo agencies that make sense at scale (name from learning.core.demo.AGENCIES),
# each with the share of its front-line staff who have registered.
REUSED_AGENCIES = {
    "Children's Social Care": 0.9,
    "Early Help and Family Support": 0.8,
    "Adult Social Care": 0.55,
    "Multi-Agency Safeguarding Hub (MASH)": 0.95,
    "Oakfield Primary School": 0.7,
    "Hillside Surgery": 0.5,
    "Borough General Hospital NHS Trust": 0.6,
    "Community Health Services NHS Trust": 0.8,
    "Regional Police: Local Policing Unit": 0.65,
    "Brighter Futures Family Charity": 0.75,
}
PARTNERSHIP_AGENCY = "Safeguarding People Partnership"
# Invented agencies that take most of a large batch: (name, kind, share of the
# batch, share of their front-line staff registered). Front-line headcounts follow.
NEW_AGENCIES = [
    ("Northmoor Schools Partnership Trust", AgencyKind.EDUCATION, 0.24, 0.7),
    ("Riverside GP Federation", AgencyKind.PRIMARY_CARE, 0.1, 0.45),
    ("County Ambulance Service NHS Trust", AgencyKind.ACUTE_HEALTH, 0.14, 0.5),
    ("Borough Probation Delivery Unit", AgencyKind.PROBATION, 0.06, 0.85),
    ("Westgate Housing Association", AgencyKind.HOUSING, 0.08, 0.6),
    ("Eastfield College", AgencyKind.EDUCATION, 0.07, 0.55),
    ("County Children's Health Services", AgencyKind.COMMUNITY_HEALTH, 0.21, 0.8),
    ("Lantern Young People's Trust", AgencyKind.VOLUNTARY_SECTOR, 0.1, 0.65),
]
EXTRA_JOB_TITLES = {
    AgencyKind.PROBATION: ["Probation officer", "Probation services officer"],
    AgencyKind.PARTNERSHIP: ["Partnership business officer"],
}
MANAGER_TITLES = {"Team manager", "Police sergeant", "Ward sister", "Pastoral lead"}
TEAM_NAMES = {
    AgencyKind.CHILDRENS_SOCIAL_CARE: [
        "Assessment team North",
        "Assessment team South",
        "Child protection team",
        "Children in care team",
    ],
    AgencyKind.EDUCATION: ["Safeguarding team", "Early years", "Key stage 3"],
    AgencyKind.ACUTE_HEALTH: [
        "Children's ward",
        "Emergency department",
        "Maternity unit",
    ],
    AgencyKind.COMMUNITY_HEALTH: [
        "Health visiting North",
        "Health visiting South",
        "School nursing",
    ],
    AgencyKind.POLICE: ["Neighbourhood team", "Public protection unit"],
}
DEFAULT_TEAMS = ["North locality", "South locality", "East locality", "West locality"]
# How often staff of a kind book each demo course (by title) over the period.
COURSE_DEMAND = {
    TRAINING[0]["title"]: (0.1, None),
    TRAINING[1]["title"]: (
        0.2,
        {
            AgencyKind.CHILDRENS_SOCIAL_CARE,
            AgencyKind.EARLY_HELP,
            AgencyKind.COMMUNITY_HEALTH,
            AgencyKind.EDUCATION,
            AgencyKind.MASH,
            AgencyKind.VOLUNTARY_SECTOR,
        },
    ),
}
OTHER_COURSE_DEMAND = 0.05
OFF_AUDIENCE_DEMAND = 0.02
ATTENDANCE_WEIGHTS = [
    (AttendanceStatus.ATTENDED, 76),
    (AttendanceStatus.LATE, 7),
    (AttendanceStatus.ABSENT, 6),
    (AttendanceStatus.DID_NOT_ATTEND, 11),
]
REVOKED_SHARE = 0.006
REVOKE_REASONS = [
    "Issued in error: the register was corrected after the session.",
    "A duplicate account was merged; the certificate is held on the other account.",
]
BRIEFING_NOTES = [
    "The team discussed how drift shows in the chronology and who holds the "
    "overview in their own cases.",
    "Discussion centred on checking what parents say against what is seen, and on "
    "when to use the escalation process.",
    "The team talked through a current case where the child's lived experience was "
    "not recorded and agreed how to capture it.",
]
BRIEFING_ACTIONS = [
    "Each worker to review one case against the briefing before the next meeting.",
    "Add the escalation process to the team's induction checklist.",
    "",
]


@dataclass
class LoadSummary:
    batch: int
    counts: Counter = field(default_factory=Counter)

    def __str__(self):
        parts = ", ".join(f"{value} {name}" for name, value in self.counts.items())
        return f"Batch {self.batch}: {parts}."


@dataclass
class _Agency:
    agency: Agency
    slug: str
    engagement: float
    completion: float
    allocated: int = 0
    # Share of the front-line workforce registered, for invented agencies only.
    reach: float | None = None


@dataclass
class _Person:
    user_id: int
    name: str
    email: str
    agency: _Agency
    team: str
    job_title: str
    joined: datetime


@dataclass
class _Module:
    page: ModulePage
    snapshot_recommendations: list
    snapshot_learning_points: list
    audience: set
    steps: int
    questions: dict
    difficulty: dict


@dataclass
class _Course:
    course: Course
    snapshot_recommendations: list
    snapshot_learning_points: list
    demand: float
    audience: set | None
    sessions: list = field(default_factory=list)
    starts: list = field(default_factory=list)
    places: dict = field(default_factory=dict)


def is_generated_email(email: str) -> bool:
    return email.lower().endswith("." + LOAD_DOMAIN)


def generated_users():
    return User.objects.filter(email__iendswith="." + LOAD_DOMAIN)


def _snapshot(items) -> list[dict]:
    """The same shape as a certificate's snapshot (see certificates.services)."""
    return [
        {"review": item.review.title, "number": item.number, "text": item.text}
        for item in sorted(items, key=lambda i: (i.review_id, i.number))
    ]


def _next_batch() -> int:
    batch = 1
    while generated_users().filter(email__contains=f".b{batch}-").exists():
        batch += 1
    return batch


def _bulk(model, objects) -> list:
    return model.objects.bulk_create(objects, batch_size=BATCH_SIZE)


class _Generator:
    def __init__(self, *, learners: int, seed: int | None, now: datetime | None):
        self.learners = learners
        self.rng = random.Random(seed)  # noqa: S311 - invented data, not security
        self.now = now or timezone.now()
        self.today = timezone.localdate(self.now)
        self.batch = _next_batch()
        self.summary = LoadSummary(batch=self.batch)
        self.groups = roles_sync()
        self.password = make_password(None)
        self.codes = set()
        self.leads = {}
        self.team_numbers = Counter()

    # ------------------------------------------------------------ set-up

    def run(self) -> LoadSummary:
        self.modules = self._modules()
        if not self.modules:
            raise ValueError(NO_LIVE_MODULES)
        self.agencies = self._agencies()
        self.trainer, self.partnership_lead = self._staff()
        self.courses = self._courses()
        self.briefings = self._briefings()
        self._sessions()
        queue = self._allocation()
        for start in range(0, len(queue), CHUNK_LEARNERS):
            self._chunk(queue[start : start + CHUNK_LEARNERS], offset=start)
        return self.summary

    def _modules(self) -> list[_Module]:
        modules = []
        pages = (
            ModulePage.objects.live()
            .prefetch_related("audiences")
            .order_by("path")
            .specific()
        )
        for page in pages:
            questions = questions_of(page.quiz_questions)
            modules.append(
                _Module(
                    page=page,
                    snapshot_recommendations=_snapshot(
                        page.recommendations.select_related("review")
                    ),
                    snapshot_learning_points=_snapshot(
                        page.learning_points.select_related("review")
                    ),
                    audience={a.kind for a in page.audiences.all()},
                    steps=max(len(page.steps), 1),
                    questions=questions,
                    difficulty={qid: self.rng.uniform(0.55, 0.97) for qid in questions},
                )
            )
        return modules

    def _agencies(self) -> list[_Agency]:
        demo = {name: (kind, headcount) for name, kind, _d, headcount in DEMO_AGENCIES}
        agencies = []
        for name, reach in REUSED_AGENCIES.items():
            kind, headcount = demo[name]
            agency, _created = Agency.objects.get_or_create(
                name=name, defaults={"kind": kind, "frontline_headcount": headcount}
            )
            agencies.append((agency, round((headcount or 100) * reach), None))
        for name, kind, share, reach in NEW_AGENCIES:
            agency, _created = Agency.objects.get_or_create(
                name=name, defaults={"kind": kind}
            )
            agencies.append((agency, share * self.learners, reach))
        records = []
        weights = []
        for agency, weight, reach in agencies:
            slug = slugify(agency.name)[:40].strip("-")
            AgencyEmailDomain.objects.get_or_create(
                agency=agency, domain=f"{slug}.{LOAD_DOMAIN}"
            )
            record = _Agency(
                agency=agency,
                slug=slug,
                engagement=self.rng.uniform(0.35, 0.85),
                completion=self.rng.uniform(0.6, 0.92),
                reach=reach,
            )
            records.append(record)
            weights.append(weight)
        # Largest remainder, with everyone given at least one person when possible.
        total = sum(weights)
        quotas = [self.learners * w / total for w in weights]
        counts = [int(q) for q in quotas]
        if self.learners >= len(records):
            counts = [max(c, 1) for c in counts]
        by_remainder = sorted(
            range(len(records)), key=lambda i: quotas[i] - int(quotas[i]), reverse=True
        )
        index = 0
        while sum(counts) < self.learners:
            counts[by_remainder[index % len(records)]] += 1
            index += 1
        while sum(counts) > self.learners:
            largest = max(range(len(counts)), key=counts.__getitem__)
            counts[largest] -= 1
        for record, count in zip(records, counts, strict=True):
            record.allocated = count
            if record.reach and count:
                # Invented agencies: the headcount grows with each batch loaded.
                agency = record.agency
                agency.frontline_headcount = (agency.frontline_headcount or 0) + round(
                    count / record.reach
                )
                agency.save(update_fields=["frontline_headcount"])
        self.summary.counts["agencies"] = len(records)
        return records

    def _person(self, *, local, agency, job_title, team, roles, joined):
        """One generated user (not yet saved) with what the chunk writer needs."""
        return {
            "local": local,
            "agency": agency,
            "job_title": job_title,
            "team": team,
            "roles": roles,
            "joined": joined,
        }

    def _staff(self):
        """A trainer and a partnership lead for this batch, and one lead per agency."""
        partnership, _created = Agency.objects.get_or_create(
            name=PARTNERSHIP_AGENCY, defaults={"kind": AgencyKind.PARTNERSHIP}
        )
        slug = slugify(partnership.name)
        AgencyEmailDomain.objects.get_or_create(
            agency=partnership, domain=f"{slug}.{LOAD_DOMAIN}"
        )
        home = _Agency(agency=partnership, slug=slug, engagement=0.9, completion=0.9)
        joined = self.now - timedelta(days=EARLIEST_DAYS_AGO)
        people = [
            self._person(
                local="trainer",
                agency=home,
                job_title="Multi-agency safeguarding trainer",
                team="Learning and development",
                roles=[Role.TRAINERS],
                joined=joined,
            ),
            self._person(
                local="partnershiplead",
                agency=home,
                job_title="Learning and improvement lead",
                team="Partnership business unit",
                roles=[Role.PARTNERSHIP_LEADS],
                joined=joined,
            ),
        ]
        people += [
            self._person(
                local="agencylead",
                agency=record,
                job_title="Designated safeguarding lead",
                team="Safeguarding team",
                roles=[Role.AGENCY_LEADS],
                joined=joined,
            )
            for record in self.agencies
        ]
        created = self._write_people(people, offset=None)
        for person in created[2:]:
            self.leads[person.agency.agency.pk] = person
        self.summary.counts["leads and trainers"] = len(created)
        return created[0], created[1]

    def _courses(self) -> list[_Course]:
        for spec in TRAINING:
            course, created = Course.objects.get_or_create(
                title=spec["title"],
                defaults={
                    "description": spec["description"],
                    "cpd_minutes": spec["cpd_minutes"],
                    "grants_licence": spec.get("grants_licence", ""),
                },
            )
            if created:
                course.recommendations.set(
                    Recommendation.objects.filter(number__in=spec["recommendations"])
                )
                course.learning_points.set(
                    LearningPoint.objects.filter(number__in=spec["learning_points"])
                )
        courses = []
        for course in Course.objects.filter(is_active=True).order_by("pk"):
            demand, audience = COURSE_DEMAND.get(
                course.title, (OTHER_COURSE_DEMAND, None)
            )
            courses.append(
                _Course(
                    course=course,
                    snapshot_recommendations=_snapshot(
                        course.recommendations.select_related("review")
                    ),
                    snapshot_learning_points=_snapshot(
                        course.learning_points.select_related("review")
                    ),
                    demand=demand,
                    audience=audience,
                )
            )
        return courses

    def _briefings(self) -> list[tuple]:
        from learning.briefings.demo import (
            BRIEFING_SUMMARY,
            BRIEFING_TITLE,
            MODULE_SLUG,
        )

        briefings = list(Briefing.objects.filter(is_active=True).order_by("pk"))
        if not briefings:
            module = ModulePage.objects.live().filter(slug=MODULE_SLUG).first()
            if module is None:
                return []
            briefing = Briefing.objects.create(
                title=BRIEFING_TITLE, summary=BRIEFING_SUMMARY, module=module
            )
            briefing.recommendations.set(module.recommendations.all())
            briefing.learning_points.set(module.learning_points.all())
            briefings = [briefing]
        return [
            (
                briefing,
                _snapshot(
                    briefing.recommendations.filter(
                        briefings_count_as_evidence=True
                    ).select_related("review")
                ),
                _snapshot(briefing.learning_points.select_related("review")),
            )
            for briefing in briefings
        ]

    def _random_past(self, *, earliest: datetime) -> datetime:
        span = max((self.now - earliest).total_seconds(), 60)
        return earliest + timedelta(seconds=self.rng.uniform(0, span))

    def _sessions(self):
        local_now = timezone.localtime(self.now)
        sessions = []
        for course in self.courses:
            expected = self.learners * course.demand * 1.15
            capacity_mean = 22
            count = max(3, math.ceil(expected / (capacity_mean * 0.85)))
            for _ in range(count):
                if self.rng.random() < 0.12:
                    days = self.rng.uniform(
                        MONTHS_OF_ACTIVITY * 30.5, EARLIEST_DAYS_AGO
                    )
                else:
                    days = self.rng.uniform(2, MONTHS_OF_ACTIVITY * 30.5)
                start = (local_now - timedelta(days=days)).replace(
                    hour=9, minute=30, second=0, microsecond=0
                )
                session = TrainingSession(
                    course=course.course,
                    start=start,
                    end=start + timedelta(minutes=course.course.cpd_minutes or 180),
                    venue=self.rng.choice(
                        [
                            "Council House, Committee Room 2",
                            "Brookside Academy, Conference Suite",
                            "Riverside Health Centre, Training Room",
                            "Online (Microsoft Teams)",
                        ]
                    ),
                    capacity=self.rng.choice([16, 20, 24, 30]),
                    status=SessionStatus.SCHEDULED,
                    checkin_secret=LOAD_SESSION_SECRET_PREFIX + secrets.token_hex(16),
                )
                sessions.append((course, session))
        created = _bulk(TrainingSession, [s for _c, s in sessions])
        _bulk(
            TrainingSession.trainers.through,
            [
                TrainingSession.trainers.through(
                    trainingsession_id=s.pk, user_id=self.trainer.user_id
                )
                for s in created
            ],
        )
        for course, session in sorted(sessions, key=lambda cs: cs[1].start):
            course.sessions.append(session)
            course.starts.append(session.start)
            course.places[session.pk] = session.capacity
        self.summary.counts["training sessions"] = len(created)

    def _allocation(self) -> list[_Agency]:
        queue = [record for record in self.agencies for _ in range(record.allocated)]
        self.rng.shuffle(queue)
        return queue

    # ------------------------------------------------------------ people

    def _write_people(self, people: list[dict], offset) -> list[_Person]:
        users = []
        for index, spec in enumerate(people):
            first = self.rng.choice(FIRST_NAMES)
            last = self.rng.choice(LAST_NAMES)
            local = spec["local"] or f"{first}.{last}".lower()
            number = "staff" if offset is None else f"{offset + index + 1:06d}"
            email = (
                f"{local}.b{self.batch}-{number}@{spec['agency'].slug}.{LOAD_DOMAIN}"
            )
            users.append(
                User(
                    email=email,
                    name=f"{first} {last}",
                    password=self.password,
                    date_joined=spec["joined"],
                    last_login=None,
                )
            )
        users = _bulk(User, users)
        _bulk(
            Profile,
            [
                Profile(
                    user_id=user.pk,
                    agency=spec["agency"].agency,
                    job_title=spec["job_title"],
                    team=spec["team"],
                    line_manager_name="",
                    line_manager_email="",
                )
                for user, spec in zip(users, people, strict=True)
            ],
        )
        _bulk(
            EmailAddress,
            [
                EmailAddress(
                    user_id=user.pk, email=user.email, verified=True, primary=True
                )
                for user in users
            ],
        )
        memberships = []
        for user, spec in zip(users, people, strict=True):
            for role in (Role.LEARNERS, *spec["roles"]):
                memberships.append(
                    User.groups.through(user_id=user.pk, group_id=self.groups[role].pk)
                )
        _bulk(User.groups.through, memberships)
        self.summary.counts["people"] += len(users)
        return [
            _Person(
                user_id=user.pk,
                name=user.name,
                email=user.email,
                agency=spec["agency"],
                team=spec["team"],
                job_title=spec["job_title"],
                joined=spec["joined"],
            )
            for user, spec in zip(users, people, strict=True)
        ]

    def _joined(self) -> datetime:
        if self.rng.random() < EARLY_JOINER_SHARE:
            days = self.rng.uniform(MONTHS_OF_ACTIVITY * 30.5, EARLIEST_DAYS_AGO)
        else:
            days = self.rng.uniform(1, MONTHS_OF_ACTIVITY * 30.5)
        return self.now - timedelta(days=days)

    def _teams(self, queue: list[_Agency]) -> list[str]:
        """Teams of six to sixteen people, numbered within each agency."""
        teams = [""] * len(queue)
        by_agency = defaultdict(list)
        for index, record in enumerate(queue):
            by_agency[record.agency.pk].append(index)
        for indexes in by_agency.values():
            kind = queue[indexes[0]].agency.kind
            bases = TEAM_NAMES.get(kind, DEFAULT_TEAMS)
            position = 0
            while position < len(indexes):
                base = self.rng.choice(bases)
                key = (queue[indexes[0]].agency.pk, base)
                self.team_numbers[key] += 1
                size = self.rng.randint(6, 16)
                for index in indexes[position : position + size]:
                    teams[index] = f"{base} {self.team_numbers[key]}"
                position += size
        return teams

    def _chunk(self, queue: list[_Agency], *, offset: int):
        specs = []
        teams = self._teams(queue)
        for record, team in zip(queue, teams, strict=True):
            kind = record.agency.kind
            titles = JOB_TITLES.get(kind) or EXTRA_JOB_TITLES.get(kind) or ["Officer"]
            specs.append(
                self._person(
                    local=None,
                    agency=record,
                    job_title=self.rng.choice(titles),
                    team=team,
                    roles=[],
                    joined=self._joined(),
                )
            )
        people = self._write_people(specs, offset=offset)
        certificates = []
        certificates += self._learning(people)
        certificates += self._training(people)
        certificates += self._deliveries(people)
        self._revoke_some(certificates)
        _bulk(Certificate, certificates)
        self.summary.counts["certificates"] += len(certificates)

    # ------------------------------------------------------------ certificates

    def _code(self) -> str:
        code = new_certificate_code()
        while code in self.codes:
            code = new_certificate_code()
        self.codes.add(code)
        return code

    def _certificate(self, person: _Person, *, source_key, completed_at, **fields):
        completed_on = timezone.localdate(completed_at)
        refresher = fields.pop("refresher_months", None)
        return Certificate(
            code=self._code(),
            holder_id=person.user_id,
            holder_name=person.name,
            agency=person.agency.agency,
            agency_name=person.agency.agency.name,
            source_key=source_key,
            completed_on=completed_on,
            issued_at=completed_at,
            expires_on=add_months(completed_on, refresher) if refresher else None,
            **fields,
        )

    def _revoke_some(self, certificates):
        """Revoke a few certificates (at least one a chunk), as leads do."""
        chosen = [c for c in certificates if self.rng.random() < REVOKED_SHARE]
        if certificates and not chosen:
            chosen = [self.rng.choice(certificates)]
        for certificate in chosen:
            certificate.revoked_at = min(
                certificate.issued_at + timedelta(days=self.rng.uniform(1, 60)),
                self.now,
            )
            certificate.revoked_reason = self.rng.choice(REVOKE_REASONS)
            certificate.revoked_by_id = self.partnership_lead.user_id
        self.summary.counts["revoked certificates"] += len(chosen)

    # ------------------------------------------------------------ modules

    def _confidence(self):
        return self.rng.choices([1, 2, 3, 4, 5], weights=[10, 30, 40, 17, 3])[0]

    def _learning(self, people: list[_Person]) -> list[Certificate]:
        progress_rows = []  # (person, module, progress, fails, passes)
        for person in people:
            drive = self.rng.choice([0.3, 0.7, 1.0, 1.1, 1.3])
            for module in self.modules:
                likely = person.agency.engagement * drive
                if module.audience and person.agency.agency.kind not in module.audience:
                    likely *= 0.35
                if self.rng.random() >= min(likely, 0.95):
                    continue
                progress_rows.append(self._progress(person, module))
        progresses = _bulk(ModuleProgress, [row[2] for row in progress_rows])
        self.summary.counts["module progress records"] += len(progresses)
        attempts = []
        answers_for = []
        certificates = []
        for person, module, progress, fails, passes in progress_rows:
            if progress.completed_at:
                certificates.append(
                    self._certificate(
                        person,
                        kind=AchievementKind.MODULE,
                        module_id=module.page.pk,
                        source_key=f"module-progress:{progress.pk}",
                        title=module.page.title,
                        completed_at=progress.completed_at,
                        cpd_minutes=module.page.cpd_minutes,
                        refresher_months=module.page.refresher_months,
                        recommendations=module.snapshot_recommendations,
                        learning_points=module.snapshot_learning_points,
                    )
                )
            outcomes = [False] * fails + [True] * passes
            at = progress.steps_completed_at
            for number, passed in enumerate(outcomes, start=1):
                attempt, answers = self._attempt(person, module, number, passed, at)
                attempts.append(attempt)
                answers_for.append(answers)
                at = attempt.submitted_at + timedelta(minutes=self.rng.uniform(5, 90))
        attempts = _bulk(QuizAttempt, attempts)
        answers = []
        for attempt, rows in zip(attempts, answers_for, strict=True):
            for row in rows:
                row.attempt_id = attempt.pk
                answers.append(row)
        _bulk(QuizAnswer, answers)
        self.summary.counts["quiz attempts"] += len(attempts)
        self.summary.counts["quiz answers"] += len(answers)
        return certificates

    def _progress(self, person: _Person, module: _Module):
        started = self._random_past(earliest=person.joined)
        finished = (self.now - started) > timedelta(hours=2)
        completes = finished and self.rng.random() < person.agency.completion
        progress = ModuleProgress(
            user_id=person.user_id,
            module_id=module.page.pk,
            revision_id=module.page.live_revision_id,
            started_at=started,
            confidence_before=self._confidence() if self.rng.random() < 0.92 else None,
        )
        fails = passes = 0
        if completes:
            if self.rng.random() < 0.7:
                minutes = self.rng.uniform(20, 180)
            else:
                minutes = self.rng.uniform(1, 30) * 24 * 60
            completed = min(started + timedelta(minutes=minutes), self.now)
            progress.current_step = None
            progress.steps_completed_at = completed - timedelta(
                minutes=20 if module.questions else 0
            )
            progress.completed_at = completed
            progress.last_activity_at = completed
            if progress.confidence_before and self.rng.random() < 0.9:
                lift = self.rng.choice([0, 1, 1, 1, 2])
                progress.confidence_after = min(5, progress.confidence_before + lift)
            if module.questions:
                fails = self.rng.choices([0, 1, 2], weights=[72, 22, 6])[0]
                allowed = module.page.quiz_attempts_allowed
                if allowed:
                    fails = min(fails, allowed - 1)
                passes = 1
        else:
            last = min(
                started + timedelta(days=self.rng.uniform(0, 20)),
                self.now,
            )
            progress.last_activity_at = last
            if module.questions and finished and self.rng.random() < 0.35:
                progress.current_step = None
                progress.steps_completed_at = last - timedelta(minutes=30)
                progress.steps_completed_at = max(progress.steps_completed_at, started)
                fails = self.rng.choice([0, 1, 1, 2])
            else:
                progress.current_step = self.rng.randrange(module.steps)
        return person, module, progress, fails, passes

    def _attempt(self, person, module, number, passed, at):
        page = module.page
        drawn = draw_questions(
            module.questions,
            count=page.quiz_draw_count,
            shuffle_questions=page.quiz_shuffle_questions,
            shuffle_options=page.quiz_shuffle_options,
            rng=self.rng,
        )
        correct = {
            d["id"]: self.rng.random() < module.difficulty[d["id"]] for d in drawn
        }
        total = len(drawn)

        def score_of():
            return (Decimal(sum(correct.values())) * 100 / total).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP
            )

        ids = list(correct)
        self.rng.shuffle(ids)
        for qid in ids:
            if (score_of() >= page.quiz_pass_mark) == passed:
                break
            correct[qid] = passed
        score = score_of()
        started = min(at, self.now - timedelta(minutes=20))
        submitted = started + timedelta(minutes=self.rng.uniform(3, 15))
        attempt = QuizAttempt(
            user_id=person.user_id,
            module_id=page.pk,
            revision_id=page.live_revision_id,
            number=number,
            questions=drawn,
            status=QuizAttemptStatus.SUBMITTED,
            started_at=started,
            submitted_at=submitted,
            correct_count=sum(correct.values()),
            question_count=total,
            score=score,
            passed=score >= page.quiz_pass_mark,
        )
        answers = []
        for item in drawn:
            question = module.questions[item["id"]]
            right = sorted(question.correct_ids)
            wrong = [o.id for o in question.options if o.id not in question.correct_ids]
            if correct[item["id"]] or not wrong:
                chosen = right
            else:
                chosen = [self.rng.choice(wrong)]
            answers.append(
                QuizAnswer(
                    question_id=item["id"],
                    chosen=chosen,
                    is_correct=correct[item["id"]] or not wrong,
                )
            )
        return attempt, answers

    # ------------------------------------------------------------ training

    def _pick_session(self, course: _Course, person: _Person):
        low = bisect_left(course.starts, person.joined + timedelta(days=7))
        high = bisect_right(course.starts, self.now - timedelta(days=1))
        if low >= high:
            return None, False
        for _ in range(6):
            session = course.sessions[self.rng.randrange(low, high)]
            if course.places[session.pk] > 0:
                return session, True
        return session, False

    def _training(self, people: list[_Person]) -> list[Certificate]:
        bookings = []
        for person in people:
            for course in self.courses:
                demand = course.demand
                if course.audience and person.agency.agency.kind not in course.audience:
                    demand = OFF_AUDIENCE_DEMAND
                if self.rng.random() >= demand:
                    continue
                session, has_place = self._pick_session(course, person)
                if session is None:
                    continue
                booked_at = max(
                    session.start - timedelta(days=self.rng.uniform(5, 60)),
                    person.joined,
                )
                booking = Booking(
                    session_id=session.pk,
                    user_id=person.user_id,
                    created_at=booked_at,
                )
                if not has_place:
                    if self.rng.random() > 0.3:
                        continue
                    booking.status = BookingStatus.WAITLISTED
                elif self.rng.random() < 0.08:
                    booking.status = BookingStatus.CANCELLED
                    if self.rng.random() < 0.4:
                        booking.late_cancellation = True
                        booking.cancelled_at = session.start - timedelta(
                            hours=self.rng.uniform(2, 48)
                        )
                    else:
                        booking.cancelled_at = min(
                            booked_at + timedelta(days=self.rng.uniform(1, 4)),
                            session.start - timedelta(days=4),
                        )
                else:
                    course.places[session.pk] -= 1
                    booking.status = BookingStatus.BOOKED
                    self._attendance(booking, session)
                bookings.append((person, course, session, booking))
        created = _bulk(Booking, [row[3] for row in bookings])
        self.summary.counts["bookings"] += len(created)
        self.summary.counts["late cancellations"] += sum(
            1 for b in created if b.late_cancellation
        )
        self.summary.counts["no-shows"] += sum(
            1 for b in created if b.attendance == AttendanceStatus.DID_NOT_ATTEND
        )
        certificates = []
        licences = []
        for person, course, session, booking in bookings:
            if booking.attendance not in (
                AttendanceStatus.ATTENDED,
                AttendanceStatus.LATE,
            ):
                continue
            certificates.append(
                self._certificate(
                    person,
                    kind=AchievementKind.SESSION,
                    course_id=course.course.pk,
                    source_key=f"attendance:{booking.pk}",
                    title=course.course.title,
                    completed_at=booking.attendance_recorded_at,
                    cpd_minutes=course.course.cpd_minutes,
                    refresher_months=course.course.refresher_months,
                    recommendations=course.snapshot_recommendations,
                    learning_points=course.snapshot_learning_points,
                )
            )
            if course.course.grants_licence:
                granted_on = timezone.localdate(session.start)
                months = course.course.refresher_months
                licences.append(
                    Licence(
                        holder_id=person.user_id,
                        kind=course.course.grants_licence,
                        granted_on=granted_on,
                        refresher_due=add_months(granted_on, months)
                        if months
                        else None,
                        source_booking_id=booking.pk,
                        granted_by_id=self.trainer.user_id,
                        created_at=booking.attendance_recorded_at,
                    )
                )
        _bulk(Licence, licences)
        self.summary.counts["licences"] += len(licences)
        return certificates

    def _attendance(self, booking: Booking, session: TrainingSession):
        statuses, weights = zip(*ATTENDANCE_WEIGHTS, strict=True)
        status = self.rng.choices(statuses, weights=weights)[0]
        booking.attendance = status
        booking.attendance_recorded_at = session.end
        booking.attendance_recorded_by_id = self.trainer.user_id
        if status == AttendanceStatus.ATTENDED:
            booking.checked_in_at = session.start - timedelta(
                minutes=self.rng.uniform(0, 25)
            )
        elif status == AttendanceStatus.LATE:
            booking.checked_in_at = session.start + timedelta(
                minutes=self.rng.uniform(10, 45)
            )

    # ------------------------------------------------------------ briefings

    def _deliveries(self, people: list[_Person]) -> list[Certificate]:
        if not self.briefings:
            return []
        teams = defaultdict(list)
        for person in people:
            teams[(person.agency.agency.pk, person.team)].append(person)
        deliveries = []  # (delivery, briefing tuple, attendees)
        managers = []
        # Every batch has at least one delivery: the largest team always gets one.
        largest = max(teams.values(), key=len)
        for members in teams.values():
            if members is not largest and (
                len(members) < 4 or self.rng.random() > 0.45
            ):
                continue
            manager = next(
                (p for p in members if p.job_title in MANAGER_TITLES), members[0]
            )
            managers.append(manager)
            colleagues = [p for p in members if p is not manager]
            for briefing in self.briefings:
                if members is not largest and self.rng.random() > 0.8:
                    continue
                earliest = max(
                    manager.joined, self.now - timedelta(days=MONTHS_OF_ACTIVITY * 30)
                )
                delivered_on = timezone.localdate(self._random_past(earliest=earliest))
                delivery = BriefingDelivery(
                    briefing=briefing[0],
                    delivered_by_id=manager.user_id,
                    agency=manager.agency.agency,
                    team=manager.team,
                    delivered_on=delivered_on,
                    notes=self.rng.choice(BRIEFING_NOTES),
                    actions=self.rng.choice(BRIEFING_ACTIONS),
                )
                present = [
                    p
                    for p in colleagues
                    if timezone.localdate(p.joined) <= delivered_on
                    and self.rng.random() < 0.7
                ]
                deliveries.append((delivery, briefing, present))
        _bulk(
            User.groups.through,
            [
                User.groups.through(
                    user_id=m.user_id, group_id=self.groups[Role.TEAM_MANAGERS].pk
                )
                for m in managers
            ],
        )
        created = _bulk(BriefingDelivery, [row[0] for row in deliveries])
        attendees = []
        for delivery, briefing, present in deliveries:
            for person in present:
                attendees.append(
                    (
                        person,
                        briefing,
                        delivery,
                        BriefingAttendee(
                            delivery_id=delivery.pk,
                            user_id=person.user_id,
                            email=person.email,
                            name=person.name,
                        ),
                    )
                )
            if self.rng.random() < 0.1:
                # Someone present who has not registered yet (a claim to come).
                attendees.append(
                    (
                        None,
                        briefing,
                        delivery,
                        BriefingAttendee(
                            delivery_id=delivery.pk,
                            email=f"newstarter.b{self.batch}-{delivery.pk}"
                            f"@{LOAD_DOMAIN}",
                            name="New starter",
                        ),
                    )
                )
        _bulk(BriefingAttendee, [row[3] for row in attendees])
        self.summary.counts["briefing deliveries"] += len(created)
        self.summary.counts["briefing attendees"] += len(attendees)
        certificates = []
        for person, briefing, delivery, attendee in attendees:
            if person is None:
                continue
            completed_at = timezone.make_aware(
                datetime.combine(delivery.delivered_on, datetime.min.time())
            ) + timedelta(hours=13)
            certificates.append(
                self._certificate(
                    person,
                    kind=AchievementKind.BRIEFING,
                    briefing_id=briefing[0].pk,
                    source_key=f"briefing-attendee:{attendee.pk}",
                    title=briefing[0].title,
                    completed_at=min(completed_at, self.now),
                    cpd_minutes=briefing[0].cpd_minutes,
                    recommendations=briefing[1],
                    learning_points=briefing[2],
                )
            )
        return certificates


def load_data_generate(
    *, learners: int, seed: int | None = None, now: datetime | None = None
) -> LoadSummary:
    """Add one batch of invented learners and their learning; returns the counts."""
    if learners < 1:
        raise ValueError(LEARNERS_MUST_BE_POSITIVE)
    with transaction.atomic():
        summary = _Generator(learners=learners, seed=seed, now=now).run()
    _analyse()
    return summary


def _analyse():
    """Fresh planner statistics, as autovacuum would give a real site later."""
    if connection.vendor != "postgresql":
        return
    tables = [
        model._meta.db_table
        for model in (
            User,
            Profile,
            Agency,
            ModuleProgress,
            QuizAttempt,
            QuizAnswer,
            Booking,
            TrainingSession,
            Certificate,
            Licence,
            BriefingDelivery,
            BriefingAttendee,
        )
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'ANALYZE "{table}"')


@transaction.atomic
def load_data_reset() -> Counter:
    """Remove every generated person and what was generated for them; nothing else."""
    counts = Counter()
    users = generated_users().values("pk")

    def delete(queryset, name):
        counts[name] += queryset.delete()[1].get(queryset.model._meta.label, 0)

    delete(Certificate.objects.filter(holder__in=users), "certificates")
    delete(
        BriefingDelivery.objects.filter(delivered_by__in=users), "briefing deliveries"
    )
    BriefingAttendee.objects.filter(user__in=users).delete()
    load_sessions = TrainingSession.objects.filter(
        checkin_secret__startswith=LOAD_SESSION_SECRET_PREFIX
    )
    Charge.objects.filter(
        Q(booking__user__in=users) | Q(session__in=load_sessions)
    ).delete()
    QuizAnswer.objects.filter(attempt__user__in=users).delete()
    delete(QuizAttempt.objects.filter(user__in=users), "quiz attempts")
    delete(ModuleProgress.objects.filter(user__in=users), "module progress records")
    delete(Licence.objects.filter(holder__in=users), "licences")
    delete(Booking.objects.filter(user__in=users), "bookings")
    delete(generated_users(), "people")
    delete(load_sessions.filter(bookings__isnull=True), "training sessions")
    AgencyEmailDomain.objects.filter(domain__endswith="." + LOAD_DOMAIN).delete()
    invented = [name for name, *_rest in NEW_AGENCIES]
    delete(
        Agency.objects.filter(name__in=invented, profiles__isnull=True).exclude(
            briefing_deliveries__isnull=False
        ),
        "agencies",
    )
    return counts
