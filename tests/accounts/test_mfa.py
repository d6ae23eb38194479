"""Two-step sign-in: required for staff roles, optional for everyone else."""

import logging
import time
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict
from django.test import Client
from django.utils.html import escape

import pytest
import time_machine
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

from learning.accounts.factories import UserFactory, totp_code, totp_enable
from learning.accounts.middleware import MFA_REQUIRED, MFA_SETUP_URL
from learning.accounts.roles import Role
from learning.accounts.security import login_hash
from learning.core.models import AuditEvent
from learning.events.factories import TrainingSessionFactory
from learning.events.models import TrainingSession

from .conftest import signed_in_user_id

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"
MFA_AUTHENTICATE_URL = "/accounts/2fa/authenticate/"
INCORRECT_CODE = DefaultMFAAdapter.error_messages["incorrect_code"]
REAUTHENTICATE_URL = "/accounts/reauthenticate/"
# Tests that enter codes run with the clock stopped 5 seconds into a code's period
# (sessions saved then must still be valid at the real time afterwards).
NOW = int(time.time()) // 30 * 30 + 5


@pytest.fixture(autouse=True)
def _mfa_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


@pytest.fixture
def training_session(db):
    return TrainingSessionFactory()


def _example(path, training_session):
    return path.replace("<id>", str(training_session.pk))


def _sign_in(client, user, password):
    return client.post(LOGIN_URL, {"login": user.email, "password": password})


def _sign_in_and_confirm(client, user, password):
    """Sign in, then confirm the password again as allauth asks before MFA changes."""
    _sign_in(client, user, password)
    response = client.post(REAUTHENTICATE_URL, {"password": password})
    assert response.status_code == 302, response.content.decode()


def _form_errors(response):
    return [str(error) for error in response.context["form"].errors["code"]]


# Pages showing other people's records, a few of each kind (tests/security walks
# every URL pattern). ``<id>`` stands for a training session's id.
STAFF_PAGES = (
    "/admin/",
    "/reports/",
    "/reports/people/",
    "/licences/",
    "/training/charges/",
    "/certificates/manage/",
    "/certificates/ZZ-CODE/pdf/",
    "/briefings/",
    "/briefings/42/",
    "/briefings/team-managers/",
    "/audit/",
    "/training/<id>/register/",
    "/training/<id>/board/",
    "/training/<id>/cancel-session/",
)


# ---------------------------------------------------------------- who is forced


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_staff_without_an_authenticator_are_sent_to_set_one_up_on_every_staff_page(
    client, partnership_lead, training_session, path
):
    client.force_login(partnership_lead)

    response = client.get(_example(path, training_session))

    assert response.status_code == 302
    assert response["Location"] == MFA_SETUP_URL


@pytest.mark.parametrize("person", ["trainer", "agency_lead", "partnership_lead"])
def test_each_staff_role_is_sent_to_set_up_two_step_sign_in(client, request, person):
    client.force_login(request.getfixturevalue(person))

    response = client.get("/admin/")

    assert response["Location"] == MFA_SETUP_URL


def test_a_superuser_without_a_role_is_sent_to_set_up_two_step_sign_in(client):
    superuser = UserFactory(email="root@example.org", is_superuser=True)
    client.force_login(superuser)

    assert client.get("/reports/")["Location"] == MFA_SETUP_URL


def test_the_setup_page_explains_why_after_the_redirect(client, trainer, password):
    _sign_in_and_confirm(client, trainer, password)

    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0] == MFA_SETUP_URL
    assert response.status_code == 200
    assert "govuk-notification-banner" in response.content.decode()
    assert str(MFA_REQUIRED) in response.content.decode()


def test_the_setup_page_reached_directly_has_no_banner(client, trainer, password):
    _sign_in_and_confirm(client, trainer, password)

    response = client.get(MFA_SETUP_URL)

    assert response.status_code == 200
    assert str(MFA_REQUIRED) not in response.content.decode()


