from django.db import models

from .models import AuditEvent


def audit_log(*, actor, action: str, obj: models.Model, **data) -> AuditEvent:
    """Record a compliance-relevant change. Call inside the change's transaction."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        data=data,
    )
