"""Permissions read from the shared cache instead of two queries on every page.

Every page asks what the signed-in person may do (the navigation shows Reports,
Briefings or Charges by permission), and Django's ``ModelBackend`` answers with two
queries (the user's own and their groups' permissions) per request. Here the answer
is kept in the cache for ``PERMISSIONS_CACHE_SECONDS``, stamped with a version that
any change to who holds which role, or to what a role allows, moves on at once
(``permissions_changed``), so a revoked role stops working on the next request, on
every process.
"""

import logging
import uuid

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "auth:permissions-version"
logger = logging.getLogger(__name__)


def _user_key(user_pk) -> str:
    return f"auth:permissions:{user_pk}"


def permissions_changed() -> None:
    """Forget every cached permission set (call when roles or grants change).

    Never breaks the change itself: while the cache cannot be written (its table not
    yet created during the first ``migrate``, or Redis unreachable) nothing new can be
    cached either, and the failure is logged.
    """
    try:
        # In a savepoint: with the database cache, a failed write must not abort
        # the transaction making the change (PostgreSQL would refuse the rest).
        with transaction.atomic():
            cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        logger.exception("Could not move the permissions version on in the cache")


class CachedPermissionsBackend(ModelBackend):
    """``ModelBackend`` whose permission sets are cached across requests."""

    def get_all_permissions(self, user_obj, obj=None):
        if (
            obj is not None
            or not user_obj.is_active
            or user_obj.is_anonymous
            or hasattr(user_obj, "_perm_cache")
        ):
            return super().get_all_permissions(user_obj, obj=obj)
        key = _user_key(user_obj.pk)
        try:
            found = cache.get_many([VERSION_KEY, key])
            version = found.get(VERSION_KEY)
            if version is None:
                version = uuid.uuid4().hex
                # Another process may have set it meanwhile; add() keeps theirs.
                cache.add(VERSION_KEY, version, timeout=None)
                version = cache.get(VERSION_KEY, version)
        except Exception:
            logger.exception("Permissions cache unavailable; reading the database")
            return super().get_all_permissions(user_obj)
        cached = found.get(key)
        if cached is not None and cached[0] == version:
            user_obj._perm_cache = set(cached[1])
            return user_obj._perm_cache
        permissions = super().get_all_permissions(user_obj)
        try:
            cache.set(
                key,
                (version, frozenset(permissions)),
                timeout=getattr(settings, "PERMISSIONS_CACHE_SECONDS", 300),
            )
        except Exception:
            logger.exception("Could not cache a permission set")
        return permissions


_USER_FIELDS_THAT_CHANGE_PERMISSIONS = {"is_superuser", "is_active"}


def _on_grants_changed(sender, action=None, **kwargs):
    if action in (None, "post_add", "post_remove", "post_clear"):
        permissions_changed()


def _on_user_saved(sender, update_fields=None, **kwargs):
    if update_fields is None or _USER_FIELDS_THAT_CHANGE_PERMISSIONS & set(
        update_fields
    ):
        permissions_changed()


def permission_signals_connect() -> None:
    """Move the permissions version on whenever a grant could have changed."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import m2m_changed, post_delete, post_save

    user_model = get_user_model()
    uid = "learning.accounts.backends"
    m2m_changed.connect(
        _on_grants_changed, sender=user_model.groups.through, dispatch_uid=f"{uid}.g"
    )
    m2m_changed.connect(
        _on_grants_changed,
        sender=user_model.user_permissions.through,
        dispatch_uid=f"{uid}.up",
    )
    m2m_changed.connect(
        _on_grants_changed, sender=Group.permissions.through, dispatch_uid=f"{uid}.gp"
    )
    for model in (Group, Permission):
        post_delete.connect(
            _on_grants_changed, sender=model, dispatch_uid=f"{uid}.del.{model.__name__}"
        )
    post_save.connect(_on_user_saved, sender=user_model, dispatch_uid=f"{uid}.user")
