import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest
import time_machine

from learning.core.models import AuditEvent
from learning.followups.models import FollowUp
from learning.followups.services import (
    ALREADY_ANSWERED,
    CHALLENGE_REQUIRED,
    CHANGED_PRACTICE_REQUIRED,
    CONFIDENCE_REQUIRED,
    EXAMPLE_REQUIRED,
    EXAMPLE_TOO_LONG,
    OBSERVED_REQUIRED,
)
from learning.followups.views import REFERRER_POLICY

pytestmark = pytest.mark.django_db

VALID = {
    "changed_practice": "yes",
    "example": "I ask for the reasons in writing when a referral is closed.",
    "confidence_now": "4",
    "used_challenge_process": "yes",
}
ANSWER_FIELDS = [
    "answered_at",
    "changed_practice",
    "example",
    "confidence_now",
    "used_challenge_process",
    "manager_token",
    "manager_sent_at",
]


def snapshot(follow_up):
    follow_up.refresh_from_db()
    return {name: getattr(follow_up, name) for name in ANSWER_FIELDS}


@pytest.fixture
def with_line_manager(learner):
    profile = learner.profile
    profile.line_manager_name = "Priya Okafor"
    profile.line_manager_email = "priya.okafor@council.example.org"
    profile.save()
    return profile


def answer_with_manager(client, follow_up, capture):
    with capture(execute=True):
        response = client.post(
            follow_up.get_absolute_url(), {**VALID, "ask_manager": "on"}
        )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    client.logout()
    return follow_up


# Learner's questionnaire


