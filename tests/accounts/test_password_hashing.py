"""Passwords are stored with Argon2id at OWASP's recommended cost; older hashes upgrade.

The test settings use a fast MD5 hasher for speed, so these tests put back the
production list of hashers from ``learning.settings.base``.
"""

from django.contrib.auth.hashers import make_password

import pytest
from argon2 import Type as Argon2Type
from argon2 import extract_parameters

from learning.settings import base

from .conftest import signed_in_user_id

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"


@pytest.fixture
def production_hashers(settings):
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    return settings.PASSWORD_HASHERS


def _argon2_parameters(encoded):
    algorithm, _, rest = encoded.partition("$")
    assert algorithm == "argon2", encoded
    return extract_parameters("$" + rest)


def test_a_new_password_is_stored_with_argon2id_at_owasps_cost(
    production_hashers, learner
):
    learner.set_password("a long and new passphrase 2026")
    learner.save()

    learner.refresh_from_db()
    parameters = _argon2_parameters(learner.password)
    assert parameters.type is Argon2Type.ID
    assert parameters.memory_cost == 19 * 1024
    assert parameters.time_cost == 2
    assert parameters.parallelism == 1
    assert learner.check_password("a long and new passphrase 2026")
    assert not learner.check_password("a long and new passphrase 2025")


def test_an_older_pbkdf2_password_still_signs_in_and_is_rehashed(
    production_hashers, client, learner
):
    learner.password = make_password("an older passphrase", hasher="pbkdf2_sha256")
    learner.save(update_fields=["password"])

    response = client.post(
        LOGIN_URL, {"login": learner.email, "password": "an older passphrase"}
    )

    assert response.status_code == 302
    assert signed_in_user_id(client) == learner.pk
    learner.refresh_from_db()
    assert learner.password.startswith("argon2$argon2id$")
    assert _argon2_parameters(learner.password).memory_cost == 19 * 1024


def test_a_wrong_password_leaves_an_older_hash_as_it_was(
    production_hashers, client, learner
):
    older = make_password("an older passphrase", hasher="pbkdf2_sha256")
    learner.password = older
    learner.save(update_fields=["password"])

    client.post(LOGIN_URL, {"login": learner.email, "password": "not the passphrase"})

    assert signed_in_user_id(client) is None
    learner.refresh_from_db()
    assert learner.password == older
