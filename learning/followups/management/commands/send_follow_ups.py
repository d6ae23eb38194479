from django.core.management.base import BaseCommand, CommandError

from learning.followups.services import (
    follow_ups_due_to_create,
    follow_ups_due_to_send,
    follow_ups_schedule,
    follow_ups_send,
)


class Command(BaseCommand):
    help = (
        "Create follow-up impact checks for learning finished FOLLOW_UP_AFTER_WEEKS "
        "ago, then email each one once. Idempotent, so cron can run it hourly or "
        "daily; an email counts as sent only once the mail server has accepted it (the "
        "next run tries again). Exits with an error if any email could not be sent."
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
        run = follow_ups_send()
        self.stdout.write(
            self.style.SUCCESS(
                f"{scheduled} follow-up(s) created, {run.sent} email(s) sent."
            )
        )
        if problem := run.problem():
            raise CommandError(problem)
