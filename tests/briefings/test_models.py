from django.core.exceptions import ValidationError

import pytest

from learning.briefings.models import (
    BRIEFING_MODULE_NOT_LIVE,
    BRIEFING_NEEDS_ONE_SOURCE,
    Briefing,
)

pytestmark = pytest.mark.django_db


def _briefing(**fields):
    return Briefing(title="A briefing", summary="What it covers.", **fields)


def test_a_briefing_needs_a_module_or_a_document(db):
    with pytest.raises(ValidationError) as exc_info:
        _briefing().full_clean()

    assert exc_info.value.messages == [BRIEFING_NEEDS_ONE_SOURCE]


def test_a_briefing_cannot_have_both_a_module_and_a_document(briefing_module):
    from wagtail.documents import get_document_model

    document = get_document_model()(title="One-page briefing", file="briefing.pdf")
    document.save()

    with pytest.raises(ValidationError) as exc_info:
        _briefing(module=briefing_module, document=document).full_clean()

    assert exc_info.value.messages == [BRIEFING_NEEDS_ONE_SOURCE]
    _briefing(document=document).full_clean()


def test_a_briefing_module_must_be_published(briefing_module):
    briefing_module.unpublish()

    with pytest.raises(ValidationError) as exc_info:
        _briefing(module=briefing_module).full_clean()

    assert exc_info.value.message_dict["module"] == [BRIEFING_MODULE_NOT_LIVE]


def test_trainers_can_open_the_briefings_admin_and_learners_cannot(
    client, trainer, learner, briefing
):
    client.force_login(trainer)
    listing = client.get("/admin/snippets/briefings/briefing/")
    assert listing.status_code == 200
    assert briefing.title in listing.content.decode()
    assert client.get("/admin/snippets/briefings/briefing/add/").status_code == 200

    client.force_login(learner)
    response = client.get("/admin/snippets/briefings/briefing/")
    assert response.status_code in (302, 403)
