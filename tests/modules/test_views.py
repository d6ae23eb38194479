from django.core.cache import cache

import pytest

from modules.factories import SAMPLE_STEPS, module_create
from modules.forms import CONFIDENCE_REQUIRED, DECISION_REQUIRED, REFLECTION_REQUIRED
from modules.models import ModuleProgress
from modules.services import STEP_MISMATCH, STEP_NOT_ON_PATH
from modules.views import STEP_NOT_AVAILABLE

from .helpers import answer, checkbox_ids, hidden_fields, option_ids, start, step_url

pytestmark = pytest.mark.django_db


def _walk(client, module, *, branch=False, reflection="I would check the history."):
    start(client, module)
    assert answer(client, module, 1).status_code == 302
    html = client.get(step_url(module, 2)).content.decode()
    assert (
        answer(
            client, module, 2, {"answer-selected": checkbox_ids(html)[:2]}
        ).status_code
        == 302
    )
    options = option_ids(client.get(step_url(module, 3)).content.decode())
    answer(client, module, 3, {"answer-option": options[0 if branch else 1]})
    if branch:
        assert answer(client, module, 5).status_code == 302
    else:
        grades = {
            f"answer-{k}": "3"
            for k in ("physical_care", "safety", "love_and_care", "esteem")
        }
        assert answer(client, module, 4, grades).status_code == 302
    assert answer(client, module, 6, {"answer-text": reflection}).status_code == 302
    options = option_ids(client.get(step_url(module, 7)).content.decode())
    answer(client, module, 7, {"answer-option": options[0]})
    finish = answer(client, module, 8)
    assert finish["Location"].endswith("/finish/")
    return client.post(f"{module.url}finish/", {"confidence": "4"})


def test_a_learner_walks_a_module_and_sees_it_completed(client, learner, module):
    client.force_login(learner)
    response = _walk(client, module)
    assert response.status_code == 302
    assert "completed" in client.get(module.url).content.decode().lower()
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.completed_at and progress.confidence_after == 4
    assert len(progress.visited) == 7
    my_learning = client.get("/my-learning/").content.decode()
    assert module.title in my_learning


def test_the_branching_option_shows_the_branch_step(client, learner, module):
    client.force_login(learner)
    _walk(client, module, branch=True)
    progress = ModuleProgress.objects.get(user=learner)
    assert "A second referral" in client.get(step_url(module, 5)).content.decode()
    grading = client.get(step_url(module, 4))
    assert grading.status_code == 302  # not on this learner's path
    assert len(progress.visited) == 7


def test_feedback_is_shown_after_answering_a_decision(client, learner, module):
    client.force_login(learner)
    start(client, module)
    answer(client, module, 1)
    html = client.get(step_url(module, 2)).content.decode()
    answer(client, module, 2, {"answer-selected": checkbox_ids(html)})
    chronology = client.get(step_url(module, 2)).content.decode()
    assert "You picked out 2 of the 2 entries" in chronology
    assert "1 entry that is not part of it" in chronology
    options = option_ids(client.get(step_url(module, 3)).content.decode())
    answer(client, module, 3, {"answer-option": options[1]})
    page = client.get(step_url(module, 3)).content.decode()
    assert "Stronger practice" in page
    assert "This is the route to challenge a decision." in page


def test_anonymous_learners_are_sent_to_sign_in(client, module):
    response = client.get(f"{module.url}start/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_missing_answers_show_the_error_summary_and_store_nothing(
    client, learner, module
):
    client.force_login(learner)
    response = client.post(f"{module.url}start/", {})
    assert str(CONFIDENCE_REQUIRED) in response.content.decode()
    assert not ModuleProgress.objects.exists()
    start(client, module)
    answer(client, module, 1)
    html = client.get(step_url(module, 2)).content.decode()
    answer(client, module, 2, {"answer-selected": checkbox_ids(html)[:1]})
    response = answer(client, module, 3, {})
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body and str(DECISION_REQUIRED) in body
    progress = ModuleProgress.objects.get()
    assert len(progress.visited) == 2


def test_an_empty_reflection_is_refused(client, learner):
    module = module_create(steps=[("reflection", {"title": "R", "prompt": "<p>P</p>"})])
    client.force_login(learner)
    start(client, module)
    response = answer(client, module, 1, {"answer-text": "   "})
    assert str(REFLECTION_REQUIRED) in response.content.decode()
    assert ModuleProgress.objects.get().responses == {}


