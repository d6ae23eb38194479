from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    ModulePage,
    ModuleProgress,
    QuizAdjustment,
    QuizAnswer,
    QuizAttempt,
    QuizAttemptStatus,
)
from .paths import next_index, steps_of
from .quiz import draw_questions, is_correct, questions_of

MODULE_NOT_AVAILABLE = _("This module is not available at the moment.")
STEP_NOT_ON_PATH = _(
    "That step is not the next one on your path through the module. Nothing was saved."
)
STEP_MISMATCH = _(
    "This answer does not match the step it was sent for. Nothing was saved."
)
STEP_ALREADY_ANSWERED = _("You have already answered this step.")
STEPS_NOT_FINISHED = _(
    "Finish every step of the module before you rate your confidence."
)
ALREADY_COMPLETED = _("You have already completed this module.")
QUIZ_NOT_PASSED = _("Pass the quiz to complete the module.")
QUIZ_NOT_AVAILABLE = _("This module has no quiz.")
QUIZ_FINISH_STEPS_FIRST = _(
    "Work through every step of the module and rate your confidence before the quiz."
)
QUIZ_NO_ATTEMPTS_LEFT = _("You have used every attempt allowed for this quiz.")
QUIZ_TIME_UP = _(
    "The time limit for this attempt has passed, so this submission was not accepted. "
    "The answers you saved before the deadline were marked."
)
QUIZ_ATTEMPT_CLOSED = _("This attempt has already finished.")
QUIZ_UNKNOWN_QUESTION = _(
    "The answers sent include a question that is not in this attempt. Nothing was saved."
)
QUIZ_UNKNOWN_OPTION = _(
    "The answers sent include a choice that is not part of its question. Nothing was saved."
)
QUIZ_ONE_ANSWER_ONLY = _("Choose only one answer for a single-answer question.")
QUIZ_ANSWER_EVERY_QUESTION = _("Answer every question before you submit.")

# Allowance for the time a submission spends travelling to the server.
QUIZ_DEADLINE_GRACE = timedelta(seconds=20)


def _revision_stream(revision, name: str):
    """One StreamField of a module revision.

    ``revision.as_object()`` rebuilds the whole page with its child relations (tens
    of queries and ~100 ms under load, on every step and quiz request); only this
    field is needed, and a revision never changes.
    """
    return ModulePage._meta.get_field(name).to_python(revision.content.get(name) or [])


def module_steps_for(*, progress: ModuleProgress):
    """The steps of the revision this learner started, not the latest edit."""
    if progress.revision_id is not None:
        return steps_of(_revision_stream(progress.revision, "steps"))
    return steps_of(progress.module.specific.steps)


@transaction.atomic
def module_progress_start(
    *, user, module: ModulePage, confidence_before: int
) -> ModuleProgress:
    """Start a module (or return the learner's open attempt at it)."""
    if not module.live:
        raise ValidationError(MODULE_NOT_AVAILABLE)
    existing = (
        ModuleProgress.objects.select_for_update()
        .filter(user=user, module=module, completed_at__isnull=True)
        .first()
    )
    if existing:
        return existing
    progress = ModuleProgress(
        user=user,
        module=module,
        revision_id=module.live_revision_id,
        confidence_before=confidence_before,
        current_step=0,
    )
    progress.full_clean()
    progress.save()
    return progress


@transaction.atomic
def module_step_submit(
    *, progress: ModuleProgress, number: int, block_id: str, answer: dict
) -> ModuleProgress:
    """Record the learner's answer to one step and move them along their path.

    A step already answered keeps its first answer (double submits and replays change
    nothing), except a reflection, which the learner may rewrite.
    """
    progress = ModuleProgress.objects.select_for_update().get(pk=progress.pk)
    if progress.completed_at is not None:
        raise ValidationError(ALREADY_COMPLETED, code="completed")
    steps = module_steps_for(progress=progress)
    index = number - 1
    if not 0 <= index < len(steps):
        raise ValidationError(STEP_NOT_ON_PATH, code="not_on_path")
    step = steps[index]
    if step.id != block_id:
        raise ValidationError(STEP_MISMATCH, code="mismatch")
    now = timezone.now()
    if step.id in progress.visited:
        if step.kind != "reflection":
            raise ValidationError(STEP_ALREADY_ANSWERED, code="answered")
        progress.responses[step.id] = {**answer, "answered_at": now.isoformat()}
        progress.last_activity_at = now
        progress.save(update_fields=["responses", "last_activity_at"])
        return progress
    if progress.current_step != index:
        raise ValidationError(STEP_NOT_ON_PATH, code="not_on_path")
    progress.responses[step.id] = {**answer, "answered_at": now.isoformat()}
    progress.visited.append(step.id)
    following = next_index(steps, index, answer)
    progress.current_step = following if following < len(steps) else None
    if progress.current_step is None:
        progress.steps_completed_at = now
    progress.last_activity_at = now
    progress.save()
    return progress


def quiz_passed_since(*, user, module, since) -> bool:
    return QuizAttempt.objects.filter(
        user=user, module=module, passed=True, submitted_at__gte=since
    ).exists()


