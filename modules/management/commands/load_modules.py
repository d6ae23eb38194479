from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from modules.content import catalogue
from modules.content.loader import module_content_load
from modules.models import ModuleIndexPage


class Command(BaseCommand):
    help = (
        "Load the partnership's initial modules (idempotent: existing modules are "
        "left as trainers edited them unless --update is given)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            choices=catalogue.MODULE_NAMES,
            help="Load just this module (for authors checking their text).",
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Replace the content of modules that already exist with the shipped text.",
        )

    def handle(self, *args, update: bool, only: str | None, **options):
        index_page = ModuleIndexPage.objects.first()
        if index_page is None:
            raise CommandError("There is no module index page. Run migrate first.")
        specs = catalogue.module_specs(only)
        for spec in specs:
            try:
                page, created = module_content_load(
                    spec=spec, index_page=index_page, update=update
                )
            except ValidationError as exc:
                raise CommandError(exc.messages[0]) from exc
            if created:
                verb = "Created"
            elif update:
                verb = "Updated"
            else:
                verb = "Kept"
            self.stdout.write(f"{verb}: {page.title} ({len(spec['steps'])} steps)")
        self.stdout.write(self.style.SUCCESS(f"{len(specs)} modules in place."))
