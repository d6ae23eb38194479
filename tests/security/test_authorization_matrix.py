"""Who may open what: every route that takes an id, slug, code or token, for every actor.

``RULES`` says, for each route, which actors get the page (and what they may see on
it); everyone else gets 403 or 404 (anonymous visitors: the login page), and no
response ever names a person the actor may not see. ``test_every_route_has_a_rule``
fails when a route is added without a rule here or a reason in the allow-lists.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

import pytest

from .conftest import ACTORS, PEOPLE

pytestmark = pytest.mark.django_db

LOGIN = "login"
DENY = "deny"  # 403 or 404
OK = 200
EVERYONE = frozenset(PEOPLE)
LEADS_OVER_X = frozenset({"lead_x", "partnership_lead"})
REGISTER_KEEPERS = frozenset({"trainer_session", "partnership_lead"})


@dataclass(frozen=True)
class Redirect:
    """A 302 to a URL that starts with what ``to(world)`` returns (or one of them)."""

    to: Callable


def _self(world, actor):
    return {actor}


def _with(*keys):
    return lambda world, actor: {actor, *keys}


def _agency_scope(world, actor):
    """A lead's own agency (partnership leads: everyone)."""
    if actor == "partnership_lead":
        return set(PEOPLE)
    return {actor, *world.people_in(world.agency_of(actor))}


@dataclass(frozen=True)
class Rule:
    name: str  # URL name, or "page:<model>" / "page:<model>:<subpage route>"
    url: Callable
    allowed: dict  # actor -> OK or Redirect
    others: object = DENY  # every other signed-in actor
    anonymous: object = LOGIN
    sees: Callable = _self  # people an allowed actor may see named in the body
    public: frozenset = field(default_factory=frozenset)  # people anyone may see
    # People an allowed actor's page must name: proves the marker check can bite.
    shows: frozenset = field(default_factory=frozenset)
    # People a refused actor's 403 page may name (actor -> people).
    refused_sees: dict = field(default_factory=dict)
    case: str = ""

    @property
    def id(self):
        return self.name + (f"[{self.case}]" if self.case else "")


def _all(expected):
    return dict.fromkeys(EVERYONE, expected)


def _only(actors, expected=OK):
    return dict.fromkeys(actors, expected)


def _page_url(world, page, route=None, **kwargs):
    page = getattr(world, page)
    if route is None:
        return page.url
    return page.url + page.reverse_subpage(route, kwargs=kwargs or None)


def _module_url(route=None, **kwargs):
    return lambda w: _page_url(w, "quiz_module", route, **kwargs)


def _r(name, *args):
    return lambda w: reverse(name, args=[a(w) if callable(a) else a for a in args])


# A trainer refused a session's register is told its trainer's name, to ask them
# for access (issue 14 item 20); they can read it in the admin anyway.
TRAINERS_TOLD_WHOM_TO_ASK = {"trainer_other": frozenset({"trainer_session"})}

LEARNER_A_SIGNED_IN = {"learner_a"}
SESSION_PK = lambda w: w.session.pk  # noqa: E731


