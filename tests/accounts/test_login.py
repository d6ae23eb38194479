from django.core import mail
from django.test import Client

import pytest
from allauth.account.adapter import DefaultAccountAdapter

from learning.accounts.models import User

from .conftest import confirmation_path, signed_in_user_id

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"
TOO_MANY_ATTEMPTS = DefaultAccountAdapter.error_messages["too_many_login_attempts"]
WRONG_PASSWORD = DefaultAccountAdapter.error_messages["email_password_mismatch"]
# ACCOUNT_RATE_LIMITS["login_failed"] allows 5 failures per account in 5 minutes.
FAILURES_ALLOWED = 5


def _sign_in(client, email, password):
    return client.post(LOGIN_URL, {"login": email, "password": password})


def _non_field_errors(response):
    return [str(error) for error in response.context["form"].non_field_errors()]


def test_verified_user_signs_in_with_the_right_password(client, learner, password):
    response = _sign_in(client, learner.email, password)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert signed_in_user_id(client) == learner.pk


def test_email_is_matched_whatever_its_case_at_sign_in(client, learner, password):
    _sign_in(client, learner.email.upper(), password)

    assert signed_in_user_id(client) == learner.pk


def test_wrong_password_is_refused_with_allauths_message(client, learner):
    response = _sign_in(client, learner.email, "not-the-password")

    assert response.status_code == 200
    assert _non_field_errors(response) == [str(WRONG_PASSWORD)]
    assert signed_in_user_id(client) is None


def test_sign_in_before_verification_is_sent_to_the_verification_page(
    client, signup_data
):
    client.post("/accounts/signup/", signup_data)
    other_browser = Client()

    response = _sign_in(other_browser, signup_data["email"], signup_data["password1"])

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert signed_in_user_id(other_browser) is None


def test_sign_in_works_after_the_email_is_verified(client, signup_data):
    client.post("/accounts/signup/", signup_data)
    Client().post(confirmation_path(mail.outbox[0]))
    other_browser = Client()

    response = _sign_in(other_browser, signup_data["email"], signup_data["password1"])

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert signed_in_user_id(other_browser) == User.objects.get().pk


def test_repeated_failures_lock_the_account_even_for_the_right_password(
    client, learner, password
):
    for _attempt in range(FAILURES_ALLOWED):
        response = _sign_in(client, learner.email, "not-the-password")
        assert _non_field_errors(response) == [str(WRONG_PASSWORD)]

    response = _sign_in(client, learner.email, password)

    assert response.status_code == 200
    assert _non_field_errors(response) == [str(TOO_MANY_ATTEMPTS)]
    assert signed_in_user_id(client) is None


def test_lock_applies_to_the_account_from_another_browser_too(
    client, learner, password
):
    for _attempt in range(FAILURES_ALLOWED):
        _sign_in(client, learner.email, "not-the-password")

    response = _sign_in(Client(), learner.email, password)

    assert _non_field_errors(response) == [str(TOO_MANY_ATTEMPTS)]


def test_failures_below_the_limit_do_not_lock_the_account(client, learner, password):
    for _attempt in range(FAILURES_ALLOWED - 1):
        _sign_in(client, learner.email, "not-the-password")

    response = _sign_in(client, learner.email, password)

    assert response.status_code == 302
    assert signed_in_user_id(client) == learner.pk


def test_locking_one_account_leaves_other_accounts_able_to_sign_in(
    client, learner, other_learner, password
):
    for _attempt in range(FAILURES_ALLOWED):
        _sign_in(client, learner.email, "not-the-password")

    response = _sign_in(client, other_learner.email, password)

    assert response.status_code == 302
    assert signed_in_user_id(client) == other_learner.pk


# ------------------------------------------------------------ the security log


def _failed_login_records(caplog):
    return [r for r in caplog.records if getattr(r, "event", "") == "login_failed"]


def test_failed_sign_in_log_keeps_no_clear_email_but_a_stable_hash_of_it(
    client, learner, caplog
):
    import logging

    with caplog.at_level(logging.INFO, logger="learning.security"):
        _sign_in(client, learner.email, "not-the-password-1")
        _sign_in(Client(), learner.email.upper(), "not-the-password-2")
        _sign_in(Client(), "someone.else@council.example.org", "not-the-password-3")

    first, second, other = _failed_login_records(caplog)
    local_part = learner.email.split("@")[0]
    for record in (first, second, other):
        text = f"{record.getMessage()} {record.__dict__}".lower()
        assert local_part not in text
        assert "someone.else" not in text
        assert not hasattr(record, "login")
    assert len(first.login_hash) == 64
    assert first.login_hash == second.login_hash
    assert other.login_hash != first.login_hash


def test_the_failed_sign_in_hash_is_keyed_with_the_secret_key(
    client, learner, caplog, settings
):
    import hashlib
    import logging

    with caplog.at_level(logging.INFO, logger="learning.security"):
        _sign_in(client, learner.email, "not-the-password-1")
        settings.SECRET_KEY = "another-test-only-key"
        _sign_in(Client(), learner.email, "not-the-password-2")

    first, second = _failed_login_records(caplog)
    assert first.login_hash != second.login_hash
    assert first.login_hash != hashlib.sha256(learner.email.encode()).hexdigest()
