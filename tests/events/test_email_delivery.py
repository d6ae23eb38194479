"""Booking emails and session reminders reach learners through a mail server that
was down (issue 14, item 7): a reminder counts as sent only once the mail server
accepted it, and a booking email the server refused is tried again later."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

import pytest
import time_machine

from learning.core.models import EmailClaim
from learning.core.tasks import CLAIM_LEASE, SEND_STOPPED
from learning.events.factories import TrainingSessionFactory
from learning.events.services import booking_create

from ..core.smtp_peer import loopback_smtp
from ..core.tasks_support import run_queued_tasks, use_database_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(trainer):
    session = TrainingSessionFactory(
        course__title="Escalation and challenge",
        start=timezone.now() + timedelta(hours=20),
    )
    session.trainers.add(trainer)
    return session


def send_reminders(django_capture_on_commit_callbacks) -> str:
    out = StringIO()
    # Whatever the run leaves to happen after commit happens, as it would live.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_session_reminders", stdout=out)
    return out.getvalue()


def test_a_session_reminder_refused_while_the_mail_server_is_down_is_sent_on_the_next_run(
    settings, learner, session, django_capture_on_commit_callbacks
):
    booking = booking_create(session=session, learner=learner)
    with loopback_smtp(settings) as mail_server:
        with pytest.raises(CommandError, match=SEND_STOPPED):
            send_reminders(django_capture_on_commit_callbacks)
        booking.refresh_from_db()
        assert booking.reminded_at is None

        mail_server.start()
        assert "1 reminder(s) sent." in send_reminders(
            django_capture_on_commit_callbacks
        )
        assert mail_server.subjects == [
            f"Reminder: Escalation and challenge on "
            f"{timezone.localtime(session.start):%d %B %Y}"
        ]
        assert mail_server.messages[0].rcpt_tos == [learner.email]
        booking.refresh_from_db()
        assert booking.reminded_at is not None

        assert "0 reminder(s) sent." in send_reminders(
            django_capture_on_commit_callbacks
        )
        assert len(mail_server.messages) == 1


def test_a_reminder_another_run_is_sending_is_not_sent_twice(
    learner, session, django_capture_on_commit_callbacks
):
    booking = booking_create(session=session, learner=learner)
    claim = EmailClaim.objects.create(key=f"booking-reminder:{booking.pk}")

    assert "0 reminder(s) sent." in send_reminders(django_capture_on_commit_callbacks)
    assert mail.outbox == []

    # That run died mid-send: once its claim has run out, the reminder goes.
    EmailClaim.objects.filter(pk=claim.pk).update(
        claimed_at=timezone.now() - CLAIM_LEASE - timedelta(seconds=1)
    )
    assert "1 reminder(s) sent." in send_reminders(django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [[learner.email]]
    assert not EmailClaim.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_booking_email_refused_while_the_mail_server_is_down_is_tried_again_later(
    settings, learner, session
):
    use_database_tasks(settings)
    with loopback_smtp(settings) as mail_server:
        booking_create(session=session, learner=learner)
        run_queued_tasks()
        assert mail_server.messages == []

        mail_server.start()
        with time_machine.travel(timezone.now() + timedelta(seconds=61)):
            run_queued_tasks()
        assert mail_server.subjects == [
            "Your place is booked: Escalation and challenge"
        ]
        run_queued_tasks()
        assert len(mail_server.messages) == 1
