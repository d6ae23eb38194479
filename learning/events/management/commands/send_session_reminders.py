from django.core.management.base import BaseCommand

from learning.events.services import session_reminders_send


class Command(BaseCommand):
    help = (
        "Email booked learners a reminder before their training session. Idempotent: "
        "each booking is reminded once, so cron can run it hourly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=48,
            help="Remind this many hours ahead (default 48).",
        )

    def handle(self, *args, hours: int, **options):
        count = session_reminders_send(hours_before=hours)
        self.stdout.write(self.style.SUCCESS(f"{count} reminder(s) sent."))
