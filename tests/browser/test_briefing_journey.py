"""A team manager records a seven-minute briefing; a colleague finds it on My learning."""

import re
from datetime import timedelta

from django.utils import timezone

from playwright.sync_api import expect

from learning.accounts.roles import Role
from learning.briefings.models import Briefing, BriefingDelivery
from learning.reviews.models import Recommendation
from modules.factories import module_create

from ..conftest import make_person
from .conftest import DEFAULT_TIMEOUT_MS
from .test_training_journey import sign_in

TITLE = "Seven-minute briefing: learning from a case of chronic neglect"


def _briefing():
    briefing = Briefing.objects.create(
        title=TITLE,
        summary="What the review found and what to do differently.",
        module=module_create(title="Safer7 on chronic neglect", recommendations=[6]),
    )
    briefing.recommendations.set(Recommendation.objects.filter(number=6))
    briefing.save()
    return briefing


def test_a_team_manager_records_a_briefing_delivery(
    page, browser, live_server, agency, js_errors
):
    _briefing()
    manager = make_person(
        email="tara.manager@council.example.org",
        agency=agency,
        roles=[Role.TEAM_MANAGERS],
        name="Tara Manager",
    )
    present = [
        make_person(
            email=f"{name.lower()}@council.example.org",
            agency=agency,
            name=f"{name} Present",
        )
        for name in ("Amal", "Bryn")
    ]
    absent = make_person(
        email="cai@council.example.org", agency=agency, name="Cai Absent"
    )
    day = timezone.localdate() - timedelta(days=3)

    sign_in(page, manager.email)
    page.get_by_role("navigation").get_by_role("link", name="Briefings").click()
    expect(page).to_have_url(re.compile(r"/briefings/$"))
    page.get_by_role("link", name="Record a briefing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a briefing")

    # Submitting with nothing chosen shows the GOV.UK error summary.
    page.get_by_role("button", name="Record the briefing").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose the briefing you delivered.")
    expect(summary).to_contain_text("Enter the date of the briefing.")
    assert not BriefingDelivery.objects.exists()

    page.get_by_label("Which briefing did you deliver?").select_option(label=TITLE)
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Team", exact=True).fill("Locality team North")
    for person in present:
        page.get_by_label(re.compile(rf"^{person.name}")).check()
    page.get_by_label("Discussion points (optional)").fill(
        "Missed health appointments seen one at a time."
    )
    page.get_by_role("button", name="Record the briefing").click()

    expect(page.get_by_text("The briefing is recorded.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    people = page.get_by_role("table", name="People present")
    for person in present:
        expect(people).to_contain_text(person.name)
    expect(people).not_to_contain_text(absent.name)

    page.get_by_role("link", name="Back to briefings").click()
    recorded = page.get_by_role("table", name="Briefings you have recorded")
    expect(recorded.get_by_role("row").filter(has_text=TITLE)).to_contain_text(
        day.strftime("%-d %b %Y")
    )

    delivery = BriefingDelivery.objects.get()
    assert set(delivery.attendees.values_list("user_id", flat=True)) == {
        person.pk for person in present
    }

    # A colleague who was there finds the briefing on My learning.
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        colleague = context.new_page()
        colleague.on("pageerror", lambda error: js_errors.append(str(error)))
        sign_in(colleague, present[0].email)
        colleague.goto("/my-learning/")
        certificates = colleague.get_by_role("table", name="Your certificates")
        expect(certificates.get_by_role("row").filter(has_text=TITLE)).to_be_visible()
    finally:
        context.close()
    assert not absent.certificates.exists()
    assert js_errors == []
