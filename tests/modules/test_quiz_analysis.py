"""Item analysis figures against a hand-computed fixture."""

import csv
import io
from datetime import timedelta

from django.utils import timezone

import pytest

from modules.models import QuizAnswer, QuizAttempt
from modules.quiz import questions_of
from modules.selectors import quiz_item_analysis

from ..conftest import make_person
from .test_quiz_services import quiz_module

pytestmark = pytest.mark.django_db


def _attempt(user, module, number, results, *, days_ago=0):
    """results: question index -> chosen option indexes."""
    pool = list(questions_of(module.quiz_questions).values())
    attempt = QuizAttempt.objects.create(
        user=user,
        module=module,
        number=number,
        status="submitted",
        questions=[{"id": q.id, "options": [o.id for o in q.options]} for q in pool],
        submitted_at=timezone.now() - timedelta(days=days_ago),
    )
    correct = 0
    for index, chosen_indexes in results.items():
        question = pool[index]
        chosen = [question.options[i].id for i in chosen_indexes]
        right = frozenset(chosen) == question.correct_ids
        correct += right
        QuizAnswer.objects.create(
            attempt=attempt, question_id=question.id, chosen=chosen, is_correct=right
        )
    attempt.correct_count = correct
    attempt.question_count = len(pool)
    attempt.score = correct * 100 / len(pool)
    attempt.passed = attempt.score >= 75
    attempt.save()
    return attempt


@pytest.fixture
def fixture(agency, other_agency):
    module = quiz_module()
    a = make_person(email="a@council.example.org", agency=agency)
    b = make_person(email="b@council.example.org", agency=agency)
    c = make_person(email="c@oakfield-primary.example.org", agency=other_agency)
    # Question 0 (single): options 0 correct, 1 and 2 wrong.
    # Question 1 (multiple): options 0 and 1 correct, 2 wrong.
    # Question 2 (true/false "false" correct): option 0 true (wrong), 1 false.
    # Question 3 (scenario single): option 1 correct.
    _attempt(a, module, 1, {0: [1], 1: [0], 2: [0], 3: [0]})  # 0 right
    _attempt(a, module, 2, {0: [0], 1: [0, 1], 2: [1], 3: [1]})  # 4 right
    _attempt(b, module, 1, {0: [2], 1: [0, 2], 2: [1], 3: [1]}, days_ago=10)  # 2 right
    _attempt(c, module, 1, {0: [1], 1: [0, 1], 2: [0], 3: [1]})  # 2 right
    return module


def test_item_analysis_matches_the_hand_computed_figures(fixture):
    result = quiz_item_analysis(module=fixture)
    assert result["attempts"] == 4
    assert result["learners"] == 3
    assert result["pass_rate"] == 25  # one attempt of four scored 100
    assert result["average_score"] == 50  # (0 + 100 + 50 + 50) / 4
    q0, q1, q2, q3 = result["rows"]
    assert (q0.answered, q0.correct, q0.percent_correct) == (4, 1, 25)
    assert (q0.top_wrong_label, q0.top_wrong_count) == ("Only managers", 2)
    assert (q1.answered, q1.correct) == (4, 2)
    assert (q1.top_wrong_label, q1.top_wrong_count) == ("One late arrival at school", 1)
    assert (q2.correct, q2.top_wrong_label, q2.top_wrong_count) == (2, "True", 2)
    assert (q3.correct, q3.percent_correct) == (3, 75)


def test_item_analysis_filters_by_agency_and_date(fixture, agency, other_agency):
    mine = quiz_item_analysis(module=fixture, agency=agency)
    assert mine["attempts"] == 3 and mine["learners"] == 2
    theirs = quiz_item_analysis(module=fixture, agency=other_agency)
    assert theirs["attempts"] == 1
    recent = quiz_item_analysis(
        module=fixture, start=timezone.localdate() - timedelta(days=2)
    )
    assert recent["attempts"] == 3


def test_trainers_see_the_analysis_and_export_it_as_csv(client, trainer, fixture):
    client.force_login(trainer)
    url = f"/admin/modules/{fixture.pk}/quiz-results/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Only managers" in page.content.decode()
    export = client.get(url, {"export": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[1][0] == "Generated at"
    assert rows[2][:2] == ["Attempts", "4"]
    header = rows.index(
        [
            "Question",
            "Text",
            "Answered",
            "Correct",
            "Percent correct",
            "Most chosen wrong answer",
            "Times chosen",
        ]
    )
    assert rows[header + 1][2:] == ["4", "1", "25", "Only managers", "2"]


def test_bad_filter_dates_show_an_error_not_a_crash(client, trainer, fixture):
    client.force_login(trainer)
    url = f"/admin/modules/{fixture.pk}/quiz-results/"
    response = client.get(url, {"start": "2026-05-01", "end": "2026-01-01"})
    assert response.status_code == 200
    assert "start date must be on or before" in response.content.decode()
    assert client.get(url, {"start": "not-a-date"}).status_code == 200


def test_learners_and_agency_leads_cannot_see_the_analysis(
    client, learner, agency_lead, fixture
):
    for user in (learner, agency_lead):
        client.force_login(user)
        response = client.get(f"/admin/modules/{fixture.pk}/quiz-results/")
        assert response.status_code in (302, 403)