def module_completion_blockers(*, progress: ModuleProgress) -> list[str]:
    """What still stands between the learner and completing the module."""
    if progress.steps_completed_at is None:
        return [STEPS_NOT_FINISHED]
    if progress.module.has_quiz and not quiz_passed_since(
        user=progress.user, module=progress.module, since=progress.started_at
    ):
        return [QUIZ_NOT_PASSED]
    return []


def _complete_if_ready(progress: ModuleProgress) -> ModuleProgress:
    """Complete the module once nothing blocks it, and issue its certificate."""
    from certificates.services import achievement_for_module_progress, certificate_issue

    if progress.completed_at is None and not module_completion_blockers(
        progress=progress
    ):
        now = timezone.now()
        progress.completed_at = now
        progress.last_activity_at = now
        progress.save(update_fields=["completed_at", "last_activity_at"])
        certificate_issue(
            holder=progress.user, achievement=achievement_for_module_progress(progress)
        )
    return progress


@transaction.atomic
def module_progress_complete(
    *, progress: ModuleProgress, confidence_after: int
) -> ModuleProgress:
    """Record the learner's closing confidence and complete the module if they can.

    With a quiz, the module completes when the quiz is passed (see quiz_attempt_submit).
    """
    progress = (
        ModuleProgress.objects.select_for_update()
        .select_related("module")
        .get(pk=progress.pk)
    )
    if progress.completed_at is not None:
        return progress
    if progress.steps_completed_at is None:
        raise ValidationError(STEPS_NOT_FINISHED, code="blocked")
    progress.confidence_after = confidence_after
    progress.last_activity_at = timezone.now()
    progress.full_clean()
    progress.save()
    return _complete_if_ready(progress)


# Quizzes ----------------------------------------------------------------------


def quiz_pool_for(*, attempt: QuizAttempt):
    """The questions as they were when the attempt started."""
    if attempt.revision_id is not None:
        return questions_of(_revision_stream(attempt.revision, "quiz_questions"))
    return questions_of(attempt.module.specific.quiz_questions)


def quiz_time_limit_for(*, module: ModulePage, user) -> timedelta | None:
    if not module.quiz_time_limit_minutes:
        return None
    adjustment = QuizAdjustment.objects.filter(module=module, user=user).first()
    minutes = module.quiz_time_limit_minutes
    if adjustment:
        if adjustment.no_time_limit:
            return None
        minutes += adjustment.extra_minutes or 0
    return timedelta(minutes=minutes)


def quiz_attempts_used(*, user, module) -> int:
    return (
        QuizAttempt.objects.filter(user=user, module=module)
        .exclude(status=QuizAttemptStatus.OPEN)
        .count()
    )


def _quiz_ready_progress(*, user, module) -> ModuleProgress:
    progress = (
        ModuleProgress.objects.filter(user=user, module=module)
        .order_by("-started_at")
        .first()
    )
    if (
        progress is None
        or progress.steps_completed_at is None
        or progress.confidence_after is None
    ):
        raise ValidationError(QUIZ_FINISH_STEPS_FIRST, code="steps_first")
    return progress


def quiz_attempt_start(*, user, module: ModulePage) -> QuizAttempt:
    """Open an attempt with its questions drawn and ordered (or return the open one)."""
    if not module.live or not module.has_quiz:
        raise ValidationError(QUIZ_NOT_AVAILABLE, code="no_quiz")
    _quiz_ready_progress(user=user, module=module)
    with transaction.atomic():
        open_attempt = (
            QuizAttempt.objects.select_for_update()
            .filter(user=user, module=module, status=QuizAttemptStatus.OPEN)
            .first()
        )
        if open_attempt and not _expire_if_due(open_attempt):
            return open_attempt
        used = quiz_attempts_used(user=user, module=module)
        if module.quiz_attempts_allowed and used >= module.quiz_attempts_allowed:
            raise ValidationError(QUIZ_NO_ATTEMPTS_LEFT, code="no_attempts")
        now = timezone.now()
        limit = quiz_time_limit_for(module=module, user=user)
        last = (
            QuizAttempt.objects.filter(user=user, module=module)
            .order_by("-number")
            .values_list("number", flat=True)
            .first()
        )
        attempt = QuizAttempt(
            user=user,
            module=module,
            revision_id=module.live_revision_id,
            number=(last or 0) + 1,
            questions=draw_questions(
                questions_of(module.quiz_questions),
                count=module.quiz_draw_count,
                shuffle_questions=module.quiz_shuffle_questions,
                shuffle_options=module.quiz_shuffle_options,
            ),
            started_at=now,
            deadline=now + limit if limit else None,
        )
        try:
            with transaction.atomic():
                attempt.save()
        except IntegrityError:
            # Another request opened an attempt at the same moment: use that one.
            return QuizAttempt.objects.get(
                user=user, module=module, status=QuizAttemptStatus.OPEN
            )
    return attempt


def _is_past_deadline(attempt, at):
    return attempt.deadline is not None and at > attempt.deadline + QUIZ_DEADLINE_GRACE


