"""Timed quizzes: a submission is judged by when it arrived, not when it was processed.

The clock is moved on by time-machine between the request's arrival and its
processing: the first database query of the request (loading the session, after the
arrival time is recorded) finds the clock 30 seconds later, as if the request had
waited that long for a busy server.
"""

from datetime import timedelta

from django.db import connection
from django.utils import timezone

import pytest
import time_machine

from modules.models import QuizAttempt
from modules.services import (
    QUIZ_DEADLINE_GRACE,
    quiz_attempt_save,
    quiz_attempt_start,
    quiz_attempt_submit,
)

from .test_quiz_services import answers_for, quiz_module, ready
from .test_quiz_views import post_answers, quiz_url, start_attempt

pytestmark = pytest.mark.django_db

HELD_UP_FOR = timedelta(seconds=30)


class HeldUp:
    """An execute wrapper: the request's first query finds the clock moved on."""

    def __init__(self, clock, delay):
        self.clock, self.delay, self.shifted = clock, delay, False

    def __call__(self, execute, sql, params, many, context):
        if not self.shifted:
            self.shifted = True
            self.clock.shift(self.delay)
        return execute(sql, params, many, context)


@pytest.fixture
def timed(learner):
    module = quiz_module(time_limit_minutes=10)
    ready(learner, module)
    return module


def test_a_submit_that_arrived_in_time_but_was_processed_late_keeps_its_answers(
    client, learner, timed
):
    client.force_login(learner)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        attempt = start_attempt(client, timed)
        answers = answers_for(attempt)
        arrival = attempt.deadline + QUIZ_DEADLINE_GRACE - timedelta(seconds=1)
        clock.move_to(arrival)
        held_up = HeldUp(clock, HELD_UP_FOR)
        with connection.execute_wrapper(held_up):
            response = post_answers(client, timed, attempt, answers)
        assert held_up.shifted
        assert timezone.now() > attempt.deadline + QUIZ_DEADLINE_GRACE

    assert response.status_code == 302
    assert response["Location"].endswith("/quiz/results/1/")
    attempt.refresh_from_db()
    assert attempt.status == "submitted"
    assert attempt.correct_count == attempt.question_count and attempt.passed
    assert attempt.submitted_at == arrival


def test_an_autosave_that_arrived_in_time_but_was_processed_late_is_kept(
    client, learner, timed
):
    client.force_login(learner)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        attempt = start_attempt(client, timed)
        first = attempt.questions[0]["id"]
        chosen = answers_for(attempt)[first]
        clock.move_to(attempt.deadline + QUIZ_DEADLINE_GRACE - timedelta(seconds=1))
        with connection.execute_wrapper(HeldUp(clock, HELD_UP_FOR)):
            response = client.post(
                quiz_url(timed),
                {"attempt": attempt.pk, "action": "save", f"q-{first}": chosen},
                HTTP_ACCEPT="application/json",
            )

    assert response.status_code == 204
    attempt.refresh_from_db()
    assert attempt.saved_answers == {first: chosen}


def test_a_submit_that_arrived_after_the_grace_period_is_still_refused(
    client, learner, timed
):
    client.force_login(learner)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        attempt = start_attempt(client, timed)
        first = attempt.questions[0]["id"]
        answers = answers_for(attempt)
        post_answers(client, timed, attempt, {first: answers[first]}, action="save")
        clock.move_to(attempt.deadline + QUIZ_DEADLINE_GRACE + timedelta(seconds=1))
        response = post_answers(client, timed, attempt, answers)

    assert response["Location"].endswith("/quiz/results/1/")
    attempt.refresh_from_db()
    assert attempt.status == "timed_out"
    # Only the answer saved in time was marked.
    assert attempt.correct_count == 1


def test_the_service_judges_the_deadline_by_the_arrival_time_it_is_given(
    learner, timed
):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        attempt = quiz_attempt_start(user=learner, module=timed)
        arrived_at = attempt.deadline + QUIZ_DEADLINE_GRACE
        first = attempt.questions[0]["id"]
        answers = answers_for(attempt)
        clock.move_to(arrived_at + HELD_UP_FOR)
        quiz_attempt_save(
            attempt=attempt, answers={first: answers[first]}, arrived_at=arrived_at
        )
        result = quiz_attempt_submit(
            attempt=attempt, answers=answers, arrived_at=arrived_at
        )

    assert result.status == "submitted" and result.passed
    assert QuizAttempt.objects.get(pk=attempt.pk).submitted_at == arrived_at
