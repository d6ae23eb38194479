from django.core.management.base import BaseCommand

from learning.followups.services import (
    follow_ups_due_to_create,
    follow_ups_due_to_send,
    follow_ups_schedule,
    follow_ups_send,
)


class Command(BaseCommand):
    help = (
        "Create follow-up impact checks for learning finished FOLLOW_UP_AFTER_WEEKS "
        "ago, then email each one once. Idempotent, so cron can run it hourly or daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be created and sent; change nothing.",
        )

    def handle(self, *args, dry_run: bool, **options):
        if dry_run:
            new = len(follow_ups_due_to_create())
            waiting = follow_ups_due_to_send().count()
            self.stdout.write(
                f"Dry run: {new} follow-up(s) would be created and "
                f"{new + waiting} email(s) sent. Nothing was changed."
            )
            return
        scheduled = follow_ups_schedule()
        sent = follow_ups_send()
        self.stdout.write(
            self.style.SUCCESS(
                f"{scheduled} follow-up(s) created, {sent} email(s) sent."
            )
        )
