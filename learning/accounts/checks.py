"""System checks for account security settings."""

from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

from .mfa_secrets import cipher, configured_keys

MFA_KEYS_DERIVED = Warning(
    "MFA_ENCRYPTION_KEYS is not set, so authenticator secrets are encrypted with a "
    "key derived from SECRET_KEY: changing SECRET_KEY would lock every authenticator "
    "app and recovery code out.",
    hint="Set MFA_ENCRYPTION_KEYS to a Fernet key (see .env.example).",
    id="accounts.W001",
)


@register(Tags.security)
def mfa_encryption_keys_valid_check(app_configs, **kwargs):
    try:
        cipher()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="accounts.E001")]
    return []


@register(Tags.security, deploy=True)
def mfa_encryption_keys_set_check(app_configs, **kwargs):
    return [] if configured_keys() else [MFA_KEYS_DERIVED]
