"""Background work for follow-ups, through Django's tasks API.

With the default (immediate) backend these run inline after the transaction commits;
in production a worker process runs them.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from django_tasks import task

from learning.core.selectors import partnership_settings

from .models import FollowUp


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(template: str, context: dict, recipient: str) -> None:
    send_mail(
        subject=render_to_string(f"followups/email/{template}_subject.txt", context)
        .strip()
        .replace("\n", " "),
        message=render_to_string(f"followups/email/{template}_message.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[recipient],
    )


@task()
def follow_up_email(follow_up_id: int) -> None:
    """The learner's invitation to the questionnaire."""
    from .services import ANSWER_WINDOW

    follow_up = FollowUp.objects.select_related("user").filter(pk=follow_up_id).first()
    if follow_up is None or follow_up.sent_at is None or not follow_up.user.email:
        return
    context = {
        "follow_up": follow_up,
        "name": follow_up.user.name,
        "partnership_name": partnership_settings().name,
        "answer_url": _absolute(follow_up.get_absolute_url()),
        "closes_on": follow_up.sent_at + ANSWER_WINDOW,
    }
    _send("invitation", context, follow_up.user.email)


@task()
def follow_up_manager_email(follow_up_id: int) -> None:
    """The line manager's invitation: a link that works without an account."""
    from .services import ANSWER_WINDOW

    follow_up = FollowUp.objects.select_related("user").filter(pk=follow_up_id).first()
    if follow_up is None or not follow_up.manager_token or not follow_up.manager_email:
        return
    context = {
        "follow_up": follow_up,
        "learner_name": follow_up.user.name,
        "manager_name": follow_up.manager_name,
        "partnership_name": partnership_settings().name,
        "answer_url": _absolute(follow_up.get_manager_url()),
        "closes_on": follow_up.manager_sent_at + ANSWER_WINDOW,
    }
    _send("manager", context, follow_up.manager_email)


@task()
def follow_ups_run() -> dict:
    """Schedule and send due follow-ups; for a periodic worker instead of cron."""
    from .services import follow_ups_schedule, follow_ups_send

    return {"scheduled": follow_ups_schedule(), "sent": follow_ups_send()}
