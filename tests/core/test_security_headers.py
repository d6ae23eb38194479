"""Security headers and cookies on every route of the site.

``ROUTES`` names every URL pattern outside the Wagtail admin, with how to build a
URL for it and who asks for it. ``test_route_table_covers_every_url_pattern``
fails when someone adds a pattern without a row, so no route escapes the walk.
The admin's own ~300 Wagtail routes all sit under ``/admin/``, where
``SiteCSPMiddleware`` applies the admin policy by prefix; a sample of them is
walked in ``test_wagtail_admin_gets_its_own_policy_and_the_other_headers``.

Requests are made over HTTPS (``secure=True``) with production-like transport
settings, as a TLS-terminating proxy would forward them.
"""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

import pytest

from learning.core.models import BackgroundJob
from learning.events.factories import TrainingSessionFactory
from learning.events.services import booking_create
from learning.reviews.models import Review
from modules.factories import module_create

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "frame-ancestors": {"'none'"},
    "form-action": {"'self'"},
    "base-uri": {"'none'"},
    "object-src": {"'none'"},
}
STRICT_REFERRER_POLICIES = {
    "same-origin",
    "strict-origin-when-cross-origin",
    "strict-origin",
    "no-referrer",
}
MISSING = 987654  # an id no fixture creates: the route answers 404 with its headers
BOGUS_TOKEN = "Zm9yLXRlc3RzLW9ubHktbm90LWEtcmVhbC10b2tlbg"


@dataclass
class Site:
    review_slug: str
    module_url: str
    session_pk: int
    booking_pk: int
    job_pk: int
    learner_pk: int


