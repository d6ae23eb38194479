"""Every export a lead or trainer downloads leaves an audit entry (and a security log line)."""

from datetime import timedelta

from django.utils import timezone

import pytest

from learning.core.models import AuditEvent
from learning.core.services import audit_export
from learning.events.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db


def test_audit_export_records_who_what_and_the_filters(partnership_lead, agency):
    event = audit_export(
        actor=partnership_lead,
        what="charges",
        agency=agency,
        start=timezone.localdate(),
        status=None,
    )

    assert event.action == "charges.exported"
    assert event.actor == partnership_lead
    assert event.object_type == "accounts.user"
    assert event.data == {
        "agency": str(agency.pk),
        "start": str(timezone.localdate()),
        "status": None,
    }


@pytest.mark.parametrize(
    ("url", "action"),
    [
        ("/training/charges/?export=csv", "charges.exported"),
        ("/licences/?export=csv", "licence_register.exported"),
        ("/certificates/manage/?export=csv", "certificates.exported"),
        (
            "/reports/export/?export=csv&table=agencies",
            "report.exported",
        ),
    ],
)
def test_downloading_an_export_is_audited(client, partnership_lead, url, action):
    client.force_login(partnership_lead)

    response = client.get(url)

    assert response.status_code == 200, response.content[:300]
    assert AuditEvent.objects.filter(action=action, actor=partnership_lead).exists()


def test_a_register_download_is_audited_against_its_session(client, partnership_lead):
    session = TrainingSessionFactory(start=timezone.now() - timedelta(days=1))
    client.force_login(partnership_lead)

    client.get(f"/training/{session.pk}/register/?export=csv")

    event = AuditEvent.objects.get(action="register.exported")
    assert (event.object_type, event.object_id) == (
        "events.trainingsession",
        str(session.pk),
    )


def test_viewing_a_page_without_exporting_is_not_audited(client, partnership_lead):
    client.force_login(partnership_lead)

    client.get("/training/charges/")

    assert not AuditEvent.objects.filter(action__endswith=".exported").exists()
