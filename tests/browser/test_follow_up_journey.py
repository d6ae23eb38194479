"""A learner answers the follow-up questionnaire in a real browser, and so does their
line manager from the emailed link, without an account.

The token pages send a strict referrer policy; this guards that the browser's form
posts still pass Django's CSRF origin check.
"""

import re

from playwright.sync_api import expect

from learning.followups.models import FollowUp
from learning.followups.services import CHANGED_PRACTICE_REQUIRED
from modules.factories import module_create

from ..followups.conftest import WEEKS, complete, weeks_ago
from .conftest import DEFAULT_TIMEOUT_MS
from .test_training_journey import emails_to, sign_in


def test_a_learner_and_their_line_manager_answer_the_follow_up(
    page, browser, live_server, learner, js_errors
):
    from django.utils import timezone

    profile = learner.profile
    profile.line_manager_name = "Morgan Manager"
    profile.line_manager_email = "morgan.manager@council.example.org"
    profile.save()
    module = module_create(title="Seeing the pattern")
    progress = complete(learner, module, weeks_ago(WEEKS, days=2))
    follow_up = FollowUp.objects.create(
        user=learner,
        kind="module",
        module_progress=progress,
        source_key=f"module-progress:{progress.pk}",
        title=module.title,
        module=module,
        agency=profile.agency,
        completed_at=progress.completed_at,
        due_at=progress.completed_at,
        sent_at=timezone.now(),
    )

    sign_in(page, learner.email)
    page.goto("/my-learning/")
    page.get_by_role("link", name=re.compile("Seeing the pattern")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Has your learning changed your practice?"
    )

    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        str(CHANGED_PRACTICE_REQUIRED)
    )

    page.get_by_role(
        "group", name="Has the learning changed your practice?"
    ).get_by_label("Yes", exact=True).check()
    page.get_by_label("Give one example").fill(
        "I now read the chronology before each visit and ask about missed appointments."
    )
    page.get_by_label("4 – Confident").check()
    page.get_by_role("group", name=re.compile("challenge and resolution")).get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_label("Ask my line manager for their view too").check()
    page.get_by_role("button", name="Send my answers").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your answers"
    )
    follow_up.refresh_from_db()
    assert follow_up.answered_at is not None
    assert follow_up.changed_practice == "yes"
    assert follow_up.confidence_now == 4
    assert follow_up.manager_token

    # The line manager opens the emailed link in their own browser, signed out.
    (message,) = emails_to(profile.line_manager_email, "")
    link = re.search(r"https?://\S+/follow-up/manager/\S+/", message.body).group(0)
    manager_context = browser.new_context(base_url=live_server.url)
    manager_context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    manager_page = manager_context.new_page()
    manager_page.goto(re.sub(r"^https?://[^/]+", "", link))
    expect(manager_page.get_by_role("heading", level=1)).to_have_text(
        "Your view as line manager"
    )
    expect(manager_page.get_by_role("main")).not_to_contain_text("chronology")
    manager_page.get_by_label("Partly").check()
    manager_page.get_by_role("button").filter(has_text=re.compile("Send")).click()
    expect(manager_page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your view"
    )
    manager_context.close()
    follow_up.refresh_from_db()
    assert follow_up.manager_observed_change == "partly"
    assert js_errors == []
