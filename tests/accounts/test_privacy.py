"""Privacy: downloading your data, deleting your account, and what stays behind."""

import io
import json
from datetime import timedelta

from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession

from certificates.models import Certificate
from learning.accounts.factories import totp_enable
from learning.accounts.models import Profile, User
from learning.accounts.privacy import (
    ALREADY_ERASED,
    HOLDER_REMOVED,
    ONLY_PARTNERSHIP_LEAD,
    REMOVED_LEARNER_NAME,
    ErasureReason,
    account_erase,
    erased_email,
    privacy_export,
)
from learning.accounts.privacy_views import ENTER_PASSWORD, WRONG_PASSWORD
from learning.accounts.roles import Role
from learning.briefings.models import Briefing, BriefingAttendee, BriefingDelivery
from learning.core.models import AuditEvent, BackgroundJob, StandardPage
from learning.core.services import audit_log
from learning.events.factories import TrainingSessionFactory
from learning.events.models import Booking, Charge
from learning.followups.models import FollowUp
from learning.licences.models import Licence
from modules.factories import module_create
from modules.models import ModuleProgress, QuizAnswer, QuizAttempt
from tests.conftest import make_person

pytestmark = pytest.mark.django_db

REFLECTION = "I would now ask the health visitor about missed appointments."
EXAMPLE = "I challenged a closed referral through the escalation route."
MANAGER_COMMENT = "Since the course, she records chronologies in supervision."


def make_shared(agency):
    """A module, a course session and a briefing that several people took part in."""
    module = module_create()
    session = TrainingSessionFactory(start=timezone.now() - timedelta(days=30))
    briefing = Briefing.objects.create(title="Neglect in seven minutes", summary="S")
    delivery = BriefingDelivery.objects.create(
        briefing=briefing, agency=agency, team="Team North", delivered_on="2026-01-05"
    )
    return {"module": module, "session": session, "delivery": delivery}


@pytest.fixture
def shared(agency):
    return make_shared(agency)


def give_history(user, shared, *, label):
    """Every kind of record a learner leaves behind, with free text in ``label``."""
    agency = user.profile.agency
    now = timezone.now()
    progress = ModuleProgress.objects.create(
        user=user,
        module=shared["module"],
        confidence_before=2,
        confidence_after=4,
        current_step=None,
        responses={
            "reflect-1": {"text": f"{label}: {REFLECTION}", "answered_at": "x"},
            "decide-1": {"option": 1, "answered_at": "x"},
        },
        steps_completed_at=now,
        completed_at=now,
    )
    attempt = QuizAttempt.objects.create(
        user=user,
        module=shared["module"],
        number=1,
        status="submitted",
        submitted_at=now,
        correct_count=4,
        question_count=5,
        score=80,
        passed=True,
    )
    QuizAnswer.objects.create(
        attempt=attempt, question_id="q1", chosen=[0], is_correct=True
    )
    booking = Booking.objects.create(
        session=shared["session"], user=user, status="booked", attendance="absent"
    )
    Charge.objects.create(
        booking=booking,
        session=shared["session"],
        agency=agency,
        agency_name=agency.name,
        holder_name=user.name,
        kind="no_show",
        amount=50,
        incurred_on=now.date(),
    )
    certificate = Certificate.objects.create(
        holder=user,
        holder_name=user.name,
        agency=agency,
        agency_name=agency.name,
        kind="module",
        module=shared["module"],
        source_key=f"module-progress:{progress.pk}",
        title=shared["module"].title,
        completed_on=now.date(),
    )
    certificate.pdf.save(
        f"{certificate.code}.pdf", ContentFile(f"%PDF {user.name}".encode())
    )
    Licence.objects.create(holder=user, kind="gcp2", granted_on=now.date())
    BriefingAttendee.objects.create(
        delivery=shared["delivery"], user=user, email=user.email, name=user.name
    )
    FollowUp.objects.create(
        user=user,
        kind="module",
        module_progress=progress,
        source_key=f"module:{progress.pk}",
        title=shared["module"].title,
        agency=agency,
        completed_at=now,
        due_at=now,
        answered_at=now,
        changed_practice="yes",
        example=f"{label}: {EXAMPLE}",
        manager_name=f"{label} Manager",
        manager_email=f"{label.lower()}.manager@council.example.org",
        manager_comment=f"{label}: {MANAGER_COMMENT}",
    )
    audit_log(
        actor=user, action="briefing.attendance_claimed", obj=user, email=user.email
    )
    return certificate


