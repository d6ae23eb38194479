"""Malformed codes, tokens, slugs and ids in a URL get the answer an unknown one gets.

A NUL byte in a path reached the database, and PostgreSQL refuses NUL in text: the
public verify page and every other route that looks a value up answered 500. Each
route family below is asked for a well-formed value that does not exist and for
malformed ones (NUL and other control characters, over-long, wrong alphabet). A
malformed value gets the unknown value's answer (the same status, page or
redirect) or the site's "page not found", the answer to a path that names nothing:
a path holding a control character is such a path (``MalformedPathMiddleware``),
and some routes only match well-formed values (allauth's keys, numeric ids). Never
a server error, and never a page that says more. Run on SQLite and PostgreSQL.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from modules.factories import module_create

pytestmark = pytest.mark.django_db

# Well-formed values that name nothing: the baseline each malformed value is held to.
UNKNOWN_CODE = "ABCD-EFGH-JKMN"
UNKNOWN_TOKEN = "Zm9yLXRlc3RzLW9ubHktbm90LWEtcmVhbC10b2tlbg"
UNKNOWN_SLUG = "no-such-page"
UNKNOWN_ID = "987654"

MALFORMED = {
    "nul": "%00",
    "nul inside": "ABCD%00EFGH",
    "nul at the end": "ABCD-EFGH-JKMN%00",
    "control characters": "AB%01%1F%7FCD",
    "newline": "AB%0D%0ACD",
    "over-long": "A" * 3000,
    "wrong alphabet": "%E2%80%AE%F0%9F%99%82..%2C;$",
    "broken utf-8": "%FF%FE%00",
}


@dataclass(frozen=True)
class Family:
    name: str
    template: str  # "{}" is where the value goes
    unknown: str
    who: str  # anonymous, learner or partnership_lead


FAMILIES = [
    Family("certificate verify", "/certificates/verify/{}/", UNKNOWN_CODE, "anonymous"),
    Family("certificate download", "/certificates/{}/pdf/", UNKNOWN_CODE, "learner"),
    Family(
        "certificate download, signed out",
        "/certificates/{}/pdf/",
        UNKNOWN_CODE,
        "anonymous",
    ),
    Family(
        "certificate manage",
        "/certificates/manage/{}/",
        UNKNOWN_CODE,
        "partnership_lead",
    ),
    Family(
        "certificate export job",
        "/certificates/manage/exports/{}/",
        UNKNOWN_ID,
        "partnership_lead",
    ),
    Family(
        "certificate export download",
        "/certificates/manage/exports/{}/download/",
        UNKNOWN_ID,
        "partnership_lead",
    ),
    Family("follow-up answer", "/follow-up/{}/", UNKNOWN_TOKEN, "learner"),
    Family(
        "follow-up answer, signed out", "/follow-up/{}/", UNKNOWN_TOKEN, "anonymous"
    ),
    Family("follow-up manager", "/follow-up/manager/{}/", UNKNOWN_TOKEN, "anonymous"),
    Family(
        "email confirmation key",
        "/accounts/confirm-email/{}/",
        UNKNOWN_TOKEN,
        "anonymous",
    ),
    Family(
        "password reset key",
        "/accounts/password/reset/key/1-{}/",
        UNKNOWN_TOKEN,
        "anonymous",
    ),
    Family("review", "/reviews/{}/", UNKNOWN_SLUG, "anonymous"),
    Family("module page", "/modules/{}/", UNKNOWN_SLUG, "learner"),
    Family("site page", "/{}/", UNKNOWN_SLUG, "anonymous"),
    Family("module sub-route", "/modules/{module}/{}/", UNKNOWN_SLUG, "learner"),
    Family("module step", "/modules/{module}/step/{}/", UNKNOWN_ID, "learner"),
    Family("training session", "/training/{}/", UNKNOWN_ID, "learner"),
    Family("booking pass-on", "/training/bookings/{}/pass-on/", UNKNOWN_ID, "learner"),
    Family("briefing", "/briefings/{}/", UNKNOWN_ID, "partnership_lead"),
    Family("licence", "/licences/{}/", UNKNOWN_ID, "partnership_lead"),
    Family("report person", "/reports/people/{}/", UNKNOWN_ID, "partnership_lead"),
    Family(
        "report export job",
        "/reports/export/jobs/{}/download/",
        UNKNOWN_ID,
        "partnership_lead",
    ),
    Family("document", "/documents/{}/file.pdf", UNKNOWN_ID, "learner"),
    Family("document file name", "/documents/1/{}", "file.pdf", "learner"),
    Family(
        "page password",
        "/_util/authenticate_with_password/{}/1/",
        UNKNOWN_ID,
        "anonymous",
    ),
    Family("unknown path", "/no-such-section/{}/", UNKNOWN_SLUG, "anonymous"),
]


def _answer(response) -> dict:
    """What a person sees: status, the page's templates, where a redirect goes."""
    answer = {"status": response.status_code}
    if response.status_code in (301, 302):
        # The redirect keeps the asked-for path in ``next``; only where it goes counts.
        answer["location"] = urlsplit(response["Location"]).path
    else:
        answer["templates"] = [
            t.name for t in getattr(response, "templates", []) if t.name
        ]
    return answer


@pytest.fixture
def module_slug(db):
    return module_create().slug


@pytest.fixture
def ask(client, learner, partnership_lead, module_slug):
    people = {"learner": learner, "partnership_lead": partnership_lead}

    def ask(family: Family, value: str, route: Family | None = None):
        """``value`` in ``route``'s path (``family``'s by default), as ``family.who``."""
        client.logout()
        if family.who != "anonymous":
            client.force_login(people[family.who])
        route = route or family
        path = route.template.replace("{module}", module_slug).format(value)
        return client.get(path)

    return ask


PAGE_NOT_FOUND = Family("nothing", "/no-such-section/{}/", UNKNOWN_SLUG, "")


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_malformed_values_get_the_same_answer_as_an_unknown_one(ask, family):
    unknown = _answer(ask(family, family.unknown))
    not_found = _answer(ask(family, PAGE_NOT_FOUND.unknown, PAGE_NOT_FOUND))
    assert not_found["status"] == 404
    assert "404.html" in not_found["templates"]

    answers = {kind: _answer(ask(family, value)) for kind, value in MALFORMED.items()}

    different = {
        kind: answer
        for kind, answer in answers.items()
        if answer not in (unknown, not_found)
    }
    assert different == {}, f"an unknown value is answered {unknown}"


@pytest.mark.parametrize("value", ["%00", "AB%00CD", "%01", "%1F", "%7F", "%0A"])
def test_a_control_character_in_the_path_gets_the_page_not_found_page(
    client, learner, value
):
    client.force_login(learner)

    response = client.get(f"/certificates/verify/{value}/")

    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == "404.html"
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="/accounts/logout/"' in html  # for the signed-in person, as ever


@pytest.mark.parametrize(
    "path",
    [
        "/certificates/verify/?code=%00",
        "/reports/people/?q=%00",
        "/certificates/manage/?agency=%00&status=%00&page=%00",
        "/training/?page=%00",
        "/?q=a%00b",
    ],
)
def test_a_nul_in_the_query_string_gets_the_page_not_found_page(
    client, partnership_lead, path
):
    client.force_login(partnership_lead)

    response = client.get(path)

    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == "404.html"


def test_tabs_and_line_breaks_in_the_query_string_are_ordinary_text(client, learner):
    client.force_login(learner)

    response = client.get("/modules/?audience=a%09b%0D%0Ac")

    assert response.status_code == 200
