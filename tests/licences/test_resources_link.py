import pytest

pytestmark = pytest.mark.django_db


def test_the_home_page_links_to_the_practitioner_resources(client, resources):
    html = client.get("/").content.decode()

    assert 'href="/resources/"' in html
    assert "Practitioner resources" in html


def test_the_home_page_has_no_resources_link_without_the_index(client):
    html = client.get("/").content.decode()

    assert "Practitioner resources" not in html
