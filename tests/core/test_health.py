"""/healthz: database and cache reachability for load balancers."""

import json

from django.db import OperationalError, connection

import pytest

from learning.core.health import FAILOVER_TABLE_MISSING, production_readiness

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


def test_healthz_reports_database_and_cache_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_healthz_sets_no_cookie_and_needs_no_sign_in(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert not response.cookies
    assert "_auth_user_id" not in client.session


def test_healthz_answers_503_naming_the_cache_when_a_cache_that_cannot_degrade_fails(
    client, settings
):
    # Django's own RedisCache raises; the site's (learning.core.cache) degrades, and
    # test_cache_outage.py shows /healthz answering 200 "degraded" with it.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": UNREACHABLE_REDIS,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}


def test_healthz_answers_503_naming_the_database_when_queries_fail(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "unavailable", "cache": "ok"}


def test_healthz_is_served_over_plain_http_when_everything_else_redirects(
    client, settings
):
    settings.SECURE_SSL_REDIRECT = True

    health = client.get("/healthz")
    home = client.get("/")

    assert health.status_code == 200
    assert home.status_code == 301
    assert home["Location"].startswith("https://")


def test_healthz_refuses_post(client):
    response = client.post("/healthz")

    assert response.status_code == 405


def test_check_prod_is_ready_with_redis_and_its_failover_table(site_on_redis):
    ready, lines = production_readiness()

    assert ready
    assert lines == ["database: ok, cache: ok", "failover cache: ok"]


def test_check_prod_refuses_a_degraded_cache_although_healthz_answers_200(
    client, site_on_redis
):
    site_on_redis.kill()

    ready, lines = production_readiness()

    assert not ready
    assert lines[0] == "database: ok, cache: degraded"
    assert client.get("/healthz").status_code == 200


def test_check_prod_refuses_a_missing_failover_cache_table(site_on_redis, settings):
    caches = json.loads(json.dumps(settings.CACHES))
    caches["database"]["LOCATION"] = "no_such_cache_table"
    settings.CACHES = caches

    ready, lines = production_readiness()

    assert not ready
    assert lines == [
        "database: ok, cache: ok",
        "failover cache: unavailable",
        FAILOVER_TABLE_MISSING,
    ]
