"""Walk a whole case-based module as the demo learner, in a real browser.

The walk is generic: on each step the test looks at the form on the page (a group of
checkboxes, groups of radios, a text box) and answers it as a person would, so small
edits to the shipped content do not break it. Only the two decisions are steered, to
take a branch that jumps over a step.
"""

import re

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from learning.accounts.models import User
from learning.core.demo import DEMO_PASSWORD
from modules.content.recognising_neglect import MODULE as SPEC
from modules.models import ModulePage, ModuleProgress
from modules.services import module_steps_for

SLUG = "recognising-chronic-neglect"
OVERVIEW = f"/modules/{SLUG}/"
EMAIL = "learner@example.org"
NAME = "Priya Shah"
STEP_URL = re.compile(rf"/modules/{SLUG}/step/\d+/$")
STEP_COUNT = re.compile(r"^Step (\d+) of (\d+)$")
REFLECTION = "I will ask for the chronology before the next core group meeting."
ALL_KINDS = {
    "narrative",
    "chronology",
    "decision",
    "knowledge_check",
    "gcp2_grading",
    "reflection",
    "key_learning",
}
# What the step's submit button says, for each kind of step that asks for an answer.
BUTTON_KINDS = {
    "Check my selection": "chronology",
    "Make this decision": "decision",
    "Check my answer": "knowledge_check",
    "Compare my grades": "gcp2_grading",
    "Save and continue": "reflection",
}
FEEDBACK_KINDS = {"chronology", "decision", "knowledge_check", "gcp2_grading"}


def _branches():
    """For each decision: an option that jumps over the next step, and where it lands.

    Read from the shipped content, so the test follows the author's branches.
    """
    steps = SPEC["steps"]
    titles = {value["name"]: value["title"] for _kind, value in steps}
    branches = {}
    for index, (kind, value) in enumerate(steps):
        if kind != "decision":
            continue
        following = steps[index + 1][1]["name"]
        option = next(
            o for o in value["options"] if o.get("go_to") not in {None, following}
        )
        branches[value["title"]] = (
            option["label"],
            titles[option["go_to"]],
            titles[following],
        )
    return branches


BRANCHES = _branches()


@pytest.fixture
def demo_learner(db):
    call_command("load_demo", force=True, learners=0, verbosity=0)
    call_command("load_modules", only="recognising_neglect", verbosity=0)
    return User.objects.get(email=EMAIL)


def header_menu(page):
    return page.get_by_role("navigation", name="Menu")


def signed_in_as(page, name):
    return header_menu(page).get_by_role("link", name=re.compile(re.escape(name)))


def sign_in(page):
    page.goto("/accounts/login/")
    page.get_by_label(re.compile(r"email", re.I)).fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(signed_in_as(page, NAME)).to_be_visible()


def sign_out(page):
    header_menu(page).get_by_role("link", name="Sign out").click()
    page.get_by_role("main").get_by_role("button", name="Sign out").click()
    expect(header_menu(page).get_by_role("link", name="Sign in")).to_be_visible()


def click_and_leave(page, locator):
    """Click something that loads another page, and wait until it has loaded."""
    before = page.url
    locator.click()
    page.wait_for_url(lambda url: url != before)


def step_heading(page):
    return page.get_by_role("main").get_by_role("heading", level=1)


def answer_step(page, heading):
    """Answer whatever the step asks, submit it, and return the kind of step it was."""
    main = page.get_by_role("main")
    form = main.locator("form")
    expect(form).to_have_count(1)
    groups = form.get_by_role("group")
    for i in range(groups.count()):
        group = groups.nth(i)
        checkboxes = group.get_by_role("checkbox")
        radios = group.get_by_role("radio")
        if checkboxes.count():
            # Tick a few entries, not necessarily the right ones.
            for n in range(0, checkboxes.count(), 2):
                checkboxes.nth(n).check()
        elif heading in BRANCHES:
            label, _target, _skipped = BRANCHES[heading]
            group.get_by_role("radio", name=label, exact=True).check()
        elif radios.count():
            radios.nth(min(2, radios.count() - 1)).check()
    if form.get_by_role("textbox").count():
        form.get_by_label("Your reflection").fill(REFLECTION)

    button = form.get_by_role("button")
    expect(button).to_have_count(1)
    label = button.inner_text().strip()
    if label == "Continue":
        is_key_learning = main.get_by_role("heading", name="Key learning").count()
        kind = "key_learning" if is_key_learning else "narrative"
    else:
        kind = BUTTON_KINDS[label]

    if kind in FEEDBACK_KINDS:
        # The same step comes back with feedback, and a link on to the next step.
        button.click()
        next_link = main.get_by_role("link", name="Continue", exact=True)
        expect(next_link).to_be_visible()
        expect(form).to_have_count(0)
        click_and_leave(page, next_link)
    else:
        click_and_leave(page, button)
    return kind