# pattern name (or route, for unnamed patterns) -> (paths, who asks)
ROUTES = {
    "healthz": (lambda s: ["/healthz"], "anonymous"),
    "wagtaildocs_serve": (lambda s: [f"/documents/{MISSING}/file.pdf"], "learner"),
    "wagtaildocs_authenticate_with_password": (
        lambda s: [f"/documents/authenticate_with_password/{MISSING}/"],
        "anonymous",
    ),
    "accounts_profile": (lambda s: ["/accounts/profile/"], "learner"),
    "accounts:agency_move_ask": (lambda s: ["/accounts/profile/agency/"], "learner"),
    "accounts:agency_move_cancel": (
        lambda s: ["/accounts/profile/agency/cancel/"],
        "learner",
    ),
    "accounts:agency_moves": (
        lambda s: ["/accounts/agency-moves/"],
        "partnership_lead",
    ),
    "accounts:agency_move_start": (
        lambda s: ["/accounts/agency-moves/move/"],
        "partnership_lead",
    ),
    "accounts:agency_move_detail": (
        lambda s: [f"/accounts/agency-moves/{MISSING}/"],
        "partnership_lead",
    ),
    "admin_login": (lambda s: ["/accounts/admin-login/"], "anonymous"),
    "privacy:overview": (lambda s: ["/accounts/privacy/"], "learner"),
    "privacy:download_json": (lambda s: ["/accounts/privacy/my-data.json"], "learner"),
    "privacy:summary": (lambda s: ["/accounts/privacy/summary/"], "learner"),
    "privacy:delete": (lambda s: ["/accounts/privacy/delete/"], "learner"),
    "privacy:deleted": (lambda s: ["/accounts/privacy/deleted/"], "anonymous"),
    "account_login": (lambda s: ["/accounts/login/"], "anonymous"),
    "account_logout": (lambda s: ["/accounts/logout/"], "learner"),
    "account_inactive": (lambda s: ["/accounts/inactive/"], "anonymous"),
    "account_signup": (lambda s: ["/accounts/signup/"], "anonymous"),
    "account_reauthenticate": (lambda s: ["/accounts/reauthenticate/"], "learner"),
    "account_email": (lambda s: ["/accounts/email/"], "learner"),
    "account_email_verification_sent": (
        lambda s: ["/accounts/confirm-email/"],
        "anonymous",
    ),
    "account_change_password": (lambda s: ["/accounts/password/change/"], "learner"),
    "account_set_password": (lambda s: ["/accounts/password/set/"], "learner"),
    "account_reset_password": (lambda s: ["/accounts/password/reset/"], "anonymous"),
    "account_confirm_login_code": (
        lambda s: ["/accounts/login/code/confirm/"],
        "anonymous",
    ),
    "account_confirm_email": (
        lambda s: [f"/accounts/confirm-email/{BOGUS_TOKEN}/"],
        "anonymous",
    ),
    "account_reset_password_from_key_done": (
        lambda s: ["/accounts/password/reset/key/done/"],
        "anonymous",
    ),
    "account_reset_password_from_key": (
        lambda s: [f"/accounts/password/reset/key/1-{BOGUS_TOKEN}/"],
        "anonymous",
    ),
    "account_reset_password_done": (
        lambda s: ["/accounts/password/reset/done/"],
        "anonymous",
    ),
    "mfa_index": (lambda s: ["/accounts/2fa/"], "trainer"),
    "mfa_authenticate": (lambda s: ["/accounts/2fa/authenticate/"], "anonymous"),
    "mfa_reauthenticate": (lambda s: ["/accounts/2fa/reauthenticate/"], "trainer"),
    "mfa_activate_totp": (lambda s: ["/accounts/2fa/totp/activate/"], "trainer"),
    "mfa_deactivate_totp": (lambda s: ["/accounts/2fa/totp/deactivate/"], "trainer"),
    "mfa_view_recovery_codes": (
        lambda s: ["/accounts/2fa/recovery-codes/"],
        "trainer",
    ),
    "mfa_generate_recovery_codes": (
        lambda s: ["/accounts/2fa/recovery-codes/generate/"],
        "trainer",
    ),
    "mfa_download_recovery_codes": (
        lambda s: ["/accounts/2fa/recovery-codes/download/"],
        "trainer",
    ),
    "usersessions_list": (lambda s: ["/accounts/sessions/"], "learner"),
    "reviews:list": (lambda s: ["/reviews/"], "anonymous"),
    "reviews:detail": (lambda s: [f"/reviews/{s.review_slug}/"], "anonymous"),
    "my_learning": (lambda s: ["/my-learning/"], "learner"),
    "learning_record_pdf": (lambda s: ["/my-learning/record.pdf"], "learner"),
    "certificates:verify_form": (lambda s: ["/certificates/verify/"], "anonymous"),
    "certificates:verify": (
        lambda s: ["/certificates/verify/NOSUCHCODE1/"],
        "anonymous",
    ),
    "certificates:manage_list": (
        lambda s: ["/certificates/manage/"],
        "partnership_lead",
    ),
    "certificates:zip_request": (
        lambda s: ["/certificates/manage/zip/"],
        "partnership_lead",
    ),
    "certificates:job": (
        lambda s: [f"/certificates/manage/exports/{s.job_pk}/"],
        "partnership_lead",
    ),
    "certificates:job_download": (
        lambda s: [f"/certificates/manage/exports/{s.job_pk}/download/"],
        "partnership_lead",
    ),
    "certificates:manage_detail": (
        lambda s: ["/certificates/manage/NOSUCHCODE1/"],
        "partnership_lead",
    ),
    "certificates:download": (
        lambda s: ["/certificates/NOSUCHCODE1/pdf/"],
        "learner",
    ),
    "events:session_list": (lambda s: ["/training/"], "learner"),
    "events:session_detail": (lambda s: [f"/training/{s.session_pk}/"], "learner"),
    "events:book": (lambda s: [f"/training/{s.session_pk}/book/"], "learner"),
    "events:cancel": (lambda s: [f"/training/{s.session_pk}/cancel/"], "learner"),
    "events:check_in": (lambda s: [f"/training/{s.session_pk}/check-in/"], "learner"),
    "events:register": (
        lambda s: [f"/training/{s.session_pk}/register/"],
        "trainer",
    ),
    "events:board": (lambda s: [f"/training/{s.session_pk}/board/"], "trainer"),
    "events:cancel_session": (
        lambda s: [f"/training/{s.session_pk}/cancel-session/"],
        "trainer",
    ),
    "events:substitute": (
        lambda s: [f"/training/bookings/{s.booking_pk}/pass-on/"],
        "learner",
    ),
    "events:charge_ledger": (lambda s: ["/training/charges/"], "partnership_lead"),
    "events:charge_waive": (
        lambda s: [f"/training/charges/{MISSING}/waive/"],
        "partnership_lead",
    ),
    "briefings:index": (lambda s: ["/briefings/"], "partnership_lead"),
    "briefings:record": (lambda s: ["/briefings/record/"], "partnership_lead"),
    "briefings:detail": (lambda s: [f"/briefings/{MISSING}/"], "partnership_lead"),
    "briefings:team_managers": (
        lambda s: ["/briefings/team-managers/"],
        "partnership_lead",
    ),
    "briefings:team_manager_remove": (
        lambda s: ["/briefings/team-managers/remove/"],
        "partnership_lead",
    ),
    "licences:register": (lambda s: ["/licences/"], "partnership_lead"),
    "licences:detail": (lambda s: [f"/licences/{MISSING}/"], "partnership_lead"),
    "followups:manager": (
        lambda s: [f"/follow-up/manager/{BOGUS_TOKEN}/"],
        "anonymous",
    ),
    "followups:answer": (lambda s: [f"/follow-up/{BOGUS_TOKEN}/"], "learner"),
    "reports:dashboard": (lambda s: ["/reports/"], "partnership_lead"),
    "reports:people": (lambda s: ["/reports/people/"], "partnership_lead"),
    "reports:person": (
        lambda s: [f"/reports/people/{s.learner_pk}/"],
        "partnership_lead",
    ),
    "reports:impact": (lambda s: ["/reports/impact/"], "partnership_lead"),
    "reports:action_list": (lambda s: ["/reports/actions/"], "partnership_lead"),
    "reports:action_create": (
        lambda s: ["/reports/actions/new/"],
        "partnership_lead",
    ),
    "reports:action_edit": (
        lambda s: [f"/reports/actions/{MISSING}/"],
        "partnership_lead",
    ),
    "reports:export": (lambda s: ["/reports/export/"], "partnership_lead"),
    "reports:export_start": (lambda s: ["/reports/export/start/"], "partnership_lead"),
    "reports:export_job": (
        lambda s: [f"/reports/export/jobs/{MISSING}/"],
        "partnership_lead",
    ),
    "reports:export_download": (
        lambda s: [f"/reports/export/jobs/{MISSING}/download/"],
        "partnership_lead",
    ),
    # A learner is refused: rendering the whole board pack would slow the walk.
    "reports:board_pack": (lambda s: ["/reports/board-pack.pdf"], "learner"),
    "audit_log": (lambda s: ["/audit/"], "partnership_lead"),
    "favicon.ico": (lambda s: ["/favicon.ico"], "anonymous"),
    "django-admin/": (lambda s: ["/django-admin/"], "anonymous"),
    "wagtailcore_authenticate_with_password": (
        lambda s: [f"/_util/authenticate_with_password/{MISSING}/{MISSING}/"],
        "anonymous",
    ),
    "wagtailcore_login": (lambda s: ["/_util/login/"], "anonymous"),
    "wagtail_serve": (
        lambda s: [
            "/",
            "/modules/",
            s.module_url,
            s.module_url + "quiz/",
            "/no-such-page/",
        ],
        "learner",
    ),
}
# Patterns that exist only with DEBUG on (never in production).
DEBUG_ONLY = {"media"}

