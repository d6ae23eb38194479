"""A partnership lead is made to set up two-step sign-in before the reports.

They sign in with a password, are sent to set up an authenticator app (after
confirming their password, as allauth asks before any MFA change), read the setup key
from the page instead of scanning the QR code, enter the code an app would show, and
go on to the reports. Signing in again asks for a code; a recovery code works.
"""

import re

from playwright.sync_api import expect

from learning.accounts.factories import DEFAULT_PASSWORD, totp_code
from learning.accounts.middleware import MFA_REQUIRED
from learning.accounts.roles import Role

from ..conftest import make_person
from .test_training_journey import sign_in


def test_a_lead_sets_up_two_step_sign_in_and_is_asked_for_a_code_next_time(
    page, agency, settings, js_errors
):
    settings.MFA_REQUIRED_FOR_STAFF = True
    lead = make_person(
        email="helen.marsh@council.example.org",
        agency=agency,
        roles=[Role.PARTNERSHIP_LEADS],
        name="Helen Marsh",
    )

    sign_in(page, lead.email)
    page.goto("/reports/")

    # allauth asks for the password again before any change to two-step sign-in.
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Continue").click()

    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        str(MFA_REQUIRED)
    )
    qr = page.get_by_role("img", name=re.compile("QR code"))
    expect(qr).to_have_attribute("src", re.compile(r"^data:image/svg\+xml;base64,"))
    assert page.locator("main script").count() == 0
    secret = page.locator("#authenticator-secret").inner_text().strip()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Turn on two-step sign-in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    recovery_code = page.locator("#recovery-codes li").first.inner_text().strip()
    page.get_by_role("button", name="Continue to the page you asked for").click()
    expect(page).to_have_url(re.compile(r"/reports/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Reach of the learning")

    page.goto("/accounts/logout/")
    page.get_by_role("main").get_by_role("button", name="Sign out").click()
    page.goto("/accounts/login/")
    page.get_by_label(re.compile(r"email", re.I)).fill(lead.email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your sign-in code")
    # The code used to set up is spent for this 30-second period, so sign in with
    # a recovery code instead; each works once.
    page.get_by_label("Code").fill(recovery_code)
    page.get_by_role("main").get_by_role("button", name="Continue").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/"))
    page.goto("/reports/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reach of the learning")
    assert js_errors == []
