"""Hostile input: random and malicious values posted to every form and state change.

No value may cause a server error, a refused request may change nothing, and a
request may only ever change what its endpoint is for. Stored script never runs
(pages escape it, spreadsheets neutralise formulas, PDFs print it as text), ``next``
never leads off-site, and every state change needs POST and a CSRF token.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import quote, urlsplit

from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from certificates.services import certificate_pdf_store
from learning.briefings.models import BriefingDelivery
from learning.core.exports import safe_csv_value
from learning.events.models import Booking, Charge, TrainingSession
from learning.followups.models import FollowUp
from learning.licences.models import Licence
from learning.reports.models import Action
from modules.models import ModuleProgress, QuizAttempt
from modules.services import module_progress_start, quiz_attempt_start

from .conftest import PEOPLE

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
PAYLOADS = [
    SCRIPT,
    IMG,
    JS_URL,
    "' OR 1=1 --",
    "'; DROP TABLE accounts_user; --",
    '=HYPERLINK("https://evil.example","x")',
    "+1+1",
    "-1",
    "@SUM(A1)",
    "\x00",
    "a\x00b",
    "\u202egnp.exe",
    "𝕏🙂 ÀÉÎ ß",
    "x" * 20_000,
    "0",
    "99999999999999999999999999",
    "-99999999999",
    "1e309",
    "NaN",
    "[]",
    "{}",
    "null",
    "true",
    " ",
    "",
    "2024-02-30",
    "../../etc/passwd",
    "%00",
    "{{ 7*7 }}",
]
EXAMPLES = 6
HYPOTHESIS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


def _rows(queryset, *fields):
    return sorted(tuple(str(v) for v in row) for row in queryset.values_list(*fields))


def state(world, actor) -> dict:
    """What a request could change, split into the actor's own records and others'."""
    me = world.people.get(actor)
    me_pk = me.pk if me else None
    from learning.accounts.models import User

    def split(queryset, owner, *fields):
        mine = queryset.filter(**{owner: me_pk}) if me_pk else queryset.none()
        others = queryset.exclude(**{owner: me_pk}) if me_pk else queryset
        return _rows(mine, "pk", *fields), _rows(others, "pk", *fields)

    account = (
        "name",
        "email",
        "is_active",
        "profile__agency",
        "profile__job_title",
        "profile__team",
        "profile__line_manager_name",
        "profile__line_manager_email",
    )
    result = {}
    result["my_account"], result["other_accounts"] = split(
        User.objects.all(), "pk", *account
    )
    result["my_bookings"], result["other_bookings"] = split(
        Booking.objects.all(), "user", "session", "status", "attendance", "walk_in"
    )
    result["my_progress"], result["other_progress"] = split(
        ModuleProgress.objects.all(),
        "user",
        "current_step",
        "responses",
        "confidence_before",
        "confidence_after",
        "completed_at",
    )
    result["my_attempts"], result["other_attempts"] = split(
        QuizAttempt.objects.all(), "user", "status", "score"
    )
    from certificates.models import Certificate
    from learning.core.models import BackgroundJob

    result["certificates"] = _rows(Certificate.objects.all(), "pk", "revoked_at")
    result["licences"] = _rows(Licence.objects.all(), "pk", "revoked_at")
    result["charges"] = _rows(Charge.objects.all(), "pk", "status", "waive_reason")
    result["sessions"] = _rows(TrainingSession.objects.all(), "pk", "status")
    result["deliveries"] = _rows(BriefingDelivery.objects.all(), "pk", "notes")
    result["actions"] = _rows(Action.objects.all(), "pk", "description", "status")
    result["follow_ups"] = _rows(
        FollowUp.objects.all(), "pk", "answered_at", "example", "manager_comment"
    )
    result["jobs"] = _rows(BackgroundJob.objects.all(), "pk")
    result["roles"] = _rows(User.groups.through.objects.all(), "user", "group")
    return result


def changed(before, after) -> set[str]:
    return {key for key in before if before[key] != after[key]}


@dataclass(frozen=True)
class Endpoint:
    id: str
    actor: str
    url: object  # callable(world) -> str
    fields: object  # tuple, or callable(world) -> tuple
    may_change: frozenset = field(default_factory=frozenset)
    method: str = "post"
    setup: object = None  # callable(world) run once before the examples


def _ready_for_quiz(world):
    now = timezone.now()
    module = world.quiz_module
    ModuleProgress.objects.create(
        user=world.people["learner_b"],
        module=module,
        revision_id=module.live_revision_id,
        confidence_before=2,
        confidence_after=4,
        current_step=None,
        steps_completed_at=now,
        started_at=now - timedelta(minutes=30),
    )
    quiz_attempt_start(user=world.people["learner_b"], module=module)


def _started_module(world):
    module_progress_start(
        user=world.people["learner_b"], module=world.quiz_module, confidence_before=3
    )


def _module(route, **kwargs):
    def url(world):
        page = world.quiz_module
        return page.url + page.reverse_subpage(route, kwargs=kwargs or None)

    return url


def _r(name, *args):
    return lambda w: reverse(name, args=[a(w) if callable(a) else a for a in args])


def _quiz_fields(world):
    ids = [block.id for block in world.quiz_module.quiz_questions]
    return ("action", "attempt", *(f"q-{i}" for i in ids), "q-bogus")


def _fields(world, endpoint):
    return endpoint.fields(world) if callable(endpoint.fields) else endpoint.fields


SESSION = lambda w: w.session.pk  # noqa: E731
DATE_PARTS = ("delivered_on-day", "delivered_on-month", "delivered_on-year")

ENDPOINTS = [
    Endpoint(
        "quiz answers",
        "learner_b",
        _module("quiz"),
        _quiz_fields,
        frozenset({"my_attempts", "my_progress", "certificates"}),
        setup=_ready_for_quiz,
    ),
    Endpoint(
        "module step answers",
        "learner_b",
        _module("step", number=1),
        ("progress", "block_id", "selected", "option", "text", "confidence"),
        frozenset({"my_progress"}),
        setup=_started_module,
    ),
    Endpoint(
        "confidence before starting",
        "learner_c",
        _module("start"),
        ("confidence",),
        frozenset({"my_progress"}),
    ),
    Endpoint(
        "check-in",
        "learner_a",
        _r("events:check_in", SESSION),
        ("code",),
        frozenset({"my_bookings"}),
    ),
    Endpoint(
        "booking",
        "learner_b",
        _r("events:book", SESSION),
        ("session", "user"),
        frozenset({"my_bookings"}),
    ),
    Endpoint(
        "cancel booking",
        "learner_a",
        _r("events:cancel", SESSION),
        ("booking", "user"),
        frozenset({"my_bookings", "charges"}),
    ),
    Endpoint(
        "pass a place on",
        "learner_a",
        _r("events:substitute", lambda w: w.booking_a.pk),
        ("email",),
        frozenset({"my_bookings", "other_bookings"}),
    ),
    Endpoint(
        "register with walk-ins",
        "trainer_session",
        _r("events:register", SESSION),
        ("booking_1", "booking_2", "walk_ins", "booking_bogus"),
        frozenset({"other_bookings", "certificates", "licences", "charges"}),
    ),
    Endpoint(
        "cancel a session",
        "trainer_session",
        _r("events:cancel_session", SESSION),
        ("reason", "session"),
        frozenset({"sessions", "other_bookings"}),
    ),
    Endpoint(
        "profile",
        "learner_a",
        _r("accounts_profile"),
        (
            "name",
            "job_title",
            "team",
            "agency",
            "line_manager_name",
            "line_manager_email",
            "email",
        ),
        frozenset({"my_account"}),
    ),
    Endpoint(
        "sign-up",
        "anonymous",
        _r("account_signup"),
        (
            "email",
            "password1",
            "password2",
            "name",
            "agency",
            "job_title",
            "team",
            "line_manager_email",
        ),
        frozenset({"other_accounts"}),
    ),
    Endpoint(
        "report filters",
        "lead_x",
        _r("reports:dashboard"),
        ("start", "end", "agency", "agency_kind", "module", "course", "job_title"),
        method="get",
    ),
    Endpoint(
        "people filters",
        "lead_y",
        _r("reports:people"),
        ("start", "end", "agency", "page", "status", "recommendation"),
        method="get",
    ),
    Endpoint(
        "impact filters",
        "partnership_lead",
        _r("reports:impact"),
        ("metric", "recommendation", "start", "end", "agency", "export"),
        method="get",
    ),
    Endpoint(
        "export filters",
        "lead_x",
        _r("reports:export"),
        ("export", "table", "start", "end", "agency", "module", "recommendation"),
        method="get",
    ),
    Endpoint(
        "licence register filters",
        "lead_x",
        _r("licences:register"),
        ("agency", "status", "page", "export"),
        method="get",
    ),
    Endpoint(
        "charge ledger filters",
        "partnership_lead",
        _r("events:charge_ledger"),
        ("agency", "start", "end", "status", "page", "export"),
        method="get",
    ),
    Endpoint(
        "briefing filters",
        "lead_x",
        _r("briefings:index"),
        ("agency", "page"),
        method="get",
    ),
    Endpoint(
        "certificate filters",
        "lead_y",
        _r("certificates:manage_list"),
        ("agency", "status", "page", "export"),
        method="get",
    ),
    Endpoint(
        "audit log filters",
        "partnership_lead",
        _r("audit_log"),
        ("action", "actor", "start", "end", "page"),
        method="get",
    ),
    Endpoint(
        "session list filters",
        "anonymous",
        _r("events:session_list"),
        ("course", "recommendation", "page"),
        method="get",
    ),
    Endpoint(
        "follow-up answers",
        "learner_a",
        _r("followups:answer", lambda w: w.follow_up.token),
        (
            "changed_practice",
            "example",
            "confidence_now",
            "used_challenge_process",
            "ask_manager",
        ),
        frozenset({"follow_ups", "my_account"}),
    ),
    Endpoint(
        "line manager's answers",
        "anonymous",
        _r("followups:manager", lambda w: w.follow_up.manager_token),
        ("observed_change", "comment"),
        frozenset({"follow_ups"}),
    ),
    Endpoint(
        "briefing record",
        "team_manager",
        _r("briefings:record"),
        ("briefing", *DATE_PARTS, "team", "attendees", "emails", "notes", "actions"),
        frozenset({"deliveries", "certificates"}),
    ),
    Endpoint(
        "team manager grant",
        "lead_x",
        _r("briefings:team_managers"),
        ("email",),
        frozenset({"roles"}),
    ),
    Endpoint(
        "team manager removal",
        "lead_y",
        _r("briefings:team_manager_remove"),
        ("user",),
        frozenset({"roles"}),
    ),
    Endpoint(
        "action plan new",
        "partnership_lead",
        _r("reports:action_create"),
        (
            "recommendation",
            "owner_agency",
            "description",
            "due_on",
            "status",
            "evidence_notes",
        ),
        frozenset({"actions"}),
    ),
    Endpoint(
        "action plan edit",
        "partnership_lead",
        _r("reports:action_edit", lambda w: w.action.pk),
        (
            "recommendation",
            "owner_agency",
            "description",
            "due_on",
            "status",
            "evidence_notes",
        ),
        frozenset({"actions"}),
    ),
    Endpoint(
        "charge waive",
        "partnership_lead",
        _r("events:charge_waive", lambda w: w.charge_c.pk),
        ("reason", "charge"),
        frozenset({"charges"}),
    ),
    Endpoint(
        "privacy delete",
        "learner_b",
        _r("privacy:delete"),
        ("password",),
    ),
    Endpoint(
        "certificate verify form",
        "anonymous",
        _r("certificates:verify_form"),
        ("code",),
        method="get",
    ),
    Endpoint(
        "certificate revoke",
        "partnership_lead",
        _r("certificates:manage_detail", lambda w: w.certificate_c.code),
        ("action", "reason"),
        frozenset({"certificates"}),
    ),
    Endpoint(
        "certificate ZIP request",
        "lead_x",
        _r("certificates:zip_request"),
        ("agency",),
        frozenset({"jobs"}),
    ),
    Endpoint(
        "certificate ZIP request (all agencies)",
        "partnership_lead",
        _r("certificates:zip_request"),
        ("agency",),
        frozenset({"jobs"}),
    ),
    Endpoint(
        "background report export",
        "lead_x",
        _r("reports:export_start"),
        ("export", "table", "start", "end", "agency", "module"),
        frozenset({"jobs"}),
    ),
    Endpoint(
        "licence revoke",
        "partnership_lead",
        _r("licences:detail", lambda w: w.licence_a.pk),
        ("reason",),
        frozenset({"licences"}),
    ),
]

texts = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=40),
    st.integers(min_value=-(2**63), max_value=2**64).map(str),
)


def _other_ids(world):
    """Real ids and codes of other people's records: tampering, not noise."""
    values = [str(user.pk) for user in world.people.values()]
    values += [str(pk) for pk in Booking.objects.values_list("pk", flat=True)]
    values += [email for _n, email, _a, _r in PEOPLE.values()]
    values += [
        world.certificate_a.code,
        world.certificate_c.code,
        str(world.agencies["y"].pk),
        str(world.agencies["x"].pk),
        str(world.attempt_a.pk),
        str(world.progress_a.pk),
        "start",
        "submit",
        "save",
        "reissue",
        "revoke",
        "csv",
        "xlsx",
    ]
    return values


