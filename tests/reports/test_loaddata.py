"""generate_load_data: the shape of a small generated dataset, batches and --reset."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.db.models import Count

import pytest

from certificates.models import AchievementKind, Certificate
from learning.accounts.models import Agency, Profile, User
from learning.accounts.roles import Role
from learning.briefings.models import BriefingAttendee, BriefingDelivery
from learning.events.factories import TrainingSessionFactory
from learning.events.models import AttendanceStatus, Booking, TrainingSession
from learning.licences.models import Licence
from learning.reports.loaddata import (
    LEARNERS_MUST_BE_POSITIVE,
    LOAD_DOMAIN,
    NEW_AGENCIES,
    NO_LIVE_MODULES,
    REUSED_AGENCIES,
    generated_users,
    load_data_generate,
)
from learning.reports.management.commands.generate_load_data import (
    LEARNERS_TOO_FEW,
    REFUSED_WITHOUT_DEBUG,
)
from modules.content import catalogue
from modules.content.loader import module_content_load
from modules.models import ModuleIndexPage, ModuleProgress, QuizAnswer, QuizAttempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_modules():
    """Two of the shipped modules: one with a quiz, and the seven-minute briefing."""
    index_page = ModuleIndexPage.objects.get()
    pages = []
    for name in ("recognising_neglect", "seven_minute_briefing"):
        page, _created = module_content_load(
            spec=catalogue.module_specs(name)[0], index_page=index_page
        )
        pages.append(page)
    assert pages[0].quiz_questions, "the test needs a module with a quiz"
    return pages


def generate(**options):
    out = StringIO()
    call_command("generate_load_data", force=True, stdout=out, **options)
    return out.getvalue()


def test_sixty_learners_get_every_kind_of_record_without_emails_or_pdfs(
    live_modules, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        output = generate(learners=60, seed=3)

    assert "Added 60 learners" in output
    people = generated_users()
    # 60 learners, a trainer, a partnership lead and one lead per agency.
    leads = people.filter(groups__name=Role.AGENCY_LEADS)
    assert leads.count() == len(REUSED_AGENCIES) + len(NEW_AGENCIES)
    assert people.count() == 60 + 2 + leads.count()
    for model in (
        ModuleProgress,
        QuizAttempt,
        QuizAnswer,
        TrainingSession,
        Booking,
        Licence,
        BriefingDelivery,
        BriefingAttendee,
        Certificate,
    ):
        assert model.objects.exists(), model.__name__
    assert QuizAttempt.objects.filter(passed=True).exists()
    assert QuizAttempt.objects.filter(passed=False).exists()
    assert ModuleProgress.objects.filter(completed_at__isnull=True).exists()
    assert ModuleProgress.objects.filter(confidence_after__isnull=False).exists()
    assert Booking.objects.filter(attendance=AttendanceStatus.ATTENDED).exists()
    assert Certificate.objects.filter(revoked_at__isnull=False).exists()
    assert set(Certificate.objects.values_list("kind", flat=True)) == {
        AchievementKind.MODULE,
        AchievementKind.SESSION,
        AchievementKind.BRIEFING,
    }
    assert mailoutbox == []
    assert not Certificate.objects.exclude(pdf="").exists()


def test_every_generated_person_has_a_profile_in_an_agency(live_modules):
    generate(learners=60, seed=4)

    assert not generated_users().filter(profile__isnull=True).exists()
    assert (
        Profile.objects.filter(user__in=generated_users()).exclude(job_title="").count()
        == generated_users().count()
    )


def test_certificates_match_what_was_completed_and_have_unique_codes(live_modules):
    generate(learners=60, seed=5)

    certificates = Certificate.objects.all()
    assert certificates.values("code").distinct().count() == certificates.count()
    assert certificates.values("source_key").distinct().count() == certificates.count()
    completed = ModuleProgress.objects.filter(completed_at__isnull=False)
    module_certificates = certificates.filter(kind=AchievementKind.MODULE)
    assert module_certificates.count() == completed.count()
    assert set(module_certificates.values_list("source_key", flat=True)) == {
        f"module-progress:{pk}" for pk in completed.values_list("pk", flat=True)
    }
    attended = Booking.objects.filter(
        attendance__in=[AttendanceStatus.ATTENDED, AttendanceStatus.LATE]
    )
    assert certificates.filter(kind=AchievementKind.SESSION).count() == attended.count()
    # Snapshots are filled in, as the issuing service fills them.
    sample = module_certificates.first()
    assert sample.recommendations and sample.learning_points
    assert sample.agency_id == sample.holder.profile.agency_id
    assert sample.holder_name == sample.holder.name


def test_a_completed_quiz_module_always_has_a_passed_attempt(live_modules):
    generate(learners=60, seed=6)

    quiz_module = live_modules[0]
    completed = ModuleProgress.objects.filter(
        module=quiz_module, completed_at__isnull=False
    )
    assert completed.exists()
    passed_users = set(
        QuizAttempt.objects.filter(module=quiz_module, passed=True).values_list(
            "user_id", flat=True
        )
    )
    assert set(completed.values_list("user_id", flat=True)) <= passed_users
    # An attempt's score matches its answers.
    attempt = QuizAttempt.objects.annotate(n=Count("answers")).first()
    assert attempt.n == attempt.question_count
    assert attempt.answers.filter(is_correct=True).count() == attempt.correct_count


def test_running_twice_adds_a_second_batch_with_different_emails(live_modules):
    generate(learners=20, seed=7)
    first = set(generated_users().values_list("email", flat=True))

    generate(learners=20, seed=7)

    both = set(generated_users().values_list("email", flat=True))
    assert first < both
    assert len(both) == 2 * len(first)
    assert all(".b2-" in email for email in both - first)


def test_reset_removes_only_generated_data(live_modules, learner, agency):
    own_session = TrainingSessionFactory()
    kept_booking = Booking.objects.create(
        session=own_session, user=learner, status="booked"
    )
    generate(learners=60, seed=8)
    assert generated_users().exists()

    output = generate(reset=True)

    assert "Removed generated data" in output
    assert not generated_users().exists()
    assert not Certificate.objects.exists()
    assert not BriefingDelivery.objects.exists()
    assert list(TrainingSession.objects.all()) == [own_session]
    assert list(Booking.objects.all()) == [kept_booking]
    assert User.objects.filter(pk=learner.pk).exists()
    assert Agency.objects.filter(pk=agency.pk).exists()
    invented = [name for name, *_rest in NEW_AGENCIES]
    assert not Agency.objects.filter(name__in=invented).exists()
    assert not Agency.objects.filter(
        email_domains__domain__endswith=LOAD_DOMAIN
    ).exists()


def test_the_command_refuses_to_run_without_debug_unless_forced(live_modules):
    with pytest.raises(CommandError, match=REFUSED_WITHOUT_DEBUG):
        call_command("generate_load_data", learners=5, stdout=StringIO())

    assert not generated_users().exists()


def test_the_command_refuses_a_learner_count_below_one(live_modules):
    with pytest.raises(CommandError, match=LEARNERS_TOO_FEW):
        generate(learners=0)

    assert not generated_users().exists()


def test_generating_without_live_modules_explains_what_to_run():
    with pytest.raises(ValueError, match=NO_LIVE_MODULES.split(".")[0]):
        load_data_generate(learners=5)
    with pytest.raises(ValueError, match=LEARNERS_MUST_BE_POSITIVE):
        load_data_generate(learners=0)

    assert not generated_users().exists()
