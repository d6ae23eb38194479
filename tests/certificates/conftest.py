from django.utils import timezone

import pytest

from modules.factories import module_create
from modules.models import ModuleProgress
from modules.services import _complete_if_ready


@pytest.fixture
def complete_module(django_capture_on_commit_callbacks):
    """Complete a module for a learner through the real completion service."""

    def complete(user, module=None):
        module = module or module_create()
        now = timezone.now()
        progress = ModuleProgress.objects.create(
            user=user,
            module=module,
            revision_id=module.live_revision_id,
            confidence_before=2,
            confidence_after=4,
            current_step=None,
            steps_completed_at=now,
        )
        # Run what happens after commit (PDF rendering, the email) as it would live.
        with django_capture_on_commit_callbacks(execute=True):
            _complete_if_ready(progress)
        progress.refresh_from_db()
        assert progress.completed_at is not None
        return progress.user.certificates.get(
            source_key=f"module-progress:{progress.pk}"
        )

    return complete
