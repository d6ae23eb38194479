"""Who keeps a session's register: its creator by default, and who to ask if not."""

import re
from datetime import timedelta

from django.utils import timezone
from django.utils.html import escape

import pytest

from learning.accounts.roles import Role
from learning.events.factories import CourseFactory, TrainingSessionFactory
from learning.events.models import TrainingSession

from ..conftest import make_person

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/events/trainingsession/add/"


def new_session_data(course, **changes):
    start = timezone.localtime(timezone.now() + timedelta(days=21))
    data = {
        "course": course.pk,
        "start": start.strftime("%Y-%m-%d 09:30"),
        "end": start.strftime("%Y-%m-%d 12:30"),
        "venue": "Council House, Committee Room 2",
        "online_joining_details": "",
        "capacity": 20,
        "booking_deadline": "",
        "checkin_opens_minutes": 30,
    }
    return {**data, **changes}


def selected_trainers(html):
    select = re.search(r'<select[^>]*name="trainers".*?</select>', html, re.S).group(0)
    return {int(pk) for pk in re.findall(r'value="(\d+)"[^>]*selected', select)}


def test_a_trainer_who_creates_a_session_is_its_trainer_and_can_open_its_register(
    client, trainer
):
    course = CourseFactory()
    client.force_login(trainer)
    form = client.get(ADD_URL)
    assert form.status_code == 200
    assert selected_trainers(form.content.decode()) == {trainer.pk}

    # Even with the trainers left empty, the creator keeps the register.
    response = client.post(ADD_URL, new_session_data(course))

    assert response.status_code == 302, response.content.decode()[:3000]
    session = TrainingSession.objects.get(course=course)
    assert list(session.trainers.all()) == [trainer]
    assert client.get(f"/training/{session.pk}/register/").status_code == 200
    assert client.get(f"/training/{session.pk}/board/").status_code == 200


def test_a_trainer_who_names_another_trainer_is_not_added_as_well(
    client, trainer, agency
):
    colleague = make_person(
        email="colleague.trainer@council.example.org",
        agency=agency,
        roles=[Role.TRAINERS],
    )
    course = CourseFactory()
    client.force_login(trainer)

    response = client.post(ADD_URL, new_session_data(course, trainers=[colleague.pk]))

    assert response.status_code == 302, response.content.decode()[:3000]
    session = TrainingSession.objects.get(course=course)
    assert list(session.trainers.all()) == [colleague]


def test_a_partnership_lead_who_creates_a_session_is_not_made_its_trainer(
    client, partnership_lead
):
    course = CourseFactory()
    client.force_login(partnership_lead)
    assert selected_trainers(client.get(ADD_URL).content.decode()) == set()

    response = client.post(ADD_URL, new_session_data(course))

    assert response.status_code == 302, response.content.decode()[:3000]
    assert not TrainingSession.objects.get(course=course).trainers.exists()


def test_a_trainer_refused_a_register_is_told_who_can_give_access(
    client, trainer, agency
):
    from learning.events.views import REGISTER_ASK_FOR_ACCESS

    session_trainer = make_person(
        email="ruth.okafor@council.example.org",
        agency=agency,
        roles=[Role.TRAINERS],
        name="Ruth Okafor",
    )
    session = TrainingSessionFactory()
    session.trainers.add(session_trainer)
    client.force_login(trainer)

    for page in ("register", "board", "cancel-session"):
        response = client.get(f"/training/{session.pk}/{page}/")
        assert response.status_code == 403
        body = response.content.decode()
        assert escape(str(REGISTER_ASK_FOR_ACCESS % {"names": "Ruth Okafor"})) in body


def test_a_session_without_a_trainer_says_to_ask_a_partnership_lead(client, trainer):
    from learning.events.views import REGISTER_ASK_A_LEAD

    session = TrainingSessionFactory()
    client.force_login(trainer)

    response = client.get(f"/training/{session.pk}/register/")

    assert response.status_code == 403
    assert escape(str(REGISTER_ASK_A_LEAD)) in response.content.decode()


def test_a_learner_refused_a_register_is_told_whom_to_ask_but_not_their_names(
    client, learner, agency
):
    from learning.events.views import REGISTER_TRAINERS_ONLY

    session_trainer = make_person(
        email="ruth.okafor@council.example.org",
        agency=agency,
        roles=[Role.TRAINERS],
        name="Ruth Okafor",
    )
    session = TrainingSessionFactory()
    session.trainers.add(session_trainer)
    client.force_login(learner)

    response = client.get(f"/training/{session.pk}/register/")

    assert response.status_code == 403
    body = response.content.decode()
    assert escape(str(REGISTER_TRAINERS_ONLY)) in body
    assert "Ruth Okafor" not in body and "ruth.okafor" not in body
