from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from modules.factories import SAMPLE_QUIZ, module_create
from modules.models import ModuleProgress, QuizAdjustment, QuizAnswer, QuizAttempt
from modules.quiz import draw_questions, questions_of
from modules.services import (
    QUIZ_ANSWER_EVERY_QUESTION,
    QUIZ_FINISH_STEPS_FIRST,
    QUIZ_NO_ATTEMPTS_LEFT,
    QUIZ_ONE_ANSWER_ONLY,
    QUIZ_TIME_UP,
    QUIZ_UNKNOWN_OPTION,
    QUIZ_UNKNOWN_QUESTION,
    quiz_attempt_save,
    quiz_attempt_start,
    quiz_attempt_submit,
    quiz_pool_for,
    quiz_time_limit_for,
)

pytestmark = pytest.mark.django_db


def quiz_module(**settings):
    quiz = {
        "settings": {**SAMPLE_QUIZ["settings"], **settings},
        "questions": SAMPLE_QUIZ["questions"],
    }
    return module_create(
        quiz=quiz,
        steps=[("narrative", {"title": "Only step", "body": "<p>Read this.</p>"})],
    )


def ready(user, module):
    """A learner who has done the steps and rated their confidence."""
    now = timezone.now()
    return ModuleProgress.objects.create(
        user=user,
        module=module,
        revision_id=module.live_revision_id,
        confidence_before=2,
        confidence_after=4,
        current_step=None,
        steps_completed_at=now,
        started_at=now - timedelta(minutes=30),
    )


def answers_for(attempt, *, right=True):
    pool = quiz_pool_for(attempt=attempt)
    answers = {}
    for drawn in attempt.questions:
        question = pool[drawn["id"]]
        if right:
            answers[question.id] = sorted(question.correct_ids)
        else:
            wrong = [o.id for o in question.options if not o.is_correct]
            answers[question.id] = wrong[:1]
    return answers


@pytest.fixture
def quiz(db):
    return quiz_module()


def test_the_quiz_waits_until_the_steps_are_done(learner, quiz):
    with pytest.raises(ValidationError) as exc:
        quiz_attempt_start(user=learner, module=quiz)
    assert exc.value.messages == [str(QUIZ_FINISH_STEPS_FIRST)]
    assert not QuizAttempt.objects.exists()


def test_an_attempt_records_its_drawn_questions_and_revision(learner, quiz):
    ready(learner, quiz)
    attempt = quiz_attempt_start(user=learner, module=quiz)
    assert attempt.number == 1
    assert attempt.revision_id == quiz.live_revision_id
    assert {q["id"] for q in attempt.questions} == {b.id for b in quiz.quiz_questions}
    assert quiz_attempt_start(user=learner, module=quiz).pk == attempt.pk


def test_passing_scores_once_and_completes_the_module(learner, quiz):
    progress = ready(learner, quiz)
    attempt = quiz_attempt_start(user=learner, module=quiz)
    result = quiz_attempt_submit(attempt=attempt, answers=answers_for(attempt))
    assert (result.score, result.passed, result.correct_count) == (100, True, 4)
    progress.refresh_from_db()
    assert progress.completed_at is not None
    # A double submit (double click, back button, replayed POST) gives the same result.
    again = quiz_attempt_submit(
        attempt=attempt, answers=answers_for(attempt, right=False)
    )
    assert again.pk == result.pk and again.score == 100
    assert QuizAnswer.objects.filter(attempt=attempt).count() == 4


def test_a_failed_attempt_does_not_complete_the_module(learner, quiz):
    progress = ready(learner, quiz)
    attempt = quiz_attempt_start(user=learner, module=quiz)
    answers = answers_for(attempt)
    first = attempt.questions[0]["id"]
    answers[first] = answers_for(attempt, right=False)[first]
    result = quiz_attempt_submit(attempt=attempt, answers=answers)
    assert result.score == 75 and result.passed  # pass mark 75
    progress.refresh_from_db()
    assert progress.completed_at is not None


def test_below_the_pass_mark_fails(learner, quiz):
    progress = ready(learner, quiz)
    attempt = quiz_attempt_start(user=learner, module=quiz)
    result = quiz_attempt_submit(
        attempt=attempt, answers=answers_for(attempt, right=False)
    )
    assert result.score == 0 and result.passed is False
    progress.refresh_from_db()
    assert progress.completed_at is None


def test_multiple_answer_questions_need_exactly_the_right_set(learner, quiz):
    ready(learner, quiz)
    attempt = quiz_attempt_start(user=learner, module=quiz)
    pool = quiz_pool_for(attempt=attempt)
    multiple = next(q for q in pool.values() if q.kind == "multiple")
    answers = answers_for(attempt)
    answers[multiple.id] = sorted(multiple.correct_ids)[:1]
    quiz_attempt_submit(attempt=attempt, answers=answers)
    assert (
        QuizAnswer.objects.get(attempt=attempt, question_id=multiple.id).is_correct
        is False
    )