def test_tampered_posts_are_refused_and_change_nothing(
    client, learner, other_learner, module
):
    client.force_login(other_learner)
    start(client, module)
    others = ModuleProgress.objects.get(user=other_learner)
    client.force_login(learner)
    start(client, module)
    mine = ModuleProgress.objects.get(user=learner)
    fields = hidden_fields(client.get(step_url(module, 1)).content.decode())

    unknown_block = client.post(
        step_url(module, 1), {**fields, "block_id": "not-a-block"}
    )
    assert unknown_block.status_code == 400
    assert str(STEP_MISMATCH) in unknown_block.content.decode()

    someone_elses = client.post(
        step_url(module, 1), {**fields, "progress": str(others.pk)}
    )
    assert someone_elses.status_code == 400

    beyond = client.post(step_url(module, 3), fields)
    assert beyond.status_code == 400
    assert str(STEP_NOT_ON_PATH) in beyond.content.decode()
    assert client.post(step_url(module, 42), fields).status_code == 400

    for progress in (mine, others):
        progress.refresh_from_db()
        assert progress.visited == [] and progress.responses == {}


def test_skipping_ahead_by_url_redirects_to_the_current_step(client, learner, module):
    client.force_login(learner)
    start(client, module)
    response = client.get(step_url(module, 4), follow=True)
    assert response.redirect_chain[-1][0] == step_url(module, 1)
    assert str(STEP_NOT_AVAILABLE) in response.content.decode()


def test_a_learner_never_sees_another_learners_reflection(
    client, learner, other_learner, module
):
    client.force_login(other_learner)
    _walk(client, module, reflection="Secret reflection of learner B.")
    client.force_login(learner)
    start(client, module)
    pages = [
        client.get(step_url(module, 1)),
        client.get("/my-learning/"),
        client.get(module.url),
    ]
    for response in pages:
        assert "Secret reflection of learner B." not in response.content.decode()
    # Reaching B's step through the URL shows A's own (unstarted) position instead.
    assert client.get(step_url(module, 6)).status_code == 302


def test_returning_later_resumes_at_the_same_step(client, learner, module):
    client.force_login(learner)
    start(client, module)
    answer(client, module, 1)
    client.logout()
    client.force_login(learner)
    response = client.get(f"{module.url}start/")
    assert response["Location"] == step_url(module, 2)


def _module_with(steps_count):
    steps = (SAMPLE_STEPS[:1] + SAMPLE_STEPS[6:7]) * (steps_count // 2)
    return module_create(steps=steps)


def test_step_page_queries_do_not_grow_with_the_number_of_steps(
    client, learner, django_assert_max_num_queries
):
    client.force_login(learner)
    counts = []
    for size in (2, 20):
        module = _module_with(size)
        start(client, module)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        # Both sizes measured with cold caches (permissions, partnership settings).
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(step_url(module, 1)).status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(counts[0]):
        client.get(step_url(module, 1))


def test_module_index_queries_do_not_grow_with_the_number_of_modules(
    client, learner, django_assert_max_num_queries
):
    client.force_login(learner)
    module_create()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/modules/").status_code == 200
    few = len(ctx)
    for _ in range(6):
        module_create()
    with django_assert_max_num_queries(few):
        response = client.get("/modules/")
    assert response.content.decode().count("app-module-list__item") == 7


def test_module_index_filters_by_recommendation_and_audience(client, learner):
    module_create(title="About recommendation one", recommendations=[1])
    module_create(
        title="About recommendation five",
        recommendations=[5],
        audiences=["education"],
    )
    from learning.reviews.models import Recommendation

    rec5 = Recommendation.objects.get(number=5)
    html = client.get(f"/modules/?recommendation={rec5.pk}").content.decode()
    assert (
        "About recommendation five" in html and "About recommendation one" not in html
    )
    html = client.get("/modules/?audience=education").content.decode()
    assert (
        "About recommendation five" in html and "About recommendation one" not in html
    )
    html = client.get("/modules/?recommendation=abc&audience=<script>").content.decode()
    assert "About recommendation one" in html and "<script>" not in html