ADMIN_SAMPLE = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/search/",
    "/admin/snippets/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
    "/admin/reports/site-history/",
]


def _patterns(patterns=None, prefix="", namespace=None):
    """(route, key) for every URL pattern; key is the name, or the route if none."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else pattern.namespace
                )
            yield from _patterns(
                pattern.url_patterns, prefix + str(pattern.pattern), ns
            )
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = pattern.name
            key = (f"{namespace}:{name}" if namespace else name) if name else route
            yield route, key


def _directives(header: str) -> dict[str, set[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = set(words[1:])
    return directives


@pytest.fixture
def production_like(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    return settings


@pytest.fixture
def site(learner, trainer):
    module = module_create()
    session = TrainingSessionFactory(capacity=5)
    session.trainers.add(trainer)
    booking = booking_create(session=session, learner=learner)
    return Site(
        review_slug=Review.objects.order_by("pk").first().slug,
        module_url=module.url,
        session_pk=session.pk,
        booking_pk=booking.pk,
        job_pk=0,
        learner_pk=learner.pk,
    )


def _header_problems(path, response, *, strict=True) -> list[str]:
    problems = []
    if response.status_code >= 500:
        problems.append(f"status {response.status_code}")
    csp = response.get("Content-Security-Policy")
    if not csp:
        problems.append("no Content-Security-Policy")
    elif strict:
        directives = _directives(csp)
        for name, expected in STRICT.items():
            if directives.get(name) != expected:
                problems.append(f"CSP {name} is {directives.get(name)}")
        script = directives.get("script-src", set())
        others = {source for source in script if not source.startswith("'nonce-")}
        if others != {"'self'"}:
            problems.append(f"CSP script-src is {script}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("no nosniff")
    if response.get("Referrer-Policy") not in STRICT_REFERRER_POLICIES:
        problems.append(f"Referrer-Policy {response.get('Referrer-Policy')}")
    frame_ancestors = _directives(csp or "").get("frame-ancestors")
    if response.get("X-Frame-Options") != "DENY" and frame_ancestors != {"'none'"}:
        problems.append("framing allowed")
    if "max-age=31536000" not in response.get("Strict-Transport-Security", ""):
        problems.append("no HSTS")
    for cookie in response.cookies.values():
        if cookie.value == "" and str(cookie["max-age"]) == "0":
            continue  # a deletion (Django's delete_cookie) carries nothing to protect
        if not cookie["secure"] or not cookie["httponly"]:
            problems.append(f"cookie {cookie.key} not Secure and HttpOnly")
        if cookie["samesite"] not in ("Lax", "Strict"):
            problems.append(f"cookie {cookie.key} SameSite={cookie['samesite']}")
    return [f"{path}: {problem}" for problem in problems]


def test_route_table_covers_every_url_pattern():
    site_keys = {key for route, key in _patterns() if not route.startswith("admin/")}

    assert site_keys - DEBUG_ONLY - set(ROUTES) == set(), (
        "Add these URL patterns to ROUTES in tests/core/test_security_headers.py"
    )
    assert set(ROUTES) - site_keys == set(), "ROUTES names patterns that are gone"


def test_every_admin_pattern_sits_under_the_admin_policy_prefix(settings):
    admin_routes = [route for route, _ in _patterns() if route.startswith("admin/")]

    assert admin_routes
    assert settings.CSP_ADMIN_PATH_PREFIX == "/admin/"


def test_every_site_route_sends_strict_security_headers(
    client, production_like, site, learner, trainer, partnership_lead
):
    job = BackgroundJob.objects.create(
        kind="certificates_zip", created_by=partnership_lead
    )
    site.job_pk = job.pk
    actors = {
        "anonymous": None,
        "learner": learner,
        "trainer": trainer,
        "partnership_lead": partnership_lead,
    }
    problems, walked = [], 0
    for key, (build, who) in ROUTES.items():
        for path in build(site):
            for actor in {None, actors[who]}:
                client.logout()
                if actor is not None:
                    client.force_login(actor)
                response = client.get(path, secure=True)
                walked += 1
                problems += _header_problems(f"{key} {path} as {actor}", response)

    assert problems == []
    assert walked > len(ROUTES)


def test_signing_in_sets_only_secure_httponly_samesite_cookies(
    client, production_like, learner, password
):
    page = client.get("/accounts/login/", secure=True)
    response = client.post(
        "/accounts/login/",
        {"login": learner.email, "password": password},
        secure=True,
    )

    assert response.status_code == 302
    cookies = {**page.cookies, **response.cookies}
    assert {"__Host-sessionid", "__Host-csrftoken"} <= set(cookies)
    for cookie in cookies.values():
        assert cookie["secure"], cookie.key
        assert cookie["httponly"], cookie.key
        assert cookie["samesite"] in ("Lax", "Strict"), cookie.key
        assert cookie["path"] == "/", cookie.key
        assert not cookie["domain"], cookie.key


def test_plain_http_is_redirected_to_https_except_the_health_check(
    client, production_like
):
    home = client.get("/")
    health = client.get("/healthz")

    assert home.status_code == 301
    assert home["Location"] == "https://testserver/"
    assert health.status_code == 200


def test_wagtail_admin_gets_its_own_policy_and_the_other_headers(
    client, production_like, partnership_lead, settings
):
    settings.CSP_ADMIN_DIRECTIVES  # noqa: B018 - the admin policy must be configured
    user = partnership_lead
    user.is_superuser = True
    user.save()
    client.force_login(user)

    for path in ADMIN_SAMPLE:
        response = client.get(path, secure=True)

        assert response.status_code in (200, 302), path
        assert _header_problems(path, response, strict=False) == []
        directives = _directives(response["Content-Security-Policy"])
        assert directives["frame-ancestors"] == {"'self'"}, path
        assert directives["object-src"] == {"'none'"}, path
        assert directives["base-uri"] == {"'none'"}, path
        assert directives["form-action"] == {"'self'"}, path
        assert "'unsafe-inline'" in directives["script-src"], path


def test_site_pages_carry_no_inline_style_or_script(
    client, production_like, site, learner
):
    client.force_login(learner)

    for path in ["/", "/modules/", site.module_url, "/training/", "/my-learning/"]:
        html = client.get(path, secure=True).content.decode()

        assert " style=" not in html, path
        assert "<style" not in html, path
        assert "<script>" not in html, path
        assert " onclick=" not in html, path


def test_report_only_mode_sends_the_policy_as_report_only(client, settings):
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = None
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": directives}

    site_page = client.get("/healthz")
    admin_page = client.get("/admin/login/")

    assert "Content-Security-Policy" not in site_page
    assert "frame-ancestors 'none'" in site_page["Content-Security-Policy-Report-Only"]
    assert "Content-Security-Policy" not in admin_page
    assert "'unsafe-inline'" in admin_page["Content-Security-Policy-Report-Only"]


def _preview_form_data(page, user) -> dict:
    """The page's edit form as posted, with its steps left out (preview allows it)."""
    from wagtail.admin.panels import get_edit_handler
    from wagtail.blocks.base import BlockField

    form = get_edit_handler(type(page)).get_form_class()(instance=page, for_user=user)
    data = {}
    for name, field in form.fields.items():
        if isinstance(field, BlockField):
            data[f"{name}-count"] = "0"
        else:
            value = form[name].value()
            if value not in (None, False):
                data[name] = value
    for formset in form.formsets.values():
        data.update(
            {f"{formset.prefix}-{key}": "0" for key in ("TOTAL_FORMS", "INITIAL_FORMS")}
        )
    return data