RULES = [
    # ----------------------------------------------------------- modules (Wagtail)
    Rule("page:modules.ModulePage", _module_url(), _all(OK), anonymous=OK),
    Rule(
        "page:modules.ModulePage:start",
        _module_url("start"),
        _all(OK),
    ),
    Rule(
        "page:modules.ModulePage:step",
        _module_url("step", number=1),
        {"learner_a": OK},
        others=Redirect(lambda w: _page_url(w, "quiz_module", "start")),
    ),
    Rule(
        "page:modules.ModulePage:step",
        _module_url("step", number=6),
        {"learner_a": OK},
        others=Redirect(lambda w: _page_url(w, "quiz_module", "start")),
        case="the reflection step",
        shows=frozenset({"learner_a"}),
    ),
    Rule(
        "page:modules.ModulePage:finish",
        _module_url("finish"),
        _all(Redirect(lambda w: w.quiz_module.url)),
    ),
    Rule("page:modules.ModulePage:quiz", _module_url("quiz"), _all(OK)),
    Rule(
        "page:modules.ModulePage:quiz_results",
        _module_url("quiz_results", number=1),
        {"learner_a": OK},
    ),
    Rule(
        "modules_quiz_analysis",
        _r("modules_quiz_analysis", lambda w: w.quiz_module.pk),
        _only({"trainer_other", "trainer_session", "partnership_lead"}),
        # Wagtail refuses admin views by redirecting: to its login for people without
        # admin access, to the dashboard (with a message) for everyone else.
        others=Redirect(lambda w: (reverse("admin_login"), "/admin/")),
        sees=_agency_scope,
    ),
    # ------------------------------------------------------- restricted resources
    Rule(
        "page:licences.ResourcePage",
        lambda w: w.resource.url,
        {"learner_a": OK},
    ),
    Rule(
        "wagtaildocs_serve",
        lambda w: w.document.url,
        {"learner_a": OK},
    ),
    # ------------------------------------------------------------------- reviews
    Rule(
        "reviews:detail",
        lambda w: w.action.recommendation.review.get_absolute_url(),
        _all(OK),
        anonymous=OK,
    ),
    # ------------------------------------------------------------------ training
    Rule(
        "events:session_detail",
        _r("events:session_detail", SESSION_PK),
        _all(OK),
        anonymous=OK,
        public=frozenset({"trainer_session"}),
    ),
    Rule(
        "events:book",
        _r("events:book", SESSION_PK),
        {},
        others=405,
        anonymous=405,
        case="GET is refused",
    ),
    Rule(
        "events:cancel",
        _r("events:cancel", SESSION_PK),
        {},
        others=405,
        case="GET is refused",
    ),
    Rule("events:check_in", _r("events:check_in", SESSION_PK), _all(OK)),
    Rule(
        "events:register",
        _r("events:register", SESSION_PK),
        _only(REGISTER_KEEPERS),
        sees=_with("learner_a", "learner_c"),
        shows=frozenset({"learner_c", "learner_a"}),
        refused_sees=TRAINERS_TOLD_WHOM_TO_ASK,
    ),
    Rule(
        "events:board",
        _r("events:board", SESSION_PK),
        _only(REGISTER_KEEPERS),
        sees=_with("learner_a", "learner_c"),
        shows=frozenset({"learner_c", "learner_a"}),
        refused_sees=TRAINERS_TOLD_WHOM_TO_ASK,
    ),
    Rule(
        "events:cancel_session",
        _r("events:cancel_session", SESSION_PK),
        _only(REGISTER_KEEPERS),
        refused_sees=TRAINERS_TOLD_WHOM_TO_ASK,
    ),
    Rule(
        "events:substitute",
        _r("events:substitute", lambda w: w.booking_a.pk),
        _only({"learner_a", *LEADS_OVER_X}),
        sees=_with("learner_a"),
        shows=frozenset({"learner_a"}),
    ),
    Rule(
        "events:charge_ledger",
        _r("events:charge_ledger"),
        _only({"partnership_lead"}),
        sees=_with("learner_c"),
    ),
    Rule(
        "events:charge_waive",
        _r("events:charge_waive", lambda w: w.charge_c.pk),
        _only({"partnership_lead"}),
        sees=_with("learner_c"),
        shows=frozenset({"learner_c"}),
    ),
    # -------------------------------------------------------------- certificates
    Rule(
        "certificates:download",
        _r("certificates:download", lambda w: w.certificate_a.code),
        _only({"learner_a", *LEADS_OVER_X}),
    ),
    Rule(
        "certificates:verify",
        _r("certificates:verify", lambda w: w.certificate_a.code),
        _all(OK),
        anonymous=OK,
        # Verification names the holder to anyone with the code, by design.
        public=frozenset({"learner_a"}),
        shows=frozenset({"learner_a"}),
    ),
    Rule(
        "certificates:manage_detail",
        _r("certificates:manage_detail", lambda w: w.certificate_a.code),
        _only(LEADS_OVER_X),
        sees=_with("learner_a"),
        shows=frozenset({"learner_a"}),
    ),
    Rule(
        "certificates:manage_detail",
        _r("certificates:manage_detail", lambda w: w.certificate_c.code),
        _only({"lead_y", "partnership_lead"}),
        sees=_with("learner_c"),
        shows=frozenset({"learner_c"}),
        case="agency Y",
    ),
    Rule(
        "certificates:job",
        _r("certificates:job", lambda w: w.zip_job.pk),
        _only({"partnership_lead"}),
    ),
    Rule(
        "certificates:job_download",
        _r("certificates:job_download", lambda w: w.zip_job.pk),
        _only({"partnership_lead"}),
    ),
    # Issue 14 item 2: each job URL serves only its own kind of job, even to its
    # creator (lead X made the report export).
    Rule(
        "certificates:job",
        _r("certificates:job", lambda w: w.report_job.pk),
        {},
        case="a report export through the certificates URL",
    ),
    Rule(
        "certificates:job_download",
        _r("certificates:job_download", lambda w: w.report_job.pk),
        {},
        case="a report export through the certificates URL",
    ),
    # ------------------------------------------------------------------ licences
    Rule(
        "licences:detail",
        _r("licences:detail", lambda w: w.licence_a.pk),
        _only(LEADS_OVER_X),
        sees=_with("learner_a", "trainer_session"),
        shows=frozenset({"learner_a"}),
    ),
    # ----------------------------------------------------------------- briefings
    Rule(
        "briefings:detail",
        _r("briefings:detail", lambda w: w.delivery.pk),
        _only({"team_manager", *LEADS_OVER_X}),
        sees=_with("learner_a", "learner_b", "team_manager"),
        shows=frozenset({"learner_a", "learner_b"}),
    ),
    # ---------------------------------------------------------------- follow-ups
    Rule(
        "followups:answer",
        _r("followups:answer", lambda w: w.follow_up.token),
        {"learner_a": OK},
    ),
    Rule(
        "followups:manager",
        _r("followups:manager", lambda w: w.follow_up.manager_token),
        _all(OK),
        anonymous=OK,
        # The line manager's link names the learner they were asked about.
        public=frozenset({"learner_a"}),
        shows=frozenset({"learner_a"}),
    ),
    Rule(
        "followups:answer",
        _r("followups:answer", "not-a-real-token"),
        {},
        others=404,
        case="unknown token",
    ),
    Rule(
        "followups:manager",
        _r("followups:manager", "not-a-real-token"),
        {},
        others=404,
        anonymous=404,
        case="unknown token",
    ),
    # ------------------------------------------------------------------- reports
    Rule(
        "reports:people",
        _r("reports:people"),
        _only({"lead_x", "lead_y", "partnership_lead"}),
        sees=_agency_scope,
    ),
    Rule(
        "reports:person",
        _r("reports:person", lambda w: w.people["learner_a"].pk),
        _only(LEADS_OVER_X),
        sees=_with("learner_a"),
        shows=frozenset({"learner_a"}),
    ),
    Rule(
        "reports:export_job",
        _r("reports:export_job", lambda w: w.report_job.pk),
        _only({"lead_x"}),
    ),
    Rule(
        "reports:export_download",
        _r("reports:export_download", lambda w: w.report_job.pk),
        _only({"lead_x"}),
    ),
    # Issue 14 item 2: a certificate ZIP through the reports URL (the partnership
    # lead made it).
    Rule(
        "reports:export_job",
        _r("reports:export_job", lambda w: w.zip_job.pk),
        {},
        case="a certificate ZIP through the reports URL",
    ),
    Rule(
        "reports:export_download",
        _r("reports:export_download", lambda w: w.zip_job.pk),
        {},
        case="a certificate ZIP through the reports URL",
    ),
    Rule(
        "reports:action_edit",
        _r("reports:action_edit", lambda w: w.action.pk),
        _only({"partnership_lead"}),
    ),
    Rule("audit_log", _r("audit_log"), _only({"partnership_lead"}), sees=_agency_scope),
    # ------------------------------------------------------ privacy and my learning
    Rule("privacy:overview", _r("privacy:overview"), _all(OK)),
    Rule("privacy:summary", _r("privacy:summary"), _all(OK)),
    Rule("privacy:download_json", _r("privacy:download_json"), _all(OK)),
    Rule("privacy:delete", _r("privacy:delete"), _all(OK)),
    Rule("my_learning", _r("my_learning"), _all(OK)),
    Rule("learning_record_pdf", _r("learning_record_pdf"), _all(OK)),
    # ---------------------------------------------- allauth's signed-token links
    Rule(
        "account_confirm_email",
        _r("account_confirm_email", "zz-not-a-key"),
        _all(OK),
        anonymous=OK,
        case="unknown key",
    ),
    Rule(
        "account_reset_password_from_key",
        lambda w: reverse(
            "account_reset_password_from_key",
            kwargs={"uidb36": "zz", "key": "not-a-key"},
        ),
        _all(OK),
        anonymous=OK,
        case="unknown key",
    ),
    # ---------------- issue 14 item 1: moves between agencies (B asked X -> P)
    Rule("accounts:agency_move_ask", _r("accounts:agency_move_ask"), _all(OK)),
    Rule(
        "accounts:agency_move_cancel",
        _r("accounts:agency_move_cancel"),
        {},
        others=405,
        case="GET is refused",
    ),
    Rule(
        "accounts:agency_moves",
        _r("accounts:agency_moves"),
        _only({"lead_x", "lead_y", "partnership_lead"}),
        sees=_agency_scope,
    ),
    Rule(
        "accounts:agency_move_start",
        _r("accounts:agency_move_start"),
        _only({"lead_x", "lead_y", "partnership_lead"}),
    ),
    Rule(
        "accounts:agency_move_detail",
        _r("accounts:agency_move_detail", lambda w: w.agency_move.pk),
        _only(LEADS_OVER_X),
        sees=_with("learner_b"),
        shows=frozenset({"learner_b"}),
    ),
]

