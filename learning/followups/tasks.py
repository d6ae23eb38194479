"""Background work and emails for follow-ups, through Django's tasks API.

With the default (immediate) backend these run inline after the transaction commits;
in production a worker process runs them. Each email goes once: it is recorded as
sent only after the mail server accepted it (``learning.core.tasks.send_once``).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from learning.core.selectors import partnership_settings
from learning.core.tasks import retried_task, send_once

from .models import FollowUp


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _message(template: str, context: dict, recipient: str) -> EmailMessage:
    return EmailMessage(
        subject=render_to_string(f"followups/email/{template}_subject.txt", context)
        .strip()
        .replace("\n", " "),
        body=render_to_string(f"followups/email/{template}_message.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
    )


def follow_up_invitation(follow_up: FollowUp, *, sent_at) -> EmailMessage:
    """The learner's invitation to the questionnaire, sent at ``sent_at``."""
    from .services import ANSWER_WINDOW

    context = {
        "follow_up": follow_up,
        "name": follow_up.user.name,
        "partnership_name": partnership_settings().name,
        "answer_url": _absolute(follow_up.get_absolute_url()),
        "closes_on": sent_at + ANSWER_WINDOW,
    }
    return _message("invitation", context, follow_up.user.email)


@retried_task()
def follow_up_email(follow_up_id: int) -> None:
    """The invitation for a follow-up already recorded as sent.

    ``follow_ups_send`` now sends invitations itself; this task remains for the
    tasks queued before it did.
    """

    def build():
        follow_up = (
            FollowUp.objects.select_related("user").filter(pk=follow_up_id).first()
        )
        if follow_up is None or follow_up.sent_at is None or not follow_up.user.email:
            return None
        return follow_up_invitation(follow_up, sent_at=follow_up.sent_at)

    send_once(key=f"follow-up-invitation:{follow_up_id}", build=build)


@retried_task()
def follow_up_manager_email(follow_up_id: int) -> None:
    """The line manager's invitation: a link that works without an account."""
    from .services import ANSWER_WINDOW

    def build():
        follow_up = (
            FollowUp.objects.select_related("user").filter(pk=follow_up_id).first()
        )
        if (
            follow_up is None
            or not follow_up.manager_token
            or not follow_up.manager_email
        ):
            return None
        context = {
            "follow_up": follow_up,
            "learner_name": follow_up.user.name,
            "manager_name": follow_up.manager_name,
            "partnership_name": partnership_settings().name,
            "answer_url": _absolute(follow_up.get_manager_url()),
            "closes_on": follow_up.manager_sent_at + ANSWER_WINDOW,
        }
        return _message("manager", context, follow_up.manager_email)

    send_once(key=f"follow-up-manager:{follow_up_id}", build=build)


@retried_task()
def follow_ups_run() -> dict:
    """Schedule and send due follow-ups; for a periodic worker instead of cron."""
    from .services import follow_ups_schedule, follow_ups_send

    scheduled = follow_ups_schedule()
    run = follow_ups_send()
    return {"scheduled": scheduled, "sent": run.sent, "failed": run.failed}
