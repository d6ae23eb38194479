from django.utils.html import escape

import pytest

from learning.accounts.factories import AgencyFactory
from learning.accounts.models import AgencyKind, Profile
from learning.accounts.roles import Role
from learning.accounts.views import PROFILE_SAVED
from learning.core.models import AuditEvent
from tests.conftest import make_person

pytestmark = pytest.mark.django_db

PROFILE_URL = "/accounts/profile/"


@pytest.fixture
def signed_in(client, learner):
    profile = learner.profile
    profile.team = "Locality team North"
    profile.line_manager_name = "Bea Manager"
    profile.line_manager_email = "bea.manager@council.example.org"
    profile.save()
    client.force_login(learner)
    return client


def _form_data(learner, **changes):
    return {
        "name": "Ann Updated",
        "job_title": "Team manager",
        "team": "Locality team South",
        "line_manager_name": "Cal Manager",
        "line_manager_email": "Cal.Manager@council.example.org",
        **changes,
    }


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(PROFILE_URL)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/profile/"


def test_profile_page_shows_the_current_details(signed_in, learner, agency):
    response = signed_in.get(PROFILE_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert learner.email in html
    form = response.context["form"]
    assert form["name"].value() == learner.name
    assert form["job_title"].value() == learner.profile.job_title
    assert form["team"].value() == "Locality team North"
    assert form["line_manager_name"].value() == "Bea Manager"
    assert form["line_manager_email"].value() == "bea.manager@council.example.org"
    assert f'value="{escape(learner.name)}"' in html


def test_the_profile_shows_the_agency_read_only_and_says_how_to_move(signed_in, agency):
    response = signed_in.get(PROFILE_URL)

    html = response.content.decode()
    assert "agency" not in response.context["form"].fields
    assert 'name="agency"' not in html
    assert escape(agency.name) in html
    assert "ask your agency lead to move you" in html
    assert 'href="/accounts/profile/agency/"' in html


def test_saving_the_profile_updates_name_and_work_details(signed_in, learner):
    response = signed_in.post(PROFILE_URL, _form_data(learner))

    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL
    learner.refresh_from_db()
    profile = Profile.objects.get(user=learner)
    assert learner.name == "Ann Updated"
    assert profile.job_title == "Team manager"
    assert profile.team == "Locality team South"
    assert profile.line_manager_name == "Cal Manager"
    assert profile.line_manager_email == "cal.manager@council.example.org"


def test_saving_the_profile_says_so(signed_in, learner):
    response = signed_in.post(PROFILE_URL, _form_data(learner), follow=True)

    assert str(PROFILE_SAVED) in response.content.decode()


@pytest.fixture
def shared_domain_agency(agency):
    """A second agency using the same council email domain as ``agency``."""
    return AgencyFactory(
        name="Early Help and Family Support",
        kind=AgencyKind.EARLY_HELP,
        domains=["council.example.org"],
    )


@pytest.mark.parametrize(
    "roles",
    [[Role.AGENCY_LEADS], [Role.TEAM_MANAGERS], [Role.TRAINERS], []],
    ids=["agency lead", "team manager", "trainer", "learner"],
)
def test_nobody_changes_their_own_agency_on_the_profile_page(
    client, agency, shared_domain_agency, roles
):
    person = make_person(
        email="gareth.price@council.example.org", agency=agency, roles=roles
    )
    client.force_login(person)

    response = client.post(
        PROFILE_URL, _form_data(person, agency=shared_domain_agency.pk)
    )

    assert response.status_code == 302
    assert Profile.objects.get(user=person).agency == agency
    assert set(person.groups.values_list("name", flat=True)) == {
        Role.LEARNERS,
        *roles,
    }
    assert not AuditEvent.objects.filter(action="profile.agency_moved").exists()


def test_job_title_is_required(signed_in, learner):
    job_title = learner.profile.job_title

    response = signed_in.post(PROFILE_URL, _form_data(learner, job_title=""))

    assert response.status_code == 200
    assert response.context["form"].errors["job_title"]
    assert 'class="govuk-error-summary"' in response.content.decode()
    assert Profile.objects.get(user=learner).job_title == job_title


def test_profile_page_never_shows_another_users_details(
    signed_in, learner, other_learner
):
    other_learner.profile.team = "Inclusion and attendance team"
    other_learner.profile.save()

    html = signed_in.get(PROFILE_URL).content.decode()

    assert other_learner.email not in html
    assert escape(other_learner.name) not in html
    assert "Inclusion and attendance team" not in html


def test_saving_never_touches_another_users_profile(signed_in, learner, other_learner):
    before = Profile.objects.values().get(user=other_learner)

    signed_in.post(PROFILE_URL, _form_data(learner))

    assert Profile.objects.values().get(user=other_learner) == before


def test_the_profile_links_two_step_sign_in_and_sessions(client, learner):
    client.force_login(learner)

    html = client.get("/accounts/profile/").content.decode()

    assert 'href="/accounts/2fa/"' in html
    assert 'href="/accounts/sessions/"' in html


def test_the_sessions_page_uses_the_site_layout(client, learner):
    client.force_login(learner)

    response = client.get("/accounts/sessions/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Where you are signed in" in html
    assert "govuk-table" in html
    assert "Started At" not in html
