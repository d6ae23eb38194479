"""Take a module's quiz as the demo learner, in a real browser: fail, review, pass.

The learner is put at the quiz through the ORM (steps done, confidence rated), so this
test is about the quiz alone; test_module_journey walks the steps. Which answers are
right is read from the attempt's drawn questions and the module's question pool, and
the browser then answers by label, as a person would.
"""

import html
import re
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from django.utils.html import strip_tags

import pytest
from playwright.sync_api import expect

from learning.accounts.models import User
from learning.core.demo import DEMO_PASSWORD
from modules.models import ModulePage, ModuleProgress, QuizAttempt
from modules.quiz import questions_of

SLUG = "recognising-chronic-neglect"
OVERVIEW = f"/modules/{SLUG}/"
QUIZ = f"/modules/{SLUG}/quiz/"
EMAIL = "learner@example.org"
NAME = "Priya Shah"


@pytest.fixture
def demo_learner(db):
    call_command("load_demo", force=True, learners=0, verbosity=0)
    call_command("load_modules", only="recognising_neglect", verbosity=0)
    return User.objects.get(email=EMAIL)


@pytest.fixture
def module(demo_learner):
    module = ModulePage.objects.get(slug=SLUG)
    # The shipped settings this journey relies on.
    assert module.quiz_attempts_allowed == 3
    assert (module.quiz_review_content, module.quiz_review_timing) == (
        "full",
        "immediately",
    )
    return module


@pytest.fixture
def ready_for_quiz(demo_learner, module):
    """The demo learner has worked through every step and rated their confidence."""
    now = timezone.now()
    return ModuleProgress.objects.create(
        user=demo_learner,
        module=module,
        revision_id=module.live_revision_id,
        confidence_before=2,
        confidence_after=4,
        current_step=None,
        steps_completed_at=now,
        started_at=now - timedelta(minutes=30),
    )


def header_menu(page):
    return page.get_by_role("navigation", name="Menu")


def sign_in(page):
    page.goto("/accounts/login/")
    page.get_by_label(re.compile(r"email", re.I)).fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(
        header_menu(page).get_by_role("link", name=re.compile(re.escape(NAME)))
    ).to_be_visible()


def plain(text):
    """Text as a reader meets it: no tags or entities, whitespace collapsed."""
    return " ".join(html.unescape(strip_tags(str(text))).split())


def open_attempt(user, module):
    attempt = QuizAttempt.objects.get(user=user, module=module, status="open")
    return attempt, questions_of(module.quiz_questions)


def is_autosave(response):
    return response.request.method == "POST" and response.url.endswith(QUIZ)


def answer_attempt(page, attempt, pool, *, right):
    """Answer every drawn question, rightly or wrongly, through its labelled inputs."""
    total = len(attempt.questions)
    for number, drawn in enumerate(attempt.questions, start=1):
        question = pool[drawn["id"]]
        group = page.get_by_role("main").get_by_role(
            "group", name=re.compile(rf"^Question {number} of {total}\b")
        )
        expect(group).to_contain_text(question.text)
        if right:
            chosen = [o for o in question.options if o.is_correct]
        else:
            chosen = [o for o in question.options if not o.is_correct][:1]
        role = "checkbox" if question.multiple else "radio"
        inputs = group.get_by_role(role)
        expect(inputs).to_have_count(len(drawn["options"]))
        # The choices come in the order drawn for this attempt.
        values = [inputs.nth(i).get_attribute("value") for i in range(inputs.count())]
        assert values == drawn["options"]
        for option in chosen:
            choice = group.get_by_label(option.label, exact=True)
            # The HTML names each choice by its option id.
            expect(choice).to_have_attribute("value", option.id)
            # Each change is saved in the background; wait, so requests do not overlap.
            with page.expect_response(is_autosave):
                choice.check()
        for i in range(inputs.count()):
            value = inputs.nth(i).get_attribute("value")
            if value in {o.id for o in chosen}:
                expect(inputs.nth(i)).to_be_checked()
            else:
                expect(inputs.nth(i)).not_to_be_checked()


def test_fail_see_review_pass_on_second_attempt_and_complete(
    page, demo_learner, module, ready_for_quiz, js_errors
):
    sign_in(page)
    page.goto(QUIZ)
    main = page.get_by_role("main")
    page.get_by_role("button", name="Start the quiz").click()
    expect(main.get_by_role("heading", level=1)).to_have_text("Quiz: attempt 1")

    attempt, pool = open_attempt(demo_learner, module)
    assert attempt.number == 1 and attempt.questions
    # Before submitting, the page has the questions but no answers' feedback and no
    # explanations (the server's HTML, not only what is visible).
    source = plain(page.request.get(QUIZ).text())
    for drawn in attempt.questions:
        question = pool[drawn["id"]]
        assert plain(question.text) in source
        for option in question.options:
            assert plain(option.label) in source
            if option.feedback:
                assert plain(option.feedback) not in source, option.feedback
        if question.explanation:
            assert plain(question.explanation) not in source, question.explanation

    answer_attempt(page, attempt, pool, right=False)
    page.get_by_role("button", name="Submit my answers").click()
    expect(page).to_have_url(re.compile(rf"{QUIZ}results/1/$"))
    expect(main.get_by_role("heading", level=1)).to_have_text(
        "You did not pass this time"
    )
    expect(main).to_contain_text("Your score: 0%")
    # The module's review settings show the right answers straight away.
    expect(main.get_by_text("The correct answer:")).to_have_count(
        len(attempt.questions)
    )
    attempt.refresh_from_db()
    assert (attempt.status, attempt.passed, attempt.correct_count) == (
        "submitted",
        False,
        0,
    )

    main.get_by_role("link", name="Try the quiz again").click()
    expect(main).to_contain_text("You have used 1; 2 left.")
    main.get_by_role("button", name="Start another attempt").click()
    expect(main.get_by_role("heading", level=1)).to_have_text("Quiz: attempt 2")

    attempt, pool = open_attempt(demo_learner, module)
    assert attempt.number == 2
    answer_attempt(page, attempt, pool, right=True)
    page.get_by_role("button", name="Submit my answers").click()
    expect(page).to_have_url(re.compile(rf"{QUIZ}results/2/$"))
    expect(main.get_by_role("heading", level=1)).to_have_text("You passed")
    expect(main).to_contain_text("Your score: 100%")
    expect(main.get_by_text("The correct answer:")).to_have_count(0)
    attempt.refresh_from_db()
    assert attempt.passed is True

    page.goto(OVERVIEW)
    expect(main.get_by_text("Completed", exact=True)).to_be_visible()
    expect(main.get_by_role("link", name="Take the module again")).to_be_visible()
    ready_for_quiz.refresh_from_db()
    assert ready_for_quiz.completed_at is not None
    assert js_errors == []
