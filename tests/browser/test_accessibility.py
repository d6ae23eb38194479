"""Every page outside the Wagtail admin passes axe-core's WCAG 2.2 AA checks.

One parametrised test visits each page as the person who would see it (anonymous,
learner, team manager, trainer, agency lead, partnership lead) in a real browser and
runs axe-core (installed from npm by ``make browser-deps``; see axe.py). Each page is
also checked for one ``h1``, ``lang="en-GB"``, a working skip link and landmarks with
unique labels.

Data: the demo content (``load_modules`` and ``load_demo``) plus a few people in
particular states (part-way through a module, at the quiz, booked on a session that is
open for check-in) is built once per module. Browser tests start from the migrations'
data, so on SQLite the built database is kept as a copy (sqlite3's backup API) and
copied back before each test, which takes milliseconds; on other databases it is
built again for each test. People are signed in with session cookies made by Django's
test client (``force_login``), which live in the copied database too.

Pages whose URL name does not exist yet are skipped ("page not built yet"), so the
list grows by itself as they are added.
"""

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone

import pytest

from certificates.models import Certificate
from learning.accounts.factories import ProfileFactory
from learning.accounts.models import Agency, User
from learning.accounts.roles import Role
from learning.briefings.models import BriefingDelivery
from learning.events.factories import TrainingSessionFactory
from learning.events.models import Charge, TrainingSession
from learning.events.services import booking_create
from learning.followups.models import FollowUp
from learning.licences.demo import INDEX_SLUG, PUBLIC_PAGE, RESTRICTED_PAGE
from learning.licences.models import Licence, ResourceIndexPage, ResourcePage
from learning.reports.models import Action
from learning.reviews.models import Recommendation
from modules.forms import step_form_for
from modules.models import ModulePage, ModuleProgress
from modules.quiz import questions_of
from modules.services import (
    module_progress_start,
    module_step_submit,
    module_steps_for,
    quiz_attempt_start,
    quiz_attempt_submit,
)

from .axe import (
    assert_accessible,
    axe_path,
    duplicate_landmark_labels,
    page_structure,
)
from .conftest import DEFAULT_TIMEOUT_MS

SLUG = "recognising-chronic-neglect"
STEP_KINDS = (
    "narrative",
    "chronology",
    "decision",
    "knowledge_check",
    "gcp2_grading",
    "reflection",
    "key_learning",
)
QUESTION_KINDS = ("chronology", "decision", "knowledge_check", "gcp2_grading")


# ------------------------------------------------------------------------- the data


def _person(email, name, agency, roles=()):
    from learning.accounts.services import user_roles_set

    profile = ProfileFactory(user__email=email, user__name=name, agency=agency)
    user_roles_set(user=profile.user, roles=list(roles))
    return profile.user


def _answer(step) -> dict:
    """An answer to any step, as the learner's browser would post it."""
    form = step_form_for(step)
    data = {}
    for name, form_field in form.fields.items():
        key = f"{form.prefix}-{name}"
        choices = [value for value, _label in getattr(form_field, "choices", [])]
        if choices and getattr(form_field.widget, "allow_multiple_selected", False):
            data[key] = choices[:2]
        elif choices:
            data[key] = choices[min(1, len(choices) - 1)]
        else:
            data[key] = "I would ask the health visitor for their chronology."
    bound = step_form_for(step, data=_querydict(data))
    assert bound.is_valid(), bound.errors
    return bound.answer()


def _querydict(data):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query


def _walk(user, module):
    """Walk the module through the services; return where each kind of step is and
    the learner's progress just before answering it."""
    progress = module_progress_start(user=user, module=module, confidence_before=2)
    steps = module_steps_for(progress=progress)
    kinds = {}
    while progress.current_step is not None:
        index = progress.current_step
        step = steps[index]
        kinds.setdefault(
            step.kind,
            {
                "number": index + 1,
                "before": {
                    "current_step": index,
                    "visited": list(progress.visited),
                    "responses": dict(progress.responses),
                    "steps_completed_at": None,
                },
            },
        )
        progress = module_step_submit(
            progress=progress, number=index + 1, block_id=step.id, answer=_answer(step)
        )
    assert set(kinds) == set(STEP_KINDS), kinds
    assert progress.steps_completed_at is not None
    return progress, kinds


