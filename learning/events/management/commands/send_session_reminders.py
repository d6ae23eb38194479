from django.core.management.base import BaseCommand, CommandError

from learning.events.services import session_reminders_send


class Command(BaseCommand):
    help = (
        "Email booked learners a reminder before their training session. Idempotent: "
        "each booking is reminded once, and a reminder counts as sent only once the "
        "mail server has accepted it (the next run tries again), so cron can run it "
        "hourly. Exits with an error if any reminder could not be sent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=48,
            help="Remind this many hours ahead (default 48).",
        )

    def handle(self, *args, hours: int, **options):
        run = session_reminders_send(hours_before=hours)
        self.stdout.write(self.style.SUCCESS(f"{run.sent} reminder(s) sent."))
        if problem := run.problem():
            raise CommandError(problem)
