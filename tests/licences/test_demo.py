from wagtail.documents import get_document_model

import pytest

from learning.accounts.models import User
from learning.core.demo import (
    demo_accounts_load,
    demo_agencies_load,
    demo_learners_load,
    demo_partnership_settings_load,
    demo_training_load,
)
from learning.licences.demo import UNLICENSED_DEMO_LEARNER, demo_licences_load
from learning.licences.models import LicenceKind, ResourceIndexPage, ResourcePage
from learning.licences.selectors import licence_current_for

pytestmark = pytest.mark.django_db


def test_the_demo_licenses_some_learners_but_not_the_demo_learner_and_is_idempotent(
    client,
):
    demo_partnership_settings_load()
    agencies = demo_agencies_load()
    demo_accounts_load(agencies=agencies)
    demo_learners_load(agencies=agencies, count=12)
    demo_training_load()

    summary = demo_licences_load()
    again = demo_licences_load()

    demo_learner = User.objects.get(email=UNLICENSED_DEMO_LEARNER)
    licensed = [
        user
        for user in User.objects.all()
        if licence_current_for(user=user, kind=LicenceKind.GCP2)
    ]
    assert licence_current_for(user=demo_learner, kind=LicenceKind.GCP2) is None
    assert len(licensed) == 7  # seven of eight booked attended the past session
    assert f"{licensed[0].email}" in summary or "for example" in summary
    assert f"{UNLICENSED_DEMO_LEARNER} is not licensed" in summary
    assert again == summary
    assert ResourceIndexPage.objects.count() == 1
    pages = ResourcePage.objects.order_by("path")
    assert [page.licence_required for page in pages] == ["", LicenceKind.GCP2]
    document = get_document_model().objects.get()
    assert document.licence_required == LicenceKind.GCP2
    assert document.file.read(5) == b"%PDF-"

    restricted = pages[1]
    client.force_login(demo_learner)
    assert client.get(restricted.url).status_code == 403
    assert client.get(document.url).status_code == 403
    client.force_login(licensed[0])
    assert client.get(restricted.url).status_code == 200
    assert client.get(document.url).status_code == 200
