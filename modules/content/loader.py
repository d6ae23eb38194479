"""Turn a module written as data into a published ModulePage.

Shape of a module spec::

    {
        "slug": "...", "title": "...", "summary": "...",
        "outcomes": ["...", ...],
        "estimated_minutes": 45, "cpd_minutes": 45, "refresher_months": 36,
        "recommendations": [1], "learning_points": [1, 2, 12],   # review numbers
        "audiences": ["childrens_social_care", ...],              # AgencyKind values
        "steps": [(block_type, value), ...],
    }

An optional ``"quiz"`` holds ``{"settings": {...}, "questions": [(type, value), ...]}``:
settings are the ModulePage ``quiz_*`` fields without the prefix (``pass_mark``,
``attempts_allowed``, ``draw_count``, ``shuffle_questions``, ``shuffle_options``,
``time_limit_minutes``, ``grading``, ``review_content``, ``review_timing``); question
types are ``single``, ``multiple``, ``true_false`` and ``scenario`` (see
modules/blocks.py for their fields).

Step values use the block's field names. Lists (chronology ``entries``, decision and
knowledge-check ``options``) are plain lists of dicts; key-learning
``learning_points`` are review numbers; dates are ``YYYY-MM-DD`` strings.
"""

import json
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction

from learning.reviews.models import LearningPoint, Recommendation, Review

from ..models import ModuleAudience, ModuleIndexPage, ModulePage

LIST_FIELDS = {"entries", "options"}
REVIEW_SLUG = "chronic-neglect"


def _list_value(items):
    return [{"type": "item", "value": item, "id": str(uuid.uuid4())} for item in items]


def _step_raw(block_type, value, point_ids):
    raw = {}
    for key, item in value.items():
        if key in LIST_FIELDS:
            raw[key] = _list_value(item)
        elif key == "learning_points":
            raw[key] = _list_value([point_ids[number] for number in item])
        else:
            raw[key] = item
    raw.setdefault("name", "")
    raw.setdefault("continue_to", "")
    return {"type": block_type, "value": raw, "id": str(uuid.uuid4())}


def _question_raw(block_type, value):
    raw = {
        key: _list_value(item) if key == "options" else item
        for key, item in value.items()
    }
    return {"type": block_type, "value": raw, "id": str(uuid.uuid4())}


def quiz_raw(questions) -> str:
    return json.dumps([_question_raw(kind, value) for kind, value in questions])


def steps_raw(spec_steps, *, review: Review) -> str:
    point_ids = dict(review.learning_points.values_list("number", "pk"))
    return json.dumps(
        [_step_raw(block_type, value, point_ids) for block_type, value in spec_steps]
    )


@transaction.atomic
def module_content_load(
    *, spec: dict, index_page: ModuleIndexPage, update: bool = False
):
    """Create (or with ``update``, replace the content of) one module; publish it."""
    review = Review.objects.get(slug=REVIEW_SLUG)
    page = ModulePage.objects.child_of(index_page).filter(slug=spec["slug"]).first()
    created = page is None
    if not created and not update:
        return page, False
    if created:
        page = ModulePage(slug=spec["slug"], title=spec["title"])
    page.title = spec["title"]
    page.summary = spec["summary"]
    page.outcomes = "\n".join(spec["outcomes"])
    page.estimated_minutes = spec["estimated_minutes"]
    page.cpd_minutes = spec["cpd_minutes"]
    page.refresher_months = spec.get("refresher_months", 36)
    page.steps = steps_raw(spec["steps"], review=review)
    # The same validation the editor's form applies: branch targets, required fields.
    try:
        page.steps = page.steps.stream_block.clean(page.steps)
    except ValidationError as exc:
        detail = json.dumps(exc.as_json_data(), indent=1)
        raise ValidationError(
            f"Module {spec['slug']} has invalid steps: {detail}"
        ) from exc
    quiz = spec.get("quiz") or {"settings": {}, "questions": []}
    for key, value in quiz.get("settings", {}).items():
        setattr(page, f"quiz_{key}", value)
    page.quiz_questions = quiz_raw(quiz["questions"])
    try:
        page.quiz_questions = page.quiz_questions.stream_block.clean(
            page.quiz_questions
        )
    except ValidationError as exc:
        detail = json.dumps(exc.as_json_data(), indent=1)
        raise ValidationError(
            f"Module {spec['slug']} has an invalid quiz: {detail}"
        ) from exc
    page.recommendations = list(
        Recommendation.objects.filter(review=review, number__in=spec["recommendations"])
    )
    page.learning_points = list(
        LearningPoint.objects.filter(review=review, number__in=spec["learning_points"])
    )
    page.audiences = [ModuleAudience(kind=kind) for kind in spec.get("audiences", [])]
    if created:
        index_page.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    page.refresh_from_db()
    return page, created
