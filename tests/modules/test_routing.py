"""Module URLs are routed with one query for the module (ModuleIndexPage.route)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

pytestmark = pytest.mark.django_db


def test_a_module_and_its_subpages_are_served(client, learner, module):
    client.force_login(learner)

    assert client.get(module.url).status_code == 200
    assert client.get(module.url + "start/").status_code == 200


def test_an_unknown_module_or_subpage_is_not_found(client, learner, module):
    client.force_login(learner)

    assert client.get("/modules/no-such-module/").status_code == 404
    assert client.get("/modules/no-such-module/start/").status_code == 404
    assert client.get(module.url + "no-such-route/").status_code == 404


def test_an_unpublished_module_is_not_found(client, learner, module):
    module.unpublish()
    client.force_login(learner)

    assert client.get(module.url).status_code == 404
    assert client.get(module.url + "start/").status_code == 404


def test_a_module_is_found_with_one_page_query_below_the_index(client, learner, module):
    client.force_login(learner)
    client.get(module.url)

    with CaptureQueriesContext(connection) as queries:
        client.get(module.url)

    # Wagtail's own routing looks the slug up in wagtailcore_page, then fetches the
    # module again by id; here a single query on modules_modulepage finds it.
    by_slug = [q["sql"] for q in queries if f"'{module.slug}'" in q["sql"]]
    assert len(by_slug) == 1, by_slug
    assert 'FROM "modules_modulepage"' in by_slug[0]
