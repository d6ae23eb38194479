"""Two simultaneous submissions of one attempt record exactly one result."""

import threading

from django.db import connections

import pytest

from modules.models import QuizAnswer, QuizAttempt
from modules.services import quiz_attempt_start, quiz_attempt_submit

from ..conftest import retry_while_locked
from .test_quiz_services import answers_for, quiz_module, ready

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
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
            result = retry_while_locked(
                lambda: quiz_attempt_submit(attempt=attempt, answers=answers)
            )
            results.append(result.score)
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
