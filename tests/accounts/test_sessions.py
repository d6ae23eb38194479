"""Sign-ins end after inactivity, after a fixed lifetime, and when a user is deactivated."""

import logging
import time

from django.contrib.messages import get_messages
from django.contrib.sessions.models import Session
from django.test import Client

import pytest
import time_machine
from allauth.usersessions.models import UserSession

from learning.accounts.factories import UserFactory
from learning.accounts.middleware import (
    SESSION_LAST_SEEN_KEY,
    SIGNED_OUT_IDLE,
    SIGNED_OUT_LIFETIME,
)
from learning.accounts.models import User
from learning.accounts.services import user_deactivate, user_sessions_end
from learning.core.models import AuditEvent

from .conftest import signed_in_user_id

pytestmark = pytest.mark.django_db

NOW = int(time.time())
MINUTE = 60


def _sign_in(client, user, password):
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": password}
    )
    assert response.status_code == 302
    return response


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _user_id_of(session_key):
    session = Session.objects.filter(session_key=session_key).first()
    return session.get_decoded().get("_auth_user_id") if session else None


# ------------------------------------------------------------ idle and lifetime


def test_a_sign_in_idle_for_longer_than_the_timeout_is_signed_out(
    client, learner, caplog
):
    with time_machine.travel(NOW, tick=False):
        client.force_login(learner)
    with (
        time_machine.travel(NOW + 31 * MINUTE, tick=False),
        caplog.at_level(logging.INFO, logger="learning.security"),
    ):
        response = client.get("/my-learning/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/my-learning/"
    assert _messages(response) == [str(SIGNED_OUT_IDLE)]
    assert signed_in_user_id(client) is None
    expired = [
        r for r in caplog.records if getattr(r, "event", "") == "session_expired"
    ]
    assert [(r.user_id, r.reason) for r in expired] == [(learner.pk, "idle")]


def test_a_sign_in_used_within_the_timeout_stays_signed_in(client, learner):
    with time_machine.travel(NOW, tick=False):
        client.force_login(learner)
    with time_machine.travel(NOW + 29 * MINUTE, tick=False):
        response = client.get("/my-learning/")

    assert response.status_code == 200
    assert signed_in_user_id(client) == learner.pk


def test_the_idle_timeout_is_read_from_settings_on_each_request(
    client, learner, settings
):
    settings.SESSION_IDLE_TIMEOUT = 5 * MINUTE
    with time_machine.travel(NOW, tick=False):
        client.force_login(learner)
    with time_machine.travel(NOW + 6 * MINUTE, tick=False):
        response = client.get("/my-learning/")

    assert response.status_code == 302
    assert signed_in_user_id(client) is None


def test_a_signed_out_post_goes_to_the_sign_in_page_and_changes_nothing(
    client, learner
):
    with time_machine.travel(NOW, tick=False):
        client.force_login(learner)
    with time_machine.travel(NOW + 31 * MINUTE, tick=False):
        response = client.post("/accounts/profile/", {"job_title": "Changed"})

    assert response["Location"] == "/accounts/login/"
    learner.profile.refresh_from_db()
    assert learner.profile.job_title != "Changed"


def test_an_active_sign_in_still_ends_after_its_absolute_lifetime(
    client, learner, settings
):
    with time_machine.travel(NOW, tick=False):
        client.force_login(learner)
    # A request every 20 minutes keeps it from going idle...
    elapsed = 0
    while elapsed + 20 * MINUTE <= settings.SESSION_COOKIE_AGE:
        elapsed += 20 * MINUTE
        with time_machine.travel(NOW + elapsed, tick=False):
            assert client.get("/my-learning/").status_code == 200
    # ...but not past the lifetime counted from sign-in.
    with time_machine.travel(NOW + settings.SESSION_COOKIE_AGE + MINUTE, tick=False):
        response = client.get("/my-learning/")

    assert response.status_code == 302
    assert _messages(response) == [str(SIGNED_OUT_LIFETIME)]
    assert signed_in_user_id(client) is None


def test_last_activity_is_written_at_most_once_a_minute(client, learner):
    with time_machine.travel(NOW, tick=False):
        client.force_login(learner)
    with time_machine.travel(NOW + 30, tick=False):
        client.get("/my-learning/")
        assert client.session[SESSION_LAST_SEEN_KEY] == NOW
    with time_machine.travel(NOW + 61, tick=False):
        client.get("/my-learning/")
        assert client.session[SESSION_LAST_SEEN_KEY] == NOW + 61


def test_anonymous_visitors_are_not_given_a_session(client, db):
    client.get("/accounts/login/")

    assert SESSION_LAST_SEEN_KEY not in client.session


# ---------------------------------------------------------------- deactivation


def test_deactivating_a_user_ends_every_session_they_have(
    learner, partnership_lead, password, caplog
):
    laptop, phone = Client(), Client()
    _sign_in(laptop, learner, password)
    _sign_in(phone, learner, password)
    keys = [laptop.session.session_key, phone.session.session_key]
    assert [_user_id_of(key) for key in keys] == [str(learner.pk)] * 2

    with caplog.at_level(logging.INFO, logger="learning.security"):
        user_deactivate(user=learner, by=partnership_lead)

    assert not Session.objects.filter(session_key__in=keys).exists()
    assert not UserSession.objects.filter(user=learner).exists()
    assert laptop.get("/my-learning/").status_code == 302
    assert signed_in_user_id(phone) is None
    learner.refresh_from_db()
    assert learner.is_active is False
    event = AuditEvent.objects.get(action="user.deactivated")
    assert (event.actor, event.object_id) == (partnership_lead, str(learner.pk))
    assert event.data == {"sessions_ended": 2}
    logged = [
        r for r in caplog.records if getattr(r, "event", "") == "user_deactivated"
    ]
    assert [(r.user_id, r.by_user_id) for r in logged] == [
        (learner.pk, partnership_lead.pk)
    ]
    for record in caplog.records:
        assert not any(key in str(record.__dict__) for key in keys)


def test_deactivating_one_user_leaves_other_peoples_sessions_alone(
    learner, other_learner, partnership_lead, password
):
    mine, theirs = Client(), Client()
    _sign_in(mine, learner, password)
    _sign_in(theirs, other_learner, password)

    user_deactivate(user=learner, by=partnership_lead)

    assert signed_in_user_id(theirs) == other_learner.pk
    assert theirs.get("/my-learning/").status_code == 200


def test_deactivating_an_inactive_user_is_not_audited_twice(learner, partnership_lead):
    user_deactivate(user=learner, by=partnership_lead)
    user_deactivate(user=learner, by=partnership_lead)

    assert AuditEvent.objects.filter(action="user.deactivated").count() == 1


def test_sessions_of_sign_ins_outside_allauth_are_indexed_and_ended(client, learner):
    client.force_login(learner)
    key = client.session.session_key

    assert user_sessions_end(user=learner) == 1

    assert not Session.objects.filter(session_key=key).exists()


def test_django_already_refuses_an_inactive_users_existing_session(client, learner):
    client.force_login(learner)
    # Not through user_deactivate: the session is left in place on purpose.
    User.objects.filter(pk=learner.pk).update(is_active=False)

    response = client.get("/my-learning/")

    assert response.status_code == 302
    assert response.wsgi_request.user.is_anonymous


def test_a_deactivated_user_cannot_sign_in_again(client, learner, partnership_lead):
    user_deactivate(user=learner, by=partnership_lead)

    client.post("/accounts/login/", {"login": learner.email, "password": "x"})

    assert signed_in_user_id(client) is None


# ----------------------------------------------------------- the Wagtail admin


@pytest.fixture
def admin_user(db):
    return UserFactory(email="admin@example.org", is_superuser=True)


def _edit_data(user, *, is_active):
    data = {"email": user.email, "name": user.name, "is_superuser": ""}
    data["groups"] = [group.pk for group in user.groups.all()]
    if is_active:
        data["is_active"] = "on"
    return data


def test_unticking_active_in_the_admin_ends_the_users_sessions(
    client, admin_user, learner, password
):
    browser = Client()
    _sign_in(browser, learner, password)
    client.force_login(admin_user)

    response = client.post(
        f"/admin/users/edit/{learner.pk}/", _edit_data(learner, is_active=False)
    )

    assert response.status_code == 302, response.context["form"].errors
    assert signed_in_user_id(browser) is None
    learner.refresh_from_db()
    assert learner.is_active is False
    assert AuditEvent.objects.get(action="user.deactivated").actor == admin_user


def test_saving_a_user_in_the_admin_without_deactivating_keeps_their_sessions(
    client, admin_user, learner, password
):
    browser = Client()
    _sign_in(browser, learner, password)
    client.force_login(admin_user)

    client.post(f"/admin/users/edit/{learner.pk}/", _edit_data(learner, is_active=True))

    assert signed_in_user_id(browser) == learner.pk
    assert not AuditEvent.objects.filter(action="user.deactivated").exists()


def test_marking_users_inactive_in_bulk_ends_their_sessions(
    client, admin_user, learner, other_learner, password
):
    browser = Client()
    _sign_in(browser, learner, password)
    client.force_login(admin_user)

    response = client.post(
        "/admin/bulk/accounts/user/set_active_state/"
        f"?next=/admin/users/&id={learner.pk}&id={other_learner.pk}",
        {"mark_as_active": "False"},
    )

    assert response.status_code == 302
    assert signed_in_user_id(browser) is None
    assert AuditEvent.objects.filter(action="user.deactivated").count() == 2
    assert not User.objects.filter(
        pk__in=[learner.pk, other_learner.pk], is_active=True
    ).exists()


def test_staff_without_user_permissions_cannot_deactivate_anyone_in_the_admin(
    client, partnership_lead, learner, password
):
    browser = Client()
    _sign_in(browser, learner, password)
    client.force_login(partnership_lead)

    client.post(
        f"/admin/users/edit/{learner.pk}/", _edit_data(learner, is_active=False)
    )
    client.post(
        f"/admin/bulk/accounts/user/set_active_state/?id={learner.pk}",
        {"mark_as_active": "False"},
    )

    learner.refresh_from_db()
    assert learner.is_active is True
    assert signed_in_user_id(browser) == learner.pk
    assert not AuditEvent.objects.filter(action="user.deactivated").exists()


def test_deactivation_needs_a_real_user(partnership_lead):
    with pytest.raises(User.DoesNotExist):
        user_deactivate(user=User(pk=987654), by=partnership_lead)

    assert not AuditEvent.objects.exists()


def test_with_sessions_read_through_the_cache_deactivation_still_ends_them(
    settings, client, learner, partnership_lead, password
):
    """Production keeps sessions in the database and reads them through Redis
    (``cached_db``); ending them must clear the cached copy too."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    browser = Client()
    _sign_in(browser, learner, password)
    assert signed_in_user_id(browser) == learner.pk
    assert browser.get("/my-learning/").status_code == 200

    user_deactivate(user=learner, by=partnership_lead)

    response = browser.get("/my-learning/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