# Routes without an object of anyone's (their access is tested in their own app's
# tests), and Wagtail's password-restriction forms (no page or document here has a
# password restriction).
NO_OBJECT = {
    "healthz",
    "accounts_profile",
    "admin_login",
    "privacy:deleted",
    "account_login",
    "account_logout",
    "account_inactive",
    "account_signup",
    "account_reauthenticate",
    "account_email",
    "account_email_verification_sent",
    "account_change_password",
    "account_set_password",
    "account_reset_password",
    "account_confirm_login_code",
    "account_reset_password_from_key_done",
    "account_reset_password_done",
    "mfa_index",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "mfa_activate_totp",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "usersessions_list",
    "reviews:list",
    "certificates:verify_form",
    "certificates:manage_list",
    "certificates:zip_request",
    "events:session_list",
    "briefings:index",
    "briefings:record",
    "briefings:team_managers",
    "briefings:team_manager_remove",
    "licences:register",
    "reports:dashboard",
    "reports:impact",
    "reports:action_list",
    "reports:action_create",
    "reports:export",
    "reports:export_start",
    "reports:board_pack",
    "favicon.ico",
    "django-admin/",
    "wagtail_serve",
}
PUBLIC = {
    "wagtaildocs_authenticate_with_password",
    "wagtailcore_authenticate_with_password",
    "wagtailcore_login",
    # Pages anyone may read.
    "page:core.HomePage",
    "page:modules.ModuleIndexPage",
    "page:licences.ResourceIndexPage",
    "page:core.StandardPage",
}
PROJECT_PACKAGES = ("learning.", "modules.", "certificates.")


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else pattern.namespace
                )
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = pattern.name
            if name and namespace:
                name = f"{namespace}:{name}"
            yield route, name or route, pattern


