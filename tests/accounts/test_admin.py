from django.urls import reverse
from django.utils.html import escape

import pytest

from learning.accounts.models import Agency, AgencyEmailDomain, AgencyKind

pytestmark = pytest.mark.django_db

ADMIN_URL = "/admin/"


def _agency_url(action):
    return reverse(Agency.snippet_viewset.get_url_name(action))


def _agency_form(*, name, domains):
    data = {
        "name": name,
        "kind": AgencyKind.POLICE,
        "frontline_headcount": "120",
        "is_active": "on",
        "email_domains-TOTAL_FORMS": str(len(domains)),
        "email_domains-INITIAL_FORMS": "0",
        "email_domains-MIN_NUM_FORMS": "0",
        "email_domains-MAX_NUM_FORMS": "1000",
    }
    for index, domain in enumerate(domains):
        data[f"email_domains-{index}-domain"] = domain
        data[f"email_domains-{index}-id"] = ""
        data[f"email_domains-{index}-DELETE"] = ""
    return data


def _follow_redirects(client, url, *, limit=5):
    """Follow redirects by hand, failing clearly on a loop, and return the chain."""
    chain = [url]
    response = client.get(url)
    while response.status_code in (301, 302) and len(chain) <= limit:
        url = response["Location"]
        assert url not in chain, f"Redirect loop: {' -> '.join([*chain, url])}"
        chain.append(url)
        response = client.get(url)
    return response, chain


def _is_admin_dashboard(response):
    return "wagtailadmin/home.html" in [t.name for t in response.templates or []]


def test_anonymous_admin_request_goes_to_the_allauth_sign_in_page(client):
    response = client.get(ADMIN_URL, follow=True)

    assert response.redirect_chain[-1][0] == "/accounts/login/?next=/admin/"
    assert "account/login.html" in [t.name for t in response.templates]
    assert "wagtailadmin/login.html" not in [t.name for t in response.templates]


def test_wagtails_own_login_form_hands_over_to_allauth(client):
    response = client.get("/admin/login/", follow=True)

    assert response.redirect_chain[-1][0] == "/accounts/login/?next=/admin/"
    assert "wagtailadmin/login.html" not in [t.name for t in response.templates]


def test_admin_login_refuses_off_site_next_urls(client, trainer):
    client.force_login(trainer)
    response = client.get("/accounts/admin-login/?next=https://evil.example.com/")
    assert response["Location"] == "/admin/"


def test_learner_is_never_shown_the_admin_dashboard(client, learner):
    client.force_login(learner)

    response = client.get(ADMIN_URL)

    assert response.status_code in (302, 403)
    assert not _is_admin_dashboard(response)


def test_learner_asking_for_the_admin_is_turned_away_without_a_redirect_loop(
    client, learner
):
    client.force_login(learner)

    response, chain = _follow_redirects(client, ADMIN_URL)

    assert response.status_code in (200, 403), chain
    assert not _is_admin_dashboard(response)


@pytest.mark.parametrize("person", ["trainer", "agency_lead", "partnership_lead"])
def test_staff_roles_can_open_the_admin_dashboard(client, request, person):
    client.force_login(request.getfixturevalue(person))

    response = client.get(ADMIN_URL)

    assert response.status_code == 200
    assert _is_admin_dashboard(response)


def test_partnership_lead_sees_the_agency_listing(client, partnership_lead, agency):
    client.force_login(partnership_lead)

    response = client.get(_agency_url("list"))

    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/admin/snippets/accounts/agency/"
    assert escape(agency.name) in response.content.decode()


def test_partnership_lead_adds_an_agency_with_an_email_domain(client, partnership_lead):
    client.force_login(partnership_lead)

    response = client.post(
        _agency_url("add"),
        _agency_form(name="Regional Police", domains=["police.example.org"]),
    )

    assert response.status_code == 302
    agency = Agency.objects.get(name="Regional Police")
    assert agency.kind == AgencyKind.POLICE
    assert agency.frontline_headcount == 120
    assert agency.is_active
    assert list(agency.email_domains.values_list("domain", flat=True)) == [
        "police.example.org"
    ]


def test_agency_email_domain_is_normalised_when_added_in_the_admin(
    client, partnership_lead
):
    client.force_login(partnership_lead)

    response = client.post(
        _agency_url("add"),
        _agency_form(name="Example Agency", domains=["@Example.ORG "]),
    )

    if response.status_code == 200:
        form = response.context["form"]
        pytest.fail(
            f"Domain refused: {form.errors} {form.formsets['email_domains'].errors}"
        )
    assert list(
        AgencyEmailDomain.objects.filter(agency__name="Example Agency").values_list(
            "domain", flat=True
        )
    ) == ["example.org"]


@pytest.mark.parametrize("person", ["trainer", "agency_lead"])
def test_other_staff_roles_cannot_add_agencies(client, request, person):
    client.force_login(request.getfixturevalue(person))

    page = client.get(_agency_url("add"))
    response = client.post(
        _agency_url("add"),
        _agency_form(name="Sneaky Agency", domains=["sneaky.example.org"]),
    )

    assert page.status_code in (302, 403)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == ADMIN_URL
    assert not Agency.objects.filter(name="Sneaky Agency").exists()


def test_learner_cannot_add_agencies(client, learner):
    client.force_login(learner)

    response = client.post(
        _agency_url("add"),
        _agency_form(name="Sneaky Agency", domains=["sneaky.example.org"]),
    )

    assert response.status_code in (302, 403)
    assert not Agency.objects.filter(name="Sneaky Agency").exists()
