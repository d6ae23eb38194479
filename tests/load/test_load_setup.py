"""The load test's own parts: its accounts command and its form reader.

The Locust run itself needs gunicorn and PostgreSQL (``make loadtest``); these
check, on the ordinary test database, what it relies on.
"""

import json
import random
import sys
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from learning.accounts.roles import Role
from learning.core.management.commands.create_load_users import (
    NO_AGENCIES,
    NO_QUIZ_MODULE,
    REFUSED_WITHOUT_DEBUG,
    load_email,
)
from modules.factories import SAMPLE_QUIZ, module_create
from modules.models import ModuleProgress, QuizAttempt
from modules.services import quiz_attempt_start

sys.path.insert(0, str(Path(__file__).parent))
from pages import form_with, links, post_forms

pytestmark = pytest.mark.django_db
PASSWORD = "a-load-test-password"


@pytest.fixture
def quiz_module():
    return module_create(
        quiz={
            "settings": SAMPLE_QUIZ["settings"],
            "questions": SAMPLE_QUIZ["questions"],
        }
    )


def create(tmp_path, *extra):
    manifest = tmp_path / "manifest.json"
    call_command(
        "create_load_users",
        "--force",
        "--password",
        PASSWORD,
        "--learners",
        "3",
        "--quiz-takers",
        "2",
        "--burst",
        "3",
        "--leads",
        "2",
        "--manifest",
        str(manifest),
        *extra,
    )
    return json.loads(manifest.read_text())


def test_create_load_users_refuses_without_debug_or_force(tmp_path, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match=REFUSED_WITHOUT_DEBUG):
        call_command(
            "create_load_users",
            "--password",
            PASSWORD,
            "--manifest",
            str(tmp_path / "m.json"),
        )
    assert not (tmp_path / "m.json").exists()


def test_create_load_users_needs_a_live_quiz_and_agencies(tmp_path, agency):
    with pytest.raises(CommandError, match=NO_QUIZ_MODULE):
        create(tmp_path)


def test_create_load_users_needs_agencies(tmp_path, quiz_module):
    with pytest.raises(CommandError, match=NO_AGENCIES):
        create(tmp_path)


def test_load_accounts_sign_in_with_the_password_and_quiz_takers_can_start(
    tmp_path, client, agency, quiz_module, django_user_model
):
    manifest = create(tmp_path)

    assert manifest["quiz_module_url"] == quiz_module.url
    assert manifest["learners"] == [load_email("learner", n) for n in (1, 2, 3)]
    assert len(manifest["burst"]) == 3
    assert len(manifest["sessions"]) == 3
    assert client.login(email=manifest["learners"][0], password=PASSWORD)
    assert not client.login(email=manifest["learners"][0], password="wrong")
    lead = django_user_model.objects.get(email=manifest["leads"][0])
    assert lead.groups.filter(name=Role.PARTNERSHIP_LEADS).exists()
    for email in manifest["quiz_takers"] + manifest["burst"]:
        user = django_user_model.objects.get(email=email)
        attempt = quiz_attempt_start(user=user, module=quiz_module)
        assert attempt.number == 1
    assert not ModuleProgress.objects.filter(
        user__email__in=manifest["learners"]
    ).exists()


def test_running_create_load_users_again_adds_nobody_twice(
    tmp_path, agency, quiz_module, django_user_model
):
    create(tmp_path)
    users = django_user_model.objects.count()
    progress = ModuleProgress.objects.count()

    create(tmp_path)

    assert django_user_model.objects.count() == users
    assert ModuleProgress.objects.count() == progress
    assert not QuizAttempt.objects.exists()


PAGE = """
<header><form method="post" action="/accounts/logout/">
<input type="hidden" name="csrfmiddlewaretoken" value="t0"></form></header>
<a href="/modules/a/">A</a><a href="/modules/b/">B</a><a href="/training/">T</a>
<form method="post" novalidate>
  <input type="hidden" name="csrfmiddlewaretoken" value="t1">
  <input type="hidden" name="block_id" value="b-1">
  <input type="radio" name="answer-option" value="x">
  <input type="radio" name="answer-option" value="y">
  <input type="checkbox" name="answer-selected" value="e1">
  <input type="checkbox" name="answer-selected" value="e2" disabled>
  <textarea name="answer-text"></textarea>
  <button type="submit" name="action" value="submit">Submit</button>
  <button type="submit" name="action" value="save">Save</button>
</form>
<form method="get" action="/search/"><input name="q"></form>
"""


def test_form_reader_fills_the_step_form_and_ignores_sign_out_and_get_forms():
    forms = post_forms(PAGE)
    assert len(forms) == 1
    form = form_with(PAGE, "block_id")
    data = form.filled(random.Random(1), button="save")

    assert data["csrfmiddlewaretoken"] == "t1"
    assert data["block_id"] == "b-1"
    assert data["answer-option"] in {"x", "y"}
    assert data["answer-selected"] == ["e1"]
    assert data["answer-text"]
    assert data["action"] == "save"
    assert form_with(PAGE, "nothing-like-this") is None
    assert links(PAGE, "/modules/") == ["/modules/a/", "/modules/b/"]