def test_staff_posting_to_a_protected_page_are_refused_and_nothing_changes(
    client, partnership_lead, training_session
):
    client.force_login(partnership_lead)

    response = client.post(f"/training/{training_session.pk}/cancel-session/")

    assert response.status_code == 403
    assert escape(str(MFA_REQUIRED)) in response.content.decode()
    assert MFA_SETUP_URL in response.content.decode()
    assert model_to_dict(TrainingSession.objects.get(pk=training_session.pk)) == (
        model_to_dict(training_session)
    )


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_staff_with_an_authenticator_pass_every_staff_page(
    client, partnership_lead, training_session, path
):
    totp_enable(partnership_lead)
    client.force_login(partnership_lead)

    response = client.get(_example(path, training_session))

    assert response.get("Location") != MFA_SETUP_URL
    assert "mfa/setup_required.html" not in [t.name for t in response.templates]


def test_lead_with_an_authenticator_opens_the_reports(client, partnership_lead):
    totp_enable(partnership_lead)
    client.force_login(partnership_lead)

    assert client.get("/reports/").status_code == 200


@pytest.mark.parametrize("path", ["/reports/", "/admin/", "/training/charges/"])
def test_learners_are_never_sent_to_set_up_two_step_sign_in(client, learner, path):
    client.force_login(learner)

    response = client.get(path)

    assert response.get("Location") != MFA_SETUP_URL
    assert response.status_code in (302, 403)


def test_team_managers_must_set_up_two_step_sign_in_before_their_briefings(
    client, learner, password
):
    learner.groups.add(Group.objects.get(name=Role.TEAM_MANAGERS))
    _sign_in_and_confirm(client, learner, password)

    assert client.get("/briefings/")["Location"] == MFA_SETUP_URL
    assert client.get("/briefings/record/")["Location"] == MFA_SETUP_URL
    assert client.get(MFA_SETUP_URL).status_code == 200


def test_a_learner_named_as_a_sessions_trainer_must_set_up_two_step_sign_in(
    client, learner, training_session
):
    training_session.trainers.add(learner)
    client.force_login(learner)

    response = client.get(f"/training/{training_session.pk}/register/")

    assert response["Location"] == MFA_SETUP_URL


def test_staff_pass_without_an_authenticator_when_the_setting_is_off(
    client, settings, partnership_lead
):
    settings.MFA_REQUIRED_FOR_STAFF = False
    client.force_login(partnership_lead)

    assert client.get("/reports/").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/2fa/",
        MFA_SETUP_URL,
        "/accounts/logout/",
        "/accounts/password/change/",
        "/accounts/profile/",
        "/my-learning/",
        "/",
        "/training/",
        "/certificates/verify/",
    ],
)
def test_staff_without_an_authenticator_still_reach_setup_sign_out_and_learning(
    client, trainer, path, password
):
    _sign_in_and_confirm(client, trainer, password)

    assert client.get(path).status_code == 200


# ------------------------------------------------------------------ setting it up


def test_staff_set_up_an_authenticator_and_go_on_to_the_page_they_asked_for(
    client, partnership_lead, password, django_capture_on_commit_callbacks, settings
):
    # allauth emails after commit using the request, which in a test has ended
    # by the time the callbacks run.
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = False
    _sign_in_and_confirm(client, partnership_lead, password)
    client.get("/reports/?agency=1")
    with time_machine.travel(NOW, tick=False):
        page = client.get(MFA_SETUP_URL)
        secret = client.session[SECRET_SESSION_KEY]

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(MFA_SETUP_URL, {"code": totp_code(secret)})

    assert response["Location"] == "/accounts/2fa/recovery-codes/"
    assert Authenticator.objects.filter(
        user=partnership_lead, type=Authenticator.Type.TOTP
    ).exists()
    assert secret in page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in page.content.decode()
    assert (
        "<script" not in page.content.decode().split("</header>")[1].split("<footer")[0]
    )
    codes_page = client.get(response["Location"]).content.decode()
    assert 'href="/reports/?agency=1"' in codes_page
    assert client.get("/reports/").status_code == 200
    assert "/reports/?agency=1" not in client.get(response["Location"]).content.decode()
    assert AuditEvent.objects.filter(
        action="mfa.activated", actor=partnership_lead
    ).exists()


