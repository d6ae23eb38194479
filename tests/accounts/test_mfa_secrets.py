"""Authenticator secrets are stored encrypted, readable after key rotation, never in
the clear; older plain-text secrets are encrypted by a migration."""

import io
from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.db import connection

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from cryptography.fernet import Fernet

from learning.accounts import checks
from learning.accounts.factories import totp_code, totp_enable
from learning.accounts.mfa_secrets import PREFIX, SecretUnreadable, decrypt, encrypt

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
migration = import_module(
    "learning.accounts.migrations.0003_encrypt_authenticator_secrets"
)


class _Editor:
    """What a RunPython function is given as ``schema_editor``: its connection."""

    connection = connection


def _stored(user, kind=Authenticator.Type.TOTP):
    return Authenticator.objects.get(user=user, type=kind).data


def test_an_authenticator_secret_is_stored_encrypted_and_still_checks_codes(learner):
    totp_enable(learner, secret=SECRET)

    stored = _stored(learner)["secret"]
    assert stored.startswith(PREFIX)
    assert SECRET not in stored
    totp = TOTP(Authenticator.objects.get(user=learner, type=Authenticator.Type.TOTP))
    assert totp.validate_code(totp_code(SECRET))
    wrong = f"{(int(totp_code(SECRET)) + 500_000) % 1_000_000:06d}"
    assert not totp.validate_code(wrong)


def test_recovery_codes_seed_is_stored_encrypted(learner):
    codes = RecoveryCodes.activate(learner)

    stored = _stored(learner, Authenticator.Type.RECOVERY_CODES)["seed"]
    assert stored.startswith(PREFIX)
    assert decrypt(stored) not in stored
    assert len(codes.generate_codes()) == 10


def test_encrypting_twice_gives_different_text_that_reads_back_the_same():
    first, second = encrypt(SECRET), encrypt(SECRET)

    assert first != second
    assert decrypt(first) == decrypt(second) == SECRET


def test_rotating_the_key_keeps_every_authenticator_working(learner, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.MFA_ENCRYPTION_KEYS = [old]
    totp_enable(learner, secret=SECRET)
    RecoveryCodes.activate(learner)
    codes_before = RecoveryCodes(
        Authenticator.objects.get(user=learner, type="recovery_codes")
    ).generate_codes()

    settings.MFA_ENCRYPTION_KEYS = [new, old]
    assert decrypt(_stored(learner)["secret"]) == SECRET
    out = io.StringIO()
    call_command("mfa_secrets_reencrypt", stdout=out)
    assert "Re-encrypted the secrets of 2 authenticators." in out.getvalue()

    settings.MFA_ENCRYPTION_KEYS = [new]
    assert decrypt(_stored(learner)["secret"]) == SECRET
    codes_after = RecoveryCodes(
        Authenticator.objects.get(user=learner, type="recovery_codes")
    ).generate_codes()
    assert codes_after == codes_before


def test_a_secret_under_an_unknown_key_is_a_clear_error(learner, settings):
    settings.MFA_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    totp_enable(learner, secret=SECRET)

    settings.MFA_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(SecretUnreadable, match="MFA_ENCRYPTION_KEYS"):
        decrypt(_stored(learner)["secret"])


def test_the_migration_encrypts_plain_text_secrets_and_can_be_reversed(learner):
    Authenticator.objects.create(
        user=learner, type=Authenticator.Type.TOTP, data={"secret": SECRET}
    )
    Authenticator.objects.create(
        user=learner,
        type=Authenticator.Type.RECOVERY_CODES,
        data={"seed": "ab" * 40, "used_mask": 0, "migrated_codes": ["12345678"]},
    )
    assert decrypt(SECRET) == SECRET  # plain text still reads before migrating

    migration.encrypt_secrets(apps, _Editor())

    totp, codes = _stored(learner), _stored(learner, "recovery_codes")
    assert totp["secret"].startswith(PREFIX) and decrypt(totp["secret"]) == SECRET
    assert codes["seed"].startswith(PREFIX) and decrypt(codes["seed"]) == "ab" * 40
    assert decrypt(codes["migrated_codes"][0]) == "12345678"
    assert codes["used_mask"] == 0

    migration.decrypt_secrets(apps, _Editor())

    assert _stored(learner) == {"secret": SECRET}
    assert _stored(learner, "recovery_codes")["migrated_codes"] == ["12345678"]


def test_production_warns_when_the_key_is_derived_from_secret_key(settings):
    settings.MFA_ENCRYPTION_KEYS = []
    assert [m.id for m in checks.mfa_encryption_keys_set_check(None)] == [
        "accounts.W001"
    ]

    settings.MFA_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    assert checks.mfa_encryption_keys_set_check(None) == []
    assert checks.mfa_encryption_keys_valid_check(None) == []


def test_a_key_that_is_not_a_fernet_key_is_a_configuration_error(settings):
    settings.MFA_ENCRYPTION_KEYS = ["not-a-key"]

    assert [m.id for m in checks.mfa_encryption_keys_valid_check(None)] == [
        "accounts.E001"
    ]
