"""Demo data for this app, called by `load_demo` after agencies, people and training."""

from datetime import timedelta

from django.db import transaction

# Invented answers, cycled over the demo follow-ups. Fictional; no real cases.
DEMO_ANSWERS = [
    {
        "changed_practice": "yes",
        "example": (
            "When a referral I made was closed I asked for the reasons in writing and "
            "used the challenge process when I still disagreed, instead of referring "
            "again."
        ),
        "confidence_now": 4,
        "used_challenge_process": "yes",
        "manager": ("yes", "They now bring chronologies to supervision."),
    },
    {
        "changed_practice": "partly",
        "example": (
            "I keep a running chronology for families I am worried about, so that "
            "small concerns are seen together."
        ),
        "confidence_now": 4,
        "used_challenge_process": "not_needed",
        "manager": None,
    },
    {
        "changed_practice": "not_yet",
        "example": "",
        "confidence_now": 3,
        "used_challenge_process": "no",
        "manager": ("partly", ""),
    },
    {
        "changed_practice": "yes",
        "example": (
            "I now describe what a child's day is actually like at home rather than "
            "writing that the family is not engaging."
        ),
        "confidence_now": 5,
        "used_challenge_process": "not_needed",
        "manager": None,
    },
]


def _give_line_manager(user, number: int) -> None:
    from learning.accounts.services import profile_save

    profile = user.profile
    if profile.line_manager_email:
        return
    domain = user.email.rsplit("@", 1)[1]
    profile_save(
        user=user,
        agency=profile.agency,
        job_title=profile.job_title,
        team=profile.team,
        line_manager_name=f"Demo Team Manager {number}",
        line_manager_email=f"team.manager.{number}@{domain}",
        allow_any_domain=True,
    )


@transaction.atomic
def demo_followups_load() -> str:
    """Load the demo data (idempotent) and return a short summary for the command.

    The demo training sessions finished three weeks ago, so their follow-ups are
    scheduled as if already due (no delay), sent (to the console in development), and
    most are answered with invented answers, some with a line manager's view too.
    """
    from learning.core.demo import TRAINING

    from .models import FollowUp
    from .services import (
        follow_up_answer,
        follow_up_manager_answer,
        follow_ups_schedule,
        follow_ups_send,
    )

    scheduled = follow_ups_schedule(after=timedelta(0))
    sent = follow_ups_send().sent
    demo = list(
        FollowUp.objects.select_related("user__profile")
        .filter(
            course__title__in=[spec["title"] for spec in TRAINING],
            sent_at__isnull=False,
        )
        .order_by("pk")
    )
    answered = managers = 0
    for position, follow_up in enumerate(demo):
        if position % 3 == 2:
            continue  # some stay unanswered, for the response rate
        spec = DEMO_ANSWERS[position % len(DEMO_ANSWERS)]
        if follow_up.answered_at is None:
            if spec["manager"]:
                _give_line_manager(follow_up.user, position + 1)
                follow_up.user.profile.refresh_from_db()
            follow_up_answer(
                follow_up=follow_up,
                user=follow_up.user,
                changed_practice=spec["changed_practice"],
                example=spec["example"],
                confidence_now=spec["confidence_now"],
                used_challenge_process=spec["used_challenge_process"],
                ask_manager=bool(spec["manager"]),
            )
        if spec["manager"] and follow_up.manager_answered_at is None:
            observed, comment = spec["manager"]
            if follow_up.manager_token:
                follow_up_manager_answer(
                    follow_up=follow_up, observed_change=observed, comment=comment
                )
        answered += 1
        managers += bool(follow_up.manager_answered_at)
    waiting = next((f.user.email for f in demo if f.answered_at is None), None)
    example = (
        f" {waiting} has one waiting on My learning (the demo password applies)."
        if waiting
        else ""
    )
    return (
        f"Follow-ups: {scheduled} new, {sent} sent, {answered} of {len(demo)} demo "
        f"questionnaires answered, {managers} with a line manager's view.{example}"
    )
