from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from learning.accounts.roles import roles_sync
from learning.briefings.demo import demo_briefings_load
from learning.core.demo import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    demo_accounts_load,
    demo_agencies_load,
    demo_learners_load,
    demo_partnership_settings_load,
    demo_training_load,
)
from learning.followups.demo import demo_followups_load
from learning.licences.demo import demo_licences_load

REFUSED_WITHOUT_DEBUG = (
    "Demo data has known passwords, so load_demo refuses to run when DEBUG is off. "
    "Use --force only on a throwaway copy of the site."
)


class Command(BaseCommand):
    help = (
        "Load invented agencies, the four demo accounts and demo learners (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a real site).",
        )
        parser.add_argument(
            "--learners",
            type=int,
            default=36,
            help="How many invented learners to create (default 36).",
        )

    def handle(self, *args, force: bool, learners: int, **options):
        if not settings.DEBUG and not force:
            raise CommandError(REFUSED_WITHOUT_DEBUG)
        if learners < 0:
            raise CommandError("--learners must be zero or more.")
        demo_partnership_settings_load()
        agencies = demo_agencies_load()
        demo_accounts_load(agencies=agencies)
        new_learners = demo_learners_load(agencies=agencies, count=learners)
        sessions = demo_training_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded: {len(agencies)} agencies, {len(DEMO_ACCOUNTS)} demo "
                f"accounts, {new_learners} new learners, {sessions} new training sessions."
            )
        )
        # Licences come from the demo GCP2 register; briefings use the modules
        # loaded by ``load_modules``; follow-ups come from completions and attendance.
        for summary in (
            demo_licences_load(),
            demo_briefings_load(),
            demo_followups_load(),
        ):
            if summary:
                self.stdout.write(summary)
        # Trainers' page permissions cover index pages the demo has just created.
        roles_sync()
        self.stdout.write("Demo accounts (demo data only), all with the password:")
        self.stdout.write(f"  password: {DEMO_PASSWORD}")
        for email, name, agency, _job, _team, roles in DEMO_ACCOUNTS:
            role = ", ".join(roles) or "Learner"
            self.stdout.write(f"  {email:<26} {name} ({role}, {agency})")
        self.stdout.write(
            "Staff accounts use two-step sign-in; print a demo account's current code "
            "with: python manage.py demo_totp_code EMAIL"
        )
