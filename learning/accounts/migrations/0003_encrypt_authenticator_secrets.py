"""Encrypt the authenticator secrets stored in the clear before MfaAdapter encrypted
them (see learning/accounts/mfa_secrets.py). Reversible: going back decrypts them."""

from django.db import migrations


def encrypt_secrets(apps, schema_editor):
    from learning.accounts.mfa_secrets import authenticator_data_reencrypt

    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.using(schema_editor.connection.alias):
        data = authenticator_data_reencrypt(authenticator.data)
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


def decrypt_secrets(apps, schema_editor):
    from learning.accounts.mfa_secrets import decrypt

    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.using(schema_editor.connection.alias):
        data = dict(authenticator.data)
        for name in ("secret", "seed"):
            if isinstance(data.get(name), str):
                data[name] = decrypt(data[name])
        if isinstance(data.get("migrated_codes"), list):
            data["migrated_codes"] = [decrypt(code) for code in data["migrated_codes"]]
        authenticator.data = data
        authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_email_domain_field"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, decrypt_secrets)]