def _wrong_answers(attempt, module):
    pool = questions_of(module.quiz_questions)
    answers = {}
    for drawn in attempt.questions:
        question = pool[drawn["id"]]
        wrong = [o.id for o in question.options if not o.is_correct]
        answers[drawn["id"]] = wrong[:1]
    return answers


def build_site() -> dict[str, Any]:
    """The demo site plus people in the states the pages need; returns their URLs."""
    call_command("load_modules", verbosity=0)
    call_command("load_demo", force=True, learners=24, verbosity=0)
    now = timezone.now()
    agency = Agency.objects.get(name="Children's Social Care")
    learner = User.objects.get(email="learner@example.org")
    trainer = User.objects.get(email="trainer@example.org")
    lead = User.objects.get(email="lead@example.org")
    agency_lead = User.objects.get(email="agencylead@example.org")
    team_manager = User.objects.filter(groups__name=Role.TEAM_MANAGERS).first()
    assert team_manager is not None
    starter = _person("starter@council.example.org", "Sam Starter", agency)
    walker = _person("walker@council.example.org", "Wren Walker", agency)
    quizzer = _person("quizzer@council.example.org", "Quinn Quizzer", agency)

    module = ModulePage.objects.get(slug=SLUG)
    walked, kinds = _walk(walker, module)

    # Quinn failed the first attempt and has a second one open.
    ModuleProgress.objects.create(
        user=quizzer,
        module=module,
        revision_id=module.live_revision_id,
        confidence_before=2,
        confidence_after=4,
        current_step=None,
        steps_completed_at=now,
        started_at=now - timedelta(minutes=30),
    )
    first = quiz_attempt_start(user=quizzer, module=module)
    first = quiz_attempt_submit(attempt=first, answers=_wrong_answers(first, module))
    assert not first.passed
    quiz_attempt_start(user=quizzer, module=module)

    # A session open for check-in (it opens 30 minutes before the start).
    session = TrainingSessionFactory(
        course__title="Recognising neglect: practice workshop",
        course__recommendation_numbers=[1],
        capacity=10,
        start=now + timedelta(minutes=20),
        end=now + timedelta(hours=3),
    )
    session.trainers.add(trainer)
    booking = booking_create(session=session, learner=learner)

    follow_up = FollowUp.objects.create(
        user=learner,
        kind="module",
        source_key="accessibility-audit",
        title=module.title,
        module=module,
        agency=agency,
        completed_at=now - timedelta(weeks=8),
        due_at=now - timedelta(days=1),
        sent_at=now - timedelta(days=1),
        manager_name="Morgan Manager",
        manager_email="morgan.manager@council.example.org",
        manager_token="accessibility-audit-manager-token",
        manager_sent_at=now - timedelta(days=1),
    )
    action = Action.objects.create(
        recommendation=Recommendation.objects.order_by("number").first(),
        owner_agency=agency,
        description="Add chronologies to every core group meeting's agenda.",
        due_on=(now + timedelta(days=60)).date(),
        status="in_progress",
    )
    charge = Charge.objects.order_by("pk").first()
    assert charge is not None, "load_demo made no charges"
    certificate = Certificate.objects.filter(holder__isnull=False).first()
    assert certificate is not None
    licence = Licence.objects.order_by("pk").first()
    assert licence is not None
    delivery = BriefingDelivery.objects.order_by("pk").first()
    assert delivery is not None
    future = (
        TrainingSession.objects.filter(start__gt=now + timedelta(days=1))
        .order_by("start")
        .first()
    )
    resources = {
        "index": ResourceIndexPage.objects.get(slug=INDEX_SLUG).url,
        "public": ResourcePage.objects.get(slug=PUBLIC_PAGE["slug"]).url,
        "restricted": ResourcePage.objects.get(slug=RESTRICTED_PAGE["slug"]).url,
    }

    cookies = {}
    for actor, user in {
        "learner": learner,
        "starter": starter,
        "walker": walker,
        "quizzer": quizzer,
        "team_manager": team_manager,
        "trainer": trainer,
        "agency_lead": agency_lead,
        "lead": lead,
    }.items():
        client = Client()
        client.force_login(user)
        cookies[actor] = client.cookies[settings.SESSION_COOKIE_NAME].value

    return {
        "cookies": cookies,
        "module": module.url,
        "module_index": module.get_parent().url,
        "walker_progress": walked.pk,
        "kinds": kinds,
        "session": session.pk,
        "future_session": future.pk,
        "booking": booking.pk,
        "follow_up": follow_up.token,
        "manager_token": follow_up.manager_token,
        "action": action.pk,
        "charge": charge.pk,
        "certificate": certificate.code,
        "licence": licence.pk,
        "delivery": delivery.pk,
        "resources": resources,
        "person": walker.pk,
    }


