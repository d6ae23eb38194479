"""The chronic neglect review loaded by migration 0002, as the briefing states it."""

import pytest

from learning.reviews.models import EvidenceRule, LearningPoint, Recommendation, Review

pytestmark = pytest.mark.django_db

SLUG = "chronic-neglect"


@pytest.fixture
def review():
    return Review.objects.get(slug=SLUG)


def test_seeded_review_exists_once_with_its_title(review):
    assert Review.objects.filter(slug=SLUG).count() == 1
    assert review.title == "Learning from a case of chronic neglect"
    assert review.kind == "Local learning review"
    assert review.summary
    assert review.audience


def test_seeded_review_has_twelve_learning_points_numbered_one_to_twelve(review):
    numbers = list(
        review.learning_points.order_by("number").values_list("number", flat=True)
    )

    assert numbers == list(range(1, 13))


def test_seeded_review_has_six_recommendations_numbered_one_to_six(review):
    numbers = list(
        review.recommendations.order_by("number").values_list("number", flat=True)
    )

    assert numbers == list(range(1, 7))


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        (1, "recognise chronic and cumulative neglect"),
        (2, "in the form of a chronology"),
        (3, "GP's must complete a MARF into Children's Social Care"),
        (8, "Professional Challenge and Resolution"),
        (9, "'trigger point'"),
        (12, "GP's, Schools and School Nurses to work together"),
    ],
)
def test_learning_point_text_matches_the_briefing(review, number, fragment):
    assert fragment in LearningPoint.objects.get(review=review, number=number).text


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        (1, "Neglect Strategy (Graded Care Profile2 GCP2)"),
        (2, "deep dive of cases"),
        (5, "Professional Challenge and Resolution training"),
    ],
)
def test_recommendation_text_matches_the_briefing(review, number, fragment):
    assert fragment in Recommendation.objects.get(review=review, number=number).text


def test_last_recommendation_is_sharing_the_learning(review):
    recommendation = Recommendation.objects.get(review=review, number=6)

    assert recommendation.text == "The learning is shared across the partnership."


def test_every_seeded_recommendation_is_evidenced_by_any_mapped_learning(review):
    rules = set(review.recommendations.values_list("evidence_rule", flat=True))

    assert rules == {EvidenceRule.ANY}


def test_learning_points_and_recommendations_are_labelled_by_number(review):
    point = LearningPoint.objects.get(review=review, number=8)
    recommendation = Recommendation.objects.get(review=review, number=6)

    assert point.label == "Learning point 8"
    assert str(point).startswith("Learning point 8")
    assert str(recommendation).startswith("Recommendation 6")
