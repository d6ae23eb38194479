import pytest

from learning.reviews.models import Recommendation

pytestmark = pytest.mark.django_db

REVIEW = "/reviews/chronic-neglect/"


def _learning(response, number):
    review = response.context["review"]
    (recommendation,) = [r for r in review.recommendations.all() if r.number == number]
    return [item["title"] for item in recommendation.mapped_learning]


def test_the_review_lists_a_briefing_only_where_briefings_count_as_evidence(
    client, briefing
):
    response = client.get(REVIEW)

    assert any(briefing.title in title for title in _learning(response, 6))
    assert not any(briefing.title in title for title in _learning(response, 1))

    Recommendation.objects.filter(number=6).update(briefings_count_as_evidence=False)
    response = client.get(REVIEW)
    assert not any(briefing.title in title for title in _learning(response, 6))