@pytest.mark.parametrize("report_only", [False, True])
def test_wagtail_preview_may_be_framed_by_the_admin_and_by_no_one_else(
    client, production_like, partnership_lead, settings, report_only
):
    if report_only:
        settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
        settings.CONTENT_SECURITY_POLICY = None
    header = (
        "Content-Security-Policy-Report-Only"
        if report_only
        else "Content-Security-Policy"
    )
    # As in production: HTTPS ends at the proxy, which says so in a header (Wagtail
    # passes it on to the request it renders the preview with).
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    https = {"HTTP_X_FORWARDED_PROTO": "https"}
    partnership_lead.is_superuser = True
    partnership_lead.save()
    client.force_login(partnership_lead)
    module = module_create()
    preview_url = f"/admin/pages/{module.pk}/edit/preview/"
    stored = client.post(
        preview_url, _preview_form_data(module, partnership_lead), **https
    )
    assert stored.json()["is_valid"] is True

    preview = client.get(preview_url, {"in_preview_panel": "true"}, **https)
    page = client.get(module.url, **https)

    assert preview.status_code == 200
    assert "modules/module_page.html" in [t.name for t in preview.templates]
    directives = _directives(preview[header])
    assert directives["frame-ancestors"] == {"'self'"}
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    # Otherwise the site's strict policy, as the page itself gets.
    assert {k: v for k, v in directives.items() if k != "frame-ancestors"} == {
        k: v
        for k, v in _directives(page[header]).items()
        if k not in ("frame-ancestors", "script-src")
    } | {"script-src": directives["script-src"]}
    assert _directives(page[header])["frame-ancestors"] == {"'none'"}
    assert page["X-Frame-Options"] == "DENY"
