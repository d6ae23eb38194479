"""Two learners racing for the last place: exactly one gets it."""

import threading

from django.db import connection, connections

import pytest

from learning.events.factories import TrainingSessionFactory
from learning.events.models import Booking
from learning.events.services import booking_create

from ..conftest import make_person

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite serialises writers, so the race needs PostgreSQL (CI runs it there).",
    ),
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
            booking_create(session=session, learner=user)
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
