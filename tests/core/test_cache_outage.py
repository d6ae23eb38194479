"""A Redis outage must not take the site down (issue 14, item 6).

Each test runs the site against a private ``redis-server`` of its own, on a free
loopback port (never the machine's shared Redis), with the cache and session settings
that ``learning.settings.base`` builds from ``REDIS_URL``. The test then kills it,
freezes it (SIGSTOP) or shuts it down keeping its data and starts it again, as a
failing or restarted Redis would behave in production.
"""

import json
import os
import time

from django.contrib.auth.models import Group

import pytest
import time_machine
from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter

from learning.accounts.factories import totp_code, totp_enable
from learning.accounts.models import User
from learning.accounts.roles import Role

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"
MFA_AUTHENTICATE_URL = "/accounts/2fa/authenticate/"
INCORRECT_CODE = DefaultMFAAdapter.error_messages["incorrect_code"]
SIGNED_IN_PAGE = "/my-learning/"
TOO_MANY_ATTEMPTS = DefaultAccountAdapter.error_messages["too_many_login_attempts"]
# ACCOUNT_RATE_LIMITS["login_failed"] allows 5 failures per account in 5 minutes.
FAILURES_ALLOWED = 5
REPORTS = "accounts.view_own_agency_reports"
# What the issue asks of each request while Redis is frozen, and of /healthz always.
REQUEST_SECONDS = 1.0
# The longest a process may take to use Redis again once it is back.
RECOVERY_SECONDS = 15


def _timed_get(client, path):
    started = time.monotonic()
    response = client.get(path)
    return response, time.monotonic() - started


def _sign_in(client, email, password):
    return client.post(LOGIN_URL, {"login": email, "password": password})


def _non_field_errors(response):
    return [str(error) for error in response.context["form"].non_field_errors()]


def _wait_until_the_cache_is_ok_again(client):
    deadline = time.monotonic() + RECOVERY_SECONDS
    while time.monotonic() < deadline:
        if client.get("/healthz").json()["cache"] == "ok":
            return
        time.sleep(0.2)
    raise AssertionError("The site did not use Redis again after it came back.")


def _fresh(user):
    return User.objects.get(pk=user.pk)


def test_sign_in_page_answers_while_redis_is_down(client, site_on_redis):
    site_on_redis.kill()

    response = client.get(LOGIN_URL)

    assert response.status_code == 200


def test_signed_in_page_answers_while_redis_is_down(client, learner, site_on_redis):
    client.force_login(learner)
    assert client.get(SIGNED_IN_PAGE).status_code == 200
    site_on_redis.kill()

    response = client.get(SIGNED_IN_PAGE)

    assert response.status_code == 200
    assert response.context["user"] == learner


def test_people_sign_in_while_redis_is_down(client, learner, password, site_on_redis):
    site_on_redis.kill()

    response = _sign_in(client, learner.email, password)
    page = client.get(SIGNED_IN_PAGE)

    assert response.status_code == 302
    assert page.status_code == 200
    assert page.context["user"] == learner


