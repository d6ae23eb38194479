"""Booking fairness: whenever places appear, the waiting list gets them first, in order."""

import threading
from datetime import timedelta

from django.db import connections, transaction
from django.utils import timezone

import pytest

from learning.accounts.roles import Role
from learning.events.factories import TrainingSessionFactory
from learning.events.models import Booking, TrainingSession
from learning.events.services import booking_cancel, booking_create

from ..conftest import make_person, retry_while_locked


@pytest.fixture
def people(agency):
    return [
        make_person(email=f"queue{n}@council.example.org", agency=agency)
        for n in range(6)
    ]


def full_session_with_a_queue(people, *, capacity=1, waiting=3):
    """``capacity`` people booked, then ``waiting`` more on the waiting list."""
    session = TrainingSessionFactory(capacity=capacity)
    start = timezone.now() - timedelta(hours=1)
    bookings = []
    for n, person in enumerate(people[: capacity + waiting]):
        bookings.append(
            booking_create(
                session=session, learner=person, now=start + timedelta(minutes=n)
            )
        )
    assert [b.status for b in bookings] == ["booked"] * capacity + [
        "waitlisted"
    ] * waiting
    return session, bookings


def statuses(bookings):
    for booking in bookings:
        booking.refresh_from_db()
    return [booking.status for booking in bookings]


def edit_form_data(session, **changes):
    local = timezone.localtime
    data = {
        "course": session.course_id,
        "start": local(session.start).strftime("%Y-%m-%d %H:%M"),
        "end": local(session.end).strftime("%Y-%m-%d %H:%M"),
        "venue": session.venue,
        "online_joining_details": session.online_joining_details,
        "capacity": session.capacity,
        "booking_deadline": "",
        "trainers": [t.pk for t in session.trainers.all()],
        "checkin_opens_minutes": session.checkin_opens_minutes,
    }
    return {**data, **changes}


@pytest.mark.django_db
def test_raising_capacity_in_the_admin_promotes_the_waiting_list_in_order(
    client, people, agency, django_capture_on_commit_callbacks
):
    session, bookings = full_session_with_a_queue(people, capacity=1, waiting=3)
    lead = make_person(
        email="capacity.lead@council.example.org",
        agency=agency,
        roles=[Role.PARTNERSHIP_LEADS],
    )
    client.force_login(lead)
    url = f"/admin/snippets/events/trainingsession/edit/{session.pk}/"
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, edit_form_data(session, capacity=3))

    assert response.status_code == 302, response.content.decode()[:3000]
    session.refresh_from_db()
    assert session.capacity == 3
    # The first two on the waiting list have the new places; the third still waits.
    assert statuses(bookings) == ["booked", "booked", "booked", "waitlisted"]
    assert bookings[1].promoted_at is not None and bookings[2].promoted_at is not None
    # ... so the next person to book joins the end of the queue.
    late_comer = booking_create(session=session, learner=people[4])
    assert late_comer.status == "waitlisted"


@pytest.mark.django_db
def test_a_place_that_appears_outside_the_services_still_goes_to_the_queue_first(
    people,
):
    session, bookings = full_session_with_a_queue(people, capacity=1, waiting=2)
    # A data fix made in the shell, say: nothing promoted anybody.
    TrainingSession.objects.filter(pk=session.pk).update(capacity=2)

    late_comer = booking_create(session=session, learner=people[4])

    assert late_comer.status == "waitlisted"
    assert statuses(bookings) == ["booked", "booked", "waitlisted"]


@pytest.mark.django_db
def test_waitlist_promote_fills_each_new_place_in_booking_order(people):
    from learning.events.services import waitlist_promote

    session, bookings = full_session_with_a_queue(people, capacity=1, waiting=4)
    TrainingSession.objects.filter(pk=session.pk).update(capacity=4)

    promoted = waitlist_promote(session=session)

    assert promoted == bookings[1:4]
    assert statuses(bookings) == ["booked"] * 4 + ["waitlisted"]
    assert waitlist_promote(session=session) == []


@pytest.mark.django_db
def test_nobody_is_promoted_once_the_session_has_started(people):
    from learning.events.services import waitlist_promote

    session, bookings = full_session_with_a_queue(people, capacity=1, waiting=1)
    TrainingSession.objects.filter(pk=session.pk).update(capacity=2)

    assert waitlist_promote(session=session, now=session.start) == []
    assert statuses(bookings) == ["booked", "waitlisted"]


@pytest.mark.django_db
def test_a_cancellation_still_promotes_the_first_in_the_queue(people):
    session, bookings = full_session_with_a_queue(people, capacity=1, waiting=2)

    booking_cancel(booking=bookings[0], by=people[0])

    assert statuses(bookings) == ["cancelled", "booked", "waitlisted"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_learners_booking_while_capacity_is_raised_never_jump_the_queue(people):
    """Three new places appear while three newcomers book: the queue gets them."""
    from learning.events.services import waitlist_promote

    session, bookings = full_session_with_a_queue(people[:4], capacity=1, waiting=3)
    newcomers = people[4:] + [
        make_person(
            email="queue-extra@council.example.org", agency=people[0].profile.agency
        )
    ]
    barrier = threading.Barrier(1 + len(newcomers))
    errors = []

    def raise_capacity():
        # What the admin's edit view does: save the session, then promote, in one
        # transaction.
        def work():
            with transaction.atomic():
                edited = TrainingSession.objects.get(pk=session.pk)
                edited.capacity = 4
                edited.save()
                waitlist_promote(session=edited)

        try:
            barrier.wait()
            retry_while_locked(work)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    def book(user):
        try:
            barrier.wait()
            retry_while_locked(lambda: booking_create(session=session, learner=user))
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=raise_capacity)] + [
        threading.Thread(target=book, args=(user,)) for user in newcomers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert statuses(bookings) == ["booked"] * 4
    assert set(
        Booking.objects.filter(user__in=newcomers).values_list("status", flat=True)
    ) == {"waitlisted"}