def _client(world, actor, **kwargs):
    client = Client(**kwargs)
    if actor != "anonymous":
        client.force_login(world.people[actor])
    return client


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.id)
@HYPOTHESIS
@given(data=st.data())
def test_hostile_values_never_cause_a_server_error_or_a_wrong_change(
    world, endpoint, data
):
    value = st.one_of(texts, st.sampled_from(_other_ids(world)))
    payload = data.draw(
        st.dictionaries(
            st.sampled_from(_fields(world, endpoint)),
            st.one_of(value, st.lists(value, min_size=2, max_size=3)),
            max_size=6,
        )
    )
    client = _client(world, endpoint.actor)
    with transaction.atomic():
        if endpoint.setup:
            endpoint.setup(world)
        cache.clear()
        url = endpoint.url(world)
        before = state(world, endpoint.actor)
        response = getattr(client, endpoint.method)(url, payload)
        after = state(world, endpoint.actor)
        transaction.set_rollback(True)
    assert response.status_code < 500
    difference = changed(before, after)
    if response.status_code >= 400:
        assert difference == set(), f"{response.status_code} yet changed {difference}"
    assert difference <= endpoint.may_change, f"changed {difference} for {payload!r}"


@HYPOTHESIS
@given(code=st.one_of(texts, st.text(min_size=1, max_size=30)))
def test_hostile_certificate_codes_get_a_clean_answer(world, code):
    cache.clear()
    code = code.replace("/", "") or "x"
    # Quoted, so that "#" or "?" in the code stays in the path (it once ended it,
    # and "/verify/0#/" was answered with a redirect to "/verify/0/").
    response = Client().get(f"/certificates/verify/{quote(code, safe='')}/")
    assert response.status_code in (200, 404, 429)
    assert b"<script>alert(1)" not in response.content


