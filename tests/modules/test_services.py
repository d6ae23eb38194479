import json

from django.core.exceptions import ValidationError

import pytest

from modules.factories import module_create
from modules.models import ModuleProgress
from modules.paths import steps_of
from modules.services import (
    ALREADY_COMPLETED,
    STEP_ALREADY_ANSWERED,
    STEP_MISMATCH,
    STEP_NOT_ON_PATH,
    STEPS_NOT_FINISHED,
    module_progress_complete,
    module_progress_start,
    module_step_submit,
    module_steps_for,
)

pytestmark = pytest.mark.django_db


def _walk_default_path(progress):
    """Answer every step on the default route; returns the answers by block id."""
    steps = module_steps_for(progress=progress)
    answers = {}
    while progress.current_step is not None:
        step = steps[progress.current_step]
        answer = {
            "chronology": lambda s: {
                "selected": [e.id for e in s.value["entries"].bound_blocks[:2]]
            },
            "decision": lambda s: {"option": s.value["options"].bound_blocks[1].id},
            "knowledge_check": lambda s: {
                "option": s.value["options"].bound_blocks[0].id
            },
            "gcp2_grading": lambda s: {
                "grades": {
                    "physical_care": 4,
                    "safety": 3,
                    "love_and_care": 2,
                    "esteem": 3,
                }
            },
            "reflection": lambda s: {"text": "I would look at the history sooner."},
        }.get(step.kind, lambda s: {})(step)
        progress = module_step_submit(
            progress=progress, number=step.number, block_id=step.id, answer=answer
        )
        answers[step.id] = answer
    return progress, answers


def test_starting_pins_the_live_revision_and_records_confidence(learner, module):
    progress = module_progress_start(user=learner, module=module, confidence_before=2)
    assert progress.revision_id == module.live_revision_id
    assert progress.confidence_before == 2
    assert progress.current_step == 0


def test_starting_twice_returns_the_same_open_attempt(learner, module):
    first = module_progress_start(user=learner, module=module, confidence_before=2)
    second = module_progress_start(user=learner, module=module, confidence_before=5)
    assert first.pk == second.pk
    assert ModuleProgress.objects.filter(user=learner).count() == 1


def test_answers_are_stored_under_each_steps_block_id(learner, module):
    progress = module_progress_start(user=learner, module=module, confidence_before=3)
    progress, answers = _walk_default_path(progress)
    progress.refresh_from_db()
    block_ids = [s.id for s in steps_of(module.steps)]
    assert set(progress.responses) == set(answers)
    assert set(progress.responses) <= set(block_ids)
    for block_id, answer in answers.items():
        stored = dict(progress.responses[block_id])
        stored.pop("answered_at")
        assert stored == answer
    assert progress.visited == list(answers)
    assert progress.steps_completed_at is not None


def test_a_second_submit_of_the_same_step_keeps_the_first_answer(learner, module):
    progress = module_progress_start(user=learner, module=module, confidence_before=3)
    steps = module_steps_for(progress=progress)
    progress = module_step_submit(
        progress=progress, number=1, block_id=steps[0].id, answer={}
    )
    chronology = steps[1]
    first, second, third = chronology.value["entries"].bound_blocks
    module_step_submit(
        progress=progress,
        number=2,
        block_id=chronology.id,
        answer={"selected": [first.id]},
    )
    with pytest.raises(ValidationError) as exc:
        module_step_submit(
            progress=progress,
            number=2,
            block_id=chronology.id,
            answer={"selected": [third.id]},
        )
    assert exc.value.messages == [str(STEP_ALREADY_ANSWERED)]
    progress.refresh_from_db()
    assert progress.responses[chronology.id]["selected"] == [first.id]
    assert progress.visited == [steps[0].id, chronology.id]


def test_a_step_beyond_the_path_is_refused_and_changes_nothing(learner, module):
    progress = module_progress_start(user=learner, module=module, confidence_before=3)
    steps = module_steps_for(progress=progress)
    before = ModuleProgress.objects.values().get(pk=progress.pk)
    with pytest.raises(ValidationError) as exc:
        module_step_submit(progress=progress, number=3, block_id=steps[2].id, answer={})
    assert exc.value.messages == [str(STEP_NOT_ON_PATH)]
    with pytest.raises(ValidationError):
        module_step_submit(progress=progress, number=99, block_id="x", answer={})
    assert ModuleProgress.objects.values().get(pk=progress.pk) == before


