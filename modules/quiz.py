"""A uniform view of quiz questions, whatever block type authored them, and scoring.

These are plain functions over the module's StreamField; nothing here touches the
database.
"""

import random
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .blocks import TRUE_FALSE_OPTION_IDS, AnswerType


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    is_correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    text: str
    vignette: object
    multiple: bool
    options: tuple[Option, ...]
    explanation: object

    def option(self, option_id):
        return next((o for o in self.options if o.id == option_id), None)

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.is_correct)


def _choice_options(value):
    return tuple(
        Option(
            id=item.id,
            label=item.value["label"],
            is_correct=bool(item.value["is_correct"]),
            feedback=item.value.get("feedback") or "",
        )
        for item in value["options"].bound_blocks
    )


def question_from_block(block) -> Question:
    value = block.value
    if block.block_type == "true_false":
        answer = value["answer"]
        options = tuple(
            Option(
                id=option_id,
                label=str(_("True") if option_id == "true" else _("False")),
                is_correct=option_id == answer,
                feedback=value.get(f"feedback_{option_id}") or "",
            )
            for option_id in TRUE_FALSE_OPTION_IDS
        )
        return Question(
            id=block.id,
            kind=block.block_type,
            text=value["statement"],
            vignette=None,
            multiple=False,
            options=options,
            explanation=value.get("explanation"),
        )
    multiple = block.block_type == "multiple" or (
        block.block_type == "scenario" and value["answer_type"] == AnswerType.MULTIPLE
    )
    return Question(
        id=block.id,
        kind=block.block_type,
        text=value["question"],
        vignette=value.get("vignette") if block.block_type == "scenario" else None,
        multiple=multiple,
        options=_choice_options(value),
        explanation=value.get("explanation"),
    )


def questions_of(stream) -> dict[str, Question]:
    return {block.id: question_from_block(block) for block in stream}


def draw_questions(
    pool: dict[str, Question], *, count, shuffle_questions, shuffle_options, rng=None
) -> list[dict]:
    """Choose and order an attempt's questions: [{"id": ..., "options": [ids]}]."""
    rng = rng or random.SystemRandom()
    ids = list(pool)
    if count and count < len(ids):
        ids = rng.sample(ids, count)
        if not shuffle_questions:
            order = list(pool)
            ids.sort(key=order.index)
    elif shuffle_questions:
        rng.shuffle(ids)
    drawn = []
    for question_id in ids:
        option_ids = [o.id for o in pool[question_id].options]
        if shuffle_options and pool[question_id].kind != "true_false":
            rng.shuffle(option_ids)
        drawn.append({"id": question_id, "options": option_ids})
    return drawn


def is_correct(question: Question, chosen) -> bool:
    return frozenset(chosen) == question.correct_ids
