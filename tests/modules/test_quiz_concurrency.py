"""Two simultaneous submissions of one attempt record exactly one result."""

import threading

from django.db import connection, connections

import pytest

from modules.models import QuizAnswer, QuizAttempt
from modules.services import quiz_attempt_start, quiz_attempt_submit

from .test_quiz_services import answers_for, quiz_module, ready

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite serialises writers, so the race needs PostgreSQL (CI runs it there).",
    ),
]


def test_simultaneous_submits_of_one_attempt_record_one_result(learner):
    module = quiz_module()
    ready(learner, module)
    attempt = quiz_attempt_start(user=learner, module=module)
    answers = answers_for(attempt)
    barrier = threading.Barrier(4)
    results, errors = [], []

    def submit():
        try:
            barrier.wait()
            results.append(quiz_attempt_submit(attempt=attempt, answers=answers).score)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert results == [100, 100, 100, 100]
    assert QuizAttempt.objects.filter(user=learner, status="submitted").count() == 1
    assert QuizAnswer.objects.filter(attempt=attempt).count() == len(attempt.questions)