@pytest.fixture(scope="module")
def _site_copy():
    """What ``site`` keeps between the tests of this module."""
    store = {}
    yield store
    if store.get("backup") is not None:
        store["backup"].close()


@pytest.fixture
def site(_site_copy, transactional_db, live_server):
    """The built site, in the live server's database, for this test."""
    axe_path()  # skip (or fail in CI) before building anything without axe-core
    store = _site_copy
    if connection.vendor != "sqlite":
        return build_site()
    connection.ensure_connection()
    if store.get("backup") is None:
        store["data"] = build_site()
        backup = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(backup)
        store["backup"] = backup
    else:
        store["backup"].backup(connection.connection)
        ContentType.objects.clear_cache()
    return store["data"]


@pytest.fixture
def audit_page(browser, live_server, js_errors):
    """``audit_page(actor)``: a page signed in as ``actor`` (None: anonymous)."""
    contexts = []

    def _audit_page(site, actor):
        # axe-core goes in as an inline script, which the site's CSP refuses.
        context = browser.new_context(
            base_url=live_server.url, locale="en-GB", bypass_csp=True
        )
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        if actor:
            context.add_cookies(
                [
                    {
                        "name": settings.SESSION_COOKIE_NAME,
                        "value": site["cookies"][actor],
                        "url": live_server.url,
                    }
                ]
            )
        page = context.new_page()
        page.on("pageerror", lambda error: js_errors.append(str(error)))
        return page

    yield _audit_page
    for context in contexts:
        context.close()


# ------------------------------------------------------------------------ the pages


@dataclass(frozen=True)
class Audit:
    """One page to check, as ``actor``, reached at ``url`` (text or ``f(site)``)."""

    id: str
    actor: str | None
    url: str | Callable[[dict], str]
    url_name: str | None = None  # skipped while this URL name does not exist
    status: int = 200
    prepare: Callable[[dict], None] | None = None  # database changes first
    then: Callable[[Any], None] | None = None  # browser actions before the audit
    redirects: bool = False  # the page may redirect (the audit is of where it lands)
    marks: tuple = field(default_factory=tuple)


def _u(name, *args):
    return lambda site: reverse(
        name, args=[a(site) if callable(a) else a for a in args]
    )


def _submit(button):
    """Submit the main form with nothing filled in, to see its errors."""

    def _then(page):
        main = page.get_by_role("main")
        with page.expect_navigation():
            main.get_by_role("button", name=button, exact=True).click()
        # The error summary is shown and the form is still there.
        assert page.locator(".govuk-error-summary").count() == 1, page.url

    return _then


def _follow(selector):
    """Follow the first link matching ``selector`` (a drill-down, say)."""

    def _then(page):
        link = page.locator(selector).first
        href = link.get_attribute("href")
        assert href, f"no link matching {selector} on {page.url}"
        page.goto(href)

    return _then


