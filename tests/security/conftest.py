"""One fictional partnership for the security tests, built once per test module.

Every person has a unique marker name (``Zz-…``) and email so a test can prove that a
page shows no one the viewer may not see. The world is built inside a transaction
that is rolled back when the module ends; each test runs in a savepoint within it.
"""

import datetime
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model

import pytest

from learning.accounts.models import AgencyKind
from learning.accounts.roles import Role
from learning.briefings.models import Briefing
from learning.briefings.services import briefing_delivery_record
from learning.core.models import BackgroundJob, HomePage
from learning.events.factories import CourseFactory, TrainingSessionFactory
from learning.events.models import Booking, Charge
from learning.events.services import register_save
from learning.followups.models import FollowUp
from learning.licences.models import (
    LicenceKind,
    ResourceIndexPage,
    ResourcePage,
    ResourcePageDocument,
)
from learning.reports.models import Action
from learning.reviews.models import Recommendation
from modules.factories import SAMPLE_QUIZ, module_create
from modules.models import ModuleProgress
from modules.services import (
    _complete_if_ready,
    quiz_attempt_start,
    quiz_attempt_submit,
    quiz_pool_for,
)
from tests.conftest import AgencyFactory, make_person

PDF_BYTES = b"%PDF-1.4\n% a tiny stand-in for a licensed practice aid\n"

# Actor key -> (marker name, email, agency key, roles)
PEOPLE = {
    "learner_a": ("Zz-LearnerA", "zz-learner-a@x.example.org", "x", []),
    "learner_b": ("Zz-LearnerB", "zz-learner-b@x.example.org", "x", []),
    "learner_c": ("Zz-LearnerC", "zz-learner-c@y.example.org", "y", []),
    "team_manager": (
        "Zz-TeamMgrX",
        "zz-team-mgr@x.example.org",
        "x",
        [Role.TEAM_MANAGERS],
    ),
    "trainer_other": (
        "Zz-TrainerO",
        "zz-trainer-o@p.example.org",
        "p",
        [Role.TRAINERS],
    ),
    "trainer_session": (
        "Zz-TrainerS",
        "zz-trainer-s@p.example.org",
        "p",
        [Role.TRAINERS],
    ),
    "lead_x": ("Zz-LeadX", "zz-lead-x@x.example.org", "x", [Role.AGENCY_LEADS]),
    "lead_y": ("Zz-LeadY", "zz-lead-y@y.example.org", "y", [Role.AGENCY_LEADS]),
    "partnership_lead": (
        "Zz-PshipLead",
        "zz-pship-lead@p.example.org",
        "p",
        [Role.PARTNERSHIP_LEADS],
    ),
}
ACTORS = ["anonymous", *PEOPLE]


@dataclass
class World:
    agencies: dict
    people: dict
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def marker(self, key):
        name, email, _agency, _roles = PEOPLE[key]
        return name, email

    def agency_of(self, key):
        return PEOPLE[key][2]

    def people_in(self, agency_key):
        return {key for key in PEOPLE if PEOPLE[key][2] == agency_key}


def _reflection_id(module):
    return next(block.id for block in module.steps if block.block_type == "reflection")


def _answers(attempt):
    pool = quiz_pool_for(attempt=attempt)
    return {
        drawn["id"]: sorted(pool[drawn["id"]].correct_ids)
        for drawn in attempt.questions
    }


