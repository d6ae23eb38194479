"""Moving people between agencies (issue 14 item 1).

A person's agency decides whose records their role lets them see, so it is set at
sign-up and afterwards changed only by a lead over both agencies, audited, ending
any agency-scoped role. Nobody moves themselves.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

import pytest

from learning.accounts import services
from learning.accounts.factories import AgencyFactory, UserFactory
from learning.accounts.forms import (
    CHOOSE_DESTINATION,
    DECISION_INVALID,
    PERSON_NOT_FOUND,
)
from learning.accounts.models import (
    AgencyKind,
    AgencyMoveRequest,
    AgencyMoveStatus,
    Profile,
)
from learning.accounts.roles import Role
from learning.accounts.services import (
    agency_move_request_cancel,
    agency_move_request_create,
    agency_move_request_decide,
    profile_agency_move,
    profile_save,
)
from learning.accounts.views import MOVE_ASKED, PERSON_HANDED_OVER, PERSON_MOVED
from learning.core.models import AuditEvent
from tests.conftest import make_person

pytestmark = pytest.mark.django_db

ASK_URL = "/accounts/profile/agency/"
CANCEL_URL = "/accounts/profile/agency/cancel/"
MOVES_URL = "/accounts/agency-moves/"
MOVE_URL = "/accounts/agency-moves/move/"


def _detail_url(move):
    return reverse("accounts:agency_move_detail", args=[move.pk])


@pytest.fixture
def early_help(agency):
    """A second agency on the same council email domain as ``agency``."""
    return AgencyFactory(
        name="Early Help and Family Support",
        kind=AgencyKind.EARLY_HELP,
        domains=["council.example.org"],
    )


@pytest.fixture
def early_help_lead(early_help):
    return make_person(
        email="eh-lead@council.example.org",
        agency=early_help,
        roles=[Role.AGENCY_LEADS],
    )


@pytest.fixture
def school_lead(other_agency):
    return make_person(
        email="head@oakfield-primary.example.org",
        agency=other_agency,
        roles=[Role.AGENCY_LEADS],
    )


def _agency_of(user):
    return Profile.objects.get(user=user).agency


def _roles(user):
    return set(user.groups.values_list("name", flat=True))


def _audit(action, user):
    return list(
        AuditEvent.objects.filter(
            action=action, object_type="accounts.user", object_id=str(user.pk)
        ).order_by("pk")
    )


def _messages(exc_info):
    return exc_info.value.messages


# ------------------------------------------------------------- moves at once


def test_a_partnership_lead_moves_someone_at_once_and_it_is_audited(
    learner, partnership_lead, agency, early_help
):
    move = profile_agency_move(
        profile=learner.profile, to_agency=early_help, by=partnership_lead
    )

    assert move.status == AgencyMoveStatus.APPROVED
    assert _agency_of(learner) == early_help
    [event] = _audit("profile.agency_moved", learner)
    assert event.actor == partnership_lead
    assert event.data | {} == {
        "from_agency_id": agency.pk,
        "from_agency_name": agency.name,
        "to_agency_id": early_help.pk,
        "to_agency_name": early_help.name,
        "request_id": move.pk,
        "requested_by_id": partnership_lead.pk,
        "roles_ended": [],
    }


def test_moving_someone_ends_their_agency_scoped_roles_with_an_audit_entry(
    agency, early_help, partnership_lead
):
    person = make_person(
        email="gareth.price@council.example.org",
        agency=agency,
        roles=[Role.AGENCY_LEADS, Role.TEAM_MANAGERS, Role.TRAINERS],
    )

    profile_agency_move(
        profile=person.profile, to_agency=early_help, by=partnership_lead
    )

    assert _roles(person) == {Role.LEARNERS, Role.TRAINERS}
    revoked = _audit("role.revoked", person)
    assert sorted(e.data["role"] for e in revoked) == [
        Role.AGENCY_LEADS,
        Role.TEAM_MANAGERS,
    ]
    assert {e.data["reason"] for e in revoked} == {"agency_moved"}
    assert {e.actor for e in revoked} == {partnership_lead}
    # Their old agency's reports are closed to them at once.
    person = type(person).objects.get(pk=person.pk)
    assert not person.has_perm("accounts.view_own_agency_reports")


def test_a_partnership_leads_move_closes_a_request_already_waiting(
    learner, partnership_lead, early_help, other_agency, settings
):
    settings.ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN = True
    asked = agency_move_request_create(person=learner, to_agency=other_agency)

    profile_agency_move(
        profile=learner.profile, to_agency=early_help, by=partnership_lead
    )

    asked.refresh_from_db()
    assert asked.status == AgencyMoveStatus.CANCELLED
    assert _agency_of(learner) == early_help


# --------------------------------------------------- hand-overs and requests


def test_an_agency_lead_hands_someone_over_and_the_destination_lead_confirms(
    learner, agency_lead, early_help_lead, agency, early_help
):
    move = profile_agency_move(
        profile=learner.profile, to_agency=early_help, by=agency_lead
    )

    assert move.status == AgencyMoveStatus.PENDING
    assert _agency_of(learner) == agency
    assert not _audit("profile.agency_moved", learner)

    move = agency_move_request_decide(
        move_request=move, by=early_help_lead, approve=True
    )

    assert move.status == AgencyMoveStatus.APPROVED
    assert _agency_of(learner) == early_help
    [event] = _audit("profile.agency_moved", learner)
    assert event.actor == early_help_lead
    assert event.data["requested_by_id"] == agency_lead.pk


def test_a_partnership_lead_may_confirm_a_hand_over(
    learner, agency_lead, partnership_lead, early_help
):
    move = profile_agency_move(
        profile=learner.profile, to_agency=early_help, by=agency_lead
    )

    agency_move_request_decide(move_request=move, by=partnership_lead, approve=True)

    assert _agency_of(learner) == early_help


@pytest.mark.parametrize("first", ["source", "destination"])
def test_a_learners_request_needs_both_leads_before_they_move(
    learner, agency_lead, early_help_lead, agency, early_help, first
):
    move = agency_move_request_create(
        person=learner, to_agency=early_help, reason="New job."
    )
    leads = [agency_lead, early_help_lead]
    if first == "destination":
        leads.reverse()

    move = agency_move_request_decide(move_request=move, by=leads[0], approve=True)

    assert move.status == AgencyMoveStatus.PENDING
    assert _agency_of(learner) == agency

    move = agency_move_request_decide(move_request=move, by=leads[1], approve=True)

    assert move.status == AgencyMoveStatus.APPROVED
    assert _agency_of(learner) == early_help
    assert [e.action for e in AuditEvent.objects.order_by("pk")] == [
        "agency_move.requested",
        "agency_move.agreed",
        "profile.agency_moved",
    ]


def test_a_partnership_lead_decides_a_learners_request_alone(
    learner, partnership_lead, early_help
):
    move = agency_move_request_create(person=learner, to_agency=early_help)

    agency_move_request_decide(move_request=move, by=partnership_lead, approve=True)

    assert _agency_of(learner) == early_help


@pytest.mark.parametrize("decider", ["agency_lead", "early_help_lead"])
def test_either_lead_may_decline_and_nothing_moves(
    request, learner, agency, early_help, decider
):
    move = agency_move_request_create(person=learner, to_agency=early_help)

    move = agency_move_request_decide(
        move_request=move, by=request.getfixturevalue(decider), approve=False
    )

    assert move.status == AgencyMoveStatus.DECLINED
    assert _agency_of(learner) == agency
    assert len(_audit("agency_move.declined", learner)) == 1
    with pytest.raises(ValidationError) as refused:
        agency_move_request_decide(
            move_request=move, by=request.getfixturevalue(decider), approve=True
        )
    assert _messages(refused) == [str(services.MOVE_ALREADY_DECIDED)]


def test_agreeing_twice_says_whom_the_move_waits_for(learner, agency_lead, early_help):
    move = profile_agency_move(
        profile=learner.profile, to_agency=early_help, by=agency_lead
    )

    with pytest.raises(ValidationError) as refused:
        agency_move_request_decide(move_request=move, by=agency_lead, approve=True)

    assert _messages(refused) == [services.ALREADY_AGREED % {"agency": early_help.name}]


# ---------------------------------------------------------------- who may not


@pytest.mark.parametrize("mover", ["partnership_lead", "agency_lead", "superuser"])
def test_nobody_moves_themselves(request, agency, early_help, mover):
    if mover == "superuser":
        user = UserFactory(email="root@council.example.org", is_superuser=True)
        profile_save(user=user, agency=agency, job_title="Administrator")
    else:
        user = request.getfixturevalue(mover)

    with pytest.raises(ValidationError) as refused:
        profile_agency_move(profile=user.profile, to_agency=early_help, by=user)

    assert _messages(refused) == [str(services.CANNOT_MOVE_YOURSELF)]
    assert _agency_of(user) == agency
    assert not AgencyMoveRequest.objects.exists()


@pytest.mark.parametrize(
    "roles",
    [
        [Role.AGENCY_LEADS],
        [Role.TEAM_MANAGERS],
        [Role.TRAINERS],
        [Role.PARTNERSHIP_LEADS],
        "superuser",
    ],
    ids=["agency lead", "team manager", "trainer", "partnership lead", "superuser"],
)
def test_role_holders_cannot_ask_to_move_themselves(agency, early_help, roles):
    person = make_person(
        email="role.holder@council.example.org",
        agency=agency,
        roles=[] if roles == "superuser" else roles,
    )
    if roles == "superuser":
        person.is_superuser = True
        person.save()

    with pytest.raises(ValidationError) as refused:
        agency_move_request_create(person=person, to_agency=early_help)

    assert _messages(refused) == [str(services.ROLE_HOLDERS_CANNOT_ASK)]
    assert not AgencyMoveRequest.objects.exists()


def test_an_agency_lead_cannot_move_people_of_another_agency(
    agency_lead, other_learner, early_help, settings
):
    settings.ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN = True

    with pytest.raises(ValidationError) as refused:
        profile_agency_move(
            profile=other_learner.profile, to_agency=early_help, by=agency_lead
        )

    assert _messages(refused) == [str(services.NOT_IN_YOUR_AGENCY)]


def test_an_agency_lead_cannot_move_a_partnership_lead(
    agency_lead, partnership_lead, early_help
):
    with pytest.raises(ValidationError) as refused:
        profile_agency_move(
            profile=partnership_lead.profile, to_agency=early_help, by=agency_lead
        )

    assert _messages(refused) == [
        services.ONLY_PARTNERSHIP_LEADS_MOVE_THEM % {"name": partnership_lead.name}
    ]


def test_learners_and_team_managers_cannot_move_anyone(learner, agency, early_help):
    manager = make_person(
        email="tm@council.example.org", agency=agency, roles=[Role.TEAM_MANAGERS]
    )

    for mover in (manager, learner):
        other = learner if mover == manager else manager
        with pytest.raises(ValidationError) as refused:
            profile_agency_move(profile=other.profile, to_agency=early_help, by=mover)
        assert _messages(refused) == [str(services.NOT_A_LEAD)]


def test_a_lead_of_neither_agency_cannot_decide(learner, school_lead, early_help):
    move = agency_move_request_create(person=learner, to_agency=early_help)

    with pytest.raises(ValidationError) as refused:
        agency_move_request_decide(move_request=move, by=school_lead, approve=True)

    assert _messages(refused) == [str(services.NOT_YOUR_DECISION)]


def test_a_lead_cannot_decide_their_own_move(
    agency, early_help, agency_lead, early_help_lead
):
    second_lead = make_person(
        email="second-lead@council.example.org",
        agency=agency,
        roles=[Role.AGENCY_LEADS],
    )
    move = profile_agency_move(
        profile=agency_lead.profile, to_agency=early_help, by=second_lead
    )

    with pytest.raises(ValidationError) as refused:
        agency_move_request_decide(move_request=move, by=agency_lead, approve=False)

    assert _messages(refused) == [str(services.CANNOT_DECIDE_OWN_MOVE)]


# ---------------------------------------------------------- the destination


def test_the_destination_must_use_the_persons_email_domain(
    learner, partnership_lead, other_agency, agency
):
    with pytest.raises(ValidationError) as refused:
        profile_agency_move(
            profile=learner.profile, to_agency=other_agency, by=partnership_lead
        )

    assert _messages(refused) == [
        services.AGENCY_DOES_NOT_TAKE_EMAIL
        % {"agency": other_agency.name, "email": learner.email}
    ]
    with pytest.raises(ValidationError):
        agency_move_request_create(person=learner, to_agency=other_agency)
    assert _agency_of(learner) == agency


def test_any_domain_may_move_anywhere_when_the_setting_allows_it(
    learner, partnership_lead, other_agency, settings
):
    settings.ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN = True

    profile_agency_move(
        profile=learner.profile, to_agency=other_agency, by=partnership_lead
    )

    assert _agency_of(learner) == other_agency


def test_a_closed_agency_or_the_same_agency_is_refused(
    learner, partnership_lead, agency, early_help
):
    early_help.is_active = False
    early_help.save()

    for to_agency, message in (
        (early_help, services.AGENCY_CLOSED % {"agency": early_help.name}),
        (
            agency,
            services.ALREADY_IN_AGENCY % {"name": learner.name, "agency": agency.name},
        ),
    ):
        with pytest.raises(ValidationError) as refused:
            profile_agency_move(
                profile=learner.profile, to_agency=to_agency, by=partnership_lead
            )
        assert _messages(refused) == [message]


def test_one_request_waits_per_person(learner, agency_lead, early_help):
    agency_move_request_create(person=learner, to_agency=early_help)

    with pytest.raises(ValidationError) as asked_again:
        agency_move_request_create(person=learner, to_agency=early_help)
    with pytest.raises(ValidationError) as handed_over:
        profile_agency_move(
            profile=learner.profile, to_agency=early_help, by=agency_lead
        )

    assert _messages(asked_again) == [str(services.ASK_ALREADY_WAITING)]
    assert _messages(handed_over) == [
        services.MOVE_ALREADY_WAITING % {"name": learner.name}
    ]
    assert AgencyMoveRequest.objects.count() == 1


def test_a_request_out_of_date_is_refused(
    learner, partnership_lead, early_help, other_agency
):
    move = agency_move_request_create(person=learner, to_agency=early_help)
    Profile.objects.filter(user=learner).update(agency=other_agency)

    with pytest.raises(ValidationError) as refused:
        agency_move_request_decide(move_request=move, by=partnership_lead, approve=True)

    assert _messages(refused) == [
        services.MOVE_OUT_OF_DATE
        % {"name": learner.name, "agency": move.from_agency.name}
    ]
    assert _agency_of(learner) == other_agency


def test_a_learner_cancels_their_own_request_but_not_a_leads_hand_over(
    learner, agency_lead, early_help
):
    asked = agency_move_request_create(person=learner, to_agency=early_help)
    agency_move_request_cancel(move_request=asked, by=learner)
    handed = profile_agency_move(
        profile=learner.profile, to_agency=early_help, by=agency_lead
    )

    with pytest.raises(ValidationError) as refused:
        agency_move_request_cancel(move_request=handed, by=learner)

    asked.refresh_from_db()
    assert asked.status == AgencyMoveStatus.CANCELLED
    assert _messages(refused) == [str(services.NOT_YOUR_REQUEST)]


def test_profile_save_never_changes_the_agency_of_an_existing_profile(
    learner, agency, early_help
):
    with pytest.raises(ValidationError) as refused:
        profile_save(user=learner, agency=early_help, job_title="Social worker")

    assert refused.value.message_dict == {
        "agency": [str(services.AGENCY_CHANGE_NEEDS_A_LEAD)]
    }
    assert _agency_of(learner) == agency


# ---------------------------------------------------------------------- pages


def test_a_learner_asks_to_move_and_sees_the_request_waiting(
    client, learner, early_help, other_agency
):
    client.force_login(learner)

    page = client.get(ASK_URL)
    response = client.post(
        ASK_URL, {"to_agency": early_help.pk, "reason": "I joined early help."}
    )

    choices = list(page.context["form"].fields["to_agency"].queryset)
    assert choices == [early_help]
    assert response["Location"] == "/accounts/profile/"
    profile_page = client.get("/accounts/profile/").content.decode()
    assert str(MOVE_ASKED) in profile_page
    assert "Your request is waiting for a decision." in profile_page
    assert f'action="{CANCEL_URL}"' in profile_page
    move = AgencyMoveRequest.objects.get()
    assert (move.person, move.to_agency, move.reason) == (
        learner,
        early_help,
        "I joined early help.",
    )

    client.post(CANCEL_URL)

    move.refresh_from_db()
    assert move.status == AgencyMoveStatus.CANCELLED


def test_an_ask_without_an_agency_shows_the_error_and_changes_nothing(
    client, learner, early_help
):
    client.force_login(learner)

    response = client.post(ASK_URL, {"to_agency": ""})

    assert response.status_code == 200
    assert [str(e) for e in response.context["form"].errors["to_agency"]] == [
        str(CHOOSE_DESTINATION)
    ]
    assert 'class="govuk-error-summary"' in response.content.decode()
    assert not AgencyMoveRequest.objects.exists()


def test_an_ask_for_an_agency_not_using_your_domain_is_refused(
    client, learner, early_help, other_agency
):
    client.force_login(learner)

    response = client.post(ASK_URL, {"to_agency": other_agency.pk})

    assert [str(e) for e in response.context["form"].errors["to_agency"]] == [
        str(CHOOSE_DESTINATION)
    ]
    assert not AgencyMoveRequest.objects.exists()


def test_a_role_holder_is_told_whom_to_ask_and_cannot_post_the_ask_form(
    client, agency_lead, early_help, agency
):
    client.force_login(agency_lead)

    page = client.get(ASK_URL)
    response = client.post(ASK_URL, {"to_agency": early_help.pk})

    assert page.context["form"] is None
    assert escape(str(services.ROLE_HOLDERS_CANNOT_ASK)) in page.content.decode()
    assert response.status_code == 403
    assert not AgencyMoveRequest.objects.exists()
    assert _agency_of(agency_lead) == agency


def test_a_partnership_lead_checks_then_moves_someone_ending_their_role(
    client, partnership_lead, agency, early_help
):
    person = make_person(
        email="tm@council.example.org", agency=agency, roles=[Role.TEAM_MANAGERS]
    )
    client.force_login(partnership_lead)
    data = {"email": person.email.upper(), "to_agency": early_help.pk, "reason": ""}

    assert client.get(MOVE_URL).status_code == 200
    check = client.post(MOVE_URL, data)

    assert "accounts/agency_move_confirm.html" in [t.name for t in check.templates]
    html = check.content.decode()
    assert Role.TEAM_MANAGERS in html
    assert _agency_of(person) == agency

    response = client.post(MOVE_URL, {**data, "confirm": "yes"}, follow=True)

    assert response.redirect_chain[-1][0] == MOVES_URL
    assert escape(PERSON_MOVED % {"name": person.name, "agency": early_help}) in (
        response.content.decode()
    )
    assert _agency_of(person) == early_help
    assert _roles(person) == {Role.LEARNERS}


def test_an_agency_lead_hands_over_on_the_move_page(
    client, agency_lead, learner, agency, early_help
):
    client.force_login(agency_lead)
    data = {"email": learner.email, "to_agency": early_help.pk, "confirm": "yes"}

    response = client.post(MOVE_URL, data, follow=True)

    assert escape(
        PERSON_HANDED_OVER % {"name": learner.name, "agency": early_help}
    ) in (response.content.decode())
    assert _agency_of(learner) == agency
    assert AgencyMoveRequest.objects.get().status == AgencyMoveStatus.PENDING


@pytest.mark.parametrize(
    ("email", "error_field", "message"),
    [
        ("pupil-lead@oakfield-primary.example.org", "email", PERSON_NOT_FOUND),
        ("nobody@council.example.org", "email", PERSON_NOT_FOUND),
        ("agency-lead@council.example.org", "to_agency", services.CANNOT_MOVE_YOURSELF),
    ],
    ids=["another agency", "no such person", "themselves"],
)
def test_the_move_page_refuses_with_a_clear_error_and_changes_nothing(
    client, agency_lead, other_learner, early_help, email, error_field, message
):
    client.force_login(agency_lead)

    response = client.post(
        MOVE_URL, {"email": email, "to_agency": early_help.pk, "confirm": "yes"}
    )

    assert response.status_code == 200
    assert [str(e) for e in response.context["form"].errors[error_field]] == [
        str(message)
    ]
    assert 'class="govuk-error-summary"' in response.content.decode()
    assert not AgencyMoveRequest.objects.exists()


def test_an_agency_lead_lists_only_moves_from_or_to_their_agency(
    client,
    agency_lead,
    early_help_lead,
    learner,
    other_learner,
    early_help,
    other_agency,
    django_assert_max_num_queries,
    settings,
):
    settings.ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN = True
    agency_move_request_create(person=learner, to_agency=early_help)
    agency_move_request_create(person=other_learner, to_agency=early_help)
    for number in range(5):
        person = make_person(
            email=f"p{number}@oakfield-primary.example.org", agency=other_agency
        )
        agency_move_request_create(person=person, to_agency=early_help)
    client.force_login(agency_lead)

    with django_assert_max_num_queries(14):
        response = client.get(MOVES_URL)

    assert [m.person for m in response.context["moves"]] == [learner]
    assert other_learner.email not in response.content.decode()
    client.force_login(early_help_lead)
    with django_assert_max_num_queries(14):
        assert len(client.get(MOVES_URL).context["moves"]) == 7


def test_the_destination_lead_agrees_on_the_detail_page(
    client, agency_lead, early_help_lead, learner, early_help
):
    move = profile_agency_move(
        profile=learner.profile, to_agency=early_help, by=agency_lead
    )
    client.force_login(early_help_lead)

    page = client.get(_detail_url(move))
    response = client.post(_detail_url(move), {"decision": "approve"})

    assert escape(learner.email) in page.content.decode()
    assert response["Location"] == MOVES_URL
    assert _agency_of(learner) == early_help


def test_a_lead_who_handed_someone_over_may_only_decline_it(
    client, agency_lead, learner, early_help
):
    move = profile_agency_move(
        profile=learner.profile, to_agency=early_help, by=agency_lead
    )
    client.force_login(agency_lead)

    html = client.get(_detail_url(move)).content.decode()

    assert 'value="approve"' not in html
    assert 'value="decline"' in html
    assert "which now waits for the other agency" in html


def test_a_bad_decision_shows_the_error_and_changes_nothing(
    client, early_help_lead, learner, agency, early_help
):
    move = agency_move_request_create(person=learner, to_agency=early_help)
    client.force_login(early_help_lead)

    response = client.post(_detail_url(move), {"decision": "maybe"})

    assert response.status_code == 200
    assert str(DECISION_INVALID) in response.content.decode()
    move.refresh_from_db()
    assert move.status == AgencyMoveStatus.PENDING
    assert move.destination_approved_by is None


def test_a_lead_of_neither_agency_gets_a_404_for_the_request(
    client, school_lead, learner, early_help
):
    move = agency_move_request_create(person=learner, to_agency=early_help)
    client.force_login(school_lead)

    assert client.get(_detail_url(move)).status_code == 404
    assert client.post(_detail_url(move), {"decision": "approve"}).status_code == 404
    assert AgencyMoveRequest.objects.get().status == AgencyMoveStatus.PENDING


@pytest.mark.parametrize("url", [MOVES_URL, MOVE_URL])
def test_learners_team_managers_and_trainers_cannot_open_the_lead_pages(
    client, learner, trainer, url
):
    learner.groups.add(Group.objects.get(name=Role.TEAM_MANAGERS))
    for person in (learner, trainer):
        client.force_login(person)
        assert client.get(url).status_code == 403


def test_every_move_form_needs_a_csrf_token(
    learner, agency_lead, early_help, early_help_lead
):
    move = profile_agency_move(
        profile=learner.profile, to_agency=early_help, by=agency_lead
    )
    client = Client(enforce_csrf_checks=True)
    client.force_login(early_help_lead)

    assert client.post(_detail_url(move), {"decision": "approve"}).status_code == 403
    client.force_login(learner)
    assert client.post(CANCEL_URL).status_code == 403
    assert client.post(ASK_URL, {"to_agency": early_help.pk}).status_code == 403
    assert AgencyMoveRequest.objects.get().status == AgencyMoveStatus.PENDING


def test_the_admin_user_form_cannot_change_anyones_agency(client, learner, early_help):
    from learning.accounts.viewsets import AccountsUserEditForm

    admin = UserFactory(email="admin@council.example.org", is_superuser=True)
    client.force_login(admin)
    agency = _agency_of(learner)

    response = client.post(
        f"/admin/users/edit/{learner.pk}/",
        {
            "email": learner.email,
            "name": learner.name,
            "is_active": "on",
            "groups": [Group.objects.get(name=Role.LEARNERS).pk],
            "agency": early_help.pk,
            "profile-agency": early_help.pk,
        },
    )

    assert response.status_code == 302
    assert _agency_of(learner) == agency
    assert not any("agency" in name for name in AccountsUserEditForm.base_fields)


def test_reloading_the_demo_keeps_a_person_a_lead_has_moved():
    from learning.core.demo import (
        demo_accounts_load,
        demo_agencies_load,
        demo_learners_load,
    )

    agencies = demo_agencies_load()
    demo_accounts_load(agencies=agencies)
    demo_learners_load(agencies=agencies, count=3)
    # The first demo learner works in children's social care, on the council domain.
    person = Profile.objects.get(user__email__endswith=".1@council.example.org").user
    to_agency = agencies["Early Help and Family Support"]
    assert _agency_of(person) != to_agency
    lead = type(person).objects.get(email="lead@example.org")
    profile_agency_move(profile=person.profile, to_agency=to_agency, by=lead)

    demo_accounts_load(agencies=agencies)
    demo_learners_load(agencies=agencies, count=3)

    assert _agency_of(person) == to_agency
