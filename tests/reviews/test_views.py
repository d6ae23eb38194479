import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

import pytest

from learning.reviews.models import LearningPoint, Recommendation, Review

pytestmark = pytest.mark.django_db

DETAIL_URL = "/reviews/chronic-neglect/"
EMPTY_STATE = "No learning is mapped to this recommendation yet."


@pytest.fixture
def review():
    return Review.objects.get(slug="chronic-neglect")


def _positions(html, texts):
    return [html.index(escape(text)) for text in texts]


def test_review_page_is_found_at_its_slug(client, review):
    response = client.get(DETAIL_URL)

    assert response.status_code == 200
    assert review.get_absolute_url() == DETAIL_URL
    assert escape(review.title) in response.content.decode()


def test_review_page_shows_every_recommendation_in_number_order(client, review):
    html = client.get(DETAIL_URL).content.decode()

    texts = [
        r.text for r in Recommendation.objects.filter(review=review).order_by("number")
    ]
    positions = _positions(html, texts)
    assert positions == sorted(positions)
    anchors = re.findall(r'id="recommendation-(\d+)"', html)
    assert anchors == [str(n) for n in range(1, 7)]


def test_review_page_shows_every_learning_point_in_number_order(client, review):
    html = client.get(DETAIL_URL).content.decode()

    texts = [
        p.text for p in LearningPoint.objects.filter(review=review).order_by("number")
    ]
    positions = _positions(html, texts)
    assert positions == sorted(positions)
    anchors = re.findall(r'id="learning-point-(\d+)"', html)
    assert anchors == [str(n) for n in range(1, 13)]
    assert "Learning point 12" in html


def test_recommendations_without_mapped_learning_show_the_empty_state(client):
    html = client.get(DETAIL_URL).content.decode()

    assert html.count(EMPTY_STATE) == 6


def test_learning_points_are_listed_in_number_order_whatever_the_insert_order(
    client,
):
    review = Review.objects.create(title="A later review", slug="later-review")
    for number in (3, 1, 2):
        LearningPoint.objects.create(
            review=review, number=number, text=f"Point {number}."
        )

    html = client.get("/reviews/later-review/").content.decode()

    assert _positions(html, ["Point 1.", "Point 2.", "Point 3."]) == sorted(
        _positions(html, ["Point 1.", "Point 2.", "Point 3."])
    )
    assert "This review has no recommendations recorded." in html


def test_unknown_review_is_not_found(client):
    response = client.get("/reviews/unknown/")

    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]


def test_review_list_links_to_the_review(client, review):
    response = client.get("/reviews/")

    assert response.status_code == 200
    html = response.content.decode()
    assert escape(review.title) in html
    assert f'href="{review.get_absolute_url()}"' in html


def _query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_review_page_uses_a_bounded_number_of_queries(
    client, review, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        response = client.get(DETAIL_URL)

    assert response.status_code == 200


def test_signed_in_review_page_uses_a_bounded_number_of_queries(
    client, learner, review, django_assert_max_num_queries
):
    client.force_login(learner)

    with django_assert_max_num_queries(14):
        response = client.get(DETAIL_URL)

    assert response.status_code == 200


def test_review_page_query_count_does_not_grow_with_the_number_of_findings(
    client, review
):
    client.get(DETAIL_URL)
    baseline = _query_count(client, DETAIL_URL)
    for number in range(13, 40):
        LearningPoint.objects.create(
            review=review, number=number, text=f"Extra {number}."
        )
    for number in range(7, 30):
        Recommendation.objects.create(
            review=review, number=number, text=f"More {number}."
        )

    assert _query_count(client, DETAIL_URL) == baseline


def test_review_list_uses_a_bounded_number_of_queries(
    client, review, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = client.get("/reviews/")

    assert response.status_code == 200


def test_review_list_query_count_does_not_grow_with_the_number_of_reviews(
    client, review
):
    client.get("/reviews/")
    baseline = _query_count(client, "/reviews/")
    for index in range(15):
        Review.objects.create(title=f"Review {index}", slug=f"review-{index}")

    assert _query_count(client, "/reviews/") == baseline
