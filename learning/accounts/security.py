"""Security events: the ``learning.security`` log and audit entries for MFA changes.

Receivers for django.contrib.auth's and allauth.mfa's signals, connected by
``security_signals_connect`` from ``AccountsConfig.ready``. They log who and what,
never passwords, codes, recovery codes, tokens or session keys.
"""

import logging

from django.contrib.auth import signals as auth_signals
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.urls import Resolver404, resolve
from django.utils.crypto import salted_hmac

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.mfa import signals as mfa_signals
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator

logger = logging.getLogger("learning.security")

# The page that sent someone to set up two-step sign-in: set by the middleware, read
# by the MFA templates as ``request.session.mfa_required_next`` (so no dots).
MFA_REQUIRED_NEXT_SESSION_KEY = "mfa_required_next"


class MfaAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        """Authenticator secrets are stored encrypted (see ``mfa_secrets``)."""
        from .mfa_secrets import encrypt

        return encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        from .mfa_secrets import decrypt

        return decrypt(encrypted_text)

    def get_totp_issuer(self) -> str:
        """The name authenticator apps show next to the code: the partnership's
        short name, else ``MFA_TOTP_ISSUER``."""
        from allauth.core import context

        from learning.core.selectors import partnership_settings

        partnership = partnership_settings(request=context.request)
        return partnership.short_name or super().get_totp_issuer()


def client_ip(request) -> str | None:
    if request is None:
        return None
    try:
        return get_account_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        # No address, or X-Forwarded-For shorter than TRUSTED_PROXY_COUNT: a log
        # line must never break a sign-in.
        return None


def view_name(request) -> str | None:
    """The URL name of the request's page; never its path, which may hold a token
    (email confirmation and follow-up links do)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
    return match.view_name


def security_event(event: str, *, request=None, user=None, **data) -> None:
    """Write one structured security event to the ``learning.security`` log."""
    extra = {"event": event, **data}
    if user is not None and getattr(user, "pk", None) is not None:
        extra["user_id"] = user.pk
    if request is not None:
        extra["ip"] = client_ip(request)
        extra["view"] = view_name(request)
    logger.info("security event: %s", event, extra=extra)


# ------------------------------------------------------------------ sign in and out


def _logged_in(sender, request, user, **kwargs):
    from .middleware import session_started_mark
    from .services import user_session_record

    if request is not None and hasattr(request, "session"):
        session_started_mark(request.session)
        user_session_record(request=request, user=user)
    security_event("login_succeeded", request=request, user=user)


LOGIN_HASH_SALT = "learning.accounts.security.login_hash"


def login_hash(attempted: str) -> str:
    """A keyed hash (HMAC-SHA256, key derived from ``SECRET_KEY``) of an attempted
    sign-in address: the same address, whatever its case, always gives the same
    hash, so attempts on one account can be correlated, but the log never holds the
    address itself, and without the key it cannot be guessed from a list."""
    normalised = str(attempted).strip().lower()
    return salted_hmac(LOGIN_HASH_SALT, normalised, algorithm="sha256").hexdigest()


def _login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked anything that looks like a password; the address
    # someone tried is logged only as a keyed hash.
    attempted = credentials.get("email") or credentials.get("username") or ""
    security_event("login_failed", request=request, login_hash=login_hash(attempted))


def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        security_event("logout", request=request, user=user)


# ----------------------------------------------------------------------------- MFA


def _audit(*, user, action, authenticator):
    from learning.core.services import audit_log

    audit_log(actor=user, action=action, obj=user, authenticator=authenticator.type)


def _authenticator_added(sender, request, user, authenticator, **kwargs):
    if authenticator.type == Authenticator.Type.TOTP:
        security_event("mfa_activated", request=request, user=user, type="totp")
        _audit(user=user, action="mfa.activated", authenticator=authenticator)
    elif authenticator.type == Authenticator.Type.RECOVERY_CODES:
        security_event("recovery_codes_generated", request=request, user=user)


def _authenticator_removed(sender, request, user, authenticator, **kwargs):
    if authenticator.type == Authenticator.Type.TOTP:
        security_event("mfa_deactivated", request=request, user=user, type="totp")
        _audit(user=user, action="mfa.deactivated", authenticator=authenticator)


def _authenticator_reset(sender, request, user, authenticator, **kwargs):
    security_event("recovery_codes_regenerated", request=request, user=user)
    _audit(
        user=user, action="mfa.recovery_codes_regenerated", authenticator=authenticator
    )


def _authenticator_used(sender, request, user, authenticator, **kwargs):
    security_event(
        "mfa_used",
        request=request,
        user=user,
        type=authenticator.type,
        reauthenticated=bool(kwargs.get("reauthenticated")),
    )


def _authentication_failed(sender, request, user, authenticator, **kwargs):
    security_event(
        "mfa_failed",
        request=request,
        user=user,
        reauthentication=bool(kwargs.get("reauthentication")),
    )


_UID = "learning.accounts.security"


def security_signals_connect() -> None:
    auth_signals.user_logged_in.connect(_logged_in, dispatch_uid=f"{_UID}.in")
    auth_signals.user_login_failed.connect(_login_failed, dispatch_uid=f"{_UID}.fail")
    auth_signals.user_logged_out.connect(_logged_out, dispatch_uid=f"{_UID}.out")
    for signal, receiver in (
        (mfa_signals.authenticator_added, _authenticator_added),
        (mfa_signals.authenticator_removed, _authenticator_removed),
        (mfa_signals.authenticator_reset, _authenticator_reset),
        (mfa_signals.authenticator_used, _authenticator_used),
        (mfa_signals.authentication_failed, _authentication_failed),
    ):
        signal.connect(receiver, dispatch_uid=f"{_UID}.{receiver.__name__}")
