"""Trainers author modules in the Wagtail admin; learners cannot."""

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from modules.models import ModuleIndexPage, ModulePage

pytestmark = pytest.mark.django_db


def _module_form(title="Recognising neglect in infants", slug="neglect-infants"):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "A short case about a baby.",
            "outcomes": "spot early signs\nact on them",
            "estimated_minutes": "20",
            "cpd_minutes": "20",
            "refresher_months": "36",
            "steps": streamfield(
                [
                    (
                        "narrative",
                        {
                            "title": "A first visit",
                            "body": rich_text("<p>The health visitor calls.</p>"),
                            "image": "",
                            "image_alt": "",
                            "media": "",
                            "transcript": rich_text(""),
                            "name": "",
                            "continue_to": "",
                        },
                    )
                ]
            ),
            "audiences": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0"},
            "quiz_pass_mark": "80",
            "quiz_grading": "highest",
            "quiz_review_content": "full",
            "quiz_review_timing": "immediately",
            "quiz_questions": streamfield(
                [
                    (
                        "true_false",
                        {
                            "statement": "GCP2 grades the care a child receives.",
                            "answer": "true",
                            "feedback_true": "",
                            "feedback_false": "",
                            "explanation": rich_text(""),
                        },
                    )
                ]
            ),
        }
    )


def test_a_trainer_creates_and_publishes_a_module(client, trainer):
    index = ModuleIndexPage.objects.get()
    client.force_login(trainer)
    add_url = f"/admin/pages/add/modules/modulepage/{index.pk}/"
    assert client.get(add_url).status_code == 200
    response = client.post(add_url, {**_module_form(), "action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ModulePage.objects.get(slug="neglect-infants")
    assert page.live and page.live_revision_id
    assert page.steps[0].value["title"] == "A first visit"


def test_a_trainer_edits_a_module_keeping_revisions(client, trainer, module):
    client.force_login(trainer)
    edit_url = f"/admin/pages/{module.pk}/edit/"
    assert client.get(edit_url).status_code == 200
    revisions_before = module.revisions.count()
    response = client.post(
        edit_url,
        {**_module_form(title="Edited title", slug=module.slug), "action-publish": "1"},
    )
    assert response.status_code == 302
    module.refresh_from_db()
    assert module.title == "Edited title"
    assert module.revisions.count() == revisions_before + 1


def test_a_trainer_copies_a_module_to_start_a_new_one(client, trainer, module):
    client.force_login(trainer)
    response = client.post(
        f"/admin/pages/{module.pk}/copy/",
        {
            "new_title": "Copy of the module",
            "new_slug": "copy-of-the-module",
            "new_parent_page": str(module.get_parent().pk),
            "copy_subpages": "",
            "publish_copies": "",
            "alias": "",
        },
    )
    assert response.status_code == 302
    copy = ModulePage.objects.get(slug="copy-of-the-module")
    assert not copy.live
    assert len(copy.steps) == len(module.steps)


def test_learners_cannot_reach_the_module_editor(client, learner, module):
    client.force_login(learner)
    index = ModuleIndexPage.objects.get()
    for url in (
        f"/admin/pages/add/modules/modulepage/{index.pk}/",
        f"/admin/pages/{module.pk}/edit/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert not response.get("Location", "").startswith("/admin/pages")
    assert Page.objects.filter(slug="neglect-infants").count() == 0


def test_a_trainer_previews_a_module_with_every_step_shown(client, trainer, module):
    client.force_login(trainer)
    response = client.get(f"/admin/pages/{module.pk}/view_draft/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "author preview" in body
    assert "A second referral" in body  # branch steps are shown to authors too
