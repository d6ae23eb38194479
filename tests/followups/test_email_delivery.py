"""Follow-up invitations reach learners through a mail server that was down
(issue 14, item 7): a follow-up counts as sent only once the mail server accepted
its invitation."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from learning.core.tasks import SEND_STOPPED
from learning.followups.models import FollowUp
from learning.followups.services import follow_up_answer
from learning.followups.tasks import follow_up_manager_email

from ..core.smtp_peer import loopback_smtp
from .conftest import WEEKS, complete, weeks_ago

pytestmark = pytest.mark.django_db


def send_follow_ups(django_capture_on_commit_callbacks) -> str:
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_follow_ups", stdout=out)
    return out.getvalue()


def test_a_follow_up_refused_while_the_mail_server_is_down_is_sent_on_the_next_run(
    settings, learner, module, django_capture_on_commit_callbacks
):
    complete(learner, module, weeks_ago(WEEKS, days=1))
    with loopback_smtp(settings) as mail_server:
        with pytest.raises(CommandError, match=SEND_STOPPED):
            send_follow_ups(django_capture_on_commit_callbacks)
        assert FollowUp.objects.get().sent_at is None

        mail_server.start()
        out = send_follow_ups(django_capture_on_commit_callbacks)
        assert "0 follow-up(s) created, 1 email(s) sent." in out
        assert len(mail_server.messages) == 1
        assert mail_server.messages[0].rcpt_tos == [learner.email]
        assert "Seeing the pattern" in mail_server.subjects[0]
        assert FollowUp.objects.get().sent_at is not None

        assert "0 email(s) sent." in send_follow_ups(django_capture_on_commit_callbacks)
        assert len(mail_server.messages) == 1


def test_the_managers_invitation_goes_once_however_often_its_task_runs(
    sent_follow_up, learner, django_capture_on_commit_callbacks
):
    learner.profile.line_manager_name = "Sam Okafor"
    learner.profile.line_manager_email = "sam.okafor@council.example.org"
    learner.profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        follow_up_answer(
            follow_up=sent_follow_up,
            user=learner,
            changed_practice="yes",
            example="I now check the chronology before a strategy meeting.",
            confidence_now=4,
            used_challenge_process="no",
            ask_manager=True,
        )
    follow_up_manager_email.enqueue(sent_follow_up.pk)  # run again, by a retry

    assert [message.to for message in mail.outbox] == [
        ["sam.okafor@council.example.org"]
    ]