def test_a_wrong_code_does_not_turn_on_two_step_sign_in(client, trainer, password):
    _sign_in_and_confirm(client, trainer, password)
    client.get(MFA_SETUP_URL)

    response = client.post(MFA_SETUP_URL, {"code": "000000x"})

    assert response.status_code == 200
    assert _form_errors(response) == [str(INCORRECT_CODE)]
    assert not Authenticator.objects.filter(user=trainer).exists()


def test_the_issuer_is_the_partnerships_short_name_or_a_default(
    client, trainer, password
):
    from learning.core.selectors import partnership_settings

    partnership = partnership_settings()
    partnership.short_name = ""
    partnership.save()
    _sign_in_and_confirm(client, trainer, password)
    assert (
        "issuer=Safeguarding%20learning"
        in client.get(MFA_SETUP_URL).context["totp_url"]
    )

    partnership.short_name = "Riverside SPP"
    partnership.save()

    assert "issuer=Riverside%20SPP" in client.get(MFA_SETUP_URL).context["totp_url"]


# --------------------------------------------------------------------- signing in


def test_sign_in_with_an_authenticator_asks_for_a_code(client, trainer, password):
    secret = totp_enable(trainer)
    with time_machine.travel(NOW, tick=False):
        response = _sign_in(client, trainer, password)
        assert response["Location"] == MFA_AUTHENTICATE_URL
        assert signed_in_user_id(client) is None

        response = client.post(MFA_AUTHENTICATE_URL, {"code": totp_code(secret)})

    assert response.status_code == 302
    assert signed_in_user_id(client) == trainer.pk


def test_a_wrong_sign_in_code_is_refused(client, trainer, password):
    secret = totp_enable(trainer)
    with time_machine.travel(NOW, tick=False):
        _sign_in(client, trainer, password)
        stale = totp_code(secret, at=NOW - 120)

        response = client.post(MFA_AUTHENTICATE_URL, {"code": stale})

    assert response.status_code == 200
    assert _form_errors(response) == [str(INCORRECT_CODE)]
    assert signed_in_user_id(client) is None


def test_a_sign_in_code_cannot_be_used_twice(client, trainer, password):
    secret = totp_enable(trainer)
    with time_machine.travel(NOW, tick=False):
        _sign_in(client, trainer, password)
        client.post(MFA_AUTHENTICATE_URL, {"code": totp_code(secret)})
        other_browser = Client()
        _sign_in(other_browser, trainer, password)

        response = other_browser.post(MFA_AUTHENTICATE_URL, {"code": totp_code(secret)})

    assert _form_errors(response) == [str(INCORRECT_CODE)]
    assert signed_in_user_id(other_browser) is None


def test_a_recovery_code_signs_in_once(client, trainer, password):
    totp_enable(trainer)
    code = RecoveryCodes.activate(trainer).get_unused_codes()[0]
    _sign_in(client, trainer, password)

    client.post(MFA_AUTHENTICATE_URL, {"code": code})

    assert signed_in_user_id(client) == trainer.pk
    other_browser = Client()
    _sign_in(other_browser, trainer, password)
    response = other_browser.post(MFA_AUTHENTICATE_URL, {"code": code})
    assert _form_errors(response) == [str(INCORRECT_CODE)]
    assert signed_in_user_id(other_browser) is None


def test_learners_without_an_authenticator_sign_in_with_a_password_only(
    client, learner, password
):
    response = _sign_in(client, learner, password)

    assert response["Location"] == "/"
    assert signed_in_user_id(client) == learner.pk


