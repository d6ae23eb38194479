import datetime

from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form

import pytest

from learning.licences.models import Licence, LicenceStatus
from learning.licences.selectors import (
    RegisterScope,
    licence_register_counts,
    licence_register_rows,
    register_scope_for,
)
from modules.blocks import NarrativeStepBlock

pytestmark = pytest.mark.django_db


def test_an_agency_lead_scope_with_another_agency_filter_selects_nothing(
    agency_lead, learner, other_learner, other_agency, attend_all
):
    attend_all([learner, other_learner], on=timezone.localdate())
    scope = register_scope_for(agency_lead)

    assert [lic.holder for lic in licence_register_rows(scope=scope)] == [learner]
    assert not licence_register_rows(scope=scope, agency_id=other_agency.pk).exists()
    assert licence_register_counts(scope=scope, agency_id=other_agency.pk) == []


def test_people_who_lead_nothing_have_no_register_scope(learner, trainer, attend_all):
    attend_all([learner], on=timezone.localdate())

    for user in (learner, trainer):
        scope = register_scope_for(user)
        assert not scope.allowed
        assert not licence_register_rows(scope=scope).exists()
    assert not licence_register_rows(scope=RegisterScope()).exists()


@pytest.mark.parametrize(
    ("refresher_due", "status"),
    [
        (datetime.date(2030, 4, 1), LicenceStatus.DUE),  # the day itself
        (datetime.date(2030, 6, 30), LicenceStatus.DUE),  # 90 days ahead
        (datetime.date(2030, 7, 1), LicenceStatus.CURRENT),  # 91 days ahead
        (datetime.date(2030, 3, 31), LicenceStatus.LAPSED),  # yesterday
        (None, LicenceStatus.CURRENT),
    ],
)
def test_the_register_status_matches_the_licence_status_at_the_edges(
    partnership_lead, learner, attend_all, refresher_due, status
):
    attend_all([learner], on=datetime.date(2029, 1, 1))
    Licence.objects.update(refresher_due=refresher_due)
    today = datetime.date(2030, 4, 1)
    scope = register_scope_for(partnership_lead)

    row = licence_register_rows(scope=scope, on=today).get()

    assert row.register_status == status
    assert row.status_on(today) == status
    counts = licence_register_counts(scope=scope, on=today)[0]
    assert counts["licensed"] == (status in (LicenceStatus.CURRENT, LicenceStatus.DUE))
    assert counts["due"] == (status == LicenceStatus.DUE)
    assert counts["lapsed"] == (status == LicenceStatus.LAPSED)


def test_documents_use_the_licensed_document_model_everywhere():
    Document = get_document_model()

    assert Document._meta.label == "core.Document"
    assert "licence_required" in get_document_form(Document).base_fields
    # Module steps choose videos with DocumentChooserBlock: it follows the setting.
    assert NarrativeStepBlock().child_blocks["media"].model_class is Document
