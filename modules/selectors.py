from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet

from learning.accounts.models import AgencyKind
from learning.reviews.models import LearningPoint, Recommendation

from .blocks import GCP2_AREAS
from .models import ModuleIndexPage, ModulePage, ModuleProgress
from .paths import path_indexes

MODULES_PER_PAGE = 20


class Status:
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


def module_list(*, recommendation=None, learning_point=None, audience=None) -> QuerySet:
    queryset = (
        ModulePage.objects.live()
        .public()
        # A list shows titles and summaries: the steps and questions (most of each
        # row) are neither fetched nor parsed.
        .defer_streamfields()
        .prefetch_related(
            Prefetch(
                "recommendations", queryset=Recommendation.objects.order_by("number")
            ),
            "audiences",
        )
        .order_by("path")
    )
    if recommendation:
        queryset = queryset.filter(recommendations=recommendation)
    if learning_point:
        queryset = queryset.filter(learning_points=learning_point)
    if audience:
        queryset = queryset.filter(audiences__kind=audience)
    return queryset.distinct()


def progress_status_by_module(*, user, module_ids) -> dict[int, str]:
    """Each module's status for one learner, in one query."""
    if not user.is_authenticated:
        return {}
    statuses = {}
    rows = ModuleProgress.objects.filter(
        user=user, module_id__in=module_ids
    ).values_list("module_id", "completed_at")
    for module_id, completed_at in rows:
        if completed_at is not None:
            statuses[module_id] = Status.COMPLETED
        else:
            statuses.setdefault(module_id, Status.IN_PROGRESS)
    return statuses


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def module_index_context(*, index_page: ModuleIndexPage, request) -> dict:
    recommendations = list(Recommendation.objects.order_by("review_id", "number"))
    learning_points = list(LearningPoint.objects.order_by("review_id", "number"))
    rec_id = _int_or_none(request.GET.get("recommendation"))
    point_id = _int_or_none(request.GET.get("learning_point"))
    audience = request.GET.get("audience") or ""
    chosen_rec = next((r for r in recommendations if r.pk == rec_id), None)
    chosen_point = next((p for p in learning_points if p.pk == point_id), None)
    if audience not in AgencyKind.values:
        audience = ""
    modules = module_list(
        recommendation=chosen_rec,
        learning_point=chosen_point,
        audience=audience or None,
    ).child_of(index_page)
    page_obj = Paginator(modules, MODULES_PER_PAGE).get_page(request.GET.get("page"))
    statuses = progress_status_by_module(
        user=request.user, module_ids=[m.pk for m in page_obj.object_list]
    )
    for module in page_obj.object_list:
        module.learner_status = statuses.get(module.pk, Status.NOT_STARTED)
    query = {
        key: value
        for key, value in (
            ("recommendation", chosen_rec.pk if chosen_rec else ""),
            ("learning_point", chosen_point.pk if chosen_point else ""),
            ("audience", audience),
        )
        if value
    }
    return {
        "modules": page_obj.object_list,
        "page_obj": page_obj,
        "query_string": "&".join(f"{k}={v}" for k, v in query.items()),
        "filters_active": bool(query),
        "recommendations": recommendations,
        "learning_points": learning_points,
        "audience_choices": AgencyKind.choices,
        "chosen_recommendation": chosen_rec,
        "chosen_learning_point": chosen_point,
        "chosen_audience": audience,
    }


def progress_get_open(*, user, module) -> ModuleProgress | None:
    if not user.is_authenticated:
        return None
    return (
        ModuleProgress.objects.filter(
            user=user, module=module, completed_at__isnull=True
        )
        .select_related("revision")
        .first()
    )


def progress_get_latest(*, user, module) -> ModuleProgress | None:
    """The open attempt if there is one, otherwise the most recent completed one."""
    open_progress = progress_get_open(user=user, module=module)
    if open_progress or not user.is_authenticated:
        return open_progress
    return (
        ModuleProgress.objects.filter(user=user, module=module)
        .select_related("revision")
        .order_by("-completed_at")
        .first()
    )


def module_overview_context(*, module: ModulePage, user) -> dict:
    progress = progress_get_latest(user=user, module=module)
    status = Status.NOT_STARTED
    if progress is not None:
        status = Status.COMPLETED if progress.is_complete else Status.IN_PROGRESS
    certificate = None
    if progress is not None and progress.is_complete:
        from certificates.models import Certificate

        certificate = Certificate.objects.filter(
            source_key=f"module-progress:{progress.pk}"
        ).first()
    return {
        "progress": progress,
        "certificate": certificate,
        "quiz_status": quiz_status(user=user, module=module)
        if user.is_authenticated and module.has_quiz
        else None,
        "learner_status": status,
        "module_recommendations": module.recommendations.order_by("number"),
        "module_learning_points": module.learning_points.order_by("number"),
    }


