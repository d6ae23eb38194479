"""The public verify page's rate limit counts the client, not the proxy in front.

Behind the reverse proxy the README asks for, every request arrives from the
proxy's address; the limit keyed on ``REMOTE_ADDR`` made everyone share one
allowance. The limit now uses the client address that sign-in's rate limits use
(``learning.accounts.security.client_ip``: from ``X-Forwarded-For`` only behind
``TRUSTED_PROXY_COUNT`` proxies), so a header a client forges buys nothing.
"""

import pytest

from certificates.models import new_certificate_code

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"
LIMIT = 3


@pytest.fixture
def verify_limit(settings):
    # A long window, so that a test never straddles two windows.
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = (LIMIT, 3600)


def verify(client, **headers):
    return client.get(
        f"/certificates/verify/{new_certificate_code()}/",
        REMOTE_ADDR=PROXY,
        **headers,
    ).status_code


def test_two_clients_behind_the_trusted_proxy_get_separate_verify_limits(
    client, settings, verify_limit
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    second = {"HTTP_X_FORWARDED_FOR": "198.51.100.23"}

    answers_to_first = [verify(client, **first) for _ in range(LIMIT + 1)]
    answers_to_second = [verify(client, **second) for _ in range(LIMIT)]

    assert answers_to_first == [404] * LIMIT + [429]
    assert answers_to_second == [404] * LIMIT


def test_a_client_forging_x_forwarded_for_behind_the_proxy_shares_its_own_limit(
    client, settings, verify_limit
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # The client sends made-up addresses; the proxy appends the one it saw.
    forged = [
        {"HTTP_X_FORWARDED_FOR": f"192.0.2.{n}, 203.0.113.7"} for n in range(LIMIT + 1)
    ]

    answers = [verify(client, **headers) for headers in forged]

    assert answers == [404] * LIMIT + [429]


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(
    client, settings, verify_limit
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    forged = [{"HTTP_X_FORWARDED_FOR": f"192.0.2.{n}"} for n in range(LIMIT + 1)]

    answers = [verify(client, **headers) for headers in forged]

    assert answers == [404] * LIMIT + [429]


def test_without_a_trusted_proxy_each_connecting_address_has_its_own_limit(
    client, settings, verify_limit
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0

    answers = [verify(client) for _ in range(LIMIT + 1)]
    other = client.get(
        f"/certificates/verify/{new_certificate_code()}/", REMOTE_ADDR="10.9.9.9"
    ).status_code

    assert answers == [404] * LIMIT + [429]
    assert other == 404