def _at_step(kind):
    """Put the walker back at the first step of ``kind``, before answering it."""

    def _prepare(site):
        before = site["kinds"][kind]["before"]
        ModuleProgress.objects.filter(pk=site["walker_progress"]).update(**before)

    return _prepare


def _step_url(kind):
    return lambda site: f"{site['module']}step/{site['kinds'][kind]['number']}/"


def _ready_for_quiz(site):
    ModuleProgress.objects.filter(pk=site["walker_progress"]).update(confidence_after=4)


PUBLIC = [
    Audit("home", None, "/"),
    Audit("review list", None, "/reviews/", url_name="reviews:list"),
    Audit(
        "review detail", None, "/reviews/chronic-neglect/", url_name="reviews:detail"
    ),
    Audit("modules index", None, lambda s: s["module_index"]),
    Audit("module page", None, lambda s: s["module"]),
    Audit("training list", None, "/training/", url_name="events:session_list"),
    Audit(
        "training detail",
        None,
        _u("events:session_detail", lambda s: s["future_session"]),
    ),
    Audit("certificate verify form", None, _u("certificates:verify_form")),
    Audit(
        "certificate verify result",
        None,
        _u("certificates:verify", lambda s: s["certificate"]),
    ),
    Audit(
        "certificate not found",
        None,
        _u("certificates:verify", "NOTACODE"),
        status=404,
    ),
    Audit("accessibility statement", None, "/accessibility/"),
    Audit("privacy notice", None, "/privacy/"),
    Audit("resources index", None, lambda s: s["resources"]["index"]),
    Audit("resource page", None, lambda s: s["resources"]["public"]),
    Audit("not found page", None, "/no-such-page/", status=404),
    Audit("forbidden page", "learner", "/reports/", status=403),
    Audit("sign in", None, _u("account_login")),
    Audit("sign in with errors", None, _u("account_login"), then=_submit("Sign in")),
    Audit("sign up", None, _u("account_signup")),
    Audit(
        "sign up with errors",
        None,
        _u("account_signup"),
        then=_submit("Create account"),
    ),
    Audit("password reset", None, _u("account_reset_password")),
    Audit("password reset sent", None, _u("account_reset_password_done")),
]

LEARNER = [
    Audit("module start", "starter", lambda s: f"{s['module']}start/"),
    *[
        Audit(
            f"step {kind}",
            "walker",
            _step_url(kind),
            prepare=_at_step(kind),
        )
        for kind in STEP_KINDS
    ],
    Audit(
        "step with errors",
        "walker",
        _step_url("decision"),
        prepare=_at_step("decision"),
        then=_submit("Make this decision"),
    ),
    *[
        Audit(f"step {kind} feedback", "walker", _step_url(kind))
        for kind in QUESTION_KINDS
    ],
    Audit("module finish", "walker", lambda s: f"{s['module']}finish/"),
    Audit(
        "quiz start",
        "walker",
        lambda s: f"{s['module']}quiz/",
        prepare=_ready_for_quiz,
    ),
    Audit("quiz attempt", "quizzer", lambda s: f"{s['module']}quiz/"),
    Audit("quiz results", "quizzer", lambda s: f"{s['module']}quiz/results/1/"),
    Audit("my learning", "learner", _u("my_learning"), url_name="my_learning"),
    Audit("profile", "learner", _u("accounts_profile")),
    Audit("email addresses", "learner", _u("account_email")),
    Audit("change password", "learner", _u("account_change_password")),
    Audit("sign out", "learner", _u("account_logout")),
    Audit("sessions", "learner", _u("usersessions_list"), url_name="usersessions_list"),
    Audit("two-step sign-in", "learner", _u("mfa_index"), url_name="mfa_index"),
    Audit(
        "set up two-step sign-in",
        "learner",
        _u("mfa_activate_totp"),
        url_name="mfa_activate_totp",
        redirects=True,
    ),
    Audit(
        "booked session", "learner", _u("events:session_detail", lambda s: s["session"])
    ),
    Audit("check in", "learner", _u("events:check_in", lambda s: s["session"])),
    Audit(
        "check in with errors",
        "learner",
        _u("events:check_in", lambda s: s["session"]),
        then=_submit("Check in"),
    ),
    Audit(
        "pass on a place",
        "learner",
        _u("events:substitute", lambda s: s["booking"]),
    ),
    Audit(
        "follow-up questions",
        "learner",
        _u("followups:answer", lambda s: s["follow_up"]),
    ),
    Audit(
        "follow-up manager's questions",
        None,
        _u("followups:manager", lambda s: s["manager_token"]),
    ),
    Audit(
        "licence-restricted page",
        "learner",
        lambda s: s["resources"]["restricted"],
        status=403,
    ),
    Audit(
        "your data and privacy",
        "learner",
        "/accounts/privacy/",
        url_name="privacy:overview",
    ),
    Audit(
        "your data summary",
        "learner",
        "/accounts/privacy/summary/",
        url_name="privacy:summary",
    ),
    Audit(
        "delete your account",
        "learner",
        "/accounts/privacy/delete/",
        url_name="privacy:delete",
    ),
]

