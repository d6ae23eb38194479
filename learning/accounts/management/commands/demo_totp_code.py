import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt

from learning.accounts.factories import totp_code
from learning.core.demo import DEMO_ACCOUNTS, DEMO_TOTP_SECRET

REFUSED_WITHOUT_DEBUG = (
    "demo_totp_code prints sign-in codes, so it refuses to run when DEBUG is off."
)
NOT_A_DEMO_ACCOUNT = "{email} is not one of the demo accounts."
NO_AUTHENTICATOR = (
    "{email} has no authenticator app. Run `python manage.py load_demo` first."
)


class Command(BaseCommand):
    help = (
        "Print the current two-step sign-in code of a demo staff account "
        "(development only)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "email",
            help="A demo staff account, e.g. lead@example.org, or the demo team "
            "manager.",
        )

    def handle(self, *args, email: str, **options):
        if not settings.DEBUG:
            raise CommandError(REFUSED_WITHOUT_DEBUG)
        email = email.strip().lower()
        authenticator = Authenticator.objects.filter(
            user__email=email, type=Authenticator.Type.TOTP
        ).first()
        secret = decrypt(authenticator.data["secret"]) if authenticator else None
        # The four demo accounts, and any other the demo gave the demo secret (the
        # team manager); never someone else's authenticator.
        if email not in {account[0] for account in DEMO_ACCOUNTS} and (
            secret != DEMO_TOTP_SECRET
        ):
            raise CommandError(NOT_A_DEMO_ACCOUNT.format(email=email))
        if secret is None:
            raise CommandError(NO_AUTHENTICATOR.format(email=email))
        now = time.time()
        period = mfa_settings.TOTP_PERIOD
        code = totp_code(secret, at=now)
        seconds_left = period - int(now) % period
        self.stdout.write(code)
        self.stderr.write(
            f"Valid for {seconds_left} more seconds; each code works once."
        )
