"""Every page's <title> is plain text (screen readers announce it)."""

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/modules/",
    "/training/",
    "/my-learning/",
    "/reviews/",
    "/reviews/chronic-neglect/",
    "/accounts/profile/",
    "/certificates/verify/",
    "/accessibility/",
]


@pytest.mark.parametrize("url", PAGES)
def test_the_page_title_is_plain_text(client, learner, url):
    client.force_login(learner)
    response = client.get(url)
    assert response.status_code == 200
    title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)
    assert "<" not in title and len(title.strip()) < 120, title