def route_inventory() -> set[str]:
    """Every route name outside the Wagtail admin, the project's own admin routes,
    and every project page type and routable sub-page."""
    names = set()
    own_admin_names = set()
    for hook in hooks.get_hooks("register_admin_urls"):
        if hook.__module__.startswith(PROJECT_PACKAGES):
            own_admin_names |= {
                name for _r, name, _p in _walk(hook()) if not name.startswith("^")
            }
    for route, name, _pattern in _walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            if name in own_admin_names:
                names.add(name)
            continue
        names.add(name)
    for model in get_page_models():
        if model is Page or not model.__module__.startswith(PROJECT_PACKAGES):
            continue
        label = f"page:{model._meta.label}"
        names.add(label)
        if issubclass(model, RoutablePageMixin):
            for _route, name, _pattern in _walk(model().get_subpage_urls()):
                if name != "index_route":
                    names.add(f"{label}:{name}")
    return names


def test_every_route_has_a_rule_or_a_reason():
    covered = {rule.name for rule in RULES} | NO_OBJECT | PUBLIC
    missing = sorted(route_inventory() - covered)
    assert missing == [], f"Add these routes to RULES (or NO_OBJECT/PUBLIC): {missing}"


def test_the_rules_name_only_routes_that_exist():
    stale = sorted({rule.name for rule in RULES} - route_inventory())
    assert stale == []


