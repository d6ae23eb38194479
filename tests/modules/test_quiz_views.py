import json
import re

from django.core.cache import cache

import pytest

from modules.models import ModuleProgress, QuizAttempt
from modules.quiz import questions_of
from modules.services import QUIZ_ANSWER_EVERY_QUESTION, QUIZ_UNKNOWN_OPTION
from modules.views import QUIZ_NOT_YOUR_ATTEMPT

from .test_quiz_services import answers_for, quiz_module, ready

pytestmark = pytest.mark.django_db


def quiz_url(module):
    return f"{module.url}quiz/"


def start_attempt(client, module):
    assert client.post(quiz_url(module), {"action": "start"}).status_code == 302
    return QuizAttempt.objects.filter(module=module, status="open").latest("started_at")


def post_answers(client, module, attempt, answers, action="submit"):
    data = {"attempt": str(attempt.pk), "action": action}
    for question_id, chosen in answers.items():
        data[f"q-{question_id}"] = chosen
    return client.post(quiz_url(module), data)


@pytest.fixture
def quiz(db):
    return quiz_module()


def test_the_quiz_page_never_contains_the_correct_answers(client, learner, quiz):
    ready(learner, quiz)
    client.force_login(learner)
    start_attempt(client, quiz)
    html = client.get(quiz_url(quiz)).content.decode()
    pool = questions_of(quiz.quiz_questions)
    for question in pool.values():
        assert question.text in html
        for option in question.options:
            assert option.id in html or question.kind == "true_false"
            if option.feedback:
                assert option.feedback not in html
        if question.explanation:
            assert str(question.explanation.source) not in html
    for word in ("is_correct", "correct", "explanation"):
        assert word not in html.lower().replace("incorrect", "")


def test_a_learner_fails_then_passes_and_completes_the_module(client, learner, quiz):
    progress = ready(learner, quiz)
    client.force_login(learner)
    attempt = start_attempt(client, quiz)
    response = post_answers(client, quiz, attempt, answers_for(attempt, right=False))
    assert response["Location"].endswith("/quiz/results/1/")
    result = client.get(response["Location"]).content.decode()
    assert "You did not pass this time" in result
    assert "The correct answer:" in result  # review content "full", shown immediately
    attempt = start_attempt(client, quiz)
    assert attempt.number == 2
    response = post_answers(client, quiz, attempt, answers_for(attempt))
    assert "You passed" in client.get(response["Location"]).content.decode()
    progress.refresh_from_db()
    assert progress.completed_at is not None
    assert "Completed" in client.get(quiz.url).content.decode()


def test_double_submission_records_one_result(client, learner, quiz):
    ready(learner, quiz)
    client.force_login(learner)
    attempt = start_attempt(client, quiz)
    answers = answers_for(attempt)
    first = post_answers(client, quiz, attempt, answers)
    replay = post_answers(client, quiz, attempt, answers_for(attempt, right=False))
    assert first.status_code == 302
    assert replay.status_code in (302, 400)
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    assert QuizAttempt.objects.get(user=learner).score == 100


def test_a_repeated_submit_of_a_scored_attempt_shows_that_attempts_result(
    client, learner, quiz
):
    ready(learner, quiz)
    client.force_login(learner)
    attempt = start_attempt(client, quiz)
    first = post_answers(client, quiz, attempt, answers_for(attempt))
    client.get(first["Location"])  # the first response's page and message

    replay = post_answers(client, quiz, attempt, answers_for(attempt, right=False))

    assert replay.status_code == 302
    assert replay["Location"] == first["Location"]
    page = client.get(replay["Location"]).content.decode()
    assert "You passed" in page
    assert "Nothing was saved" not in page
    assert QuizAttempt.objects.get(user=learner).score == 100


def test_a_late_repeat_of_an_earlier_attempt_shows_that_attempts_result(
    client, learner
):
    module = quiz_module(attempts_allowed=3)
    ready(learner, module)
    client.force_login(learner)
    first = start_attempt(client, module)
    post_answers(client, module, first, answers_for(first, right=False))
    second = start_attempt(client, module)

    # A resend of the first attempt's submission, arriving after the second began.
    replay = post_answers(client, module, first, answers_for(first))

    assert replay.status_code == 302
    assert replay["Location"].endswith("/quiz/results/1/")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.score == 0 and second.is_open and second.saved_answers == {}


def test_an_autosave_that_arrives_after_the_submit_changes_nothing(
    client, learner, quiz
):
    ready(learner, quiz)
    client.force_login(learner)
    attempt = start_attempt(client, quiz)
    post_answers(client, quiz, attempt, answers_for(attempt))
    late_save = client.post(
        quiz_url(quiz),
        {"attempt": attempt.pk, "action": "save"},
        HTTP_ACCEPT="application/json",
    )
    assert late_save.status_code == 409
    attempt.refresh_from_db()
    assert attempt.score == 100


