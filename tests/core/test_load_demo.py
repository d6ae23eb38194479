import re
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client

import pytest
from allauth.account.models import EmailAddress

from learning.accounts.models import Agency, AgencyEmailDomain, Profile, User
from learning.accounts.roles import Role
from learning.core.demo import AGENCIES, DEMO_ACCOUNTS
from learning.core.management.commands.load_demo import REFUSED_WITHOUT_DEBUG

pytestmark = pytest.mark.django_db

DEMO_EMAILS = [account[0] for account in DEMO_ACCOUNTS]
LEARNERS = 4


def _load(**options):
    out = StringIO()
    call_command("load_demo", learners=LEARNERS, stdout=out, **options)
    return out.getvalue()


def _row_counts():
    return {
        "users": User.objects.count(),
        "profiles": Profile.objects.count(),
        "agencies": Agency.objects.count(),
        "email domains": AgencyEmailDomain.objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "group memberships": User.groups.through.objects.count(),
        "groups": Group.objects.count(),
    }


def _printed_password(output):
    match = re.search(r"password: (\S+)", output)
    assert match, output
    return match.group(1)


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def test_load_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError) as excinfo:
        _load()

    assert str(excinfo.value) == REFUSED_WITHOUT_DEBUG
    assert not User.objects.exists()
    assert not Agency.objects.exists()


def test_load_demo_runs_without_debug_when_forced(settings):
    settings.DEBUG = False

    _load(force=True)

    assert User.objects.filter(email__in=DEMO_EMAILS).count() == len(DEMO_EMAILS)


@pytest.mark.usefixtures("debug")
def test_load_demo_rejects_a_negative_number_of_learners():
    with pytest.raises(CommandError, match="--learners must be zero or more."):
        call_command("load_demo", learners=-1, stdout=StringIO())


@pytest.mark.usefixtures("debug")
def test_load_demo_creates_the_agencies_accounts_and_learners():
    _load()

    assert Agency.objects.count() == len(AGENCIES)
    assert User.objects.count() == len(DEMO_ACCOUNTS) + LEARNERS
    assert Profile.objects.count() == User.objects.count()


@pytest.mark.usefixtures("debug")
def test_load_demo_twice_leaves_the_same_rows():
    _load()
    first = _row_counts()

    output = _load()

    assert _row_counts() == first
    assert "0 new learners" in output


@pytest.mark.usefixtures("debug")
def test_load_demo_prints_the_four_demo_accounts_and_the_password():
    output = _load()

    for email in DEMO_EMAILS:
        assert email in output
    assert len(DEMO_EMAILS) == 4
    assert _printed_password(output)


@pytest.mark.usefixtures("debug")
def test_demo_accounts_have_verified_primary_emails():
    _load()

    for email in DEMO_EMAILS:
        address = EmailAddress.objects.get(email=email)
        assert address.verified
        assert address.primary
        assert address.user.email == email


@pytest.mark.usefixtures("debug")
def test_demo_accounts_have_their_roles():
    _load()

    roles = {
        email: set(User.objects.get(email=email).groups.values_list("name", flat=True))
        for email in DEMO_EMAILS
    }

    assert roles == {
        "learner@example.org": {Role.LEARNERS},
        "trainer@example.org": {Role.LEARNERS, Role.TRAINERS},
        "lead@example.org": {Role.LEARNERS, Role.PARTNERSHIP_LEADS},
        "agencylead@example.org": {Role.LEARNERS, Role.AGENCY_LEADS},
    }


@pytest.mark.usefixtures("debug")
def test_demo_learner_can_sign_in_with_the_printed_password():
    password = _printed_password(_load())
    client = Client()

    response = client.post(
        "/accounts/login/", {"login": "learner@example.org", "password": password}
    )

    assert response.status_code == 302
    learner = User.objects.get(email="learner@example.org")
    assert int(client.session["_auth_user_id"]) == learner.pk


@pytest.mark.usefixtures("debug")
def test_reloading_does_not_reset_a_changed_password():
    _load()
    learner = User.objects.get(email="learner@example.org")
    learner.set_password("a-password-chosen-later")
    learner.save()

    _load()

    learner.refresh_from_db()
    assert learner.check_password("a-password-chosen-later")
