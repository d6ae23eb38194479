"""Accounts with a known password for the Locust load test (tests/load/)."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from allauth.account.models import EmailAddress

from learning.accounts.models import Agency, User
from learning.accounts.roles import Role
from learning.accounts.services import profile_save, user_roles_set
from learning.events.models import Course, SessionStatus, TrainingSession
from modules.blocks import GCP2_AREAS
from modules.models import ModulePage, ModuleProgress
from modules.services import (
    module_progress_complete,
    module_progress_start,
    module_step_submit,
    module_steps_for,
)

# Under load.example.org, so that ``generate_load_data --reset`` removes them too.
EMAIL_DOMAIN = "loadtest.load.example.org"
REFUSED_WITHOUT_DEBUG = (
    "Load-test accounts share one known password, so create_load_users refuses to "
    "run when DEBUG is off. Use --force only on a throwaway database."
)
NO_QUIZ_MODULE = (
    "There is no live module with a quiz. Run `python manage.py load_modules` first."
)
NO_AGENCIES = "There are no agencies. Run `python manage.py load_demo --force` first."
REFLECTION = "A fictional reflection written by the load test."
LOAD_COURSE_TITLE = "Load test: neglect recognition workshop"


def load_email(kind: str, number: int) -> str:
    return f"{kind}-{number:04d}@{EMAIL_DOMAIN}"


def _step_answer(step) -> dict:
    """A valid answer for any step kind (the first choice where there is one)."""
    if step.kind == "chronology":
        return {"selected": [step.value["entries"].bound_blocks[0].id]}
    if step.kind in {"decision", "knowledge_check"}:
        return {"option": step.value["options"].bound_blocks[0].id}
    if step.kind == "gcp2_grading":
        return {"grades": dict.fromkeys((key for key, _label in GCP2_AREAS), 3)}
    if step.kind == "reflection":
        return {"text": REFLECTION}
    return {}


def _quiz_ready(*, users, module) -> None:
    """Work through every step and rate confidence, so the quiz can be started.

    The first person goes through the real services; everyone else gets a copy of
    that finished progress (the same answers), which is much quicker.
    """
    done = set(
        ModuleProgress.objects.filter(
            module=module, user__in=users, confidence_after__isnull=False
        ).values_list("user_id", flat=True)
    )
    waiting = [user for user in users if user.pk not in done]
    if not waiting:
        return
    first, *others = waiting
    progress = module_progress_start(user=first, module=module, confidence_before=2)
    steps = module_steps_for(progress=progress)
    while progress.current_step is not None:
        step = steps[progress.current_step]
        progress = module_step_submit(
            progress=progress,
            number=progress.current_step + 1,
            block_id=step.id,
            answer=_step_answer(step),
        )
    progress = module_progress_complete(progress=progress, confidence_after=4)
    ModuleProgress.objects.bulk_create(
        ModuleProgress(
            user=user,
            module=module,
            revision_id=progress.revision_id,
            current_step=None,
            visited=progress.visited,
            responses=progress.responses,
            confidence_before=progress.confidence_before,
            confidence_after=progress.confidence_after,
            started_at=progress.started_at,
            last_activity_at=progress.last_activity_at,
            steps_completed_at=progress.steps_completed_at,
        )
        for user in others
    )


class Command(BaseCommand):
    help = (
        "Create learners, quiz takers and leads with one known password for the load "
        f"test (addresses under {EMAIL_DOMAIN}), quiz takers ready to start the same "
        "quiz, and roomy training sessions; write a manifest for tests/load/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=300)
        parser.add_argument(
            "--quiz-takers",
            type=int,
            default=60,
            help="Accounts ready for the quiz, used by the mixed scenario.",
        )
        parser.add_argument(
            "--burst",
            type=int,
            default=200,
            help="Accounts ready for the quiz, kept for the quiz burst only.",
        )
        parser.add_argument("--leads", type=int, default=20)
        parser.add_argument("--password", required=True)
        parser.add_argument("--manifest", type=Path, required=True)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a real site).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(REFUSED_WITHOUT_DEBUG)
        module = next(
            (
                page
                for page in ModulePage.objects.live().order_by("path")
                if page.has_quiz
            ),
            None,
        )
        if module is None:
            raise CommandError(NO_QUIZ_MODULE)
        agencies = list(Agency.objects.exclude(kind="partnership").order_by("name"))
        if not agencies:
            raise CommandError(NO_AGENCIES)
        password = options["password"]
        manifest = {
            "password": password,
            "quiz_module": module.url_path.rstrip("/").rsplit("/", 1)[-1],
            "quiz_module_url": module.url,
        }
        try:
            manifest["learners"] = self._people(
                "learner", options["learners"], agencies, password
            )
            manifest["quiz_takers"] = self._people(
                "quiz", options["quiz_takers"], agencies, password, module=module
            )
            manifest["burst"] = self._people(
                "burst", options["burst"], agencies, password, module=module
            )
            manifest["leads"] = self._people(
                "lead", options["leads"], agencies, password, lead=True
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        manifest["sessions"] = self._sessions()
        options["manifest"].parent.mkdir(parents=True, exist_ok=True)
        options["manifest"].write_text(json.dumps(manifest, indent=1))
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(manifest['learners'])} learners, "
                f"{len(manifest['quiz_takers'])} quiz takers, "
                f"{len(manifest['burst'])} burst quiz takers and "
                f"{len(manifest['leads'])} leads ready; quiz module "
                f"{manifest['quiz_module_url']}; manifest {options['manifest']}."
            )
        )

    @transaction.atomic
    def _people(self, kind, count, agencies, password, *, module=None, lead=False):
        # One hash for everyone: hashing each password would take minutes.
        password_hash = make_password(password)
        users = []
        for number in range(1, count + 1):
            email = load_email(kind, number)
            user, created = User.objects.get_or_create(
                email=email, defaults={"name": f"Load {kind.title()} {number}"}
            )
            if created:
                user.password = password_hash
                user.save(update_fields=["password"])
                EmailAddress.objects.create(
                    user=user, email=email, verified=True, primary=True
                )
                profile_save(
                    user=user,
                    agency=agencies[number % len(agencies)],
                    job_title="Practitioner",
                    allow_any_domain=True,
                )
                if lead:
                    # Every other lead sees all agencies; the rest their own.
                    user_roles_set(
                        user=user,
                        roles=[
                            Role.PARTNERSHIP_LEADS if number % 2 else Role.AGENCY_LEADS
                        ],
                    )
            users.append(user)
        if module is not None and users:
            _quiz_ready(users=users, module=module)
        return [user.email for user in users]

    @transaction.atomic
    def _sessions(self) -> list[int]:
        """Future sessions with room for everyone, so bookings are real bookings."""
        course, _created = Course.objects.get_or_create(
            title=LOAD_COURSE_TITLE,
            defaults={
                "description": "A fictional course for the load test.",
                "cpd_minutes": 120,
            },
        )
        start = timezone.localtime().replace(
            hour=9, minute=30, second=0, microsecond=0
        ) + timezone.timedelta(days=30)
        ids = []
        for offset in range(3):
            session, _created = TrainingSession.objects.get_or_create(
                course=course,
                start=start + timezone.timedelta(days=7 * offset),
                defaults={
                    "end": start + timezone.timedelta(days=7 * offset, hours=2),
                    "venue": "Civic Centre, Room 4",
                    "capacity": 1000,
                    "status": SessionStatus.SCHEDULED,
                },
            )
            ids.append(session.pk)
        return ids
