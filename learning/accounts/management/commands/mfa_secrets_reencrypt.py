"""Re-encrypt every authenticator secret with the first key in MFA_ENCRYPTION_KEYS.

Rotating the key: put a new key first in MFA_ENCRYPTION_KEYS, keeping the old one
after it, deploy, run this command, then remove the old key.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from allauth.mfa.models import Authenticator

from learning.accounts.mfa_secrets import authenticator_data_reencrypt


class Command(BaseCommand):
    help = "Re-encrypt authenticator secrets with the first of MFA_ENCRYPTION_KEYS."

    def handle(self, *args, **options):
        count = 0
        with transaction.atomic():
            for authenticator in Authenticator.objects.select_for_update().order_by(
                "pk"
            ):
                authenticator.data = authenticator_data_reencrypt(authenticator.data)
                authenticator.save(update_fields=["data"])
                count += 1
        self.stdout.write(f"Re-encrypted the secrets of {count} authenticators.")
