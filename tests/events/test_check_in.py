"""Checking in: by POST only, with wrong codes limited per person and per session."""

import logging
from datetime import timedelta

from django.utils import timezone
from django.utils.html import escape

import pytest
import time_machine

from learning.events.factories import TrainingSessionFactory
from learning.events.models import Booking
from learning.events.services import (
    CHECKIN_ATTEMPTS_PER_PERSON,
    CHECKIN_ATTEMPTS_PER_SESSION,
    CHECKIN_PAUSED,
    CHECKIN_TOO_MANY_ATTEMPTS,
    booking_create,
    checkin_code,
)

from ..conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(db):
    start = timezone.now() + timedelta(minutes=10)
    return TrainingSessionFactory(
        start=start, end=start + timedelta(hours=2), capacity=40
    )


@pytest.fixture
def booked(session, learner):
    return booking_create(session=session, learner=learner)


def url(session):
    return f"/training/{session.pk}/check-in/"


def wrong_code(session):
    right = {
        checkin_code(session),
        checkin_code(session, timezone.now() - timedelta(minutes=1)),
    }
    return next(code for code in ("000000", "111111", "222222") if code not in right)


def checked_in(booking):
    booking.refresh_from_db()
    return booking.checked_in_at is not None


def security_events(caplog):
    return [getattr(record, "event", None) for record in caplog.records]


def test_opening_the_check_in_link_with_the_right_code_does_not_check_in(
    client, learner, session, booked
):
    client.force_login(learner)
    code = checkin_code(session)
    response = client.get(f"{url(session)}?code={code}")
    assert response.status_code == 200
    assert not checked_in(booked)
    # The QR code's link opens the form with the code filled in, ready to send.
    html = response.content.decode()
    assert 'method="post"' in html and f'value="{code}"' in html


def test_only_a_post_checks_in(client, learner, session, booked):
    client.force_login(learner)
    code = checkin_code(session)
    assert client.put(url(session), {"code": code}).status_code == 405
    assert not checked_in(booked)
    response = client.post(url(session), {"code": code})
    assert response.status_code == 302
    assert checked_in(booked)


def test_a_learner_locked_out_after_five_wrong_codes_cannot_check_in_with_the_right_one(
    client, learner, session, booked, caplog
):
    client.force_login(learner)
    with (
        time_machine.travel(timezone.now(), tick=False) as clock,
        caplog.at_level(logging.INFO, logger="learning.security"),
    ):
        for _ in range(CHECKIN_ATTEMPTS_PER_PERSON):
            response = client.post(url(session), {"code": wrong_code(session)})
            assert response.status_code == 400
            assert "not right for this session" in response.content.decode()
        response = client.post(url(session), {"code": checkin_code(session)})
        assert response.status_code == 429
        body = response.content.decode()
        assert (
            escape(str(CHECKIN_TOO_MANY_ATTEMPTS)) in body
            and "govuk-error-summary" in body
        )
        assert not checked_in(booked)
        assert security_events(caplog).count("checkin.wrong_code") == (
            CHECKIN_ATTEMPTS_PER_PERSON
        )
        assert "checkin.locked" in security_events(caplog)

        # Once the minute has passed, the right code works again.
        clock.shift(timedelta(seconds=61))
        response = client.post(url(session), {"code": checkin_code(session)})
        assert response.status_code == 302
        assert checked_in(booked)


def test_wrong_codes_from_many_people_pause_check_in_for_the_whole_session(
    client, learner, session, booked, agency, caplog
):
    guessers = [
        make_person(email=f"guesser{n}@council.example.org", agency=agency)
        for n in range(CHECKIN_ATTEMPTS_PER_SESSION // CHECKIN_ATTEMPTS_PER_PERSON)
    ]
    with (
        time_machine.travel(timezone.now(), tick=False) as clock,
        caplog.at_level(logging.INFO, logger="learning.security"),
    ):
        for guesser in guessers:
            booking_create(session=session, learner=guesser)
            client.force_login(guesser)
            for _ in range(CHECKIN_ATTEMPTS_PER_PERSON):
                client.post(url(session), {"code": wrong_code(session)})
        assert security_events(caplog).count("checkin.wrong_code") == (
            CHECKIN_ATTEMPTS_PER_SESSION
        )
        assert "checkin.session_locked" in security_events(caplog)

        # Someone who has made no attempt is refused too, even with the right code.
        client.force_login(learner)
        response = client.post(url(session), {"code": checkin_code(session)})
        assert response.status_code == 429
        assert escape(str(CHECKIN_PAUSED)) in response.content.decode()
        assert not checked_in(booked)
        # The trainer's board says why nobody can check in.
        session.trainers.add(
            trainer := make_person(
                email="board.trainer@council.example.org", agency=agency
            )
        )
        client.force_login(trainer)
        board = client.get(f"/training/{session.pk}/board/").content.decode()
        assert "Check-in is paused" in board

        clock.shift(timedelta(seconds=61))
        client.force_login(learner)
        response = client.post(url(session), {"code": checkin_code(session)})
        assert response.status_code == 302
        assert checked_in(booked)
    assert (
        not Booking.objects.exclude(pk=booked.pk).exclude(checked_in_at=None).exists()
    )


def test_a_few_typos_in_a_full_room_do_not_pause_check_in(
    client, session, agency, caplog
):
    people = [
        make_person(email=f"room{n}@council.example.org", agency=agency)
        for n in range(12)
    ]
    with time_machine.travel(timezone.now(), tick=False):
        for person in people:
            booking = booking_create(session=session, learner=person)
            client.force_login(person)
            client.post(url(session), {"code": wrong_code(session)})
            response = client.post(url(session), {"code": checkin_code(session)})
            assert response.status_code == 302
            assert checked_in(booking)


def test_a_signed_out_post_is_sent_to_sign_in_and_checks_nobody_in(
    client, session, booked
):
    response = client.post(url(session), {"code": checkin_code(session)})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not checked_in(booked)
