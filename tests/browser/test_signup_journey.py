"""Sign up, confirm the email address, sign out and sign in again, in a real browser.

Locators are labels and roles, not CSS classes, so restyling the pages does not break
these tests unless what a user reads or hears changes.
"""

import re

from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from learning.accounts.models import Profile

NAME = "Priya Shah"
EMAIL = "priya.shah@council.example.org"
JOB_TITLE = "Senior social worker"
PASSWORD = "lantern-orchard-quietly-47"
CREATE_ACCOUNT = re.compile(r"^(create account|sign up)$", re.I)


def header_menu(page):
    return page.get_by_role("navigation", name="Menu")


def signed_in_as(page, name):
    # The header links to the profile; its accessible name is "Profile of <name>".
    return header_menu(page).get_by_role("link", name=re.compile(re.escape(name)))


def test_sign_up_confirm_email_sign_out_and_sign_in(
    page, agency, email_link, js_errors
):
    page.goto("/accounts/signup/")
    page.get_by_label("Full name").fill(NAME)
    page.get_by_label("Work email address").fill(EMAIL)
    page.get_by_label("Job title").fill(JOB_TITLE)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name=CREATE_ACCOUNT).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"verify your email", re.I)
    )
    profile = Profile.objects.select_related("user", "agency").get(user__email=EMAIL)
    assert (profile.user.name, profile.agency, profile.job_title) == (
        NAME,
        agency,
        JOB_TITLE,
    )
    assert not EmailAddress.objects.get(email=EMAIL).verified

    page.goto(email_link(EMAIL))
    expect(page.get_by_text(EMAIL)).to_be_visible()
    page.get_by_role("button", name=re.compile(r"confirm", re.I)).click()

    expect(signed_in_as(page, NAME)).to_be_visible()
    assert EmailAddress.objects.get(email=EMAIL).verified

    header_menu(page).get_by_role("link", name="Sign out").click()
    page.get_by_role("main").get_by_role("button", name="Sign out").click()
    expect(header_menu(page).get_by_role("link", name="Sign in")).to_be_visible()
    expect(signed_in_as(page, NAME)).to_have_count(0)

    page.goto("/accounts/login/")
    page.get_by_label(re.compile(r"email", re.I)).fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()

    expect(signed_in_as(page, NAME)).to_be_visible()
    assert js_errors == []


def test_empty_sign_up_form_shows_the_error_summary(page, agency, js_errors):
    page.goto("/accounts/signup/")
    page.get_by_role("button", name=CREATE_ACCOUNT).click()

    expect(page).to_have_title(re.compile(r"^Error:"))
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    # GOV.UK Frontend moves focus to the summary when the page loads.
    expect(page.locator(":focus")).to_contain_text("There is a problem")

    links = summary.get_by_role("link")
    expect(links.first).to_be_visible()
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert "#id_name" in hrefs and "#id_email" in hrefs, hrefs
    for href in hrefs:
        assert href.startswith("#"), href
        expect(page.locator(href)).to_be_attached()

    # Following a link moves focus to its field.
    summary.locator('a[href="#id_name"]').click()
    expect(page.get_by_label("Full name")).to_be_focused()
    summary.locator('a[href="#id_email"]').click()
    expect(page.get_by_label("Work email address")).to_be_focused()
    assert js_errors == []