@pytest.fixture
def ann(agency, shared):
    user = make_person(
        email="ann.example@council.example.org", agency=agency, name="Ann Example"
    )
    Profile.objects.filter(user=user).update(
        job_title="Kinship care adviser",
        team="Locality team North",
        line_manager_name="Bea Manager",
        line_manager_email="bea.manager@council.example.org",
    )
    EmailAddress.objects.create(user=user, email="ann.home@example.net", verified=True)
    user.refresh_from_db()
    give_history(user, shared, label="Ann")
    return user


@pytest.fixture
def cal(other_agency, shared):
    user = make_person(
        email="cal.other@oakfield-primary.example.org",
        agency=other_agency,
        name="Cal Otherperson",
    )
    # Cal names Ann as his line manager.
    Profile.objects.filter(user=user).update(
        line_manager_name="Ann Example",
        line_manager_email="ann.example@council.example.org",
    )
    give_history(user, shared, label="Cal")
    return user


def report_figures():
    """What the partnership's reports add up, by agency."""
    return {
        "completions": dict(
            ModuleProgress.objects.filter(completed_at__isnull=False)
            .values_list("user__profile__agency__name")
            .annotate(n=Count("pk"))
        ),
        "passed_quizzes": QuizAttempt.objects.filter(passed=True).count(),
        "absences": dict(
            Booking.objects.filter(attendance="absent")
            .values_list("user__profile__agency__name")
            .annotate(n=Count("pk"))
        ),
        "charges": dict(
            Charge.objects.values_list("agency_name").annotate(n=Count("pk"))
        ),
        "certificates": dict(
            Certificate.objects.values_list("agency_name").annotate(n=Count("pk"))
        ),
        "briefing_attendees": BriefingAttendee.objects.count(),
        "licences": Licence.objects.count(),
        "follow_ups_changed": FollowUp.objects.filter(changed_practice="yes").count(),
    }


def database_dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue().lower()


# Downloading your data --------------------------------------------------------


def test_export_holds_the_users_own_rows_and_nobody_elses(ann, cal):
    data = privacy_export(user=ann)
    text = json.dumps(data, default=str)

    assert data["account"]["email"] == "ann.example@council.example.org"
    assert {a["email"] for a in data["email_addresses"]} == {
        "ann.example@council.example.org",
        "ann.home@example.net",
    }
    assert data["profile"]["line_manager_name"] == "Bea Manager"
    assert len(data["module_progress"]) == 1
    assert REFLECTION in text
    assert data["quiz_attempts"][0]["answers"][0]["question_id"] == "q1"
    assert data["bookings"][0]["charge"]["kind"] == "no_show"
    assert len(data["certificates"]) == len(data["licences"]) == 1
    assert data["briefings_attended"][0]["team"] == "Team North"
    assert data["follow_ups"][0]["example"].startswith("Ann:")
    assert data["activity_log"][0]["action"] == "briefing.attendance_claimed"
    assert "Cal" not in text
    assert "oakfield" not in text