# ------------------------------------------------------------ reauthentication


def test_adding_an_email_address_asks_to_confirm_it_is_you_first(
    client, learner, password
):
    from allauth.account.models import EmailAddress

    add = {"email": "priya.new@council.example.org", "action_add": ""}
    _sign_in(client, learner, password)

    response = client.post("/accounts/email/", add)

    assert response.status_code == 302
    assert response["Location"].startswith(REAUTHENTICATE_URL)
    assert not EmailAddress.objects.filter(email=add["email"]).exists()
    client.post(REAUTHENTICATE_URL, {"password": password})
    client.post("/accounts/email/", add)
    assert EmailAddress.objects.filter(email=add["email"], user=learner).exists()


def test_confirming_it_is_you_lasts_five_minutes(client, learner, password):
    add = {"email": "priya.new@council.example.org", "action_add": ""}
    with time_machine.travel(NOW, tick=False):
        _sign_in_and_confirm(client, learner, password)
    with time_machine.travel(NOW + 6 * 60, tick=False):
        response = client.post("/accounts/email/", add)

    assert response["Location"].startswith(REAUTHENTICATE_URL)


def test_turning_off_two_step_sign_in_asks_to_confirm_it_is_you_first(
    client, trainer, password
):
    secret = totp_enable(trainer)
    with time_machine.travel(NOW, tick=False):
        _sign_in(client, trainer, password)
        client.post(MFA_AUTHENTICATE_URL, {"code": totp_code(secret)})
        response = client.post("/accounts/2fa/totp/deactivate/")

    assert response.status_code == 302
    assert "reauthenticate" in response["Location"]
    assert Authenticator.objects.filter(
        user=trainer, type=Authenticator.Type.TOTP
    ).exists()


def test_turning_off_two_step_sign_in_is_audited_and_logged(
    client, trainer, password, caplog
):
    secret = totp_enable(trainer)
    with time_machine.travel(NOW, tick=False):
        _sign_in(client, trainer, password)
        client.post(MFA_AUTHENTICATE_URL, {"code": totp_code(secret)})
        client.post(REAUTHENTICATE_URL, {"password": password})
        with caplog.at_level(logging.INFO, logger="learning.security"):
            response = client.post("/accounts/2fa/totp/deactivate/")

    assert response["Location"] == "/accounts/2fa/"
    assert not Authenticator.objects.filter(
        user=trainer, type=Authenticator.Type.TOTP
    ).exists()
    assert AuditEvent.objects.filter(action="mfa.deactivated", actor=trainer).exists()
    assert "mfa_deactivated" in [getattr(r, "event", None) for r in caplog.records]


# ------------------------------------------------------------------ security log


def test_security_log_records_sign_ins_and_codes_without_any_secret(
    client, trainer, password, caplog, django_capture_on_commit_callbacks, settings
):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = False
    secret = totp_enable(trainer)
    recovery = RecoveryCodes.activate(trainer).get_unused_codes()
    wrong_password = "not-the-password-9"
    with (
        time_machine.travel(NOW, tick=False),
        caplog.at_level(logging.INFO, logger="learning.security"),
    ):
        _sign_in(client, trainer, wrong_password)
        _sign_in(client, trainer, password)
        wrong_code = totp_code(secret, at=NOW - 300)
        client.post(MFA_AUTHENTICATE_URL, {"code": wrong_code})
        right_code = totp_code(secret)
        client.post(MFA_AUTHENTICATE_URL, {"code": right_code})
        session_key = client.session.session_key
        client.post(REAUTHENTICATE_URL, {"password": password})
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/accounts/2fa/recovery-codes/generate/")

    events = [getattr(record, "event", None) for record in caplog.records]
    assert events.count("login_failed") == 1
    assert "mfa_failed" in events
    assert "login_succeeded" in events
    assert "recovery_codes_regenerated" in events
    secrets = [password, wrong_password, wrong_code, right_code, secret, session_key]
    secrets += recovery
    for record in caplog.records:
        text = f"{record.getMessage()} {record.__dict__}"
        for value in secrets:
            assert value not in text, f"{record.__dict__} reveals a secret"
    failed = next(
        r for r in caplog.records if getattr(r, "event", "") == "login_failed"
    )
    assert failed.login_hash == login_hash(trainer.email)


