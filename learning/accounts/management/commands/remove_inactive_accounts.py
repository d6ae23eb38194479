from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import F

from learning.accounts.privacy import (
    ErasureReason,
    account_erase,
    accounts_inactive_since,
    retention_cutoff,
)


class Command(BaseCommand):
    help = (
        "Erase learner accounts with no sign-in and no learning activity for N years "
        "(ACCOUNT_RETENTION_YEARS). Lists what it would do unless --apply is given. "
        "Staff and anyone with a role beyond Learners are never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--years",
            type=int,
            default=None,
            help="Years of inactivity (default: the ACCOUNT_RETENTION_YEARS setting).",
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--dry-run",
            action="store_true",
            help="List the counts and change nothing (the default).",
        )
        mode.add_argument(
            "--apply", action="store_true", help="Erase the accounts listed."
        )

    def handle(self, *args, years: int | None, apply: bool, **options):
        years = settings.ACCOUNT_RETENTION_YEARS if years is None else years
        if years < 1:
            raise CommandError("--years must be 1 or more.")
        cutoff = retention_cutoff(years=years)
        accounts = list(
            accounts_inactive_since(cutoff=cutoff).annotate(
                agency_name=F("profile__agency__name")
            )
        )
        self.stdout.write(
            f"Accounts with no sign-in and no learning activity since "
            f"{cutoff:%d %B %Y} ({years} years): {len(accounts)}"
        )
        by_agency = Counter(
            account.agency_name or "(no agency)" for account in accounts
        )
        for agency_name, count in sorted(by_agency.items()):
            self.stdout.write(f"  {agency_name}: {count}")
        if not apply:
            self.stdout.write(
                "Dry run: nothing was changed. Run again with --apply to erase them."
            )
            return
        for account in accounts:
            account_erase(user=account, by=None, reason=ErasureReason.RETENTION)
        self.stdout.write(self.style.SUCCESS(f"Erased {len(accounts)} accounts."))