def test_anonymous_visitors_are_sent_to_sign_in(client, sent_follow_up):
    response = client.get(sent_follow_up.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/follow-up/")


def test_another_user_with_the_link_gets_not_found_and_changes_nothing(
    client, other_learner, sent_follow_up
):
    before = snapshot(sent_follow_up)
    client.force_login(other_learner)
    assert client.get(sent_follow_up.get_absolute_url()).status_code == 404
    assert client.post(sent_follow_up.get_absolute_url(), VALID).status_code == 404
    assert snapshot(sent_follow_up) == before
    assert not AuditEvent.objects.filter(action="follow_up.answered").exists()


def test_an_unknown_or_unsent_link_is_not_found(client, learner, sent_follow_up):
    client.force_login(learner)
    assert client.get("/follow-up/not-a-real-token/").status_code == 404
    FollowUp.objects.filter(pk=sent_follow_up.pk).update(sent_at=None)
    assert client.get(sent_follow_up.get_absolute_url()).status_code == 404


def test_the_questionnaire_asks_the_four_questions_and_is_kept_out_of_search(
    client, learner, sent_follow_up, django_assert_max_num_queries
):
    client.force_login(learner)
    with django_assert_max_num_queries(10):
        response = client.get(sent_follow_up.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Referrer-Policy"] == REFERRER_POLICY == "strict-origin"
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "Seeing the pattern" in html
    for name in ("changed_practice", "confidence_now", "used_challenge_process"):
        assert f'name="{name}" type="radio"' in html
    assert 'data-module="govuk-character-count"' in html
    assert "csrfmiddlewaretoken" in html
    # No line manager on the profile, so no offer to ask one.
    assert "ask_manager" not in html


def test_a_valid_answer_is_stored_audited_and_shown_back(
    client, learner, sent_follow_up, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sent_follow_up.get_absolute_url(), VALID)
    assert response.status_code == 302
    assert response["Location"] == sent_follow_up.get_absolute_url()
    sent_follow_up.refresh_from_db()
    assert sent_follow_up.answered_at is not None
    assert sent_follow_up.changed_practice == "yes"
    assert sent_follow_up.confidence_now == 4
    assert sent_follow_up.used_challenge_process == "yes"
    assert sent_follow_up.example == VALID["example"]
    assert sent_follow_up.manager_token is None
    event = AuditEvent.objects.get(action="follow_up.answered")
    assert event.actor == learner and event.object_id == str(sent_follow_up.pk)
    assert mail.outbox == []  # nobody else is emailed
    html = client.get(sent_follow_up.get_absolute_url()).content.decode()
    assert "Thank you for your answers" in html
    assert "<form" not in html.split('id="main-content"')[1]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "changed_practice", CHANGED_PRACTICE_REQUIRED),
        ({**VALID, "confidence_now": "0"}, "confidence_now", CONFIDENCE_REQUIRED),
        ({**VALID, "confidence_now": "6"}, "confidence_now", CONFIDENCE_REQUIRED),
        ({**VALID, "confidence_now": "four"}, "confidence_now", CONFIDENCE_REQUIRED),
        ({**VALID, "changed_practice": "maybe"}, "changed_practice", None),
        ({**VALID, "used_challenge_process": "often"}, "used_challenge_process", None),
        ({**VALID, "example": "  "}, "example", EXAMPLE_REQUIRED),
        ({**VALID, "example": "x" * 1001}, "example", EXAMPLE_TOO_LONG),
    ],
)
def test_invalid_answers_show_the_error_summary_and_store_nothing(
    client, learner, sent_follow_up, data, field, message
):
    message = (
        message
        or {
            "changed_practice": CHANGED_PRACTICE_REQUIRED,
            "used_challenge_process": CHALLENGE_REQUIRED,
        }[field]
    )
    before = snapshot(sent_follow_up)
    client.force_login(learner)
    response = client.post(sent_follow_up.get_absolute_url(), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert str(message).replace("'", "&#x27;") in html
    assert f'href="#id_{field}' in html
    assert snapshot(sent_follow_up) == before


def test_not_yet_needs_no_example(client, learner, sent_follow_up):
    client.force_login(learner)
    data = {**VALID, "changed_practice": "not_yet", "example": ""}
    assert client.post(sent_follow_up.get_absolute_url(), data).status_code == 302
    sent_follow_up.refresh_from_db()
    assert sent_follow_up.changed_practice == "not_yet"


def test_answering_twice_is_refused_and_keeps_the_first_answer(
    client, learner, sent_follow_up
):
    client.force_login(learner)
    client.post(sent_follow_up.get_absolute_url(), VALID)
    first = snapshot(sent_follow_up)
    second = {**VALID, "changed_practice": "not_yet", "confidence_now": "1"}
    response = client.post(sent_follow_up.get_absolute_url(), second)
    assert response.status_code == 200
    assert "Thank you for your answers" in response.content.decode()
    assert snapshot(sent_follow_up) == first
    assert AuditEvent.objects.filter(action="follow_up.answered").count() == 1


def test_the_service_refuses_a_second_answer_with_the_message(learner, sent_follow_up):
    from django.core.exceptions import ValidationError

    from learning.followups.services import follow_up_answer

    answer = {
        "changed_practice": "yes",
        "example": "An example.",
        "confidence_now": 3,
        "used_challenge_process": "no",
    }
    follow_up_answer(follow_up=sent_follow_up, user=learner, **answer)
    stale = FollowUp.objects.get(pk=sent_follow_up.pk)
    stale.answered_at = None  # as a second, simultaneous request would have read it
    with pytest.raises(ValidationError) as error:
        follow_up_answer(follow_up=stale, user=learner, **answer)
    assert error.value.messages == [str(ALREADY_ANSWERED)]


def test_the_questionnaire_closes_twelve_weeks_after_sending(
    client, learner, sent_follow_up
):
    with time_machine.travel(sent_follow_up.sent_at + timedelta(weeks=12, minutes=1)):
        client.force_login(learner)
        assert client.get(sent_follow_up.get_absolute_url()).status_code == 410
        response = client.post(sent_follow_up.get_absolute_url(), VALID)
    assert response.status_code == 410
    sent_follow_up.refresh_from_db()
    assert sent_follow_up.answered_at is None


def test_the_line_manager_offer_names_who_will_be_asked(
    client, learner, sent_follow_up, with_line_manager
):
    client.force_login(learner)
    html = client.get(sent_follow_up.get_absolute_url()).content.decode()
    assert "Ask my line manager for their view too" in html
    assert "Priya Okafor (priya.okafor@council.example.org)" in html


def test_a_tampered_ask_manager_without_a_line_manager_emails_nobody(
    client, learner, sent_follow_up, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            sent_follow_up.get_absolute_url(), {**VALID, "ask_manager": "on"}
        )
    assert response.status_code == 302
    sent_follow_up.refresh_from_db()
    assert sent_follow_up.manager_token is None
    assert mail.outbox == []


# Line manager's link


def test_opting_in_emails_the_line_manager_a_link_that_needs_no_account(
    client,
    learner,
    sent_follow_up,
    with_line_manager,
    django_capture_on_commit_callbacks,
):
    client.force_login(learner)
    follow_up = answer_with_manager(
        client, sent_follow_up, django_capture_on_commit_callbacks
    )
    assert follow_up.manager_email == "priya.okafor@council.example.org"
    assert follow_up.manager_token and follow_up.manager_token != follow_up.token
    [message] = mail.outbox
    assert message.to == ["priya.okafor@council.example.org"]
    link = re.search(r"http://testserver(/follow-up/manager/\S+/)", message.body)[1]
    assert link == follow_up.get_manager_url()
    assert VALID["example"] not in message.body

    response = client.get(link)  # signed out
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Referrer-Policy"] == REFERRER_POLICY == "strict-origin"
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert learner.name in html and "Seeing the pattern" in html
    assert VALID["example"] not in html
    assert 'name="observed_change" type="radio"' in html


def test_the_line_manager_answers_once(
    client,
    learner,
    sent_follow_up,
    with_line_manager,
    django_capture_on_commit_callbacks,
):
    client.force_login(learner)
    follow_up = answer_with_manager(
        client, sent_follow_up, django_capture_on_commit_callbacks
    )
    url = follow_up.get_manager_url()
    response = client.post(url, {"observed_change": "partly", "comment": " Better "})
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.manager_observed_change == "partly"
    assert follow_up.manager_comment == "Better"
    answered_at = follow_up.manager_answered_at
    assert AuditEvent.objects.get(action="follow_up.manager_answered").actor is None

    again = client.post(url, {"observed_change": "no", "comment": "Changed mind"})
    assert again.status_code == 200
    assert "cannot be used again" in again.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.manager_observed_change == "partly"
    assert follow_up.manager_answered_at == answered_at


@pytest.mark.parametrize("value", ["", "certainly", "yes'--"])
def test_a_missing_or_tampered_manager_answer_stores_nothing(
    client,
    learner,
    sent_follow_up,
    with_line_manager,
    django_capture_on_commit_callbacks,
    value,
):
    client.force_login(learner)
    follow_up = answer_with_manager(
        client, sent_follow_up, django_capture_on_commit_callbacks
    )
    response = client.post(follow_up.get_manager_url(), {"observed_change": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html and str(OBSERVED_REQUIRED) in html
    follow_up.refresh_from_db()
    assert follow_up.manager_answered_at is None
    assert follow_up.manager_observed_change == ""


def test_the_line_manager_link_expires(
    client,
    learner,
    sent_follow_up,
    with_line_manager,
    django_capture_on_commit_callbacks,
):
    client.force_login(learner)
    follow_up = answer_with_manager(
        client, sent_follow_up, django_capture_on_commit_callbacks
    )
    url = follow_up.get_manager_url()
    later = follow_up.manager_sent_at + timedelta(weeks=12, hours=1)
    with time_machine.travel(later):
        assert client.get(url).status_code == 410
        response = client.post(url, {"observed_change": "yes"})
    assert response.status_code == 410
    follow_up.refresh_from_db()
    assert follow_up.manager_answered_at is None


def test_an_unknown_manager_link_and_the_learners_own_token_are_not_found(
    client, sent_follow_up
):
    assert client.get("/follow-up/manager/not-a-real-token/").status_code == 404
    url = f"/follow-up/manager/{sent_follow_up.token}/"
    assert client.get(url).status_code == 404


# My learning


def test_my_learning_lists_open_questionnaires_only(
    client, learner, other_learner, sent_follow_up, django_assert_max_num_queries
):
    answered = FollowUp.objects.create(
        user=learner,
        kind="course",
        source_key="booking:answered",
        title="An answered course",
        completed_at=timezone.now() - timedelta(weeks=9),
        due_at=timezone.now() - timedelta(weeks=1),
        sent_at=timezone.now() - timedelta(days=6),
        answered_at=timezone.now(),
    )
    unsent = FollowUp.objects.create(
        user=learner,
        kind="course",
        source_key="booking:unsent",
        title="A course not yet asked about",
        completed_at=timezone.now() - timedelta(weeks=9),
        due_at=timezone.now() - timedelta(weeks=1),
    )
    client.force_login(learner)
    with django_assert_max_num_queries(25):
        html = client.get("/my-learning/").content.decode()
    assert "govuk-notification-banner" in html
    assert f'href="{sent_follow_up.get_absolute_url()}"' in html
    assert "Answer the questionnaire about “Seeing the pattern”" in html
    assert answered.title not in html and unsent.title not in html

    client.force_login(other_learner)
    html = client.get("/my-learning/").content.decode()
    assert sent_follow_up.token not in html
    assert "govuk-notification-banner__heading" not in html
