"""Two-step sign-in guards every staff page: every URL pattern, every staff role.

Staff (trainers, team managers, agency and partnership leads, superusers) who have
not set up two-step sign-in may open only the pages in ``OPEN_WITHOUT_TWO_STEP``
(setting it up, their own account and learning, and the public pages). Every other
URL pattern of the project, the Wagtail admin's included, sends them to set it up
(GET) or refuses them (POST), whatever object the URL names; the open pages never
name anyone but the viewer and the people a page shows to everyone.
"""

import re

from django.test import Client
from django.urls import get_resolver, resolve, reverse

import pytest

from learning.accounts.factories import UserFactory
from learning.accounts.middleware import MFA_REQUIRED, MFA_SETUP_URL

from .conftest import PEOPLE
from .test_authorization_matrix import OPEN_WITHOUT_TWO_STEP, RULES, _body, _walk

pytestmark = pytest.mark.django_db

SUPERUSER = "superuser"
SUPERUSER_MARKER = ("Zz-Superuser", "zz-superuser@p.example.org")
STAFF_ACTORS = [key for key, person in PEOPLE.items() if person[3]] + [SUPERUSER]

# A value for each kind of path converter, and for the few regular expressions in
# the URL patterns; a pattern whose sample resolves elsewhere fails the walk below.
CONVERTER_SAMPLES = {
    "int": "1",
    "str": "zz",
    "slug": "zz",
    "path": "zz",
    "uuid": "00000000-0000-0000-0000-000000000000",
}
REGEX_SAMPLES = (
    (re.compile(r"\(\?P<\w+>[^()]*\)"), "1"),
    (re.compile(re.escape(r"((?:[\w\-]+/)*)")), "zz/"),
    (re.compile(re.escape(r"(\d+)")), "1"),
    (re.compile(re.escape("(.*)")), "zz"),
    (re.compile(re.escape(".*")), "zz"),
)


def _sample_path(route: str) -> str:
    path = route
    for pattern, value in REGEX_SAMPLES:
        path = pattern.sub(value, path)
    path = re.sub(
        r"<(?:(\w+):)?\w+>",
        lambda m: CONVERTER_SAMPLES[m.group(1) or "str"],
        path,
    )
    return "/" + path.replace("\\.", ".").replace("^", "").replace("$", "")


def every_pattern_url() -> list[tuple[str, str]]:
    """(view name, URL) for every URL pattern of the project, the admin's included.

    A pattern that an earlier one with the same route hides (Wagtail's own
    ``admin/login/``) is left out: no request can reach it.
    """
    urls = []
    seen_routes = set()
    for route, _name, pattern in _walk(get_resolver().url_patterns):
        path = _sample_path(route)
        match = resolve(path)
        if match.func is not pattern.callback:
            assert route in seen_routes, f"{route}: {path} resolves to {match.route}"
            continue
        seen_routes.add(route)
        urls.append((match.view_name, path))
    return urls


def _rule_urls(world) -> list[tuple[str, str, object]]:
    """The matrix's URLs, naming real objects of other people."""
    urls = []
    for rule in RULES:
        url = rule.url(world)
        urls.append((resolve(url.split("?")[0]).view_name, url, rule))
    return urls


@pytest.fixture(autouse=True)
def _two_step_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


@pytest.fixture
def staff_client(world):
    def signed_in(actor):
        if actor == SUPERUSER:
            user = UserFactory(
                name=SUPERUSER_MARKER[0], email=SUPERUSER_MARKER[1], is_superuser=True
            )
        else:
            user = world.people[actor]
        client = Client()
        client.force_login(user)
        return client

    return signed_in


def _refused(response) -> bool:
    return response.status_code == 302 and response["Location"] == MFA_SETUP_URL


def _refused_post(response) -> bool:
    return response.status_code == 403 and "mfa/setup_required.html" in [
        template.name for template in response.templates
    ]


def _names_others(world, actor, body, *, public=frozenset()) -> list[str]:
    if body is None:
        return []
    named = []
    for person in set(PEOPLE) - {actor} - set(public):
        for marker in world.marker(person):
            if marker in body:
                named.append(person)
    if actor != SUPERUSER and any(marker in body for marker in SUPERUSER_MARKER):
        named.append(SUPERUSER)
    return named


def test_every_url_pattern_gets_a_sample_url_that_reaches_it():
    urls = every_pattern_url()

    assert len(urls) > 300
    assert ("briefings:detail", "/briefings/1/") in urls
    assert ("wagtailadmin_home", "/admin/") in urls


@pytest.mark.parametrize("actor", STAFF_ACTORS)
def test_every_url_pattern_refuses_staff_without_two_step_sign_in_unless_open(
    world, staff_client, actor
):
    client = staff_client(actor)
    problems = []
    for view_name, url in every_pattern_url():
        response = client.get(url)
        if view_name in OPEN_WITHOUT_TWO_STEP:
            if _refused(response):
                problems.append(f"{url} ({view_name}) is open but was refused")
            for person in _names_others(world, actor, _body(response)):
                problems.append(f"{url} ({view_name}) names {person}")
            continue
        if not _refused(response):
            problems.append(f"GET {url} ({view_name}): {response.status_code}")

    assert problems == []


def test_every_url_pattern_refuses_a_post_from_staff_without_two_step_sign_in(
    world, staff_client
):
    # Whether a request is refused does not depend on the role (every role above
    # is refused the same pages), so one role posts, to keep the walk short.
    client = staff_client("partnership_lead")
    problems = [
        f"POST {url} ({view_name}) was not refused"
        for view_name, url in every_pattern_url()
        if view_name not in OPEN_WITHOUT_TWO_STEP
        and not _refused_post(client.post(url))
    ]

    assert problems == []


@pytest.mark.parametrize("actor", STAFF_ACTORS)
def test_open_pages_with_real_records_name_no_one_else_to_staff_without_two_step(
    world, staff_client, actor
):
    client = staff_client(actor)
    problems = []
    for view_name, url, rule in _rule_urls(world):
        response = client.get(url)
        if view_name not in OPEN_WITHOUT_TWO_STEP:
            if not _refused(response):
                problems.append(f"{url} ({view_name}): {response.status_code}")
            continue
        for person in _names_others(world, actor, _body(response), public=rule.public):
            problems.append(f"{url} ({view_name}) names {person}")

    assert problems == []


@pytest.mark.parametrize("actor", STAFF_ACTORS)
def test_staff_without_two_step_sign_in_get_no_briefings_certificates_reports_or_registers(
    world, staff_client, actor
):
    client = staff_client(actor)
    urls = [
        reverse("briefings:index"),
        reverse("briefings:detail", args=[world.delivery.pk]),
        reverse("certificates:download", args=[world.certificate_a.code]),
        reverse("certificates:download", args=[world.certificate_c.code]),
        reverse("certificates:manage_detail", args=[world.certificate_c.code]),
        reverse("reports:people"),
        reverse("reports:person", args=[world.people["learner_a"].pk]),
        reverse("events:register", args=[world.session.pk]),
        reverse("events:board", args=[world.session.pk]),
        reverse("licences:register"),
        reverse("licences:detail", args=[world.licence_a.pk]),
    ]

    answers = {url: client.get(url) for url in urls}

    assert {url: r.status_code for url, r in answers.items()} == dict.fromkeys(
        urls, 302
    )
    assert {r["Location"] for r in answers.values()} == {MFA_SETUP_URL}
    response = client.post(reverse("briefings:record"))
    assert response.status_code == 403
    assert str(MFA_REQUIRED) in response.content.decode().replace("&#x27;", "'")
