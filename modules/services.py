from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ModulePage, ModuleProgress
from .paths import next_index, steps_of

MODULE_NOT_AVAILABLE = _("This module is not available at the moment.")
STEP_NOT_ON_PATH = _(
    "That step is not the next one on your path through the module. Nothing was saved."
)
STEP_MISMATCH = _(
    "This answer does not match the step it was sent for. Nothing was saved."
)
STEP_ALREADY_ANSWERED = _("You have already answered this step.")
STEPS_NOT_FINISHED = _(
    "Finish every step of the module before you rate your confidence."
)
ALREADY_COMPLETED = _("You have already completed this module.")


def module_steps_for(*, progress: ModuleProgress):
    """The steps of the revision this learner started, not the latest edit."""
    if progress.revision_id is not None:
        page = progress.revision.as_object()
    else:
        page = progress.module.specific
    return steps_of(page.steps)


@transaction.atomic
def module_progress_start(
    *, user, module: ModulePage, confidence_before: int
) -> ModuleProgress:
    """Start a module (or return the learner's open attempt at it)."""
    if not module.live:
        raise ValidationError(MODULE_NOT_AVAILABLE)
    existing = (
        ModuleProgress.objects.select_for_update()
        .filter(user=user, module=module, completed_at__isnull=True)
        .first()
    )
    if existing:
        return existing
    progress = ModuleProgress(
        user=user,
        module=module,
        revision_id=module.live_revision_id,
        confidence_before=confidence_before,
        current_step=0,
    )
    progress.full_clean()
    progress.save()
    return progress


@transaction.atomic
def module_step_submit(
    *, progress: ModuleProgress, number: int, block_id: str, answer: dict
) -> ModuleProgress:
    """Record the learner's answer to one step and move them along their path.

    A step already answered keeps its first answer (double submits and replays change
    nothing), except a reflection, which the learner may rewrite.
    """
    progress = ModuleProgress.objects.select_for_update().get(pk=progress.pk)
    if progress.completed_at is not None:
        raise ValidationError(ALREADY_COMPLETED, code="completed")
    steps = module_steps_for(progress=progress)
    index = number - 1
    if not 0 <= index < len(steps):
        raise ValidationError(STEP_NOT_ON_PATH, code="not_on_path")
    step = steps[index]
    if step.id != block_id:
        raise ValidationError(STEP_MISMATCH, code="mismatch")
    now = timezone.now()
    if step.id in progress.visited:
        if step.kind != "reflection":
            raise ValidationError(STEP_ALREADY_ANSWERED, code="answered")
        progress.responses[step.id] = {**answer, "answered_at": now.isoformat()}
        progress.last_activity_at = now
        progress.save(update_fields=["responses", "last_activity_at"])
        return progress
    if progress.current_step != index:
        raise ValidationError(STEP_NOT_ON_PATH, code="not_on_path")
    progress.responses[step.id] = {**answer, "answered_at": now.isoformat()}
    progress.visited.append(step.id)
    following = next_index(steps, index, answer)
    progress.current_step = following if following < len(steps) else None
    if progress.current_step is None:
        progress.steps_completed_at = now
    progress.last_activity_at = now
    progress.save()
    return progress


def module_completion_blockers(*, progress: ModuleProgress) -> list[str]:
    """What still stands between the learner and completing the module."""
    if progress.steps_completed_at is None:
        return [STEPS_NOT_FINISHED]
    return []


@transaction.atomic
def module_progress_complete(
    *, progress: ModuleProgress, confidence_after: int
) -> ModuleProgress:
    progress = ModuleProgress.objects.select_for_update().get(pk=progress.pk)
    if progress.completed_at is not None:
        return progress
    blockers = module_completion_blockers(progress=progress)
    if blockers:
        raise ValidationError(blockers[0], code="blocked")
    now = timezone.now()
    progress.confidence_after = confidence_after
    progress.completed_at = now
    progress.last_activity_at = now
    progress.full_clean()
    progress.save()
    return progress