@dataclass
class StepPosition:
    position: int
    total: int
    previous_number: int | None
    next_number: int | None
    path_numbers: list[int] = field(default_factory=list)


def step_position(*, steps, progress: ModuleProgress, index: int) -> StepPosition:
    path = path_indexes(steps, progress.responses)
    position = path.index(index) + 1 if index in path else 0
    previous_number = path[position - 2] + 1 if position > 1 else None
    next_number = path[position] + 1 if 0 < position < len(path) else None
    return StepPosition(
        position=position,
        total=len(path),
        previous_number=previous_number,
        next_number=next_number,
        path_numbers=[i + 1 for i in path],
    )


def step_feedback(*, step, response: dict | None) -> dict | None:
    """What the learner sees after answering a step, built from the author's content."""
    if not response:
        return None
    value = step.value
    if step.kind == "chronology":
        selected = set(response.get("selected", []))
        rows = []
        for entry in value["entries"].bound_blocks:
            rows.append(
                {
                    "entry": entry.value,
                    "selected": entry.id in selected,
                    "in_pattern": entry.value["part_of_pattern"],
                }
            )
        pattern_total = sum(1 for row in rows if row["in_pattern"])
        found = sum(1 for row in rows if row["in_pattern"] and row["selected"])
        extra = sum(1 for row in rows if row["selected"] and not row["in_pattern"])
        return {
            "rows": rows,
            "found": found,
            "pattern_total": pattern_total,
            "extra": extra,
        }
    if step.kind in {"decision", "knowledge_check"}:
        chosen = None
        others = []
        for option in value["options"].bound_blocks:
            if option.id == response.get("option"):
                chosen = option.value
            else:
                others.append(option.value)
        return {"chosen": chosen, "others": others}
    if step.kind == "gcp2_grading":
        grades = response.get("grades", {})
        rows = []
        for key, label in GCP2_AREAS:
            author = int(value[key]["grade"])
            mine = grades.get(key)
            rows.append(
                {
                    "label": label,
                    "mine": mine,
                    "author": author,
                    "difference": (mine - author) if mine is not None else None,
                    "rationale": value[key]["rationale"],
                }
            )
        return {"rows": rows, "matches": sum(1 for r in rows if r["difference"] == 0)}
    if step.kind == "reflection":
        return {"text": response.get("text", "")}
    return {}


def learner_progress_list(*, user) -> dict:
    """The learner's modules in progress and completed, for /my-learning/."""
    records = list(
        ModuleProgress.objects.filter(user=user)
        .select_related("module")
        .order_by("-last_activity_at")
    )
    return {
        "in_progress": [p for p in records if p.completed_at is None],
        "completed": sorted(
            (p for p in records if p.completed_at is not None),
            key=lambda p: p.completed_at,
            reverse=True,
        ),
    }


# Quizzes ----------------------------------------------------------------------


@dataclass
class QuizStatus:
    attempts: list
    used: int
    remaining: int | None
    open_attempt: object
    passed: bool
    best_score: object

    @property
    def can_start(self):
        return self.open_attempt is None and (
            self.remaining is None or self.remaining > 0
        )


def quiz_status(*, user, module) -> QuizStatus:
    from .models import QuizAttempt, QuizAttemptStatus, QuizGrading

    attempts = list(
        QuizAttempt.objects.filter(user=user, module=module).order_by("number")
    )
    finished = [a for a in attempts if a.status != QuizAttemptStatus.OPEN]
    open_attempt = next(
        (a for a in attempts if a.status == QuizAttemptStatus.OPEN), None
    )
    allowed = module.quiz_attempts_allowed
    if module.quiz_grading == QuizGrading.LATEST:
        passed = bool(finished and finished[-1].passed)
    else:
        passed = any(a.passed for a in finished)
    return QuizStatus(
        attempts=finished,
        used=len(finished),
        remaining=None if not allowed else max(allowed - len(finished), 0),
        open_attempt=open_attempt,
        passed=passed,
        best_score=max((a.score for a in finished), default=None),
    )


def quiz_review_visible(*, module, status: QuizStatus) -> bool:
    from .models import QuizReviewTiming

    if module.quiz_review_timing == QuizReviewTiming.IMMEDIATELY:
        return True
    return status.passed or status.remaining == 0


