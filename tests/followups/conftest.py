from datetime import timedelta

from django.utils import timezone

import pytest

from learning.events.factories import TrainingSessionFactory
from learning.events.models import Booking
from learning.followups.models import FollowUp
from modules.factories import module_create
from modules.models import ModuleProgress

WEEKS = 8


@pytest.fixture
def module(db):
    return module_create(title="Seeing the pattern")


def complete(user, module, at):
    return ModuleProgress.objects.create(
        user=user,
        module=module,
        started_at=at - timedelta(hours=1),
        current_step=None,
        completed_at=at,
    )


def attend(user, ended_at, *, attendance="attended", status="booked", **session):
    session = TrainingSessionFactory(
        start=ended_at - timedelta(hours=3), end=ended_at, **session
    )
    return Booking.objects.create(
        session=session, user=user, status=status, attendance=attendance
    )


def weeks_ago(weeks, **extra):
    return timezone.now() - timedelta(weeks=weeks, **extra)


@pytest.fixture
def sent_follow_up(learner, module):
    """A follow-up for the learner's module completion, emailed yesterday."""
    progress = complete(learner, module, weeks_ago(WEEKS, days=2))
    return FollowUp.objects.create(
        user=learner,
        kind="module",
        module_progress=progress,
        source_key=f"module-progress:{progress.pk}",
        title=module.title,
        module=module,
        agency=learner.profile.agency,
        completed_at=progress.completed_at,
        due_at=progress.completed_at + timedelta(weeks=WEEKS),
        sent_at=timezone.now() - timedelta(days=1),
    )
