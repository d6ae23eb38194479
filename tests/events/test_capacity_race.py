"""Learners racing for the last place: exactly one gets it (SQLite and PostgreSQL)."""

import threading

from django.db import connections

import pytest

from learning.events.factories import TrainingSessionFactory
from learning.events.models import Booking
from learning.events.services import booking_create

from ..conftest import make_person, retry_while_locked

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_exactly_one_learner_gets_the_last_place(agency):
    session = TrainingSessionFactory(capacity=1)
    racers = [
        make_person(email=f"racer{n}@council.example.org", agency=agency)
        for n in range(6)
    ]
    barrier = threading.Barrier(len(racers))
    errors = []

    def book(user):
        try:
            barrier.wait()
            retry_while_locked(lambda: booking_create(session=session, learner=user))
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(user,)) for user in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Booking.objects.filter(session=session, status="booked").count() == 1
    assert Booking.objects.filter(session=session, status="waitlisted").count() == 5
