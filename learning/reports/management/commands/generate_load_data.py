import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from learning.reports.loaddata import (
    LOAD_DOMAIN,
    load_data_generate,
    load_data_reset,
)
from modules.models import ModulePage

DEFAULT_LEARNERS = 20000
CONFIRM_FROM = 50000
LEARNERS_TOO_FEW = "--learners must be one or more."
REFUSED_WITHOUT_DEBUG = (
    "Load data fills the database with invented people, so generate_load_data "
    "refuses to run when DEBUG is off. Use --force only on a throwaway database."
)


class Command(BaseCommand):
    help = (
        "Add a batch of invented learners with progress, quiz attempts, bookings, "
        "attendance, licences, briefings and certificates, for benchmarking the "
        f"reports. Generated people have email addresses under {LOAD_DOMAIN}; "
        "--reset removes them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--learners",
            type=int,
            default=None,
            help=f"How many invented learners to add (default {DEFAULT_LEARNERS}).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=None,
            help="Seed for repeatable data (emails still differ between batches).",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Remove all previously generated data (and add none unless "
            "--learners is also given).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a real site).",
        )
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Do not ask for confirmation before adding 50,000 or more learners.",
        )

    def handle(self, *args, learners, seed, reset, force, yes, **options):
        if not settings.DEBUG and not force:
            raise CommandError(REFUSED_WITHOUT_DEBUG)
        if reset:
            started = time.perf_counter()
            counts = load_data_reset()
            removed = ", ".join(f"{v} {k}" for k, v in counts.items())
            self.stdout.write(
                f"Removed generated data: {removed} "
                f"({time.perf_counter() - started:.1f} s)."
            )
            if learners is None:
                return
        learners = DEFAULT_LEARNERS if learners is None else learners
        if learners < 1:
            raise CommandError(LEARNERS_TOO_FEW)
        if learners >= CONFIRM_FROM and not yes:
            answer = input(f"Add {learners} invented learners? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Nothing was added.")
        if not ModulePage.objects.live().exists():
            self.stdout.write("No live modules yet: running load_modules first.")
            call_command("load_modules", stdout=self.stdout)
        started = time.perf_counter()
        try:
            summary = load_data_generate(learners=learners, seed=seed)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(summary))
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {learners} learners in {time.perf_counter() - started:.1f} s."
            )
        )