# Routes that look up a code, token, slug or id taken from the path.
VALUE_ROUTES = [
    "/certificates/verify/{}/",
    "/certificates/{}/pdf/",
    "/certificates/manage/{}/",
    "/follow-up/{}/",
    "/follow-up/manager/{}/",
    "/accounts/confirm-email/{}/",
    "/accounts/password/reset/key/{}/",
    "/reviews/{}/",
    "/modules/{}/",
    "/{}/",
    "/training/{}/",
    "/documents/1/{}",
]
CONTROL_CHARACTERS = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x1F), st.just("\x7f")
)


@HYPOTHESIS
@given(
    route=st.sampled_from(VALUE_ROUTES),
    actor=st.sampled_from(["anonymous", "learner_a", "partnership_lead"]),
    before=st.text(max_size=20),
    control=CONTROL_CHARACTERS,
    after=st.text(max_size=20),
)
def test_a_control_character_in_a_code_or_token_is_page_not_found(
    world, route, actor, before, control, after
):
    cache.clear()
    value = quote(before + control + after, safe="")

    response = _client(world, actor).get(route.format(value))

    assert response.status_code == 404, route.format(value)
    assert response.templates[0].name == "404.html"


# ------------------------------------------------------------------ stored XSS


def _name_everyone_hostile(world):
    from learning.accounts.models import User

    User.objects.filter(pk=world.people["learner_a"].pk).update(name=SCRIPT)
    User.objects.filter(pk=world.people["learner_c"].pk).update(name=IMG)


