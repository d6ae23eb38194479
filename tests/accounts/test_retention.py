"""Retention: remove_inactive_accounts erases long-unused learner accounts only."""

import io
from datetime import datetime

from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest
import time_machine

from learning.accounts.models import User
from learning.accounts.privacy import REMOVED_LEARNER_NAME, erased_email
from learning.accounts.roles import Role
from learning.core.models import AuditEvent
from modules.factories import module_create
from modules.models import ModuleProgress
from tests.conftest import make_person

pytestmark = pytest.mark.django_db

LONG_AGO = datetime(2018, 3, 1, 10, 0, tzinfo=timezone.get_fixed_timezone(0))
LATELY = datetime(2024, 6, 1, 10, 0, tzinfo=timezone.get_fixed_timezone(0))
NOW = datetime(2026, 11, 1, 10, 0, tzinfo=timezone.get_fixed_timezone(0))


@pytest.fixture
def people(agency, other_agency):
    with time_machine.travel(LONG_AGO, tick=False):
        gone = make_person(email="gone@council.example.org", agency=agency)
        User.objects.filter(pk=gone.pk).update(last_login=LONG_AGO)
        never_signed_in = make_person(
            email="never@oakfield-primary.example.org", agency=other_agency
        )
        signed_in_lately = make_person(
            email="lately@council.example.org", agency=agency
        )
        learning_lately = make_person(
            email="learning@council.example.org", agency=agency
        )
        trainer = make_person(
            email="old-trainer@council.example.org",
            agency=agency,
            roles=[Role.TRAINERS],
        )
        manager = make_person(
            email="old-manager@council.example.org",
            agency=agency,
            roles=[Role.TEAM_MANAGERS],
        )
        staff = make_person(email="old-staff@council.example.org", agency=agency)
        User.objects.filter(pk=staff.pk).update(is_staff=True)
        module = module_create()
    User.objects.filter(pk=signed_in_lately.pk).update(last_login=LATELY)
    with time_machine.travel(LATELY, tick=False):
        ModuleProgress.objects.create(
            user=learning_lately, module=module, confidence_before=3
        )
    with time_machine.travel(NOW, tick=False):
        newcomer = make_person(email="new@council.example.org", agency=agency)
    return {
        "gone": gone,
        "never_signed_in": never_signed_in,
        "signed_in_lately": signed_in_lately,
        "learning_lately": learning_lately,
        "trainer": trainer,
        "manager": manager,
        "staff": staff,
        "newcomer": newcomer,
    }


def run(*args) -> str:
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("remove_inactive_accounts", *args, stdout=out)
    return out.getvalue()


def emails():
    return set(User.objects.values_list("email", flat=True))


def test_dry_run_is_the_default_lists_counts_and_changes_nothing(people):
    before = emails()

    output = run()

    assert "since 01 November 2020 (6 years): 2" in output
    assert "Children's Social Care: 1" in output
    assert "Oakfield Primary School: 1" in output
    assert "Dry run: nothing was changed" in output
    assert emails() == before
    assert "gone@council.example.org" not in output
    assert not AuditEvent.objects.filter(action="account.erased").exists()


def test_explicit_dry_run_changes_nothing(people):
    before = emails()

    run("--dry-run")

    assert emails() == before


def test_apply_erases_only_inactive_learner_accounts(people):
    output = run("--apply")

    assert "Erased 2 accounts." in output
    for key in ("gone", "never_signed_in"):
        user = User.objects.get(pk=people[key].pk)
        assert user.email == erased_email(user.pk)
        assert user.name == REMOVED_LEARNER_NAME
        assert not user.is_active
    for key in (
        "signed_in_lately",
        "learning_lately",
        "trainer",
        "manager",
        "staff",
        "newcomer",
    ):
        user = User.objects.get(pk=people[key].pk)
        assert user.is_active and user.email == people[key].email, key
    events = AuditEvent.objects.filter(action="account.erased")
    assert {event.data["reason"] for event in events} == {"retention"}
    assert {event.actor_id for event in events} == {None}


def test_a_second_run_finds_nothing_more_to_erase(people):
    run("--apply")

    output = run("--apply")

    assert "Erased 0 accounts." in output
    assert AuditEvent.objects.filter(action="account.erased").count() == 2


def test_years_come_from_the_setting_unless_given(people, settings):
    settings.ACCOUNT_RETENTION_YEARS = 10

    assert ": 0" in run()
    assert "(2 years): 4" in run("--years", "2")


def test_years_below_one_are_refused(people):
    before = emails()

    with pytest.raises(CommandError):
        run("--years", "0", "--apply")

    assert emails() == before