def test_an_answer_sent_for_another_block_is_refused(learner, module):
    progress = module_progress_start(user=learner, module=module, confidence_before=3)
    steps = module_steps_for(progress=progress)
    with pytest.raises(ValidationError) as exc:
        module_step_submit(progress=progress, number=1, block_id=steps[1].id, answer={})
    assert exc.value.messages == [str(STEP_MISMATCH)]
    progress.refresh_from_db()
    assert progress.responses == {}
    assert progress.visited == []


def test_choosing_the_branching_option_sends_the_learner_down_the_branch(
    learner, module
):
    progress = module_progress_start(user=learner, module=module, confidence_before=3)
    steps = module_steps_for(progress=progress)
    progress = module_step_submit(
        progress=progress, number=1, block_id=steps[0].id, answer={}
    )
    entry = steps[1].value["entries"].bound_blocks[0]
    progress = module_step_submit(
        progress=progress,
        number=2,
        block_id=steps[1].id,
        answer={"selected": [entry.id]},
    )
    weaker = steps[2].value["options"].bound_blocks[0]
    progress = module_step_submit(
        progress=progress, number=3, block_id=steps[2].id, answer={"option": weaker.id}
    )
    assert progress.current_step == 4  # the "second-referral" step, skipping grading
    with pytest.raises(ValidationError):
        module_step_submit(progress=progress, number=4, block_id=steps[3].id, answer={})


def test_a_reflection_can_be_rewritten(learner, module):
    progress = module_progress_start(user=learner, module=module, confidence_before=3)
    progress, _answers = _walk_default_path(progress)
    reflection = next(
        s for s in module_steps_for(progress=progress) if s.kind == "reflection"
    )
    module_step_submit(
        progress=progress,
        number=reflection.number,
        block_id=reflection.id,
        answer={"text": "A better answer."},
    )
    progress.refresh_from_db()
    assert progress.responses[reflection.id]["text"] == "A better answer."


def test_completion_needs_every_step_on_the_path(learner, module):
    progress = module_progress_start(user=learner, module=module, confidence_before=2)
    with pytest.raises(ValidationError) as exc:
        module_progress_complete(progress=progress, confidence_after=4)
    assert exc.value.messages == [str(STEPS_NOT_FINISHED)]
    progress, _answers = _walk_default_path(progress)
    progress = module_progress_complete(progress=progress, confidence_after=4)
    assert progress.completed_at is not None
    assert (progress.confidence_before, progress.confidence_after) == (2, 4)
    with pytest.raises(ValidationError) as exc:
        module_step_submit(progress=progress, number=1, block_id="x", answer={})
    assert exc.value.messages == [str(ALREADY_COMPLETED)]


def test_a_completed_module_can_be_taken_again_as_a_new_attempt(learner, module):
    progress = module_progress_start(user=learner, module=module, confidence_before=2)
    progress, _answers = _walk_default_path(progress)
    module_progress_complete(progress=progress, confidence_after=4)
    again = module_progress_start(user=learner, module=module, confidence_before=4)
    assert again.pk != progress.pk
    assert ModuleProgress.objects.filter(user=learner, module=module).count() == 2


def test_editing_a_published_module_keeps_learners_on_the_revision_they_started(
    learner, other_learner, module
):
    progress = module_progress_start(user=learner, module=module, confidence_before=3)
    old_steps = module_steps_for(progress=progress)
    progress = module_step_submit(
        progress=progress, number=1, block_id=old_steps[0].id, answer={}
    )

    # A trainer deletes the first two steps and publishes.
    raw = json.loads(json.dumps(list(module.steps.raw_data)))
    module.steps = json.dumps(raw[2:])
    module.save_revision().publish()
    module.refresh_from_db()
    assert len(module.steps) == len(old_steps) - 2

    progress.refresh_from_db()
    still = module_steps_for(progress=progress)
    assert [s.id for s in still] == [s.id for s in old_steps]
    entry = still[1].value["entries"].bound_blocks[0]
    progress = module_step_submit(
        progress=progress,
        number=2,
        block_id=still[1].id,
        answer={"selected": [entry.id]},
    )
    assert progress.visited == [old_steps[0].id, old_steps[1].id]

    newcomer = module_progress_start(
        user=other_learner, module=module, confidence_before=3
    )
    assert newcomer.revision_id == module.live_revision_id != progress.revision_id
    assert module_steps_for(progress=newcomer)[0].kind == "decision"


def test_a_module_that_is_not_live_cannot_be_started(learner):
    module = module_create()
    module.unpublish()
    with pytest.raises(ValidationError):
        module_progress_start(user=learner, module=module, confidence_before=3)
    assert not ModuleProgress.objects.exists()