def test_the_attempt_limit_is_enforced(learner):
    module = quiz_module(attempts_allowed=2)
    ready(learner, module)
    for _ in range(2):
        attempt = quiz_attempt_start(user=learner, module=module)
        quiz_attempt_submit(attempt=attempt, answers=answers_for(attempt, right=False))
    with pytest.raises(ValidationError) as exc:
        quiz_attempt_start(user=learner, module=module)
    assert exc.value.messages == [str(QUIZ_NO_ATTEMPTS_LEFT)]
    assert QuizAttempt.objects.filter(user=learner).count() == 2


def test_a_submission_after_the_time_limit_is_refused(learner):
    module = quiz_module(time_limit_minutes=10)
    ready(learner, module)
    attempt = quiz_attempt_start(user=learner, module=module)
    assert attempt.deadline is not None
    saved = answers_for(attempt)
    first = attempt.questions[0]["id"]
    quiz_attempt_save(attempt=attempt, answers={first: saved[first]})
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )
    with pytest.raises(ValidationError) as exc:
        quiz_attempt_submit(attempt=attempt, answers=saved)
    assert exc.value.messages == [str(QUIZ_TIME_UP)]
    attempt.refresh_from_db()
    assert attempt.status == "timed_out"
    # Only the answer saved before the deadline was marked.
    assert attempt.correct_count == 1 and attempt.passed is False


def test_adjustments_give_a_named_learner_more_time_or_none(learner, other_learner):
    module = quiz_module(time_limit_minutes=10)
    QuizAdjustment.objects.create(module=module, user=learner, extra_minutes=15)
    QuizAdjustment.objects.create(module=module, user=other_learner, no_time_limit=True)
    assert quiz_time_limit_for(module=module, user=learner) == timedelta(minutes=25)
    assert quiz_time_limit_for(module=module, user=other_learner) is None


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (lambda a, ans: {**ans, "not-a-question": ["x"]}, QUIZ_UNKNOWN_QUESTION),
        (
            lambda a, ans: {**ans, a.questions[0]["id"]: ["forged-option"]},
            QUIZ_UNKNOWN_OPTION,
        ),
        (
            lambda a, ans: {**ans, a.questions[0]["id"]: a.questions[0]["options"][:2]},
            QUIZ_ONE_ANSWER_ONLY,
        ),
    ],
)
def test_tampered_answers_are_refused_and_record_nothing(
    learner, quiz, tamper, message
):
    ready(learner, quiz)
    attempt = quiz_attempt_start(user=learner, module=quiz)
    single_first = [
        q for q in attempt.questions if q["id"] == quiz.quiz_questions[0].id
    ]
    attempt.questions = single_first + [
        q for q in attempt.questions if q not in single_first
    ]
    attempt.save()
    with pytest.raises(ValidationError) as exc:
        quiz_attempt_submit(
            attempt=attempt, answers=tamper(attempt, answers_for(attempt))
        )
    assert exc.value.messages == [str(message)]
    attempt.refresh_from_db()
    assert attempt.status == "open" and attempt.score is None
    assert not QuizAnswer.objects.exists()


def test_missing_answers_are_refused(learner, quiz):
    ready(learner, quiz)
    attempt = quiz_attempt_start(user=learner, module=quiz)
    answers = answers_for(attempt)
    missing = attempt.questions[-1]["id"]
    answers.pop(missing)
    with pytest.raises(ValidationError) as exc:
        quiz_attempt_submit(attempt=attempt, answers=answers)
    assert exc.value.messages == [str(QUIZ_ANSWER_EVERY_QUESTION)]
    assert exc.value.params["missing"] == [missing]
    attempt.refresh_from_db()
    assert attempt.is_open


def test_saved_answers_survive_for_the_same_attempt(learner, quiz):
    ready(learner, quiz)
    attempt = quiz_attempt_start(user=learner, module=quiz)
    first = attempt.questions[0]["id"]
    chosen = answers_for(attempt)[first]
    quiz_attempt_save(attempt=attempt, answers={first: chosen})
    resumed = quiz_attempt_start(user=learner, module=quiz)
    assert resumed.pk == attempt.pk
    assert resumed.saved_answers == {first: chosen}


def test_drawing_takes_the_requested_number_and_keeps_option_ids():
    module = quiz_module(draw_count=2, shuffle_questions=True, shuffle_options=True)
    pool = questions_of(module.quiz_questions)
    drawn = draw_questions(pool, count=2, shuffle_questions=True, shuffle_options=True)
    assert len(drawn) == 2
    for item in drawn:
        assert set(item["options"]) == {o.id for o in pool[item["id"]].options}


def test_question_ids_stay_stable_when_the_quiz_is_edited(learner, quiz):
    ids_before = [b.id for b in quiz.quiz_questions]
    quiz.quiz_pass_mark = 60
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    assert [b.id for b in quiz.quiz_questions] == ids_before
