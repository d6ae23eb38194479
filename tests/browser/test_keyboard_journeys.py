"""Module, quiz and check-in with the keyboard alone: Tab, Shift+Tab, Space, Enter,
arrow keys and typing; never a click.

Every element that takes focus on the way must show it (an outline or a box shadow,
or for GOV.UK radios and checkboxes the ring drawn by their label), and when a form
comes back with errors the focus must be on the error summary.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from learning.accounts.models import User
from learning.events.factories import TrainingSessionFactory
from learning.events.models import Booking
from learning.events.services import booking_create, checkin_code
from modules.models import ModulePage, ModuleProgress, QuizAttempt

SLUG = "recognising-chronic-neglect"
OVERVIEW = f"/modules/{SLUG}/"
MAX_TABS = 120
REFLECTION = "I will ask for the chronology before the next core group meeting."

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const shows = (style) => (
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
        || (style.boxShadow && style.boxShadow !== 'none')
    );
    let visible = shows(getComputedStyle(el));
    if (!visible && (el.type === 'radio' || el.type === 'checkbox') && el.labels) {
        for (const label of el.labels) {
            visible = visible || shows(getComputedStyle(label, '::before'))
                || shows(getComputedStyle(label, '::after'));
        }
    }
    const label = el.labels && el.labels.length ? el.labels[0].innerText : '';
    const form = el.closest('form');
    return {
        tag: el.tagName.toLowerCase(),
        type: el.type || '',
        name: el.name || '',
        text: (el.innerText || el.value || '').trim(),
        label: label.trim(),
        checked: !!el.checked,
        inMainForm: !!(form && el.closest('main')),
        submits: el.type === 'submit',
        errorSummary: el.classList.contains('govuk-error-summary'),
        visible: visible,
        html: el.outerHTML.slice(0, 160),
    };
}"""


@pytest.fixture
def demo(db):
    call_command("load_demo", force=True, learners=0, verbosity=0)
    call_command("load_modules", only="recognising_neglect", verbosity=0)
    return User.objects.get(email="learner@example.org")