def _client(world, actor):
    client = Client()
    if actor != "anonymous":
        client.force_login(world.people[actor])
    return client


def _body(response) -> str | None:
    content_type = response.get("Content-Type", "")
    if not content_type.startswith(("text/", "application/json")):
        return None
    if getattr(response, "streaming", False):
        data = b"".join(response.streaming_content)
    else:
        data = response.content
    return data.decode("utf-8", errors="replace")


def _check_status(world, response, expected, url):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(
            (reverse("account_login"), reverse("admin_login"))
        )
    elif expected == DENY:
        assert response.status_code in (403, 404)
    elif isinstance(expected, Redirect):
        assert response.status_code == 302
        target = expected.to(world)
        targets = target if isinstance(target, tuple) else (target,)
        assert response["Location"].startswith(targets), response["Location"]
    else:
        assert response.status_code == expected, url


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_route_answers_each_actor_by_the_rules(world, rule, actor):
    url = rule.url(world)
    response = _client(world, actor).get(url)
    if actor == "anonymous":
        expected = rule.anonymous
    else:
        expected = rule.allowed.get(actor, rule.others)
    _check_status(world, response, expected, url)

    if actor == "anonymous":
        may_see = set()
    elif actor in rule.allowed:
        may_see = rule.sees(world, actor)
    else:
        may_see = {actor} | rule.refused_sees.get(actor, set())
    may_see |= rule.public
    body = _body(response)
    if body is None:
        return
    if actor in rule.allowed or (actor == "anonymous" and rule.anonymous == OK):
        for person in rule.shows:
            assert world.marker(person)[0] in body, f"{person} missing at {url}"
    for person in set(PEOPLE) - may_see:
        name, email = world.marker(person)
        assert name not in body, f"{actor} sees {person} at {url}"
        assert email not in body, f"{actor} sees {person}'s email at {url}"


# Issue 14 item 2: a job's page and file are re-checked against the creator's role
# and scope at the time of the request, not only when the job was made.

JOB_ROUTES = {
    "zip_job": ("partnership_lead", ("certificates:job", "certificates:job_download")),
    "report_job": ("lead_x", ("reports:export_job", "reports:export_download")),
}


@pytest.mark.parametrize("job_key", JOB_ROUTES)
def test_job_pages_refuse_their_creator_once_the_role_is_removed(world, job_key):
    from learning.accounts.services import user_roles_set

    creator_key, names = JOB_ROUTES[job_key]
    creator = world.people[creator_key]
    job = getattr(world, job_key)
    client = _client(world, creator_key)
    assert client.get(reverse(names[1], args=[job.pk])).status_code == OK

    user_roles_set(user=creator, roles=[])

    for name in names:
        assert client.get(reverse(name, args=[job.pk])).status_code in (403, 404)


