"""Authenticator secrets are encrypted in the database.

allauth stores each authenticator app's TOTP secret and the seed of each person's
recovery codes in ``Authenticator.data``, in the clear unless its MFA adapter
encrypts them (``MfaAdapter.encrypt`` / ``decrypt`` call these functions). A copy of
the database alone (a backup, a replica, a leaked dump) then gives nobody the second
factor.

Fernet (AES-128-CBC with HMAC-SHA256, from ``cryptography``) with the keys in
``MFA_ENCRYPTION_KEYS``: the first encrypts, all of them decrypt, so a key is rotated
by putting a new one first and running ``manage.py mfa_secrets_reencrypt``. Without
configured keys, one key is derived from ``SECRET_KEY`` (HKDF-SHA256); production
warns about that (``accounts.W001``), because changing ``SECRET_KEY`` would then lock
every authenticator out.

Values are marked with a prefix, so that secrets stored before encryption (plain
text) are still read; migration 0003 encrypts them.
"""

import base64
import functools

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

PREFIX = "fernet:"
_DERIVATION_INFO = b"learning.accounts.mfa-secrets"


class SecretUnreadable(ImproperlyConfigured):
    """A stored secret cannot be decrypted with any configured key."""


def configured_keys() -> list[str]:
    return [key.strip() for key in getattr(settings, "MFA_ENCRYPTION_KEYS", []) if key]


def _derived_key(secret_key: str) -> bytes:
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=_DERIVATION_INFO
    ).derive(secret_key.encode())
    return base64.urlsafe_b64encode(derived)


@functools.lru_cache(maxsize=8)
def _cipher(keys: tuple[str, ...], secret_key: str) -> MultiFernet:
    if not keys:
        return MultiFernet([Fernet(_derived_key(secret_key))])
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as exc:
        raise ImproperlyConfigured(
            "MFA_ENCRYPTION_KEYS must be Fernet keys (32 url-safe base64-encoded "
            'bytes each; make one with `python -c "from cryptography.fernet import '
            'Fernet; print(Fernet.generate_key().decode())"`).'
        ) from exc


def cipher() -> MultiFernet:
    return _cipher(tuple(configured_keys()), settings.SECRET_KEY)


def is_encrypted(value: str) -> bool:
    return value.startswith(PREFIX)


def encrypt(text: str) -> str:
    return PREFIX + cipher().encrypt(text.encode()).decode("ascii")


def decrypt(value: str) -> str:
    if not is_encrypted(value):
        return value  # Stored before secrets were encrypted.
    try:
        return cipher().decrypt(value[len(PREFIX) :].encode("ascii")).decode()
    except InvalidToken as exc:
        raise SecretUnreadable(
            "An authenticator secret cannot be decrypted with MFA_ENCRYPTION_KEYS "
            "(or, without them, with the key derived from SECRET_KEY). Put the key "
            "it was encrypted with back in MFA_ENCRYPTION_KEYS."
        ) from exc


def reencrypt(value: str) -> str:
    """``value`` encrypted with the current first key (plain text is encrypted)."""
    return encrypt(decrypt(value))


def authenticator_data_reencrypt(data: dict) -> dict:
    """A copy of ``Authenticator.data`` with every secret in it (re-)encrypted."""
    data = dict(data)
    for name in ("secret", "seed"):
        if isinstance(data.get(name), str):
            data[name] = reencrypt(data[name])
    if isinstance(data.get("migrated_codes"), list):
        data["migrated_codes"] = [reencrypt(code) for code in data["migrated_codes"]]
    return data
