"""Sign-in hardening: session time limits and two-step sign-in for staff.

Both middlewares read their settings on every request, so tests (and the live
server in browser tests) can change them with pytest-django's ``settings``.
"""

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

# The only pages, by URL name (``ResolverMatch.view_name``), that staff without
# two-step sign-in may open: setting it up and the rest of their own account, their
# own learning, and the public pages. Every other page is refused (deny by default),
# so a new page is protected until someone decides it shows no one else's records.
MFA_OPEN_VIEWS = frozenset(
    {
        # Setting up two-step sign-in, and the rest of one's own account.
        "account_login",
        "account_logout",
        "account_signup",
        "account_reauthenticate",
        "account_inactive",
        "account_email",
        "account_email_verification_sent",
        "account_confirm_email",
        "account_confirm_login_code",
        "account_change_password",
        "account_set_password",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "mfa_index",
        "mfa_authenticate",
        "mfa_reauthenticate",
        "mfa_activate_totp",
        "mfa_deactivate_totp",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "usersessions_list",
        "accounts_profile",
        "accounts:agency_move_ask",
        "accounts:agency_move_cancel",
        "privacy:overview",
        "privacy:summary",
        "privacy:download_json",
        "privacy:delete",
        "privacy:deleted",
        # Their own learning.
        "my_learning",
        "learning_record_pdf",
        "events:book",
        "events:cancel",
        "events:check_in",
        "followups:answer",
        # Public pages. Wagtail serves modules, resources and the home page; a
        # certificate check and a line manager's follow-up link show what they show
        # to anyone holding the code or link; redirects show nothing.
        "healthz",
        "django.views.generic.base.RedirectView",
        "reviews:list",
        "reviews:detail",
        "events:session_list",
        "events:session_detail",
        "certificates:verify_form",
        "certificates:verify",
        "followups:manager",
        "wagtail_serve",
        "wagtailcore_login",
        "wagtailcore_authenticate_with_password",
        "wagtaildocs_serve",
        "wagtaildocs_authenticate_with_password",
        # Development media (never the private folders: see the view).
        "learning.licences.views.media_serve_except_documents",
    }
)
MFA_SETUP_URL = "/accounts/2fa/totp/activate/"
MFA_REQUIRED = _(
    "Your role gives access to learners' records, so you must set up two-step sign-in."
)


def view_open_without_mfa(resolver_match) -> bool:
    return resolver_match is not None and resolver_match.view_name in MFA_OPEN_VIEWS


def user_needs_mfa(user) -> bool:
    """Whether this person must use two-step sign-in: anyone who may see another
    person's records.

    Deny by default: a superuser, anyone holding any permission at all (every role
    but Learners holds some: trainers, team managers, agency and partnership
    leads), and anyone named as a training session's trainer (who keeps its
    register whatever their role).
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.is_staff or user.get_all_permissions():
        return True
    return user.sessions_trained.exists()


class StaffMfaRequiredMiddleware:
    """Send staff without an authenticator app to set one up before any page but
    ``MFA_OPEN_VIEWS``; refuse other methods with a 403.

    Decided in ``process_view``, once the URL is resolved, so the rule is by page
    (URL name) rather than by path prefix.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.MFA_REQUIRED_FOR_STAFF:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if view_open_without_mfa(request.resolver_match):
            return None
        if not user_needs_mfa(user):
            return None
        if not is_mfa_enabled(user, [Authenticator.Type.TOTP]):
            return self._refuse(request)
        # Set up now: the way back offered after setting up is no longer needed.
        request.session.pop(MFA_REQUIRED_NEXT_SESSION_KEY, None)
        return None

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