def test_missing_answers_show_an_error_and_keep_the_attempt_open(client, learner, quiz):
    ready(learner, quiz)
    client.force_login(learner)
    attempt = start_attempt(client, quiz)
    answers = answers_for(attempt)
    kept = attempt.questions[0]["id"]
    response = post_answers(client, quiz, attempt, {kept: answers[kept]})
    body = response.content.decode()
    assert response.status_code == 200
    assert str(QUIZ_ANSWER_EVERY_QUESTION) in body and "govuk-error-summary" in body
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.saved_answers == {kept: answers[kept]}


def test_tampered_option_ids_are_refused(client, learner, quiz):
    ready(learner, quiz)
    client.force_login(learner)
    attempt = start_attempt(client, quiz)
    answers = answers_for(attempt)
    answers[attempt.questions[0]["id"]] = ["forged"]
    response = post_answers(client, quiz, attempt, answers)
    assert response.status_code == 400
    assert str(QUIZ_UNKNOWN_OPTION) in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.saved_answers == {}


def test_another_learners_attempt_id_is_refused(client, learner, other_learner, quiz):
    ready(other_learner, quiz)
    client.force_login(other_learner)
    theirs = start_attempt(client, quiz)
    ready(learner, quiz)
    client.force_login(learner)
    start_attempt(client, quiz)
    response = post_answers(client, quiz, theirs, answers_for(theirs))
    assert response.status_code == 400
    assert str(QUIZ_NOT_YOUR_ATTEMPT) in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.is_open and theirs.score is None
    # Their results page is not reachable either.
    assert client.get(f"{quiz_url(quiz)}results/1/").status_code == 404


def test_saving_and_resuming_keeps_partial_answers(client, learner, quiz):
    ready(learner, quiz)
    client.force_login(learner)
    attempt = start_attempt(client, quiz)
    first = attempt.questions[0]["id"]
    chosen = answers_for(attempt)[first]
    response = post_answers(client, quiz, attempt, {first: chosen}, action="save")
    assert response.status_code == 302
    html = client.get(quiz_url(quiz)).content.decode()
    checked = re.findall(r'value="([^"]+)" checked', html)
    assert checked == chosen


def test_autosave_answers_json_requests_without_a_redirect(client, learner, quiz):
    ready(learner, quiz)
    client.force_login(learner)
    attempt = start_attempt(client, quiz)
    first = attempt.questions[0]["id"]
    response = client.post(
        quiz_url(quiz),
        {
            "attempt": attempt.pk,
            "action": "save",
            f"q-{first}": answers_for(attempt)[first],
        },
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 204


def test_the_quiz_is_closed_until_the_steps_are_done(client, learner, quiz):
    client.force_login(learner)
    html = client.get(quiz_url(quiz)).content.decode()
    assert "Work through every step" in html
    client.post(quiz_url(quiz), {"action": "start"})
    assert not QuizAttempt.objects.exists()


def test_review_is_held_back_until_finished_when_configured(client, learner):
    module = quiz_module(review_timing="when_finished", attempts_allowed=2)
    ready(learner, module)
    client.force_login(learner)
    attempt = start_attempt(client, module)
    post_answers(client, module, attempt, answers_for(attempt, right=False))
    first = client.get(f"{quiz_url(module)}results/1/").content.decode()
    assert "The correct answer:" not in first
    assert "once you pass or have used every attempt" in first
    attempt = start_attempt(client, module)
    post_answers(client, module, attempt, answers_for(attempt, right=False))
    second = client.get(f"{quiz_url(module)}results/2/").content.decode()
    assert "The correct answer:" in second


def test_quiz_page_queries_do_not_grow_with_the_number_of_questions(
    client, learner, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from modules.factories import SAMPLE_QUIZ

    counts = []
    for copies in (1, 5):
        module = quiz_module()
        raw = [
            {**block, "id": f"{block['id']}-{n}"}
            for n in range(copies)
            for block in list(module.quiz_questions.raw_data)
        ]
        module.quiz_questions = json.dumps(raw)
        module.save_revision().publish()
        module.refresh_from_db()
        ready(learner, module)
        client.force_login(learner)
        attempt = start_attempt(client, module)
        assert len(attempt.questions) == len(SAMPLE_QUIZ["questions"]) * copies
        # Each request measured with cold caches (permissions, partnership settings).
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(quiz_url(module)).status_code == 200
        counts.append(len(ctx))
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            post_answers(client, module, attempt, answers_for(attempt))
        counts.append(len(ctx))
    assert counts[0] == counts[2], counts
    assert counts[1] == counts[3], counts
    assert ModuleProgress.objects.filter(completed_at__isnull=False).count() == 2
