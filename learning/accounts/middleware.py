"""Sign-in hardening: session time limits and two-step sign-in for staff.

Both middlewares read their settings on every request, so tests (and the live
server in browser tests) can change them with pytest-django's ``settings``.
"""

import re
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled

from .security import MFA_REQUIRED_NEXT_SESSION_KEY, security_event

# ------------------------------------------------------------------ session limits

SESSION_STARTED_KEY = "security_signed_in_at"
SESSION_LAST_SEEN_KEY = "security_last_seen_at"
# Last activity is written to the session at most this often (seconds), so an
# active person's session is saved about once a minute rather than every request.
LAST_SEEN_RESOLUTION = 60

SIGNED_OUT_IDLE = _(
    "You have been signed out because you did not use the site for a while. "
    "Sign in again to carry on."
)
SIGNED_OUT_LIFETIME = _(
    "You have been signed out because you signed in a long time ago. Sign in again "
    "to carry on."
)


def session_started_mark(session) -> None:
    """Record when this sign-in began (called when someone signs in)."""
    now = int(time.time())
    session[SESSION_STARTED_KEY] = now
    session[SESSION_LAST_SEEN_KEY] = now


class SessionTimeoutMiddleware:
    """Sign people out after ``SESSION_IDLE_TIMEOUT`` seconds without a request, and
    ``SESSION_COOKIE_AGE`` seconds after they signed in, whatever their activity.

    Django's own expiry moves forward whenever the session is saved, so on its own it
    is neither an idle limit nor an absolute one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response = self._check(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def _check(self, request, user):
        session = request.session
        now = int(time.time())
        started = session.get(SESSION_STARTED_KEY)
        last_seen = session.get(SESSION_LAST_SEEN_KEY)
        if started is None or last_seen is None:
            # A sign-in from before this middleware existed: start counting now.
            session_started_mark(session)
            return None
        if now - started > settings.SESSION_COOKIE_AGE:
            return self._sign_out(request, user, "lifetime", SIGNED_OUT_LIFETIME)
        if now - last_seen > settings.SESSION_IDLE_TIMEOUT:
            return self._sign_out(request, user, "idle", SIGNED_OUT_IDLE)
        if now - last_seen >= LAST_SEEN_RESOLUTION:
            session[SESSION_LAST_SEEN_KEY] = now
        return None

    def _sign_out(self, request, user, reason, message):
        security_event("session_expired", request=request, user=user, reason=reason)
        logout(request)
        messages.warning(request, message)
        next_url = request.get_full_path() if request.method == "GET" else None
        if next_url:
            return redirect_to_login(next_url)
        return redirect(settings.LOGIN_URL)


# ------------------------------------------------------------- MFA for staff roles

# Pages that show learners' records. ``<id>`` stands for a number.
MFA_PROTECTED_PATHS = (
    "/admin/",
    "/reports/",
    "/licences/",
    "/training/charges/",
    "/certificates/manage/",
    "/briefings/team-managers/",
    "/audit/",
    "/training/<id>/register/",
    "/training/<id>/board/",
    "/training/<id>/cancel-session/",
)
# Any of these permissions (or being a superuser) makes someone staff for MFA: the
# Trainers, Agency leads and Partnership leads roles each hold at least one.
MFA_STAFF_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "accounts.view_own_agency_reports",
    "events.view_charge",
)
MFA_SETUP_URL = "/accounts/2fa/totp/activate/"
MFA_REQUIRED = _(
    "Your role gives access to learners' records, so you must set up two-step sign-in."
)

_PROTECTED_PATTERN = re.compile(
    "|".join(
        "^" + re.escape(path).replace(re.escape("<id>"), r"\d+")
        for path in MFA_PROTECTED_PATHS
    )
)


def path_needs_mfa(path: str) -> bool:
    return _PROTECTED_PATTERN.match(path) is not None


def user_needs_mfa(user) -> bool:
    """Whether this person's roles require two-step sign-in."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(user.has_perm(permission) for permission in MFA_STAFF_PERMISSIONS)


class StaffMfaRequiredMiddleware:
    """Send staff without an authenticator app to set one up before they reach any
    page in ``MFA_PROTECTED_PATHS``; refuse other methods with a 403."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_STAFF
            and path_needs_mfa(request.path)
            and user_needs_mfa(request.user)
        ):
            if not is_mfa_enabled(request.user, [Authenticator.Type.TOTP]):
                return self._refuse(request)
            # Set up now: the way back offered after setting up is no longer needed.
            request.session.pop(MFA_REQUIRED_NEXT_SESSION_KEY, None)
        return self.get_response(request)

    def _refuse(self, request):
        security_event("mfa_setup_required", request=request, user=request.user)
        if request.method in ("GET", "HEAD"):
            request.session[MFA_REQUIRED_NEXT_SESSION_KEY] = request.get_full_path()
            return redirect(MFA_SETUP_URL)
        return render(
            request,
            "mfa/setup_required.html",
            {"setup_url": MFA_SETUP_URL, "reason": MFA_REQUIRED},
            status=403,
        )