def _assert_escaped(html: str, where: str):
    assert "<script>alert(1)" not in html, where
    assert "<img src=x onerror" not in html, where
    assert 'onerror="alert(1)"' not in html, where
    assert 'href="javascript:' not in html, where


def test_hostile_names_reflections_and_notes_are_escaped_on_every_page(world):
    _name_everyone_hostile(world)
    a = world.people["learner_a"]
    progress = world.progress_a
    reflection = next(
        b.id for b in world.quiz_module.steps if b.block_type == "reflection"
    )
    progress.responses = {reflection: {"text": f"{SCRIPT} {IMG} {JS_URL}"}}
    progress.save(update_fields=["responses"])
    BriefingDelivery.objects.filter(pk=world.delivery.pk).update(
        notes=f"{SCRIPT}{IMG}", actions=f"{JS_URL} {SCRIPT}"
    )
    Action.objects.filter(pk=world.action.pk).update(
        description=f"{SCRIPT}{IMG}", evidence_notes=JS_URL
    )
    pages = [
        ("learner_a", _module("step", number=6)(world)),
        ("learner_a", reverse("my_learning")),
        ("learner_a", reverse("accounts_profile")),
        ("learner_a", reverse("privacy:summary")),
        ("learner_a", reverse("followups:answer", args=[world.follow_up.token])),
        (
            "anonymous",
            reverse("followups:manager", args=[world.follow_up.manager_token]),
        ),
        ("anonymous", reverse("certificates:verify", args=[world.certificate_a.code])),
        ("trainer_session", reverse("events:register", args=[world.session.pk])),
        ("trainer_session", reverse("events:board", args=[world.session.pk])),
        ("lead_x", reverse("reports:person", args=[a.pk])),
        ("lead_x", reverse("reports:people")),
        ("lead_x", reverse("reports:dashboard")),
        ("partnership_lead", reverse("reports:action_list")),
        ("partnership_lead", reverse("reports:action_edit", args=[world.action.pk])),
        ("partnership_lead", reverse("events:charge_ledger")),
        ("partnership_lead", reverse("certificates:manage_list")),
        ("partnership_lead", reverse("licences:register")),
        ("partnership_lead", reverse("briefings:detail", args=[world.delivery.pk])),
        ("partnership_lead", reverse("audit_log")),
        ("team_manager", reverse("briefings:record")),
        ("learner_a", reverse("events:substitute", args=[world.booking_a.pk])),
    ]
    shown_escaped = set()
    for actor, url in pages:
        response = _client(world, actor).get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        _assert_escaped(html, url)
        if "&lt;script&gt;alert(1)&lt;/script&gt;" in html:
            shown_escaped.add(url)
    # The payloads really reached these pages (as text), so the checks above bite.
    assert {
        pages[0][1],
        reverse("reports:person", args=[a.pk]),
        reverse("events:register", args=[world.session.pk]),
        reverse("briefings:detail", args=[world.delivery.pk]),
        reverse("reports:action_list"),
    } <= shown_escaped