def test_healthz_answers_200_saying_the_cache_is_degraded_while_redis_is_down(
    client, site_on_redis
):
    site_on_redis.kill()

    response, seconds = _timed_get(client, "/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "degraded"}
    assert seconds < REQUEST_SECONDS


def test_sign_in_lock_out_still_locks_while_redis_is_down(
    client, learner, password, site_on_redis
):
    site_on_redis.kill()

    for _attempt in range(FAILURES_ALLOWED):
        response = _sign_in(client, learner.email, "not-the-password")
        assert response.status_code == 200
    response = _sign_in(client, learner.email, password)

    assert response.status_code == 200
    assert _non_field_errors(response) == [str(TOO_MANY_ATTEMPTS)]
    assert client.get(SIGNED_IN_PAGE).status_code == 302


def test_certificate_check_rate_limit_still_counts_while_redis_is_down(
    client, settings, site_on_redis
):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = (3, 60)
    site_on_redis.kill()

    answers = [
        client.get("/certificates/verify/NO-SUCH-CODE/").status_code for _ in range(4)
    ]

    assert answers == [404, 404, 404, 429]


def test_each_request_finishes_within_a_second_while_redis_is_frozen(
    client, learner, site_on_redis
):
    signed_in = type(client)()
    signed_in.force_login(learner)
    site_on_redis.freeze()

    timings = {}
    for name, browser, path in [
        ("sign-in page", client, LOGIN_URL),
        ("signed-in page", signed_in, SIGNED_IN_PAGE),
        ("healthz", client, "/healthz"),
        ("sign-in page again", client, LOGIN_URL),
    ]:
        response, timings[name] = _timed_get(browser, path)
        assert response.status_code == 200, name

    assert max(timings.values()) < REQUEST_SECONDS, timings
    assert client.get("/healthz").json()["cache"] == "degraded"


def test_sign_in_lock_out_still_locks_while_redis_is_frozen(
    client, learner, password, site_on_redis
):
    site_on_redis.freeze()

    for _attempt in range(FAILURES_ALLOWED):
        _sign_in(client, learner.email, "not-the-password")
    started = time.monotonic()
    response = _sign_in(client, learner.email, password)
    seconds = time.monotonic() - started

    assert _non_field_errors(response) == [str(TOO_MANY_ATTEMPTS)]
    assert seconds < REQUEST_SECONDS


def test_the_cache_is_used_again_after_redis_restarts(client, learner, site_on_redis):
    site_on_redis.kill()
    client.force_login(learner)
    assert client.get("/healthz").json()["cache"] == "degraded"

    site_on_redis.start()
    _wait_until_the_cache_is_ok_again(client)
    response = client.get(SIGNED_IN_PAGE)

    assert response.status_code == 200
    session_key = client.cookies["sessionid"].value
    stored = [key.decode() for key in site_on_redis.client().keys("*")]
    assert any(key.endswith(session_key) for key in stored), stored


def test_a_role_removed_during_an_outage_is_not_restored_by_redis_coming_back(
    client, agency_lead, site_on_redis
):
    assert _fresh(agency_lead).has_perm(REPORTS)  # cached in Redis
    site_on_redis.shut_down_keeping_data()

    agency_lead.groups.remove(Group.objects.get(name=Role.AGENCY_LEADS))
    assert not _fresh(agency_lead).has_perm(REPORTS)
    site_on_redis.start()
    _wait_until_the_cache_is_ok_again(client)

    assert not _fresh(agency_lead).has_perm(REPORTS)


def test_a_sign_out_during_an_outage_is_not_undone_by_redis_coming_back(
    client, learner, site_on_redis
):
    client.force_login(learner)
    assert client.get(SIGNED_IN_PAGE).status_code == 200  # the session, in Redis
    session_cookie = client.cookies["sessionid"].value
    site_on_redis.shut_down_keeping_data()

    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    site_on_redis.start()
    _wait_until_the_cache_is_ok_again(client)
    client.cookies["sessionid"] = session_cookie
    page = client.get(SIGNED_IN_PAGE)

    assert page.status_code == 302
    assert page["Location"].startswith(LOGIN_URL)


@pytest.fixture
def failover_broken_too(site_on_redis, settings):
    """Redis down and the database cache it falls back on without its table."""
    caches = json.loads(json.dumps(settings.CACHES))
    caches["database"]["LOCATION"] = "no_such_cache_table"
    settings.CACHES = caches
    site_on_redis.kill()
    return site_on_redis


def test_own_rate_limits_refuse_when_neither_redis_nor_its_failover_can_count(
    failover_broken_too,
):
    from learning.core.ratelimit import rate_limit_hit

    hits = [
        rate_limit_hit(key="verify:192.0.2.1", limit=30, window_seconds=60)
        for _ in range(2)
    ]

    assert hits == [True, True]


def test_sign_in_is_refused_with_a_clear_message_when_nothing_can_count_failures(
    client, learner, password, failover_broken_too
):
    response = _sign_in(client, learner.email, password)

    # allauth cannot take its rate-limit lock, so it answers with the 429 page.
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert client.get(SIGNED_IN_PAGE).status_code == 302


def test_a_forked_worker_does_not_inherit_an_open_circuit_without_its_watcher(
    private_redis,
):
    from learning.core.cache import ResilientRedisCache, reset_circuits

    backend = ResilientRedisCache(private_redis.url, {})
    private_redis.kill()
    backend.get("anything")
    assert backend.degraded
    try:
        pid = os.fork()
        if pid == 0:  # the child: its own view of Redis, found out afresh
            os._exit(0 if not backend.degraded else 1)
        _pid, status = os.waitpid(pid, 0)
    finally:
        reset_circuits()

    assert os.waitstatus_to_exitcode(status) == 0
    assert backend.degraded  # the parent still knows


def test_two_step_sign_in_works_while_redis_is_down_and_each_code_still_works_once(
    client, trainer, password, settings, site_on_redis
):
    settings.MFA_REQUIRED_FOR_STAFF = True
    secret = totp_enable(trainer)
    site_on_redis.kill()
    # The clock stopped 5 seconds into a code's period, as in tests/accounts/test_mfa.py.
    now = int(time.time()) // 30 * 30 + 5
    with time_machine.travel(now, tick=False):
        first = _sign_in(client, trainer.email, password)
        assert first.status_code == 302, first.context["form"].errors
        assert first["Location"] == MFA_AUTHENTICATE_URL
        signed_in = client.post(MFA_AUTHENTICATE_URL, {"code": totp_code(secret)})
        other_browser = type(client)()
        _sign_in(other_browser, trainer.email, password)
        replayed = other_browser.post(MFA_AUTHENTICATE_URL, {"code": totp_code(secret)})

    assert signed_in.status_code == 302
    assert client.get(SIGNED_IN_PAGE).context["user"] == trainer
    assert [str(e) for e in replayed.context["form"].errors["code"]] == [
        str(INCORRECT_CODE)
    ]
