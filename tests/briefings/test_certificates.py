"""A briefing certificate and its email read as a briefing, not a completed module."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from certificates.rendering import certificate_html, render_certificate_pdf
from learning.briefings.services import briefing_delivery_record

from ..certificates.test_rendering import pdf_text
from .conftest import TEAM

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(briefing, team_manager, colleagues, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        briefing_delivery_record(
            briefing=briefing,
            delivered_by=team_manager,
            delivered_on=timezone.localdate() - timedelta(days=2),
            team=TEAM,
            attendees=colleagues[:1],
        )
    return colleagues[0].certificates.get()


def test_the_certificate_says_the_holder_took_part_in_the_briefing(certificate):
    text = pdf_text(render_certificate_pdf(certificate))

    assert "Certificate of participation" in text
    assert "took part in the seven-minute briefing" in text
    assert certificate.title in text
    assert "Recommendation 6" in text
    assert "Recommendation 1:" not in text
    assert "completed the e-learning module" not in certificate_html(certificate)


def test_the_email_says_the_team_manager_recorded_the_briefing(certificate):
    (message,) = [m for m in mail.outbox if certificate.holder.email in m.to]

    assert f'took part in "{certificate.title}"' in message.body
    assert "Well done: you have completed" not in message.body
    assert certificate.pdf  # rendered after commit, through the tasks API
