import re
from datetime import timedelta

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from certificates.models import CODE_ALPHABET, Certificate, new_certificate_code
from certificates.reminders import certificate_reminders_send
from certificates.services import (
    REVOKE_REASON_REQUIRED,
    certificate_reissue,
    certificate_revoke,
)
from learning.core.dates import add_months
from learning.core.models import AuditEvent
from learning.reviews.models import Recommendation

pytestmark = pytest.mark.django_db

CODE_PATTERN = re.compile(
    rf"^[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}$"
)


def test_completing_a_module_issues_a_certificate_with_a_snapshot(
    learner, complete_module
):
    certificate = complete_module(learner)
    module = certificate.module
    assert certificate.holder_name == learner.name
    assert certificate.agency_name == "Children's Social Care"
    assert certificate.title == module.title
    assert certificate.cpd_minutes == module.cpd_minutes
    assert certificate.expires_on == add_months(certificate.completed_on, 36)
    rec1 = Recommendation.objects.get(number=1)
    assert certificate.recommendations == [
        {"review": rec1.review.title, "number": 1, "text": rec1.text}
    ]
    assert [p["number"] for p in certificate.learning_points] == [1, 2]
    assert CODE_PATTERN.match(certificate.code)
    assert AuditEvent.objects.filter(action="certificate.issued").count() == 1
    # Issued by email with a link, not an attachment.
    message = mail.outbox[-1]
    assert certificate.code in message.body and not message.attachments


def test_certificate_text_does_not_change_when_the_module_or_review_is_edited(
    learner, complete_module
):
    certificate = complete_module(learner)
    before = Certificate.objects.values().get(pk=certificate.pk)
    module = certificate.module
    module.title = "A renamed module"
    module.recommendations = list(Recommendation.objects.filter(number=5))
    module.save_revision().publish()
    Recommendation.objects.filter(number=1).update(text="Rewritten recommendation.")
    assert Certificate.objects.values().get(pk=certificate.pk) == before


def test_codes_are_random_and_unique():
    codes = [new_certificate_code() for _ in range(2000)]
    assert len(set(codes)) == len(codes)
    assert all(CODE_PATTERN.match(code) for code in codes)
    # No shared prefix or counter between consecutive codes.
    same_prefix = sum(
        1 for a, b in zip(codes, codes[1:], strict=False) if a[:4] == b[:4]
    )
    assert same_prefix < 5


def test_recompleting_after_expiry_issues_a_new_certificate(learner, complete_module):
    first = complete_module(learner)
    Certificate.objects.filter(pk=first.pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    second = complete_module(learner, module=first.module)
    assert second.pk != first.pk and second.code != first.code
    assert second.status == "valid"


def test_revoking_needs_a_reason_and_is_audited(
    learner, partnership_lead, complete_module
):
    certificate = complete_module(learner)
    with pytest.raises(ValidationError) as exc:
        certificate_revoke(
            certificate=certificate, reason="  ", revoked_by=partnership_lead
        )
    assert exc.value.message_dict["reason"] == [str(REVOKE_REASON_REQUIRED)]
    certificate.refresh_from_db()
    assert certificate.status == "valid"
    certificate_revoke(
        certificate=certificate, reason="Issued in error.", revoked_by=partnership_lead
    )
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    event = AuditEvent.objects.get(action="certificate.revoked")
    assert event.actor == partnership_lead
    assert event.data == {"reason": "Issued in error."}


def test_reissuing_gives_a_new_code_and_revokes_the_old(
    learner, partnership_lead, complete_module
):
    old = complete_module(learner)
    new = certificate_reissue(certificate=old, reissued_by=partnership_lead)
    old.refresh_from_db()
    assert new.code != old.code
    assert old.status == "revoked" and new.code in old.revoked_reason
    assert new.recommendations == old.recommendations
    assert new.replaces == old


def test_refresher_reminders_go_once_at_60_and_14_days(learner, complete_module):
    certificate = complete_module(learner)
    today = timezone.localdate()
    mail.outbox.clear()
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=today + timedelta(days=59)
    )
    assert certificate_reminders_send(today=today) == 1
    assert certificate_reminders_send(today=today) == 0
    assert "expires on" in mail.outbox[-1].body
    assert certificate_reminders_send(today=today + timedelta(days=46)) == 1
    assert certificate_reminders_send(today=today + timedelta(days=46)) == 0
    assert len(mail.outbox) == 2


def test_a_certificate_already_within_14_days_gets_one_reminder(
    learner, complete_module
):
    certificate = complete_module(learner)
    today = timezone.localdate()
    mail.outbox.clear()
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=today + timedelta(days=10)
    )
    assert certificate_reminders_send(today=today) == 1
    assert len(mail.outbox) == 1