def _expire_if_due(attempt: QuizAttempt, at=None) -> bool:
    """Close an open attempt whose time was up at ``at`` (default now), marking
    what was saved in time."""
    if attempt.is_open and _is_past_deadline(attempt, at or timezone.now()):
        _finalise(attempt, attempt.saved_answers, status=QuizAttemptStatus.TIMED_OUT)
        return True
    return False


def quiz_attempt_expire_if_due(*, attempt: QuizAttempt, arrived_at=None) -> QuizAttempt:
    """Time the attempt out if its time was up when the request arrived.

    ``arrived_at`` is when the request reached the server (see
    ``learning.core.middleware``): time spent waiting after that is not the learner's.
    """
    with transaction.atomic():
        attempt = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        _expire_if_due(attempt, arrived_at)
    return attempt


def _clean_answers(attempt, pool, answers, *, require_all):
    drawn = {q["id"]: set(q["options"]) for q in attempt.questions}
    cleaned = {}
    for question_id, chosen in answers.items():
        if question_id not in drawn or question_id not in pool:
            raise ValidationError(QUIZ_UNKNOWN_QUESTION, code="tampered")
        chosen = [str(option_id) for option_id in chosen if option_id]
        if not set(chosen) <= drawn[question_id]:
            raise ValidationError(QUIZ_UNKNOWN_OPTION, code="tampered")
        if len(chosen) > 1 and not pool[question_id].multiple:
            raise ValidationError(QUIZ_ONE_ANSWER_ONLY, code="tampered")
        if chosen:
            cleaned[question_id] = sorted(set(chosen))
    if require_all:
        missing = [q["id"] for q in attempt.questions if q["id"] not in cleaned]
        if missing:
            raise ValidationError(
                QUIZ_ANSWER_EVERY_QUESTION,
                code="incomplete",
                params={"missing": missing},
            )
    return cleaned


def quiz_attempt_save(
    *, attempt: QuizAttempt, answers: dict, arrived_at=None
) -> QuizAttempt:
    """Keep partial answers so a learner who loses connection can carry on.

    The deadline is judged at ``arrived_at``, when the answers reached the server
    (default now).
    """
    expired = False
    with transaction.atomic():
        attempt = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        if not attempt.is_open:
            raise ValidationError(QUIZ_ATTEMPT_CLOSED, code="closed")
        expired = _expire_if_due(attempt, arrived_at)
        if not expired:
            cleaned = _clean_answers(
                attempt, quiz_pool_for(attempt=attempt), answers, require_all=False
            )
            attempt.saved_answers = {**attempt.saved_answers, **cleaned}
            for question_id, chosen in answers.items():
                if not chosen:
                    attempt.saved_answers.pop(question_id, None)
            attempt.save(update_fields=["saved_answers"])
    if expired:
        raise ValidationError(QUIZ_TIME_UP, code="time_up")
    return attempt


def quiz_attempt_submit(
    *, attempt: QuizAttempt, answers: dict, arrived_at=None
) -> QuizAttempt:
    """Score an attempt once. A repeat of the same submission returns the first result.

    The deadline is judged at ``arrived_at``, when the submission reached the server
    (default now), and that is the attempt's submission time: a submission sent in
    time keeps its answers however long it then waited to be processed.
    """
    arrived_at = arrived_at or timezone.now()
    expired = False
    with transaction.atomic():
        attempt = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
        if not attempt.is_open:
            return attempt
        expired = _expire_if_due(attempt, arrived_at)
        if not expired:
            pool = quiz_pool_for(attempt=attempt)
            cleaned = _clean_answers(attempt, pool, answers, require_all=True)
            _finalise(
                attempt,
                cleaned,
                status=QuizAttemptStatus.SUBMITTED,
                pool=pool,
                at=arrived_at,
            )
    if expired:
        raise ValidationError(QUIZ_TIME_UP, code="time_up")
    return attempt


def _finalise(attempt, answers, *, status, pool=None, at=None):
    pool = pool or quiz_pool_for(attempt=attempt)
    rows = []
    correct = 0
    for drawn in attempt.questions:
        question = pool.get(drawn["id"])
        chosen = answers.get(drawn["id"], [])
        right = question is not None and is_correct(question, chosen)
        correct += right
        rows.append(
            QuizAnswer(
                attempt=attempt,
                question_id=drawn["id"],
                chosen=chosen,
                is_correct=right,
            )
        )
    QuizAnswer.objects.bulk_create(rows)
    total = len(attempt.questions)
    score = (Decimal(correct) * 100 / total) if total else Decimal(0)
    attempt.score = score.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    attempt.correct_count = correct
    attempt.question_count = total
    attempt.passed = attempt.score >= attempt.module.quiz_pass_mark
    attempt.status = status
    attempt.submitted_at = at or timezone.now()
    attempt.saved_answers = answers
    attempt.save()
    if attempt.passed:
        progress = (
            ModuleProgress.objects.select_for_update()
            .select_related("module")
            .filter(user=attempt.user, module=attempt.module, completed_at__isnull=True)
            .first()
        )
        if progress is not None:
            _complete_if_ready(progress)
