"""A learner finishes a module, downloads the certificate and opens its verify link."""

import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from learning.accounts.factories import DEFAULT_PASSWORD
from modules.factories import module_create


def sign_in(page, email, password):
    page.goto("/accounts/login/")
    page.get_by_label(re.compile(r"email", re.I)).fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()


def test_finish_a_module_download_the_certificate_and_verify_it(
    page, learner, live_server, js_errors
):
    module = module_create(
        title="Spotting neglect early",
        recommendations=[1, 5],
        steps=[
            (
                "narrative",
                {"title": "A first visit", "body": "<p>The flat is cold.</p>"},
            ),
            (
                "key_learning",
                {
                    "title": "Take away",
                    "body": "<p>Look at the history.</p>",
                    "learning_points": [2],
                },
            ),
        ],
    )
    sign_in(page, learner.email, DEFAULT_PASSWORD)

    page.goto(module.url)
    page.get_by_role("link", name="Start module").click()
    page.get_by_label(re.compile(r"^2")).check()
    page.get_by_role("button", name="Start the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A first visit")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Take away")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label(re.compile(r"^4")).check()
    page.get_by_role("button", name="Complete the module").click()
    expect(page.get_by_text("You have completed")).to_be_visible()

    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="My learning"
    ).click()
    link = page.get_by_role(
        "link", name=re.compile(r"Download the certificate for Spotting")
    )
    expect(link).to_be_visible()
    response = page.request.get(link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages
    )
    text = re.sub(r"\s+", " ", text)
    assert learner.name in text and "Spotting neglect early" in text
    assert "Recommendation 1:" in text and "Recommendation 5:" in text
    code = learner.certificates.get().code
    assert code in text
    verify_url = re.search(r"https?://\S+/certificates/verify/\S+/", text).group(0)
    assert verify_url.endswith(f"/certificates/verify/{code}/")

    page.goto(f"{live_server.url}/certificates/verify/{code}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "This certificate is valid"
    )
    expect(page.get_by_role("main").get_by_text(learner.name)).to_be_visible()
    assert js_errors == []
