from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine

from learning.followups.models import FollowUp
from learning.followups.services import (
    CATCH_UP_DAYS,
    follow_ups_schedule,
    follow_ups_send,
)
from learning.followups.tasks import follow_ups_run

from ..conftest import make_person
from .conftest import WEEKS, attend, complete, weeks_ago

pytestmark = pytest.mark.django_db


def test_scheduler_creates_one_follow_up_per_due_completion_and_attendance(
    learner, other_learner, module, agency
):
    due_completion = complete(learner, module, weeks_ago(WEEKS, days=1))
    due_attendance = attend(other_learner, weeks_ago(WEEKS, days=3), attendance="late")
    # None of these should get a follow-up.
    complete(learner, module, weeks_ago(WEEKS - 1))  # not yet due
    complete(learner, module, weeks_ago(WEEKS, days=CATCH_UP_DAYS + 1))  # too old
    attend(learner, weeks_ago(WEEKS, days=1), attendance="did_not_attend")
    attend(learner, weeks_ago(WEEKS, days=1), attendance="absent")
    attend(learner, weeks_ago(WEEKS, days=1), attendance="")
    attend(learner, weeks_ago(WEEKS, days=1), status="cancelled")
    attend(learner, weeks_ago(WEEKS, days=1), status="cancelled", attendance="")
    cancelled = attend(learner, weeks_ago(WEEKS, days=1))
    cancelled.session.status = "cancelled"
    cancelled.session.save()

    assert follow_ups_schedule() == 2

    keys = set(FollowUp.objects.values_list("source_key", flat=True))
    assert keys == {
        f"module-progress:{due_completion.pk}",
        f"booking:{due_attendance.pk}",
    }
    module_follow_up = FollowUp.objects.get(module_progress=due_completion)
    assert module_follow_up.user == learner
    assert module_follow_up.kind == "module"
    assert module_follow_up.module == module
    assert module_follow_up.title == "Seeing the pattern"
    assert module_follow_up.agency == agency
    assert module_follow_up.due_at == due_completion.completed_at + timedelta(
        weeks=WEEKS
    )
    assert module_follow_up.sent_at is None
    course_follow_up = FollowUp.objects.get(booking=due_attendance)
    assert course_follow_up.kind == "course"
    assert course_follow_up.course == due_attendance.session.course
    assert course_follow_up.agency == other_learner.profile.agency


def test_scheduling_again_creates_nothing_new(learner, module):
    complete(learner, module, weeks_ago(WEEKS, days=1))
    attend(learner, weeks_ago(WEEKS, days=1))
    assert follow_ups_schedule() == 2
    assert follow_ups_schedule() == 0
    assert FollowUp.objects.count() == 2


def test_a_second_completion_of_the_same_module_gets_its_own_follow_up(learner, module):
    complete(learner, module, weeks_ago(WEEKS, days=10))
    complete(learner, module, weeks_ago(WEEKS, days=1))
    assert follow_ups_schedule() == 2


def test_scheduler_queries_do_not_grow_with_completions(
    learner, other_learner, module, django_assert_max_num_queries
):
    for user in (learner, other_learner):
        complete(user, module, weeks_ago(WEEKS, days=1))
        attend(user, weeks_ago(WEEKS, days=1))
    with django_assert_max_num_queries(5):
        assert follow_ups_schedule() == 4


def test_inactive_users_and_users_without_email_are_skipped(learner, agency, module):
    no_email = make_person(email="blank@council.example.org", agency=agency)
    no_email.email = ""
    no_email.save()
    complete(no_email, module, weeks_ago(WEEKS, days=1))
    learner.is_active = False
    learner.save()
    complete(learner, module, weeks_ago(WEEKS, days=1))
    assert follow_ups_schedule() == 0


def test_a_learner_deactivated_after_scheduling_is_not_emailed(
    learner, module, django_capture_on_commit_callbacks
):
    complete(learner, module, weeks_ago(WEEKS, days=1))
    follow_ups_schedule()
    learner.is_active = False
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_ups_send().sent == 0
    assert mail.outbox == []
    assert FollowUp.objects.get().sent_at is None


def test_running_schedule_and_send_twice_sends_one_email_per_completion(
    learner, other_learner, module, django_capture_on_commit_callbacks
):
    complete(learner, module, weeks_ago(WEEKS, days=1))
    attend(other_learner, weeks_ago(WEEKS, days=2), course__title="Escalation day")
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            follow_ups_schedule()
            follow_ups_send()
    assert len(mail.outbox) == 2
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {learner.email, other_learner.email}
    module_follow_up = FollowUp.objects.get(user=learner)
    message = by_recipient[learner.email]
    assert "Seeing the pattern" in message.subject
    assert f"http://testserver/follow-up/{module_follow_up.token}/" in message.body
    assert "completed" in message.body
    assert "attended" in by_recipient[other_learner.email].body
    assert FollowUp.objects.filter(sent_at__isnull=True).count() == 0


def test_an_already_sent_follow_up_is_never_claimed_again(
    sent_follow_up, django_capture_on_commit_callbacks
):
    first_sent = sent_follow_up.sent_at
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_ups_send().sent == 0
    sent_follow_up.refresh_from_db()
    assert sent_follow_up.sent_at == first_sent
    assert mail.outbox == []


def test_follow_up_is_created_only_once_the_eight_weeks_have_passed(
    learner, module, django_capture_on_commit_callbacks
):
    finished = timezone.now()
    complete(learner, module, finished)
    with (
        time_machine.travel(finished + timedelta(weeks=WEEKS, minutes=-1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert follow_ups_schedule() == 0
        assert follow_ups_send().sent == 0
    with (
        time_machine.travel(finished + timedelta(weeks=WEEKS, minutes=1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert follow_ups_schedule() == 1
        assert follow_ups_send().sent == 1
    assert len(mail.outbox) == 1


def test_the_setting_changes_the_delay(learner, module, settings):
    complete(learner, module, weeks_ago(3))
    assert follow_ups_schedule() == 0
    settings.FOLLOW_UP_AFTER_WEEKS = 2
    assert follow_ups_schedule() == 1
    follow_up = FollowUp.objects.get()
    assert follow_up.due_at == follow_up.completed_at + timedelta(weeks=2)


def test_the_command_schedules_sends_and_prints_counts(
    learner, module, django_capture_on_commit_callbacks
):
    complete(learner, module, weeks_ago(WEEKS, days=1))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_follow_ups", stdout=out)
    assert "1 follow-up(s) created, 1 email(s) sent." in out.getvalue()
    assert len(mail.outbox) == 1


def test_the_command_dry_run_changes_nothing(learner, module):
    complete(learner, module, weeks_ago(WEEKS, days=1))
    out = StringIO()
    call_command("send_follow_ups", "--dry-run", stdout=out)
    assert "1 follow-up(s) would be created and 1 email(s) sent" in out.getvalue()
    assert FollowUp.objects.count() == 0
    assert mail.outbox == []


def test_the_task_schedules_and_sends(
    learner, module, django_capture_on_commit_callbacks
):
    complete(learner, module, weeks_ago(WEEKS, days=1))
    with django_capture_on_commit_callbacks(execute=True):
        result = follow_ups_run.enqueue()
    assert result.return_value == {"scheduled": 1, "sent": 1, "failed": 0}
    assert len(mail.outbox) == 1
