from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from learning.core.tasks import stuck_work_reap


class Command(BaseCommand):
    # Run every few minutes: the system checks would cost more than the work.
    requires_system_checks = []
    help = (
        "Recover the work of task workers that died: queue again each task still "
        "running after TASKS_STUCK_AFTER seconds (its attempt counted), or fail it "
        "after TASKS_MAX_ATTEMPTS attempts; fail each download job left unfinished "
        "with no task to finish it, telling its requester to start it again. Safe to "
        "run every few minutes from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stuck-after",
            type=int,
            default=None,
            help="Seconds after which running work counts as lost "
            "(default: TASKS_STUCK_AFTER).",
        )

    def handle(self, *args, stuck_after: int | None, **options):
        if stuck_after is not None and stuck_after < 0:
            raise CommandError("--stuck-after must be 0 or more seconds.")
        reaped = stuck_work_reap(
            stuck_after=None if stuck_after is None else timedelta(seconds=stuck_after)
        )
        self.stdout.write(
            f"{reaped.queued_again} task(s) queued again, {reaped.failed} task(s) "
            f"failed, {reaped.jobs_failed} job(s) stopped."
        )