def quiz_questions_for_attempt(*, attempt, pool) -> list[dict]:
    """The attempt's questions in its order, with options in its order (no answers)."""
    rows = []
    for number, drawn in enumerate(attempt.questions, start=1):
        question = pool[drawn["id"]]
        options = [question.option(option_id) for option_id in drawn["options"]]
        rows.append(
            {
                "number": number,
                "question": question,
                "options": [o for o in options if o is not None],
                "saved": attempt.saved_answers.get(drawn["id"], []),
            }
        )
    return rows


def quiz_review(*, attempt, pool) -> list[dict]:
    """Per question: what the learner chose, whether it was right, the right answers."""
    answers = {a.question_id: a for a in attempt.answers.all()}
    rows = []
    for row in quiz_questions_for_attempt(attempt=attempt, pool=pool):
        answer = answers.get(row["question"].id)
        chosen = set(answer.chosen) if answer else set()
        row["chosen_options"] = [o for o in row["options"] if o.id in chosen]
        row["correct_options"] = [o for o in row["options"] if o.is_correct]
        row["is_correct"] = bool(answer and answer.is_correct)
        row["answered"] = bool(chosen)
        rows.append(row)
    return rows


@dataclass
class ItemRow:
    number: int
    question_id: str
    text: str
    answered: int
    correct: int
    top_wrong_label: str | None
    top_wrong_count: int

    @property
    def percent_correct(self):
        return round(self.correct * 100 / self.answered) if self.answered else None


def quiz_attempts_for_analysis(*, module, agency=None, start=None, end=None):
    from .models import QuizAttempt, QuizAttemptStatus

    attempts = QuizAttempt.objects.filter(module=module).exclude(
        status=QuizAttemptStatus.OPEN
    )
    if agency is not None:
        attempts = attempts.filter(user__profile__agency=agency)
    if start is not None:
        attempts = attempts.filter(submitted_at__date__gte=start)
    if end is not None:
        attempts = attempts.filter(submitted_at__date__lte=end)
    return attempts


def quiz_item_analysis(*, module, agency=None, start=None, end=None) -> dict:
    """Attempts, pass rate, average score and per-question figures for trainers.

    Questions are listed in the module's current order; answers to questions since
    removed from the quiz are still counted under their original text where known.
    """
    from django.db.models import Avg, Count, Q

    from .models import QuizAnswer
    from .quiz import questions_of

    attempts = quiz_attempts_for_analysis(
        module=module, agency=agency, start=start, end=end
    )
    summary = attempts.aggregate(
        attempts=Count("id"),
        passed=Count("id", filter=Q(passed=True)),
        average=Avg("score"),
        learners=Count("user", distinct=True),
    )
    answers = QuizAnswer.objects.filter(attempt__in=attempts)
    counts = {
        row["question_id"]: row
        for row in answers.values("question_id").annotate(
            answered=Count("id"), correct=Count("id", filter=Q(is_correct=True))
        )
    }
    pool = questions_of(module.quiz_questions)
    wrong_choices: dict[str, dict[str, int]] = {}
    for question_id, chosen in (
        answers.filter(is_correct=False).values_list("question_id", "chosen").iterator()
    ):
        question = pool.get(question_id)
        correct_ids = question.correct_ids if question else frozenset()
        tally = wrong_choices.setdefault(question_id, {})
        for option_id in chosen or []:
            if option_id not in correct_ids:
                tally[option_id] = tally.get(option_id, 0) + 1
    rows = []
    ordered_ids = list(pool) + [qid for qid in counts if qid not in pool]
    for number, question_id in enumerate(ordered_ids, start=1):
        question = pool.get(question_id)
        tally = wrong_choices.get(question_id, {})
        top_id, top_count = max(
            tally.items(), key=lambda item: item[1], default=(None, 0)
        )
        option = question.option(top_id) if question and top_id else None
        rows.append(
            ItemRow(
                number=number,
                question_id=question_id,
                text=question.text if question else "(question removed from the quiz)",
                answered=counts.get(question_id, {}).get("answered", 0),
                correct=counts.get(question_id, {}).get("correct", 0),
                top_wrong_label=option.label if option else None,
                top_wrong_count=top_count,
            )
        )
    total = summary["attempts"]
    return {
        "attempts": total,
        "learners": summary["learners"],
        "pass_rate": round(summary["passed"] * 100 / total) if total else None,
        "average_score": round(summary["average"])
        if summary["average"] is not None
        else None,
        "rows": rows,
    }
