from django.conf import settings
from django.core.management.base import BaseCommand

from learning.core.jobs import exports_expire


class Command(BaseCommand):
    help = (
        "Delete the files of prepared exports (report files, certificate ZIPs) "
        "older than EXPORT_RETENTION_DAYS and mark their jobs expired. Safe to run "
        "as often as you like."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count the exports that would be deleted and change nothing.",
        )

    def handle(self, *args, dry_run: bool, **options):
        if dry_run:
            count = exports_expire(dry_run=True)
            self.stdout.write(
                f"Exports past their retention period: {count} "
                f"(kept for {settings.EXPORT_RETENTION_DAYS} days)."
            )
            self.stdout.write("Dry run: nothing was changed.")
            return
        count = exports_expire()
        self.stdout.write(
            self.style.SUCCESS(f"Deleted the files of {count} expired exports.")
        )