@pytest.mark.parametrize("job_key", JOB_ROUTES)
def test_job_pages_refuse_their_creator_once_outside_the_jobs_agencies(world, job_key):
    from learning.accounts.roles import Role
    from learning.accounts.services import user_roles_set

    creator_key, names = JOB_ROUTES[job_key]
    creator = world.people[creator_key]
    job = getattr(world, job_key)
    client = _client(world, creator_key)
    assert client.get(reverse(names[1], args=[job.pk])).status_code == OK

    # Both jobs cover agency X: the creator becomes an agency lead of agency Y.
    user_roles_set(user=creator, roles=[Role.AGENCY_LEADS])
    creator.profile.agency = world.agencies["y"]
    creator.profile.save()

    for name in names:
        assert client.get(reverse(name, args=[job.pk])).status_code == 403


# ------------------------------------- issue 14 item 1: nobody moves themselves
#
# A person's agency decides whose records a lead or team manager sees, so no role
# holder may change their own, by any route, even to an agency that uses their
# email domain; afterwards they still see only their own agency's people.

ROLE_HOLDERS = [key for key, person in PEOPLE.items() if person[3]]
OTHER_AGENCY = {"x": "y", "y": "x", "p": "y"}


@pytest.mark.parametrize("actor", ROLE_HOLDERS)
def test_no_role_holder_moves_their_own_agency_by_any_route(world, actor):
    from learning.accounts.models import AgencyEmailDomain, AgencyMoveRequest, Profile

    person = world.people[actor]
    own = world.agencies[world.agency_of(actor)]
    target = world.agencies[OTHER_AGENCY[world.agency_of(actor)]]
    # The target takes the actor's email domain, so only the rule stops the move.
    AgencyEmailDomain.objects.create(
        agency=target, domain=person.email.rsplit("@", 1)[1]
    )
    client = _client(world, actor)
    before = set(AgencyMoveRequest.objects.values_list("pk", flat=True))

    client.post(
        reverse("accounts_profile"),
        {"name": person.name, "job_title": "Lead", "agency": target.pk},
    )
    client.post(reverse("accounts:agency_move_ask"), {"to_agency": target.pk})
    client.post(
        reverse("accounts:agency_move_start"),
        {"email": person.email, "to_agency": target.pk, "confirm": "yes"},
    )
    client.post(
        reverse("account_signup"),
        {
            "name": person.name,
            "email": person.email,
            "agency": target.pk,
            "job_title": "Lead",
            "password1": "a long new passphrase 42",
            "password2": "a long new passphrase 42",
        },
    )

    assert Profile.objects.get(user=person).agency == own
    assert set(AgencyMoveRequest.objects.values_list("pk", flat=True)) == before
    for url in (reverse("reports:people"), reverse("briefings:index")):
        body = _body(client.get(url)) or ""
        for other in world.people_in(OTHER_AGENCY[world.agency_of(actor)]):
            if actor != "partnership_lead":
                assert world.marker(other)[1] not in body, f"{actor} sees {other}"


# --------------------------------------------- issue 14 item 4: two-step sign-in
#
# Staff (anyone holding a role but Learners', or a superuser) who have not set up
# two-step sign-in may open only these pages, by URL name: setting it up and the rest
# of their own account, their own learning, and the public pages. Everything else
# sends them to set it up. ``test_staff_two_step.py`` walks every URL pattern.

OPEN_WITHOUT_TWO_STEP = frozenset(
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
        # Public pages (Wagtail pages: modules, resources, the home page).
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
    }
)
STAFF_ACTORS = [key for key, person in PEOPLE.items() if person[3]]


@pytest.mark.parametrize("actor", STAFF_ACTORS)
@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_route_sends_staff_without_two_step_sign_in_to_set_it_up_unless_open(
    world, rule, actor, settings
):
    from django.urls import resolve

    from learning.accounts.middleware import MFA_SETUP_URL

    settings.MFA_REQUIRED_FOR_STAFF = True
    url = rule.url(world)
    view_name = resolve(url.split("?")[0]).view_name

    response = _client(world, actor).get(url)

    if view_name in OPEN_WITHOUT_TWO_STEP:
        _check_status(world, response, rule.allowed.get(actor, rule.others), url)
    else:
        assert response.status_code == 302, url
        assert response["Location"] == MFA_SETUP_URL