STAFF = [
    Audit("briefings", "team_manager", _u("briefings:index")),
    Audit(
        "briefing delivery",
        "team_manager",
        _u("briefings:detail", lambda s: s["delivery"]),
    ),
    Audit("record a briefing", "team_manager", _u("briefings:record")),
    Audit(
        "record a briefing with errors",
        "team_manager",
        _u("briefings:record"),
        then=_submit("Record the briefing"),
    ),
    Audit("register", "trainer", _u("events:register", lambda s: s["session"])),
    Audit("check-in board", "trainer", _u("events:board", lambda s: s["session"])),
    Audit(
        "cancel a session",
        "trainer",
        _u("events:cancel_session", lambda s: s["session"]),
    ),
    Audit("reports dashboard", "lead", _u("reports:dashboard")),
    Audit("agency lead's dashboard", "agency_lead", _u("reports:dashboard")),
    Audit(
        "reports drill-down",
        "lead",
        _u("reports:dashboard"),
        then=_follow("main a[href*='/reports/people/?']"),
    ),
    Audit("reports person", "lead", _u("reports:person", lambda s: s["person"])),
    Audit("reports impact", "lead", _u("reports:impact"), url_name="reports:impact"),
    Audit("action plan", "lead", _u("reports:action_list")),
    Audit("new action", "lead", _u("reports:action_create")),
    Audit(
        "new action with errors",
        "lead",
        _u("reports:action_create"),
        then=_submit("Add the action"),
    ),
    Audit("edit action", "lead", _u("reports:action_edit", lambda s: s["action"])),
    Audit("licences register", "lead", _u("licences:register")),
    Audit("licence", "lead", _u("licences:detail", lambda s: s["licence"])),
    Audit("charges ledger", "lead", _u("events:charge_ledger")),
    Audit("waive a charge", "lead", _u("events:charge_waive", lambda s: s["charge"])),
    Audit("certificates", "lead", _u("certificates:manage_list")),
    Audit(
        "certificate",
        "lead",
        _u("certificates:manage_detail", lambda s: s["certificate"]),
    ),
    Audit("briefings reach", "lead", _u("briefings:index")),
    Audit("team managers", "lead", _u("briefings:team_managers")),
    Audit("audit log", "lead", "/audit/", url_name="audit_log"),
]

AUDITS = PUBLIC + LEARNER + STAFF


def _url_name_exists(name: str) -> bool:
    try:
        reverse(name)
    except NoReverseMatch as exc:
        message = str(exc)
        return not (
            "is not a valid view function or pattern name" in message
            or "is not a registered namespace" in message
        )
    return True


def _served_by_wagtail(path: str) -> bool:
    try:
        return resolve(path).url_name == "wagtail_serve"
    except Resolver404:
        return True


BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Broken</title></head><body>
<nav aria-label="Menu"><a href="/">Home</a></nav>
<nav aria-label="Menu"><a href="/modules/">Modules</a></nav>
<main><h1>Broken</h1><h1>Twice</h1>
<input type="text" name="code">
<p style="color: #bbbbbb; background: #ffffff">Faint text</p>
<a href="/somewhere"></a></main></body></html>"""


def test_the_audit_names_each_problem_with_its_rule_and_where_it_is(audit_page):
    page = audit_page({}, None)
    page.set_content(BROKEN_PAGE)

    with pytest.raises(AssertionError) as failure:
        assert_accessible(page, label="the broken page")

    message = str(failure.value)
    assert "on the broken page" in message
    for rule in ("label", "color-contrast", "link-name", "landmark-unique"):
        assert f"- {rule} (" in message, message
    assert "https://dequeuniversity.com/rules/axe/" in message
    assert "at input" in message
    structure = page_structure(page)
    assert structure["lang"] == "en"
    assert structure["h1"] == 2
    assert not structure["skipLinkFirst"]
    assert duplicate_landmark_labels(structure["landmarks"]) == [
        'navigation: ["Menu", "Menu"]'
    ]


def _built(audit) -> bool:
    if not audit.url_name or _url_name_exists(audit.url_name):
        return True
    # A name not known in advance (the audit log's): a path of its own decides.
    return isinstance(audit.url, str) and not _served_by_wagtail(audit.url)


def _audit(audit, site, audit_page, js_errors):
    if audit.prepare:
        audit.prepare(site)
    url = audit.url(site) if callable(audit.url) else audit.url
    page = audit_page(site, audit.actor)
    response = page.goto(url)
    assert response is not None
    assert response.status == audit.status, (url, response.status, page.url)
    if not audit.redirects:
        assert urlparse(page.url).path == urlparse(url).path, (url, page.url)
    if audit.then:
        audit.then(page)

    structure = page_structure(page)
    problems = []
    if structure["lang"] != "en-GB":
        problems.append(f'<html lang="{structure["lang"]}">, not en-GB')
    if structure["h1"] != 1:
        problems.append(f"{structure['h1']} h1 elements, not one")
    if not (structure["skipLinkFirst"] and structure["skipTargetExists"]):
        problems.append("no working skip link before everything else")
    problems += [
        f"landmarks share a label: {problem}"
        for problem in duplicate_landmark_labels(structure["landmarks"])
    ]
    if not re.search(r" – .+ learning$", structure["title"]):
        problems.append(f"title {structure['title']!r} does not name the site")
    assert not problems, f"{audit.id} ({page.url}): " + "; ".join(problems)
    assert_accessible(page, label=f"{audit.id} ({page.url})")
    assert js_errors == []


# On SQLite the built site is copied back before each page, so each page is its own
# test. Elsewhere building the site once per page would take minutes, so one test
# builds it once and audits every page in turn, reporting every failure together.
ON_SQLITE = "sqlite" in settings.DATABASES["default"]["ENGINE"]

if ON_SQLITE:

    @pytest.mark.parametrize("audit", AUDITS, ids=[a.id for a in AUDITS])
    def test_page_meets_wcag_2_2_aa(audit, site, audit_page, js_errors):
        if not _built(audit):
            pytest.skip("page not built yet")
        _audit(audit, site, audit_page, js_errors)

else:

    def test_every_page_meets_wcag_2_2_aa(site, audit_page, js_errors):
        failures = []
        # Audits that move someone through a module go last, so that the others see
        # the site as it was built.
        for audit in sorted(AUDITS, key=lambda audit: audit.prepare is not None):
            if not _built(audit):
                continue
            try:
                _audit(audit, site, audit_page, js_errors)
            except AssertionError as error:
                failures.append(f"{audit.id}: {error}")
            js_errors.clear()
        assert not failures, "\n\n".join(failures)
