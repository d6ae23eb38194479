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
    return {
        "progress": progress,
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
