import logging
from fnmatch import fnmatchcase

from django.db import models, transaction

from .logging import SECURITY_LOGGER
from .models import AuditEvent

security_logger = logging.getLogger(SECURITY_LOGGER)

# Audit actions that are also security events: written to the ``learning.security``
# log as well as the audit table, so that they reach the log store and its alerts.
SECURITY_ACTIONS = (
    "certificate.revoked",
    "role.*",
    "*export*",
    "licence.revoked",
    "charge.waived",
    "user.deactivated",
    "account.erased",
    "mfa.*",
)


def audit_action_is_security_event(action: str) -> bool:
    return any(fnmatchcase(action, pattern) for pattern in SECURITY_ACTIONS)


def audit_log(*, actor, action: str, obj: models.Model, **data) -> AuditEvent:
    """Record a compliance-relevant change. Call inside the change's transaction.

    Security-relevant actions (``SECURITY_ACTIONS``) are also logged to
    ``learning.security`` after commit. The log line carries who, what and which record;
    the filter in ``learning.core.logging`` drops any data field named like a secret.
    """
    event = AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        data=data,
    )
    if audit_action_is_security_event(action):
        extra = {
            "event": action,
            "actor_id": event.actor_id,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "audit_event_id": event.pk,
            "data": data,
        }
        # Logged once the change is committed, so that a rolled-back change never
        # appears in the security log.
        transaction.on_commit(
            lambda: security_logger.info("audit: %s", action, extra=extra),
            robust=True,
        )
    return event


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str | dict | list):
        return value
    return str(getattr(value, "pk", value))


def audit_export(*, actor, what: str, obj: models.Model | None = None, **filters):
    """Record that someone downloaded an export: which one and with what filters.

    ``obj`` is the record exported (a session's register, a module's results); for
    lists it defaults to the person exporting.
    """
    return audit_log(
        actor=actor,
        action=f"{what}.exported",
        obj=obj if obj is not None else actor,
        **{key: _plain(value) for key, value in filters.items()},
    )