# ---------------------------------------------------------------------- demo data


def test_demo_staff_accounts_get_the_documented_authenticator_secret():
    from learning.core.demo import (
        DEMO_ACCOUNTS,
        DEMO_TOTP_SECRET,
        demo_accounts_load,
        demo_agencies_load,
    )

    users = demo_accounts_load(agencies=demo_agencies_load())

    enrolled = {
        user.email
        for user in users
        if Authenticator.objects.filter(user=user, type="totp").exists()
    }
    staff = {email for email, *_rest, roles in DEMO_ACCOUNTS if roles}
    assert enrolled == staff
    assert "learner@example.org" not in enrolled
    totp = Authenticator.objects.get(user__email="lead@example.org", type="totp")
    assert totp.wrap().validate_code(totp_code(DEMO_TOTP_SECRET))


def test_demo_totp_code_prints_the_current_code_for_a_demo_account(settings):
    from learning.core.demo import (
        DEMO_TOTP_SECRET,
        demo_accounts_load,
        demo_agencies_load,
    )

    settings.DEBUG = True
    demo_accounts_load(agencies=demo_agencies_load())
    out = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command(
            "demo_totp_code", "Lead@example.org", stdout=out, stderr=StringIO()
        )

    assert out.getvalue().strip() == totp_code(DEMO_TOTP_SECRET, at=NOW)


def test_the_demo_team_manager_gets_the_demo_authenticator_and_its_code(settings):
    from learning.briefings.demo import demo_briefings_load
    from learning.core.demo import DEMO_TOTP_SECRET

    settings.DEBUG = True
    call_command("load_modules", only="seven_minute_briefing", verbosity=0)
    call_command("load_demo", force=True, learners=30, stdout=StringIO())
    demo_briefings_load()

    manager = Authenticator.objects.get(
        type="totp", user__groups__name=Role.TEAM_MANAGERS
    ).user
    out = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("demo_totp_code", manager.email, stdout=out, stderr=StringIO())
    assert out.getvalue().strip() == totp_code(DEMO_TOTP_SECRET, at=NOW)


def test_demo_totp_code_refuses_without_debug_and_for_other_accounts(settings, trainer):
    from learning.accounts.management.commands import demo_totp_code

    totp_enable(trainer)
    settings.DEBUG = False
    with pytest.raises(CommandError, match=demo_totp_code.REFUSED_WITHOUT_DEBUG):
        call_command("demo_totp_code", "lead@example.org")

    settings.DEBUG = True
    with pytest.raises(CommandError) as refused:
        call_command("demo_totp_code", trainer.email)
    assert str(refused.value) == demo_totp_code.NOT_A_DEMO_ACCOUNT.format(
        email=trainer.email
    )


def test_signing_in_from_an_email_confirmation_link_does_not_log_its_key(
    client, signup_data, caplog
):
    from django.core import mail

    from .conftest import confirmation_path

    client.post("/accounts/signup/", signup_data)
    path = confirmation_path(mail.outbox[0])
    key = path.rstrip("/").rsplit("/", 1)[-1]
    with caplog.at_level(logging.INFO, logger="learning.security"):
        client.post(path)

    signed_in = [
        r for r in caplog.records if getattr(r, "event", "") == "login_succeeded"
    ]
    assert [r.view for r in signed_in] == ["account_confirm_email"]
    for record in caplog.records:
        assert key not in f"{record.getMessage()} {record.__dict__}"
