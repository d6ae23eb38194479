"""The five shipped modules load, validate and cover what the review asks for."""

from django.core.management import call_command
from django.utils.html import escape

import pytest

from modules.blocks import ModuleStepsBlock
from modules.content.catalogue import MODULE_NAMES, module_specs
from modules.models import ModulePage

pytestmark = pytest.mark.django_db

EXPECTED_MAPPING = {
    "recognising_neglect": ({1}, {1, 2, 12}),
    "disguised_compliance": ({1}, {11}),
    "challenge_resolution": ({5}, {8, 9, 10}),
    "parents_learning_disabilities": ({3, 4}, {5}),
    "seven_minute_briefing": ({6}, set(range(1, 13))),
}


@pytest.fixture(scope="module")
def specs():
    return dict(zip(MODULE_NAMES, module_specs(), strict=True))


def test_every_shipped_module_maps_the_recommendations_and_points_it_teaches(specs):
    for name, (recommendations, points) in EXPECTED_MAPPING.items():
        spec = specs[name]
        assert recommendations <= set(spec["recommendations"]), name
        assert points <= set(spec["learning_points"]), name


def test_the_three_long_modules_have_ten_steps_and_use_every_step_type(specs):
    long_modules = [
        "recognising_neglect",
        "disguised_compliance",
        "challenge_resolution",
    ]
    used = set()
    for name in long_modules:
        steps = specs[name]["steps"]
        assert len(steps) >= 10, name
        used |= {kind for kind, _value in steps}
    assert used == set(ModuleStepsBlock.base_blocks)


def test_the_briefing_is_short(specs):
    assert specs["seven_minute_briefing"]["estimated_minutes"] <= 15


def test_load_modules_creates_all_five_and_is_idempotent():
    call_command("load_modules")
    assert ModulePage.objects.live().count() == 5
    slugs = set(ModulePage.objects.values_list("slug", flat=True))
    call_command("load_modules")
    assert ModulePage.objects.count() == 5
    assert set(ModulePage.objects.values_list("slug", flat=True)) == slugs
    for page in ModulePage.objects.all():
        assert page.live_revision_id is not None
        assert page.recommendations.exists()


def test_loaded_modules_render_for_a_learner(client, learner):
    call_command("load_modules")
    client.force_login(learner)
    for page in ModulePage.objects.all():
        response = client.get(page.url)
        assert response.status_code == 200
        assert escape(page.title) in response.content.decode()
