"""The data made by migrations is there for browser tests, whatever ran before them.

The live server listens on localhost at a random port, while the Wagtail site record
made by the migrations is localhost:80; Wagtail falls back to the default site.
"""

import re

from wagtail.models import Site

from playwright.sync_api import expect

from learning.reviews.models import Review


def test_home_page_and_seeded_review_are_served(page):
    # The ORM in the test body sees the same database as the live server.
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    assert Review.objects.filter(slug="chronic-neglect").exists()

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Learning from a case of chronic neglect"
    )
    expect(page.get_by_role("banner")).to_contain_text(
        "Dudley Safeguarding People Partnership"
    )
    expect(page).to_have_title(re.compile(r"DSPP learning$"))

    page.goto("/reviews/")
    page.get_by_role("link", name="Learning from a case of chronic neglect").click()
    expect(page).to_have_url(re.compile(r"/reviews/chronic-neglect/$"))
