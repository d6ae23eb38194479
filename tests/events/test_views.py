import csv
import io
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from learning.events.factories import TrainingSessionFactory
from learning.events.models import Booking
from learning.events.services import (
    booking_create,
    checkin_code,
    session_reminders_send,
)

from ..conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(trainer):
    session = TrainingSessionFactory(course__recommendation_numbers=[5], capacity=2)
    session.trainers.add(trainer)
    return session


def test_the_training_list_shows_places_left_and_filters(client, session):
    other = TrainingSessionFactory(course__title="Another course")
    html = client.get("/training/").content.decode()
    assert session.course.title in html and "2 places left" in html
    html = client.get("/training/", {"course": other.course.pk}).content.decode()
    assert session.get_absolute_url() not in html
    assert other.get_absolute_url() in html
    assert client.get("/training/", {"course": "nonsense"}).status_code == 200


def test_the_training_list_queries_do_not_grow_with_bookings(
    client, session, agency, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get("/training/")
    budget = len(ctx)
    for n in range(6):
        booking_create(
            session=session,
            learner=make_person(email=f"p{n}@council.example.org", agency=agency),
        )
        TrainingSessionFactory()
    with django_assert_max_num_queries(budget):
        client.get("/training/")


def test_booking_and_cancelling_through_the_pages(client, learner, session):
    client.force_login(learner)
    response = client.post(f"/training/{session.pk}/book/", follow=True)
    assert "Your place is booked" in response.content.decode()
    response = client.post(f"/training/{session.pk}/cancel/", follow=True)
    assert "Your booking is cancelled" in response.content.decode()
    assert Booking.objects.get().status == "cancelled"


def test_booking_needs_sign_in_and_post(client, session):
    assert client.get(f"/training/{session.pk}/book/").status_code == 405
    response = client.post(f"/training/{session.pk}/book/")
    assert "/accounts/login/" in response["Location"]
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("learner", 403),
        ("agency_lead", 403),
        ("trainer", 200),
        ("partnership_lead", 200),
    ],
)
def test_only_the_sessions_trainers_and_partnership_leads_keep_the_register(
    client, request, session, who, status
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/training/{session.pk}/register/").status_code == status
    assert client.get(f"/training/{session.pk}/board/").status_code == status


def test_a_trainer_of_another_session_cannot_open_this_register(
    client, session, agency
):
    from learning.accounts.roles import Role

    other_trainer = make_person(
        email="other.trainer@council.example.org", agency=agency, roles=[Role.TRAINERS]
    )
    TrainingSessionFactory().trainers.add(other_trainer)
    client.force_login(other_trainer)
    assert client.get(f"/training/{session.pk}/register/").status_code == 403


def test_the_register_saves_and_exports(client, trainer, learner, session):
    booking = booking_create(session=session, learner=learner)
    client.force_login(trainer)
    response = client.post(
        f"/training/{session.pk}/register/", {f"booking_{booking.pk}": "attended"}
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.attendance == "attended"
    export = client.get(f"/training/{session.pk}/register/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[1][0] == "Course" and rows[1][6:8] == ["Duration minutes", "180"]
    assert rows[2] == [
        "Name",
        "Email",
        "Agency",
        "Status",
        "Checked in at",
        "Walk-in",
        "Booked at",
    ]
    assert rows[3][:4] == [
        learner.name,
        learner.email,
        "Children's Social Care",
        "attended",
    ]


def test_a_tampered_register_status_is_refused(client, trainer, learner, session):
    booking = booking_create(session=session, learner=learner)
    client.force_login(trainer)
    response = client.post(
        f"/training/{session.pk}/register/", {f"booking_{booking.pk}": "teleported"}
    )
    assert (
        response.status_code == 200
        and "govuk-error-summary" in response.content.decode()
    )
    booking.refresh_from_db()
    assert booking.attendance == ""


def test_walk_ins_must_have_an_account(client, trainer, session):
    client.force_login(trainer)
    response = client.post(
        f"/training/{session.pk}/register/", {"walk_ins": "nobody@nowhere.example.org"}
    )
    assert "No account uses nobody@nowhere.example.org" in response.content.decode()
    assert not Booking.objects.exists()


def test_checking_in_through_the_page(client, learner, session):
    booking_create(session=session, learner=learner)
    session.start = timezone.now() + timedelta(minutes=10)
    session.end = session.start + timedelta(hours=2)
    session.save()
    client.force_login(learner)
    wrong = client.post(f"/training/{session.pk}/check-in/", {"code": "000000"})
    assert "not right for this session" in wrong.content.decode()
    response = client.post(
        f"/training/{session.pk}/check-in/",
        {"code": checkin_code(session)},
        follow=True,
    )
    assert "You are checked in" in response.content.decode()


def test_a_signed_out_learner_is_sent_to_sign_in_and_back(client, session):
    response = client.get(f"/training/{session.pk}/check-in/?code=123456")
    assert response.status_code == 302
    assert (
        "next=/training/" in response["Location"] and "check-in" in response["Location"]
    )


def test_my_learning_lists_bookings(client, learner, session):
    booking_create(session=session, learner=learner)
    client.force_login(learner)
    assert session.course.title in client.get("/my-learning/").content.decode()


def test_session_reminders_go_once(
    learner, session, django_capture_on_commit_callbacks
):
    booking_create(session=session, learner=learner)
    mail.outbox.clear()
    now = session.start - timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        assert session_reminders_send(now=now).sent == 1
        assert session_reminders_send(now=now).sent == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].subject.startswith("Reminder:")
    assert mail.outbox[0].attachments[0][0] == "session.ics"


def test_trainers_cancel_a_session_and_everyone_booked_is_told(
    client, trainer, learner, other_learner, session, django_capture_on_commit_callbacks
):
    booking_create(session=session, learner=learner)
    client.force_login(other_learner)
    assert client.post(f"/training/{session.pk}/cancel-session/").status_code == 403
    session.refresh_from_db()
    assert session.status == "scheduled"
    client.force_login(trainer)
    assert (
        "1 person is booked"
        in client.get(f"/training/{session.pk}/cancel-session/").content.decode()
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/training/{session.pk}/cancel-session/")
    session.refresh_from_db()
    assert session.status == "cancelled"
    assert [m.to for m in mail.outbox] == [[learner.email]]


def test_the_register_page_queries_do_not_grow_with_bookings(
    client, trainer, session, agency, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    session.capacity = 50
    session.save()
    booking_create(
        session=session,
        learner=make_person(email="a0@council.example.org", agency=agency),
    )
    client.force_login(trainer)
    with CaptureQueriesContext(connection) as ctx:
        client.get(f"/training/{session.pk}/register/")
    budget = len(ctx)
    for n in range(1, 8):
        booking_create(
            session=session,
            learner=make_person(email=f"a{n}@council.example.org", agency=agency),
        )
    with django_assert_max_num_queries(budget):
        response = client.get(f"/training/{session.pk}/register/")
    assert response.content.decode().count('name="booking_') >= 8 * 4


def test_the_admin_session_listing_links_to_the_register(client, trainer, session):
    client.force_login(trainer)
    response = client.get("/admin/snippets/events/trainingsession/")
    assert response.status_code == 200
    assert f"/training/{session.pk}/register/" in response.content.decode()
