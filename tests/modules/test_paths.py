import pytest

from modules.paths import next_index, path_indexes, steps_of

pytestmark = pytest.mark.django_db


def _decision(module):
    steps = steps_of(module.steps)
    decision = steps[2]
    weaker, stronger = decision.value["options"].bound_blocks
    return steps, decision, weaker, stronger


def test_default_path_follows_continue_to_and_skips_the_branch(module):
    steps = steps_of(module.steps)
    # Step 4 (grading) continues to "reflect", skipping the "second-referral" branch.
    assert path_indexes(steps, {}) == [0, 1, 2, 3, 5, 6, 7]


def test_choosing_a_branching_option_jumps_to_the_named_step(module):
    steps, decision, weaker, _stronger = _decision(module)
    responses = {decision.id: {"option": weaker.id}}
    assert next_index(steps, 2, responses[decision.id]) == 4
    assert path_indexes(steps, responses) == [0, 1, 2, 4, 5, 6, 7]


def test_an_unknown_option_id_takes_the_default_route(module):
    steps, decision, _weaker, _stronger = _decision(module)
    assert next_index(steps, 2, {"option": "not-an-option"}) == 3