def test_json_download_is_plain_data_with_iso_dates_for_the_signed_in_user(
    client, ann, cal
):
    client.force_login(ann)

    response = client.get(reverse("privacy:download_json"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["account"]["id"] == ann.pk
    # ISO 8601 dates, readable by other software.
    assert timezone.datetime.fromisoformat(data["account"]["date_joined"])
    assert data["certificates"][0]["completed_on"] == timezone.localdate().isoformat()
    assert "Cal Otherperson" not in response.content.decode()
    assert AuditEvent.objects.filter(action="privacy.exported", actor=ann).exists()


def test_export_takes_the_same_number_of_queries_however_much_is_held(
    agency, ann, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as one_of_each:
        privacy_export(user=ann)
    give_history(ann, make_shared(agency), label="Again")
    with CaptureQueriesContext(connection) as two_of_each:
        privacy_export(user=ann)

    assert len(one_of_each) == len(two_of_each)
    with django_assert_max_num_queries(16):
        privacy_export(user=ann)


def test_summary_page_shows_the_record_readably_within_a_query_budget(
    client, ann, cal, django_assert_max_num_queries
):
    client.force_login(ann)

    with django_assert_max_num_queries(30):
        response = client.get(reverse("privacy:summary"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Ann Example" in body
    assert REFLECTION.replace("'", "&#x27;") in body
    assert "Cal Otherperson" not in body


@pytest.mark.parametrize("name", ["overview", "download_json", "summary", "delete"])
def test_privacy_pages_need_a_signed_in_user(client, name):
    response = client.get(reverse(f"privacy:{name}"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_profile_page_links_to_your_data_and_privacy(client, learner):
    client.force_login(learner)

    response = client.get(reverse("accounts_profile"))

    assert reverse("privacy:overview") in response.content.decode()
    overview = client.get(reverse("privacy:overview"))
    assert overview.status_code == 200
    assert reverse("privacy:delete") in overview.content.decode()


# Deleting your account --------------------------------------------------------


def test_erasure_removes_personal_data_everywhere_but_keeps_report_figures(
    client, ann, cal, password, django_capture_on_commit_callbacks
):
    before = report_figures()
    certificate = ann.certificates.get()
    stored_pdf = certificate.pdf.name
    totp_enable(ann)
    client.force_login(ann)
    assert Session.objects.count() == UserSession.objects.count() == 1
    assert "ann example" in database_dump()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:delete"), {"password": password})

    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:deleted")
    dump = database_dump()
    for personal in [
        "ann.example@council.example.org",
        "ann.home@example.net",
        "ann example",
        "kinship care adviser",
        "locality team north",
        "bea.manager@council.example.org",
        "bea manager",
        "ann manager",
        "ann.manager@council.example.org",
        f"ann: {REFLECTION}".lower(),
        f"ann: {EXAMPLE}".lower(),
        f"ann: {MANAGER_COMMENT}".lower(),
    ]:
        assert personal not in dump, personal
    # Cal's own record is untouched.
    assert "cal otherperson" in dump
    assert f"cal: {REFLECTION}".lower() in dump
    assert report_figures() == before

    ann.refresh_from_db()
    assert ann.email == erased_email(ann.pk)
    assert ann.name == REMOVED_LEARNER_NAME
    assert not ann.is_active
    assert not ann.has_usable_password()
    assert ann.profile.agency.name == "Children's Social Care"
    assert not EmailAddress.objects.filter(user=ann).exists()
    assert Charge.objects.get(booking__user=ann).holder_name == REMOVED_LEARNER_NAME
    assert Session.objects.count() == UserSession.objects.count() == 0
    assert not Authenticator.objects.filter(user=ann).exists()
    certificate.refresh_from_db()
    assert certificate.holder_name == REMOVED_LEARNER_NAME
    assert not certificate.pdf
    assert not certificate.pdf.storage.exists(stored_pdf)
    event = AuditEvent.objects.get(action="account.erased")
    assert event.actor_id == ann.pk
    assert event.data == {"reason": "request"}
    # Signed out: the next request is anonymous.
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("privacy:deleted")).status_code == 200


def test_a_removed_holders_certificate_still_verifies_without_their_name(
    client, ann, partnership_lead
):
    certificate = ann.certificates.get()
    account_erase(user=ann, by=ann, reason=ErasureReason.REQUEST)

    response = client.get(reverse("certificates:verify", args=[certificate.code]))

    assert response.status_code == 200
    body = response.content.decode()
    assert str(HOLDER_REMOVED) in body
    assert "This certificate is valid" in body
    assert certificate.title in body
    assert "Ann Example" not in body
    assert REMOVED_LEARNER_NAME not in body


def test_pdf_download_of_a_removed_holders_certificate_is_refused(
    client, ann, partnership_lead
):
    certificate = ann.certificates.get()
    account_erase(user=ann, by=ann, reason=ErasureReason.REQUEST)
    client.force_login(partnership_lead)

    response = client.get(reverse("certificates:download", args=[certificate.code]))

    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")
    certificate.refresh_from_db()
    assert not certificate.pdf


def test_wrong_password_deletes_nothing(client, ann):
    client.force_login(ann)

    response = client.post(reverse("privacy:delete"), {"password": "not-my-password"})

    assert response.status_code == 400
    assert str(WRONG_PASSWORD) in response.content.decode()
    ann.refresh_from_db()
    assert ann.is_active and ann.email == "ann.example@council.example.org"
    assert not AuditEvent.objects.filter(action="account.erased").exists()


def test_missing_password_deletes_nothing(client, ann):
    client.force_login(ann)

    response = client.post(reverse("privacy:delete"), {"user": ann.pk})

    assert response.status_code == 400
    assert str(ENTER_PASSWORD) in response.content.decode()
    ann.refresh_from_db()
    assert ann.is_active


def test_deleting_needs_a_post_with_a_csrf_token(ann, password):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(ann)

    page = client.get(reverse("privacy:delete"))
    forged = client.post(reverse("privacy:delete"), {"password": password})

    assert page.status_code == 200
    assert forged.status_code == 403
    ann.refresh_from_db()
    assert ann.is_active


def test_a_post_naming_another_user_still_only_deletes_the_signed_in_user(
    client, ann, cal, password
):
    client.force_login(ann)

    client.post(reverse("privacy:delete"), {"password": password, "user": cal.pk})

    cal.refresh_from_db()
    assert cal.is_active and cal.name == "Cal Otherperson"
    assert not User.objects.get(pk=ann.pk).is_active


def test_repeated_wrong_passwords_are_limited(client, ann, password):
    client.force_login(ann)
    for _attempt in range(5):
        client.post(reverse("privacy:delete"), {"password": "guess"})

    response = client.post(reverse("privacy:delete"), {"password": password})

    assert response.status_code == 400
    ann.refresh_from_db()
    assert ann.is_active


def test_the_only_partnership_lead_cannot_delete_their_account(
    client, partnership_lead, password
):
    client.force_login(partnership_lead)

    response = client.post(reverse("privacy:delete"), {"password": password})

    assert response.status_code == 400
    assert str(ONLY_PARTNERSHIP_LEAD) in response.content.decode()
    partnership_lead.refresh_from_db()
    assert partnership_lead.is_active


def test_a_partnership_lead_can_leave_once_there_is_another(partnership_lead, agency):
    make_person(
        email="second-lead@council.example.org",
        agency=agency,
        roles=[Role.PARTNERSHIP_LEADS],
    )

    account_erase(user=partnership_lead, by=partnership_lead, reason="request")

    partnership_lead.refresh_from_db()
    assert not partnership_lead.is_active
    assert list(partnership_lead.groups.values_list("name", flat=True)) == [
        Role.LEARNERS
    ]


def test_an_account_cannot_be_erased_twice(ann):
    account_erase(user=ann, by=None, reason=ErasureReason.RETENTION)

    with pytest.raises(Exception) as caught:
        account_erase(user=ann, by=None, reason=ErasureReason.RETENTION)

    assert ALREADY_ERASED in caught.value.messages
    assert AuditEvent.objects.filter(action="account.erased").count() == 1


# Exports that may hold the person ---------------------------------------------


def _start_exports(client, lead, agency, capture):
    """A certificate ZIP and a people CSV of ``agency``, built by ``lead``."""
    client.force_login(lead)
    with capture(execute=True):
        client.post(reverse("certificates:zip_request"), {"agency": agency.pk})
        client.post(
            reverse("reports:export_start"),
            {"table": "people", "export": "csv", "metric": "registered"},
        )
    return list(BackgroundJob.objects.filter(created_by=lead).order_by("pk"))


def _files_under(storage, folder) -> list[str]:
    folders, files = storage.listdir(folder) if storage.exists(folder) else ([], [])
    found = [f"{folder}/{name}" for name in files]
    for inner in folders:
        found += _files_under(storage, f"{folder}/{inner}")
    return found


def _stored(job) -> bytes:
    with job.result.open("rb") as handle:
        return handle.read()


def test_erasure_deletes_every_finished_export_that_may_contain_the_person(
    client,
    ann,
    cal,
    agency,
    other_agency,
    partnership_lead,
    django_capture_on_commit_callbacks,
):
    lead_b = make_person(
        email="lead@oakfield-primary.example.org",
        agency=other_agency,
        roles=[Role.AGENCY_LEADS],
    )
    holding_ann = _start_exports(
        client, partnership_lead, agency, django_capture_on_commit_callbacks
    )
    not_ann = _start_exports(
        client, lead_b, other_agency, django_capture_on_commit_callbacks
    )
    zip_job, people_job = holding_ann
    assert [job.status for job in holding_ann + not_ann] == ["done"] * 4
    assert b"Ann Example" in _stored(people_job)
    assert b"Ann Example" not in _stored(not_ann[1])
    # One Ann made herself (when she was a lead), of another agency.
    own = BackgroundJob.objects.create(
        kind=people_job.kind,
        params={**people_job.params, "agency_ids": [other_agency.pk]},
        created_by=ann,
        status="done",
        finished_at=timezone.now(),
    )
    own.result.save("own.csv", ContentFile(b"Name\nCal Otherperson\n"))
    deleted = [zip_job, people_job, own]
    stored = {job.pk: job.result.name for job in deleted + not_ann}

    with django_capture_on_commit_callbacks(execute=True):
        account_erase(user=ann, by=ann, reason=ErasureReason.REQUEST)

    storage = zip_job.result.storage
    for job in deleted:
        job.refresh_from_db()
        assert job.status == "expired"
        assert not job.result
        assert not storage.exists(stored[job.pk])
    for job in not_ann:
        job.refresh_from_db()
        assert job.status == "done"
        assert storage.exists(stored[job.pk])
    events = AuditEvent.objects.filter(action="export.deleted")
    assert sorted(int(event.object_id) for event in events) == sorted(
        job.pk for job in deleted
    )
    assert {event.data["reason"] for event in events} == {"account_erased"}
    client.force_login(partnership_lead)
    response = client.get(reverse("reports:export_download", args=[people_job.pk]))
    assert response.status_code == 410


def test_an_export_running_when_someone_is_erased_is_thrown_away_when_it_ends(
    ann, agency, partnership_lead, django_capture_on_commit_callbacks
):
    from learning.core.jobs import job_finish

    job = BackgroundJob.objects.create(
        kind="certificates_zip",
        params={"agency_id": agency.pk, "agency_ids": [agency.pk]},
        created_by=partnership_lead,
        status="running",
    )
    with django_capture_on_commit_callbacks(execute=True):
        account_erase(user=ann, by=ann, reason=ErasureReason.REQUEST)
    job.refresh_from_db()
    assert job.status == "expired"

    # The task, which read Ann's certificate before she left, finishes afterwards.
    job_finish(job=job, file=io.BytesIO(b"PK Ann Example"), name="late.zip")

    job.refresh_from_db()
    assert job.status == "expired"
    assert not job.result
    assert not [
        name for name in _files_under(job.result.storage, "exports") if "late" in name
    ]


# The privacy notice -----------------------------------------------------------


def test_privacy_notice_explains_rights_download_and_delete(client):
    page = StandardPage.objects.get(slug="privacy")
    headings = [
        block.value["text"] for block in page.body if block.block_type == "heading"
    ]

    assert "Your rights" in headings
    assert "Download your data or delete your account" in headings
    response = client.get(page.url)
    assert response.status_code == 200
    assert "/accounts/privacy/" in response.content.decode()


def test_privacy_notice_migration_reverses_to_the_original_text():
    from importlib import import_module
    from types import SimpleNamespace

    from django.apps import apps

    migration = import_module("learning.core.migrations.0007_privacy_notice_rights")
    editor = SimpleNamespace(connection=connection)

    def headings():
        page = StandardPage.objects.get(slug="privacy")
        return [b.value["text"] for b in page.body if b.block_type == "heading"]

    migration.restore_notice(apps, editor)
    assert headings() == migration._headings(migration.original.PRIVACY_BODY)

    migration.update_notice(apps, editor)
    assert headings() == migration._headings(migration.PRIVACY_BODY)


NOTICE_MIGRATION = "learning.core.migrations.0010_privacy_notice_exports"


def test_privacy_notice_says_how_long_prepared_exports_are_kept(client):
    from importlib import import_module

    notice = import_module(NOTICE_MIGRATION).EXPORTS_RETENTION
    page = StandardPage.objects.get(slug="privacy")

    text = client.get(page.url).content.decode()

    assert notice in text
    assert "deleted seven days after they are prepared" in notice


def test_your_data_page_says_how_long_prepared_exports_are_kept(
    client, learner, settings
):
    settings.EXPORT_RETENTION_DAYS = 5
    client.force_login(learner)

    text = client.get(reverse("privacy:overview")).content.decode()

    assert "deleted 5 days after they are prepared" in text


def test_export_retention_notice_migration_reverses_to_the_earlier_text():
    from importlib import import_module
    from types import SimpleNamespace

    from django.apps import apps

    migration = import_module(NOTICE_MIGRATION)
    editor = SimpleNamespace(connection=connection)

    def notice_text():
        page = StandardPage.objects.get(slug="privacy")
        return "".join(str(block.value) for block in page.body)

    migration.restore_notice(apps, editor)
    assert migration.EXPORTS_RETENTION not in notice_text()

    migration.update_notice(apps, editor)
    assert migration.EXPORTS_RETENTION in notice_text()


def test_erasure_clears_the_reason_of_agency_moves_and_cancels_a_pending_one(
    ann, agency, other_agency
):
    from learning.accounts.models import AgencyMoveRequest, AgencyMoveStatus

    done = AgencyMoveRequest.objects.create(
        person=ann,
        from_agency=other_agency,
        to_agency=agency,
        reason="I moved to the council after my divorce.",
        status=AgencyMoveStatus.APPROVED,
    )
    pending = AgencyMoveRequest.objects.create(
        person=ann,
        from_agency=agency,
        to_agency=other_agency,
        reason="Caring for my mother near the school.",
    )

    account_erase(user=ann, by=ann, reason=ErasureReason.REQUEST)

    done.refresh_from_db()
    pending.refresh_from_db()
    assert (done.reason, pending.reason) == ("", "")
    assert done.status == AgencyMoveStatus.APPROVED
    assert pending.status == AgencyMoveStatus.CANCELLED


def test_erasure_deletes_exports_of_an_agency_the_person_was_moved_out_of(
    ann, agency, other_agency, partnership_lead, django_capture_on_commit_callbacks
):
    from learning.accounts.models import AgencyMoveRequest, AgencyMoveStatus

    AgencyMoveRequest.objects.create(
        person=ann,
        from_agency=other_agency,
        to_agency=agency,
        status=AgencyMoveStatus.APPROVED,
    )
    earlier = BackgroundJob.objects.create(
        kind="reports_export",
        params={"agency_ids": [other_agency.pk]},
        created_by=partnership_lead,
        status="done",
        finished_at=timezone.now(),
    )
    earlier.result.save("earlier.csv", ContentFile(b"Name\nAnn Example\n"))

    with django_capture_on_commit_callbacks(execute=True):
        account_erase(user=ann, by=ann, reason=ErasureReason.REQUEST)

    earlier.refresh_from_db()
    assert earlier.status == "expired"
    assert not earlier.result


def test_the_data_download_lists_agency_moves_with_their_reasons(
    ann, agency, other_agency
):
    from learning.accounts.models import AgencyMoveRequest

    AgencyMoveRequest.objects.create(
        person=ann,
        from_agency=agency,
        to_agency=other_agency,
        reason="Joining the school's pastoral team.",
    )

    moves = privacy_export(user=ann)["agency_moves"]

    assert [(m["from"], m["to"], m["reason"]) for m in moves] == [
        (agency.name, other_agency.name, "Joining the school's pastoral team.")
    ]
