import pytest

from learning.core.demo import (
    demo_accounts_load,
    demo_agencies_load,
    demo_learners_load,
    demo_partnership_settings_load,
    demo_training_load,
)
from learning.followups.demo import demo_followups_load
from learning.followups.models import FollowUp
from learning.followups.selectors import follow_up_rollup

pytestmark = pytest.mark.django_db


def test_the_demo_gives_the_rollup_answers_and_is_idempotent(
    django_capture_on_commit_callbacks,
):
    demo_partnership_settings_load()
    agencies = demo_agencies_load()
    demo_accounts_load(agencies=agencies)
    demo_learners_load(agencies=agencies, count=12)
    demo_training_load()

    with django_capture_on_commit_callbacks(execute=True):
        summary = demo_followups_load()
    # Two past sessions, seven of eight booked learners attended each.
    assert summary.startswith("Follow-ups: 14 new, 14 sent, 10 of 14 demo")
    assert FollowUp.objects.filter(sent_at__isnull=True).count() == 0
    answered = FollowUp.objects.filter(answered_at__isnull=False).count()
    managers = FollowUp.objects.filter(manager_answered_at__isnull=False).count()
    assert answered == 10 and managers > 0

    with django_capture_on_commit_callbacks(execute=True):
        again = demo_followups_load()
    assert again.startswith("Follow-ups: 0 new, 0 sent, 10 of 14 demo")
    assert FollowUp.objects.count() == 14
    assert FollowUp.objects.filter(answered_at__isnull=False).count() == answered
    rollup = follow_up_rollup()
    assert rollup["total"].answered == 10
    assert rollup["total"].manager_answered == managers