def signed_in(page, user, live_server):
    """Sign in with a session cookie made by Django's test client."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": cookie,
                "url": live_server.url,
            }
        ]
    )


def focused(page):
    return page.evaluate(FOCUSED)


def press(page, key):
    """Press a key and check that whatever has focus afterwards shows it."""
    page.keyboard.press(key)
    now = focused(page)
    if now is not None:
        assert now["visible"], f"focus is not visible after {key}: {now['html']}"
    return now


def tab_to(page, matches, *, what):
    """Tab forwards until ``matches(focused)``; every stop must show its focus."""
    for _ in range(MAX_TABS):
        now = press(page, "Tab")
        if now is not None and matches(now):
            return now
    raise AssertionError(f"Tab never reached {what} on {page.url}")


def activate_and_leave(page, key="Enter"):
    """Press Enter (or Space) on a link or button that loads another page."""
    before = page.url
    with page.expect_navigation():
        page.keyboard.press(key)
    return before


def assert_error_summary_focused(page):
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    now = focused(page)
    assert now["errorSummary"] and now["visible"], now


def answer_form_by_keyboard(page, *, choose=None):
    """Tab through the main form, answering each question, and submit it with Enter.

    A radio group is answered with Space on the radio Tab lands on, or, when
    ``choose`` names an option, with the arrow keys until that option is checked.
    Every other checkbox is ticked with Space; text boxes are typed into.
    """
    answered_groups = set()
    checkboxes = 0
    for _ in range(MAX_TABS):
        now = press(page, "Tab")
        if now is None or not now["inMainForm"]:
            continue
        if now["type"] == "radio" and now["name"] not in answered_groups:
            answered_groups.add(now["name"])
            if choose:
                for _step in range(12):
                    if now["label"] == choose:
                        break
                    now = press(page, "ArrowDown")
                assert now["label"] == choose, (choose, now)
            now = press(page, "Space")
            assert now["checked"], now
        elif now["type"] == "checkbox":
            if checkboxes % 2 == 0:
                now = press(page, "Space")
                assert now["checked"], now
            checkboxes += 1
        elif now["tag"] == "textarea":
            page.keyboard.type(REFLECTION)
        elif now["submits"]:
            activate_and_leave(page)
            return now["text"]
    raise AssertionError(f"Tab never reached the submit button on {page.url}")


def is_continue_link(f):
    return f["tag"] == "a" and f["text"] == "Continue"


def test_a_module_from_start_to_finish_with_the_keyboard_alone(page, demo, live_server):
    signed_in(page, demo, live_server)
    page.goto(OVERVIEW)
    tab_to(page, lambda f: f["text"] == "Start module", what="Start module")
    activate_and_leave(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Before you start")

    # Submitting without a rating: the error summary takes the focus.
    tab_to(page, lambda f: f["submits"], what="the submit button")
    activate_and_leave(page)
    assert_error_summary_focused(page)

    # Rate confidence with the arrow keys, then start the case.
    tab_to(page, lambda f: f["type"] == "radio", what="the confidence ratings")
    now = press(page, "ArrowDown")
    assert now["checked"] and now["label"].startswith("2 – "), now
    tab_to(page, lambda f: f["submits"], what="Start the case")
    activate_and_leave(page)

    decisions = 0
    step_url = re.compile(rf"/modules/{SLUG}/step/\d+/$")
    for _ in range(60):
        if not step_url.search(page.url):
            break
        if page.locator("main form").count():
            decisions += answer_form_by_keyboard(page) == "Make this decision"
        else:
            # Feedback on an answered step: Continue to the next one.
            tab_to(page, is_continue_link, what="Continue")
            activate_and_leave(page)
    assert decisions >= 1

    expect(page).to_have_url(re.compile(rf"/modules/{SLUG}/finish/$"))
    tab_to(page, lambda f: f["type"] == "radio", what="the closing rating")
    for _ in range(3):
        now = press(page, "ArrowDown")
    assert now["label"].startswith("4 – "), now
    tab_to(page, lambda f: f["submits"], what="Complete the module")
    activate_and_leave(page)
    expect(page).to_have_url(re.compile(rf"/modules/{SLUG}/quiz/$"))

    progress = ModuleProgress.objects.get(user=demo, module__slug=SLUG)
    assert (progress.confidence_before, progress.confidence_after) == (2, 4)
    assert progress.steps_completed_at is not None
    reflections = [r for r in progress.responses.values() if "text" in r]
    assert [r["text"] for r in reflections] == [REFLECTION]


def test_a_quiz_answered_and_submitted_with_the_keyboard_alone(page, demo, live_server):
    module = ModulePage.objects.get(slug=SLUG)
    now = timezone.now()
    ModuleProgress.objects.create(
        user=demo,
        module=module,
        revision_id=module.live_revision_id,
        confidence_before=2,
        confidence_after=4,
        current_step=None,
        steps_completed_at=now,
        started_at=now - timedelta(minutes=30),
    )
    signed_in(page, demo, live_server)
    page.goto(f"{OVERVIEW}quiz/")
    tab_to(page, lambda f: f["text"] == "Start the quiz", what="Start the quiz")
    activate_and_leave(page)
    attempt = QuizAttempt.objects.get(user=demo, module=module, status="open")

    # Submitting with nothing answered: the error summary takes the focus.
    tab_to(page, lambda f: f["submits"], what="the submit button")
    activate_and_leave(page)
    assert_error_summary_focused(page)
    attempt.refresh_from_db()
    assert attempt.status == "open"

    answer_form_by_keyboard(page)

    attempt.refresh_from_db()
    assert attempt.status != "open"
    assert attempt.status == "submitted" and attempt.question_count
    assert attempt.answers.count() == len(attempt.questions)
    assert all(answer.chosen for answer in attempt.answers.all())
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_checking_in_with_the_code_using_the_keyboard_alone(
    page, learner, trainer, live_server
):
    now = timezone.now()
    session = TrainingSessionFactory(
        course__title="Professional Challenge and Resolution",
        capacity=5,
        start=now + timedelta(minutes=20),
        end=now + timedelta(hours=3),
    )
    session.trainers.add(trainer)
    booking = booking_create(session=session, learner=learner)
    signed_in(page, learner, live_server)
    page.goto(f"/training/{session.pk}/")

    tab_to(page, lambda f: f["text"] == "Check in", what="the Check in link")
    activate_and_leave(page)
    expect(page).to_have_url(re.compile(rf"/training/{session.pk}/check-in/$"))

    # No code: the error summary takes the focus, and nothing is recorded.
    tab_to(page, lambda f: f["submits"], what="the Check in button")
    activate_and_leave(page)
    assert_error_summary_focused(page)
    booking.refresh_from_db()
    assert booking.checked_in_at is None

    # The error summary links to the field; the code is typed and sent with Enter.
    tab_to(page, lambda f: f["tag"] == "a", what="the error's link")
    page.keyboard.press("Enter")
    now = focused(page)
    assert now["tag"] == "input" and now["visible"], now
    page.keyboard.type(checkin_code(session))
    activate_and_leave(page)

    expect(page.get_by_text("You are checked in")).to_be_visible()
    booking = Booking.objects.get(pk=booking.pk)
    assert booking.attendance == "attended" and booking.checked_in_at


def test_a_focus_that_cannot_be_seen_fails_the_journey(page):
    page.set_content(
        '<html lang="en-GB"><body><a href="#a" style="outline: none">Hidden focus</a>'
        '<a href="#b">Default focus ring</a></body></html>'
    )

    with pytest.raises(AssertionError, match="focus is not visible after Tab"):
        press(page, "Tab")
    assert press(page, "Tab")["text"] == "Default focus ring"
