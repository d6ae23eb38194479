import time

from django.core.management.base import BaseCommand, CommandError

from learning.accounts.models import Agency, Profile
from learning.reports.summary import SUMMARY_MAX_AGE, summary_refresh
from learning.reports.summary_tasks import refresh_report_summary

AGENCY_NOT_FOUND = "No agency has the id {pk}."


class Command(BaseCommand):
    help = (
        "Work out each person's certificate, licence and evidence figures for the "
        "reports dashboard. Run it from cron every two minutes: the dashboard uses "
        f"summary rows for at most {int(SUMMARY_MAX_AGE.total_seconds() // 60)} "
        "minutes and works anyone older out afresh, more slowly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--agency",
            type=int,
            action="append",
            dest="agencies",
            help="Only the people in this agency (repeat for more).",
        )
        parser.add_argument(
            "--only-stale",
            action="store_true",
            help="Leave people whose summary is still fresh alone.",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Enqueue the refresh for the tasks worker instead of running it.",
        )

    def handle(self, *args, agencies=None, only_stale=False, enqueue=False, **options):
        if agencies:
            found = set(
                Agency.objects.filter(pk__in=agencies).values_list("pk", flat=True)
            )
            for pk in agencies:
                if pk not in found:
                    raise CommandError(AGENCY_NOT_FOUND.format(pk=pk))
        if enqueue:
            result = refresh_report_summary.enqueue(
                agency_ids=agencies, only_stale=only_stale
            )
            self.stdout.write(f"Report summary refresh enqueued ({result.id}).")
            return
        people = Profile.objects.all()
        if agencies:
            people = people.filter(agency_id__in=agencies)
        started = time.perf_counter()
        count = summary_refresh(people=people, only_stale=only_stale)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Report summary refreshed for {count} people in {seconds:.1f} seconds."
        )
