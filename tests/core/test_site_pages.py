import re

import pytest

from learning.core.models import HomePage, PartnershipSettings, StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/accessibility/", "/privacy/"])
def test_site_pages_created_by_migration_are_served(client, url):
    response = client.get(url)

    assert response.status_code == 200


def test_migration_creates_one_home_page_with_the_two_standard_pages_below_it():
    home = HomePage.objects.get()

    assert home.live
    assert set(StandardPage.objects.child_of(home).values_list("slug", flat=True)) == {
        "accessibility",
        "privacy",
    }


@pytest.mark.parametrize("url", ["/", "/accessibility/", "/privacy/", "/reviews/"])
def test_footer_links_to_the_accessibility_statement_and_privacy_notice(client, url):
    html = client.get(url).content.decode()

    footer = html[html.index('<footer class="govuk-footer"') :]
    assert re.search(r'<a class="govuk-footer__link" href="/accessibility/">', footer)
    assert re.search(r'<a class="govuk-footer__link" href="/privacy/">', footer)
    assert "Accessibility statement" in footer
    assert "Privacy notice" in footer


def test_footer_names_the_partnership_from_its_settings(client):
    partnership = PartnershipSettings.objects.get()

    html = client.get("/").content.decode()

    assert f"Run by {partnership.name}." in html


def test_missing_url_uses_the_custom_404_template(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert "Page not found" in response.content.decode()


def test_missing_url_inside_the_page_tree_uses_the_custom_404_template(client):
    response = client.get("/accessibility/no-such-child/")

    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]


def test_home_page_has_a_skip_link_to_the_main_content(client):
    html = client.get("/").content.decode()

    assert re.search(r'<a href="#main-content" class="govuk-skip-link"', html)
    assert 'id="main-content"' in html
    assert html.index("govuk-skip-link") < html.index("<header")


@pytest.mark.parametrize("url", ["/", "/accessibility/", "/privacy/"])
def test_site_pages_have_exactly_one_h1(client, url):
    html = client.get(url).content.decode()

    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_home_page_declares_british_english(client):
    html = client.get("/").content.decode()

    assert '<html lang="en-GB"' in html


def test_home_page_features_the_review_with_its_counts(client):
    html = client.get("/").content.decode()

    assert 'href="/reviews/chronic-neglect/"' in html
    assert "6 recommendations" in html
    assert "12 learning points" in html


def test_home_page_invites_anonymous_visitors_to_sign_up(client):
    html = client.get("/").content.decode()

    assert 'href="/accounts/signup/"' in html
    assert 'href="/accounts/login/"' in html


def test_home_page_uses_a_bounded_number_of_queries(
    client, learner, django_assert_max_num_queries
):
    with django_assert_max_num_queries(9):
        assert client.get("/").status_code == 200
    client.force_login(learner)
    with django_assert_max_num_queries(12):
        assert client.get("/").status_code == 200


def test_partnership_settings_come_from_the_cache_and_a_save_shows_at_once(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/")
    with CaptureQueriesContext(connection) as second:
        client.get("/")
    assert not [q for q in second if "core_partnershipsettings" in q["sql"]]

    partnership = PartnershipSettings.objects.get()
    partnership.name = "Northbridge Safeguarding Children Partnership"
    partnership.save()

    html = client.get("/").content.decode()
    assert "Run by Northbridge Safeguarding Children Partnership." in html
