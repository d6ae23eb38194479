"""A trainer previews a module in the Wagtail editor's preview panel.

The panel frames the page's preview; the site's policy said ``frame-ancestors
'none'`` on it, so chromium refused to show it and the panel stayed blank. A
trainer signs in with two-step sign-in, opens a module in the editor, opens the
preview panel and reads the module's steps inside the frame.
"""

import re

from playwright.sync_api import expect

from learning.accounts.factories import DEFAULT_PASSWORD, totp_code, totp_enable
from learning.accounts.roles import Role
from modules.factories import module_create

from ..conftest import make_person

STEP_TEXT = "Mia is two years old."  # the first step of the sample module


def test_a_trainer_sees_the_module_steps_in_the_editor_preview_panel(
    page, agency, settings, js_errors
):
    settings.MFA_REQUIRED_FOR_STAFF = True
    trainer = make_person(
        email="sam.okafor@council.example.org",
        agency=agency,
        roles=[Role.TRAINERS],
        name="Sam Okafor",
    )
    secret = totp_enable(trainer)
    module = module_create(title="Neglect in the early years")
    refused_frames = []
    page.on(
        "console",
        lambda message: (
            refused_frames.append(message.text)
            if "frame-ancestors" in message.text
            else None
        ),
    )

    page.goto("/accounts/login/")
    page.get_by_label(re.compile(r"email", re.I)).fill(trainer.email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("main").get_by_role("button", name="Continue").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/"))

    # The editor is a heavy page: give it longer than the site's pages.
    page.goto(f"/admin/pages/{module.pk}/edit/", timeout=30_000)
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Neglect in the early years"
    )
    page.get_by_role("button", name="Toggle preview").click()

    frame = page.frame_locator("#w-preview-iframe")
    expect(
        frame.get_by_role("heading", name="Steps (author preview, with answers)")
    ).to_be_visible()
    expect(frame.get_by_text(STEP_TEXT)).to_be_visible()
    assert refused_frames == []
    assert js_errors == []
