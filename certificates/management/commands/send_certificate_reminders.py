from django.core.management.base import BaseCommand

from certificates.reminders import certificate_reminders_send


class Command(BaseCommand):
    help = (
        "Email refresher reminders 60 and 14 days before certificates expire. Idempotent: "
        "each reminder goes once, so cron can run it daily or more often."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count the reminders without sending.",
        )

    def handle(self, *args, dry_run: bool, **options):
        count = certificate_reminders_send(dry_run=dry_run)
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(self.style.SUCCESS(f"{count} reminder(s) {verb}."))