def build_world() -> World:
    agencies = {
        "x": AgencyFactory(
            name="Zz Agency X Council",
            kind=AgencyKind.CHILDRENS_SOCIAL_CARE,
            domains=["x.example.org"],
        ),
        "y": AgencyFactory(
            name="Zz Agency Y School",
            kind=AgencyKind.EDUCATION,
            domains=["y.example.org"],
        ),
        "p": AgencyFactory(
            name="Zz Partnership Team",
            kind=AgencyKind.CHILDRENS_SOCIAL_CARE,
            domains=["p.example.org"],
        ),
    }
    people = {}
    for key, (name, email, agency_key, roles) in PEOPLE.items():
        people[key] = make_person(
            email=email, agency=agencies[agency_key], roles=roles, name=name
        )
    team_manager = people["team_manager"]
    team_manager.profile.team = "Zz team"
    team_manager.profile.save()
    world = World(agencies=agencies, people=people)
    a, c = people["learner_a"], people["learner_c"]
    now = timezone.now()

    # A module with a quiz that A has passed (a result page and a certificate), with
    # A's private reflection stored in the progress.
    quiz_module = module_create(
        quiz={
            "settings": SAMPLE_QUIZ["settings"],
            "questions": SAMPLE_QUIZ["questions"],
        }
    )
    progress = ModuleProgress.objects.create(
        user=a,
        module=quiz_module,
        revision_id=quiz_module.live_revision_id,
        confidence_before=2,
        confidence_after=4,
        current_step=None,
        steps_completed_at=now,
        started_at=now - timedelta(minutes=40),
        visited=[block.id for block in quiz_module.steps],
        responses={
            _reflection_id(quiz_module): {"text": "Zz-LearnerA-reflection: private"}
        },
    )
    attempt = quiz_attempt_start(user=a, module=quiz_module)
    attempt = quiz_attempt_submit(attempt=attempt, answers=_answers(attempt))
    assert attempt.passed
    progress.refresh_from_db()
    certificate_a = a.certificates.get()

    # C completes a steps-only module: a certificate in agency Y.
    plain_module = module_create()
    progress_c = ModuleProgress.objects.create(
        user=c,
        module=plain_module,
        revision_id=plain_module.live_revision_id,
        confidence_before=2,
        confidence_after=4,
        current_step=None,
        steps_completed_at=now,
    )
    _complete_if_ready(progress_c)
    certificate_c = c.certificates.get()

    # An upcoming session kept by one trainer, with A and C booked.
    session = TrainingSessionFactory(capacity=10)
    session.trainers.set([people["trainer_session"]])
    booking_a = Booking.objects.create(session=session, user=a, status="booked")
    Booking.objects.create(session=session, user=c, status="booked")

    # A past GCP2 session: A attended (a licence), C did not attend (a charge).
    gcp2 = CourseFactory(
        title="GCP2 practitioner training",
        grants_licence=LicenceKind.GCP2,
        refresher_months=36,
    )
    start = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate() - timedelta(days=7), datetime.time(9, 30)
        )
    )
    past = TrainingSessionFactory(course=gcp2, start=start, capacity=10)
    past.trainers.set([people["trainer_session"]])
    past_a = Booking.objects.create(session=past, user=a, status="booked")
    past_c = Booking.objects.create(session=past, user=c, status="booked")
    register_save(
        session=past,
        statuses={past_a.pk: "attended", past_c.pk: "did_not_attend"},
        recorded_by=people["trainer_session"],
        now=start + timedelta(hours=1),
    )
    licence_a = a.licences.get()
    charge_c = Charge.objects.filter(booking=past_c).first() or Charge.objects.create(
        booking=past_c,
        session=past,
        agency=agencies["y"],
        agency_name=agencies["y"].name,
        holder_name=c.name,
        kind="no_show",
        amount="50.00",
        incurred_on=start.date(),
    )

    # A seven-minute briefing given by the team manager to A and B.
    briefing = Briefing.objects.create(
        title="Seven-minute briefing: Zz",
        summary="What the review found.",
        module=plain_module,
        cpd_minutes=15,
    )
    delivery = briefing_delivery_record(
        briefing=briefing,
        delivered_by=team_manager,
        delivered_on=timezone.localdate(),
        team="Zz team",
        attendees=[a, people["learner_b"]],
        notes="Talked it through.",
    )

    # A's follow-up questionnaire, with a link already sent to A's line manager.
    follow_up = FollowUp.objects.create(
        user=a,
        kind="module",
        module_progress=progress,
        source_key=f"module-progress:{progress.pk}",
        title=quiz_module.title,
        module=quiz_module,
        agency=agencies["x"],
        completed_at=now - timedelta(weeks=8),
        due_at=now - timedelta(days=1),
        sent_at=now - timedelta(hours=6),
        manager_name="Line Manager",
        manager_email="line.manager@x.example.org",
        manager_token="zz-manager-token-for-a-follow-up-0123456789abcdef",
        manager_sent_at=now - timedelta(hours=5),
    )

    # Background jobs: the partnership lead's certificate ZIP, lead X's report export.
    from learning.reports.export_views import JOB_KIND

    zip_job = BackgroundJob.objects.create(
        kind="certificates_zip",
        params={"agency_id": agencies["x"].pk},
        created_by=people["partnership_lead"],
        status="done",
    )
    zip_job.result.save("zz-certificates.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18))
    report_job = BackgroundJob.objects.create(
        kind=JOB_KIND,
        params={
            "query": {"export": "csv", "table": "completion"},
            "agency_ids": [agencies["x"].pk],
            "all_agencies": False,
        },
        created_by=people["lead_x"],
        status="done",
    )
    report_job.result.save("zz-report.csv", ContentFile(b"Agency,Completed\n"))

    action = Action.objects.create(
        recommendation=Recommendation.objects.order_by("number").first(),
        owner_agency=agencies["x"],
        description="Zz action: audit neglect referrals.",
        due_on=timezone.localdate() + timedelta(days=60),
    )

    # A restricted resource page and document (GCP2 licence holders only).
    Document = get_document_model()
    document = Document(title="Zz planning sheet", licence_required=LicenceKind.GCP2)
    document.file.save("zz-planning-sheet.pdf", ContentFile(PDF_BYTES), save=True)
    index = HomePage.objects.get().add_child(
        instance=ResourceIndexPage(title="Zz resources", slug="zz-resources")
    )
    resource = ResourcePage(
        title="Zz GCP2 in supervision",
        slug="zz-gcp2",
        intro="For licensed practitioners.",
        body=[{"type": "paragraph", "value": "<p>Licensed body.</p>"}],
        licence_required=LicenceKind.GCP2,
    )
    resource.documents = [ResourcePageDocument(document=document)]
    index.add_child(instance=resource)

    # Issue 14 item 1: B has asked to move from agency X to the partnership team.
    from learning.accounts.models import AgencyMoveRequest

    agency_move = AgencyMoveRequest.objects.create(
        person=people["learner_b"],
        from_agency=agencies["x"],
        to_agency=agencies["p"],
        requested_by=people["learner_b"],
        reason="Zz joining the partnership team.",
    )

    world.objects.update(
        agency_move=agency_move,
        quiz_module=quiz_module,
        plain_module=plain_module,
        progress_a=progress,
        attempt_a=attempt,
        certificate_a=certificate_a,
        certificate_c=certificate_c,
        session=session,
        past_session=past,
        booking_a=booking_a,
        licence_a=licence_a,
        charge_c=charge_c,
        briefing=briefing,
        delivery=delivery,
        follow_up=follow_up,
        zip_job=zip_job,
        report_job=report_job,
        action=action,
        document=document,
        resource=resource,
    )
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        yield built
        transaction.set_rollback(True)
