"""Structured JSON logs: one parsable line a record, request ids, no secrets."""

import io
import json
import logging

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

import pytest

from learning.accounts.roles import Role
from learning.accounts.security import login_hash
from learning.briefings.services import team_manager_grant
from learning.core.logging import SECURITY_LOGGER, JsonFormatter, SecretsFilter
from learning.core.models import AuditEvent
from learning.core.services import audit_action_is_security_event, audit_log

pytestmark = pytest.mark.django_db

SECRET = "correct-horse-battery-staple-99"


@pytest.fixture
def security_log():
    """The console handler as LOGGING builds it, writing JSON to a buffer."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    for name in settings.LOGGING["handlers"]["console"]["filters"]:
        handler.addFilter(import_string(settings.LOGGING["filters"][name]["()"])())
    logger = logging.getLogger(SECURITY_LOGGER)
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)

    def lines():
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    lines.raw = stream.getvalue
    yield lines
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def test_logging_settings_use_the_json_formatter_and_secrets_filter():
    assert settings.LOGGING["formatters"]["json"]["()"] == (
        "learning.core.logging.JsonFormatter"
    )
    filters = settings.LOGGING["handlers"]["console"]["filters"]
    assert "secrets" in filters
    assert settings.LOGGING["filters"]["secrets"]["()"] == (
        "learning.core.logging.SecretsFilter"
    )


def test_json_line_has_time_level_logger_message_and_extra_fields(security_log):
    logging.getLogger(SECURITY_LOGGER).info(
        "security event: %s", "example", extra={"event": "example", "user_id": 7}
    )

    [line] = security_log()
    assert line["level"] == "INFO"
    assert line["logger"] == SECURITY_LOGGER
    assert line["message"] == "security event: example"
    assert line["event"] == "example"
    assert line["user_id"] == 7
    assert line["time"].endswith("+00:00")


def test_secret_extra_fields_are_removed_at_any_depth(security_log):
    logging.getLogger(SECURITY_LOGGER).warning(
        "attempt",
        extra={
            "password": SECRET,
            "session_key": SECRET,
            "csrftoken": SECRET,
            "recovery_codes": [SECRET],
            "data": {"token": SECRET, "code": SECRET, "reason": "kept"},
            "client_secret": SECRET,
        },
    )

    raw = security_log.raw()
    [line] = security_log()
    assert SECRET not in raw
    assert line["data"] == {"reason": "kept"}
    for key in ("password", "session_key", "csrftoken", "recovery_codes"):
        assert key not in line


def test_secrets_filter_keeps_ordinary_fields():
    record = logging.LogRecord(
        SECURITY_LOGGER, logging.INFO, __file__, 1, "msg", (), None
    )
    record.event = "login_failed"
    record.path = "/accounts/login/"
    record.password = SECRET

    SecretsFilter().filter(record)

    assert record.event == "login_failed"
    assert record.path == "/accounts/login/"
    assert not hasattr(record, "password")


def test_failed_sign_in_is_logged_as_json_without_the_password(
    client, learner, security_log
):
    client.post(
        "/accounts/login/", {"login": learner.email, "password": SECRET}, secure=True
    )

    raw = security_log.raw()
    events = [line for line in security_log() if line.get("event") == "login_failed"]
    assert events, raw
    assert SECRET not in raw
    assert events[0]["request_id"]
    assert events[0]["login_hash"] == login_hash(learner.email)
    assert learner.email not in raw


def test_permission_denial_is_logged_with_path_and_user_but_no_query_string(
    client, learner, security_log
):
    client.force_login(learner)

    response = client.get("/reports/?token=" + SECRET)

    assert response.status_code == 403
    denied = [e for e in security_log() if e.get("event") == "permission_denied"]
    assert len(denied) == 1
    assert denied[0]["path"] == "/reports/"
    assert denied[0]["user_id"] == learner.pk
    assert denied[0]["request_id"] == response["X-Request-ID"]
    assert SECRET not in security_log.raw()


def test_a_safe_request_id_from_the_proxy_is_kept_and_a_hostile_one_replaced(client):
    kept = client.get("/healthz", headers={"X-Request-ID": "lb-1234abcd"})
    replaced = client.get("/healthz", headers={"X-Request-ID": "x\r\nSet-Cookie: a"})

    assert kept["X-Request-ID"] == "lb-1234abcd"
    assert "\n" not in replaced["X-Request-ID"]
    assert len(replaced["X-Request-ID"]) == 32


def test_role_change_audit_is_also_a_security_log_line_after_commit(
    learner, partnership_lead, security_log, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        team_manager_grant(user=learner, granted_by=partnership_lead)

    [line] = [e for e in security_log() if e.get("event") == "role.granted"]
    event = AuditEvent.objects.get(action="role.granted")
    assert line["actor_id"] == partnership_lead.pk
    assert line["object_type"] == "accounts.user"
    assert line["object_id"] == str(learner.pk)
    assert line["audit_event_id"] == event.pk
    assert line["data"] == {"role": Role.TEAM_MANAGERS}


def test_audit_secrets_never_reach_the_security_log(
    learner, security_log, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        audit_log(
            actor=learner,
            action="certificate.revoked",
            obj=learner,
            reason="Issued in error.",
            token=SECRET,
        )

    [line] = security_log()
    assert line["data"] == {"reason": "Issued in error."}
    assert SECRET not in security_log.raw()


def test_ordinary_audit_actions_are_not_security_log_lines(
    learner, security_log, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        audit_log(actor=learner, action="attendance.recorded", obj=learner)

    assert security_log() == []
    assert AuditEvent.objects.filter(action="attendance.recorded").count() == 1


def test_a_rolled_back_change_is_never_logged(
    learner, security_log, django_capture_on_commit_callbacks
):
    class Abandon(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Abandon),
        transaction.atomic(),
    ):
        audit_log(actor=learner, action="user.deactivated", obj=learner)
        raise Abandon

    assert security_log() == []
    assert not AuditEvent.objects.filter(action="user.deactivated").exists()


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("certificate.revoked", True),
        ("role.granted", True),
        ("role.revoked", True),
        ("report.exported", True),
        ("privacy.exported", True),
        ("certificates.zip_exported", True),
        ("licence.revoked", True),
        ("charge.waived", True),
        ("user.deactivated", True),
        ("mfa.activated", True),
        ("certificate.issued", False),
        ("attendance.recorded", False),
        ("licence.granted", False),
    ],
)
def test_security_actions(action, expected):
    assert audit_action_is_security_event(action) is expected