def test_walk_a_whole_module_leave_midway_resume_and_finish(
    page, demo_learner, js_errors
):
    module = ModulePage.objects.get(slug=SLUG)
    assert module.has_quiz
    assert len(BRANCHES) == 2, BRANCHES

    sign_in(page)
    page.goto(OVERVIEW)
    expect(step_heading(page)).to_have_text(module.title)
    click_and_leave(
        page, page.get_by_role("main").get_by_role("link", name="Start module")
    )
    expect(step_heading(page)).to_have_text("Before you start")
    page.get_by_role("radio", name="2 – Slightly confident").check()
    click_and_leave(page, page.get_by_role("button", name="Start the case"))

    headings, positions, kinds = [], [], []
    resumed = False
    while STEP_URL.search(page.url):
        if "gcp2_grading" in kinds and not resumed:
            # Leave midway, come back in a new session and pick up at the same step.
            left_at, left_heading = page.url, step_heading(page).inner_text()
            sign_out(page)
            sign_in(page)
            page.goto(OVERVIEW)
            click_and_leave(
                page,
                page.get_by_role("main").get_by_role(
                    "link", name="Continue where you left off"
                ),
            )
            expect(page).to_have_url(left_at)
            expect(step_heading(page)).to_have_text(left_heading)
            resumed = True

        heading = step_heading(page).inner_text().strip()
        count = page.get_by_role("main").get_by_text(STEP_COUNT)
        expect(count).to_be_visible()
        position, total = map(
            int, STEP_COUNT.match(count.inner_text().strip()).groups()
        )
        if headings and headings[-1] in BRANCHES:
            _label, target, skipped = BRANCHES[headings[-1]]
            assert heading == target, (headings[-1], heading)
            assert skipped not in headings
        headings.append(heading)
        positions.append((position, total))
        kinds.append(answer_step(page, heading))
        assert len(headings) < 40, "the walk does not end"

    assert resumed
    assert set(kinds) == ALL_KINDS, kinds
    # "Step X of Y": X counts up from 1; Y ends as the length of the path taken.
    assert [p for p, _t in positions] == list(range(1, len(headings) + 1)), positions
    assert positions[-1] == (len(headings), len(headings)), positions
    for _label, target, skipped in BRANCHES.values():
        assert target in headings and skipped not in headings, headings

    # The closing confidence, then the quiz, since passing it completes the module.
    expect(page).to_have_url(re.compile(rf"/modules/{SLUG}/finish/$"))
    expect(step_heading(page)).to_have_text("You have worked through the case")
    page.get_by_role("radio", name="4 – Confident").check()
    click_and_leave(page, page.get_by_role("button", name="Complete the module"))
    expect(page).to_have_url(re.compile(rf"/modules/{SLUG}/quiz/$"))
    expect(page.get_by_role("button", name="Start the quiz")).to_be_visible()

    page.goto(OVERVIEW)
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name="Take the quiz")).to_be_visible()
    expect(main.get_by_text("In progress", exact=True)).to_be_visible()

    progress = ModuleProgress.objects.get(user=demo_learner, module=module)
    assert progress.steps_completed_at is not None
    assert progress.current_step is None
    assert (progress.confidence_before, progress.confidence_after) == (2, 4)
    assert progress.completed_at is None  # not until the quiz is passed
    steps = {step.id: step for step in module_steps_for(progress=progress)}
    assert [steps[i].value["title"] for i in progress.visited] == headings
    assert set(progress.responses) == set(progress.visited)
    assert {steps[i].kind for i in progress.visited} == ALL_KINDS
    reflection = next(i for i in progress.visited if steps[i].kind == "reflection")
    assert progress.responses[reflection]["text"] == REFLECTION
    assert js_errors == []
