"""A learner asks to move to another agency and a partnership lead agrees; a lead
moves someone after checking the move. Without JavaScript, at 320 px wide, and every
page passes axe-core's WCAG 2.2 AA checks."""

import re

from playwright.sync_api import expect

from learning.accounts.factories import AgencyFactory
from learning.accounts.models import AgencyKind, Profile
from learning.accounts.roles import Role

from ..conftest import make_person
from .axe import assert_accessible, axe_path
from .conftest import DEFAULT_TIMEOUT_MS
from .test_training_journey import sign_in

NARROW = {"width": 320, "height": 800}


def _context(browser, live_server, *, javascript=True):
    # axe-core goes in as an inline script, which the site's CSP refuses.
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        viewport=NARROW,
        java_script_enabled=javascript,
        bypass_csp=javascript,
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
    return context


def _no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"{page.url} is {width}px wide"


def test_a_learner_asks_to_move_and_a_partnership_lead_agrees(
    browser, live_server, agency, partnership_lead
):
    early_help = AgencyFactory(
        name="Early Help and Family Support",
        kind=AgencyKind.EARLY_HELP,
        domains=["council.example.org"],
    )
    learner = make_person(
        email="priya.shah@council.example.org", agency=agency, name="Priya Shah"
    )

    learner_context = _context(browser, live_server, javascript=False)
    page = learner_context.new_page()
    sign_in(page, learner.email)
    page.goto("/accounts/profile/")
    page.get_by_role("link", name="ask to move to another agency").click()
    page.get_by_label("Agency to move to").select_option(label=early_help.name)
    page.get_by_label("Reason (optional)").fill("I joined the early help team.")
    page.get_by_role("button", name="Send request").click()
    expect(page).to_have_url(re.compile(r"/accounts/profile/$"))
    expect(page.locator(".govuk-inset-text")).to_contain_text(
        "Your request is waiting for a decision."
    )
    learner_context.close()

    lead_context = _context(browser, live_server, javascript=False)
    page = lead_context.new_page()
    sign_in(page, partnership_lead.email)
    page.goto("/accounts/agency-moves/")
    page.get_by_role("link", name=re.compile("Decide")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Move Priya Shah to {early_help.name}?"
    )
    page.get_by_role("button", name="Agree to the move").click()
    expect(page).to_have_url(re.compile(r"/accounts/agency-moves/$"))
    expect(page.locator("body")).to_contain_text(
        f"Priya Shah has moved to {early_help.name}."
    )
    lead_context.close()

    assert Profile.objects.get(user=learner).agency == early_help


def test_the_agency_move_pages_are_accessible_at_320_pixels(
    browser, live_server, agency, partnership_lead
):
    axe_path()  # skip (or fail in CI) without axe-core
    AgencyFactory(
        name="Early Help and Family Support",
        kind=AgencyKind.EARLY_HELP,
        domains=["council.example.org"],
    )
    learner = make_person(
        email="priya.shah@council.example.org", agency=agency, name="Priya Shah"
    )
    make_person(
        email="tm@council.example.org",
        agency=agency,
        roles=[Role.TEAM_MANAGERS],
        name="Tariq Malik",
    )

    context = _context(browser, live_server)
    page = context.new_page()
    sign_in(page, learner.email)
    for url in ("/accounts/profile/", "/accounts/profile/agency/"):
        page.goto(url)
        _no_sideways_scroll(page)
        assert_accessible(page, label=url)
    page.get_by_role("button", name="Send request").click()  # nothing chosen
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, label="the ask page with an error")
    page.get_by_label("Agency to move to").select_option(index=1)
    page.get_by_role("button", name="Send request").click()
    context.close()

    context = _context(browser, live_server)
    page = context.new_page()
    sign_in(page, partnership_lead.email)
    page.goto("/accounts/agency-moves/")
    _no_sideways_scroll(page)
    assert_accessible(page, label="the moves list")
    page.get_by_role("link", name=re.compile("Decide")).click()
    _no_sideways_scroll(page)
    assert_accessible(page, label="a move's page")
    page.goto("/accounts/agency-moves/move/")
    _no_sideways_scroll(page)
    assert_accessible(page, label="the move form")
    page.get_by_label("Email address of the person to move").fill(
        "tm@council.example.org"
    )
    page.get_by_label("Agency to move to").select_option(
        label="Early Help and Family Support"
    )
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the move")
    expect(page.locator(".govuk-warning-text")).to_contain_text(Role.TEAM_MANAGERS)
    _no_sideways_scroll(page)
    assert_accessible(page, label="the check page")
    context.close()