def test_script_in_module_rich_text_is_not_served_raw(world):
    from modules.factories import module_create

    module = module_create(
        summary=SCRIPT,
        steps=[
            (
                "narrative",
                {
                    "title": IMG,
                    "body": f'<p>{SCRIPT}<a href="{JS_URL}">x</a>'
                    f'<img src="x" onerror="alert(1)"></p>',
                },
            )
        ],
    )
    client = _client(world, "learner_b")
    module_progress_start(
        user=world.people["learner_b"], module=module, confidence_before=3
    )
    for url in (
        module.url,
        module.url + module.reverse_subpage("step", kwargs={"number": 1}),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_escaped(response.content.decode(), url)


def test_csv_exports_neutralise_formulas_in_names(world):
    from learning.accounts.models import User

    formula = '=HYPERLINK("https://evil.example","click")'
    User.objects.filter(pk=world.people["learner_c"].pk).update(name=formula)
    response = _client(world, "partnership_lead").get(
        reverse("events:charge_ledger"), {"export": "csv"}
    )
    assert response.status_code == 200
    Charge.objects.filter(pk=world.charge_c.pk).update(holder_name=formula)
    response = _client(world, "partnership_lead").get(
        reverse("events:charge_ledger"), {"export": "csv"}
    )
    cells = [
        cell
        for row in csv.reader(io.StringIO(response.content.decode()))
        for cell in row
    ]
    assert "'" + formula in cells
    assert formula not in cells
    for prefix in "=+-@":
        assert safe_csv_value(prefix + "1+1").startswith("'")

    response = _client(world, "trainer_session").get(
        reverse("events:register", args=[world.session.pk]), {"export": "csv"}
    )
    cells = [
        cell
        for row in csv.reader(io.StringIO(response.content.decode()))
        for cell in row
    ]
    assert "'" + formula in cells
    assert formula not in cells


def _download(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def test_report_exports_neutralise_formulas_in_names(world):
    from openpyxl import load_workbook

    from learning.accounts.models import User

    formula = "=1+2"
    User.objects.filter(pk=world.people["learner_a"].pk).update(name=formula)
    client = _client(world, "lead_x")
    query = {"metric": "registered", "table": "people"}
    response = client.get(reverse("reports:export"), {**query, "export": "csv"})
    assert response.status_code == 200
    text = _download(response).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + formula in cells
    assert formula not in cells

    response = client.get(reverse("reports:export"), {**query, "export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(_download(response))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'" + formula in values
    assert formula not in values


def test_a_certificate_for_a_hostile_name_prints_it_as_text(world):
    from certificates.models import Certificate
    from learning.accounts.models import User

    hostile = 'Zz <script>alert(1)</script> & "><img src=x onerror=alert(1)>'
    User.objects.filter(pk=world.people["learner_a"].pk).update(name=hostile)
    Certificate.objects.filter(pk=world.certificate_a.pk).update(holder_name=hostile)
    certificate = Certificate.objects.get(pk=world.certificate_a.pk)
    certificate_pdf_store(certificate=certificate)
    response = _client(world, "learner_a").get(
        reverse("certificates:download", args=[certificate.code])
    )
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "<script>alert(1)</script>" in text.replace("\n", " ")


# ----------------------------------------------------------------- open redirects

EVIL_NEXT = [
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "https:evil.example",
    "http://testserver@evil.example",
    " //evil.example",
]


def _stays_on_site(location: str):
    parts = urlsplit(location)
    assert parts.scheme in ("", "http", "https"), location
    assert parts.netloc in ("", "testserver"), location
    assert not location.lstrip().startswith(("//", "/\\", "\\")), location


@pytest.mark.parametrize("evil", EVIL_NEXT)
def test_login_never_redirects_off_site(world, evil):
    client = Client()
    response = client.post(
        reverse("account_login") + "?next=" + evil,
        {"login": PEOPLE["learner_b"][1], "password": "wrong", "next": evil},
    )
    assert response.status_code in (200, 400, 429)
    from learning.accounts.factories import DEFAULT_PASSWORD

    response = client.post(
        reverse("account_login"),
        {"login": PEOPLE["learner_b"][1], "password": DEFAULT_PASSWORD, "next": evil},
    )
    assert response.status_code == 302
    _stays_on_site(response["Location"])


@pytest.mark.parametrize("evil", EVIL_NEXT)
def test_logout_signup_and_admin_login_never_redirect_off_site(world, evil):
    client = _client(world, "learner_b")
    response = client.post(reverse("account_logout"), {"next": evil})
    assert response.status_code == 302
    _stays_on_site(response["Location"])

    response = _client(world, "trainer_other").get(
        reverse("admin_login"), {"next": evil}
    )
    assert response.status_code == 302
    _stays_on_site(response["Location"])

    response = Client().get(reverse("admin_login"), {"next": evil})
    assert response.status_code == 302
    _stays_on_site(response["Location"])

    response = Client().post(
        reverse("account_signup"),
        {
            "email": "zz-new@x.example.org",
            "password1": "a long new passphrase 42",
            "password2": "a long new passphrase 42",
            "name": "Zz New",
            "agency": world.agencies["x"].pk,
            "job_title": "Social worker",
            "next": evil,
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        _stays_on_site(response["Location"])


# ------------------------------------------------------------- POST and CSRF only

STATE_CHANGES = [
    ("learner_b", _module("start")),
    ("learner_a", _module("quiz")),
    ("learner_b", _r("events:book", SESSION)),
    ("learner_a", _r("events:cancel", SESSION)),
    ("learner_a", _r("events:check_in", SESSION)),
    ("learner_a", _r("events:substitute", lambda w: w.booking_a.pk)),
    ("trainer_session", _r("events:register", SESSION)),
    ("trainer_session", _r("events:cancel_session", SESSION)),
    ("partnership_lead", _r("events:charge_waive", lambda w: w.charge_c.pk)),
    ("learner_a", _r("accounts_profile")),
    ("learner_a", _r("followups:answer", lambda w: w.follow_up.token)),
    ("anonymous", _r("followups:manager", lambda w: w.follow_up.manager_token)),
    ("team_manager", _r("briefings:record")),
    ("lead_x", _r("briefings:team_managers")),
    ("lead_x", _r("briefings:team_manager_remove")),
    ("partnership_lead", _r("reports:action_create")),
    ("partnership_lead", _r("reports:action_edit", lambda w: w.action.pk)),
    ("lead_x", _r("reports:export_start")),
    (
        "partnership_lead",
        _r("certificates:manage_detail", lambda w: w.certificate_a.code),
    ),
    ("partnership_lead", _r("certificates:zip_request")),
    ("partnership_lead", _r("licences:detail", lambda w: w.licence_a.pk)),
    ("learner_b", _r("privacy:delete")),
    ("learner_a", _r("account_logout")),
    ("anonymous", _r("account_signup")),
    ("anonymous", _r("account_login")),
]


@pytest.mark.parametrize(
    ("actor", "url"),
    STATE_CHANGES,
    ids=[f"{a}-{n}" for n, (a, _u) in enumerate(STATE_CHANGES)],
)
def test_state_changes_need_post_and_a_csrf_token(world, actor, url):
    url = url(world)
    before = state(world, actor)
    response = _client(world, actor).get(url, {"action": "submit", "code": "000000"})
    assert response.status_code in (200, 302, 405), url
    assert changed(before, state(world, actor)) == set(), url

    client = _client(world, actor, enforce_csrf_checks=True)
    response = client.post(url, {"action": "reissue", "confidence": "3"})
    assert response.status_code == 403, url
    assert changed(before, state(world, actor)) == set(), url
