from django.contrib.auth.models import Group
from django.core import mail
from django.utils.html import escape

import pytest
from allauth.account.models import EmailAddress

from learning.accounts.adapters import UNKNOWN_EMAIL_DOMAIN
from learning.accounts.factories import AgencyFactory
from learning.accounts.forms import CHOOSE_AGENCY, CHOOSE_AGENCY_FOR_SHARED_DOMAIN
from learning.accounts.models import AgencyKind, Profile, User
from learning.accounts.roles import Role
from learning.accounts.services import AGENCY_DOES_NOT_ALLOW_DOMAIN

from .conftest import confirmation_path, only_email_to, signed_in_user_id

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/accounts/signup/"
VERIFICATION_SENT_URL = "/accounts/confirm-email/"
# allauth has no constant for this one; it is its SignupForm's own text.
PASSWORD_MISMATCH = "You must type the same password each time."


def _errors(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def _nothing_created():
    return not User.objects.exists() and not Profile.objects.exists()


def test_good_sign_up_creates_user_and_profile_with_work_details(
    client, agency, signup_data
):
    response = client.post(SIGNUP_URL, signup_data)

    assert response.status_code == 302
    assert response["Location"] == VERIFICATION_SENT_URL
    user = User.objects.get()
    assert user.email == "ann.example@council.example.org"
    assert user.name == "Ann Example"
    assert user.check_password(signup_data["password1"])
    profile = user.profile
    assert profile.agency == agency
    assert profile.job_title == "Social worker"
    assert profile.team == "Locality team North"
    assert profile.line_manager_name == "Bea Manager"
    assert profile.line_manager_email == "bea.manager@council.example.org"


def test_new_user_is_a_learner_and_nothing_more(client, signup_data):
    client.post(SIGNUP_URL, signup_data)

    user = User.objects.get()
    assert list(user.groups.values_list("name", flat=True)) == [Role.LEARNERS]
    assert Group.objects.filter(name=Role.LEARNERS).exists()
    assert not user.is_staff
    assert not user.is_superuser


def test_new_user_is_not_signed_in_until_the_email_is_confirmed(client, signup_data):
    client.post(SIGNUP_URL, signup_data)

    assert signed_in_user_id(client) is None
    address = EmailAddress.objects.get()
    assert address.email == "ann.example@council.example.org"
    assert not address.verified


def test_sign_up_sends_one_verification_email_with_a_confirmation_link(
    client, signup_data
):
    client.post(SIGNUP_URL, signup_data)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ann.example@council.example.org"]
    assert confirmation_path(message).startswith("/accounts/confirm-email/")


def test_following_the_confirmation_link_verifies_the_email_and_signs_in(
    client, signup_data
):
    client.post(SIGNUP_URL, signup_data)
    path = confirmation_path(mail.outbox[0])
    user = User.objects.get()

    page = client.get(path)
    assert page.status_code == 200
    assert "account/email_confirm.html" in [t.name for t in page.templates]
    assert not EmailAddress.objects.get().verified
    assert signed_in_user_id(client) is None

    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get().verified
    assert signed_in_user_id(client) == user.pk


def test_sign_up_page_shows_the_sent_confirmation_page_after_sign_up(
    client, signup_data
):
    response = client.post(SIGNUP_URL, signup_data, follow=True)

    assert response.status_code == 200
    assert "account/verification_sent.html" in [t.name for t in response.templates]


def test_blank_agency_is_worked_out_from_a_domain_only_one_agency_uses(
    client, agency, other_agency, signup_data
):
    client.post(SIGNUP_URL, signup_data)

    assert Profile.objects.get().agency == agency


def test_blank_agency_with_a_shared_domain_asks_which_agency_and_creates_nothing(
    client, agency, signup_data
):
    AgencyFactory(
        name="Early Help and Family Support",
        kind=AgencyKind.EARLY_HELP,
        domains=["council.example.org"],
    )

    response = client.post(SIGNUP_URL, signup_data)

    assert response.status_code == 200
    assert _errors(response, "agency") == [str(CHOOSE_AGENCY_FOR_SHARED_DOMAIN)]
    assert _nothing_created()
    assert mail.outbox == []


def test_shared_domain_works_once_the_agency_is_chosen(client, agency, signup_data):
    early_help = AgencyFactory(
        name="Early Help and Family Support",
        kind=AgencyKind.EARLY_HELP,
        domains=["council.example.org"],
    )

    client.post(SIGNUP_URL, {**signup_data, "agency": early_help.pk})

    assert Profile.objects.get().agency == early_help


def test_chosen_agency_that_does_not_allow_the_domain_is_refused(
    client, other_agency, signup_data
):
    response = client.post(SIGNUP_URL, {**signup_data, "agency": other_agency.pk})

    assert response.status_code == 200
    assert _errors(response, "agency") == [str(AGENCY_DOES_NOT_ALLOW_DOMAIN)]
    assert _nothing_created()


def test_unknown_email_domain_is_refused_and_creates_nothing(client, signup_data):
    response = client.post(
        SIGNUP_URL, {**signup_data, "email": "someone@unknown.example.net"}
    )

    assert response.status_code == 200
    assert _errors(response, "email") == [str(UNKNOWN_EMAIL_DOMAIN)]
    assert escape(str(UNKNOWN_EMAIL_DOMAIN)) in response.content.decode()
    assert _nothing_created()
    assert mail.outbox == []


def test_unknown_domain_is_accepted_with_a_chosen_agency_when_any_domain_is_allowed(
    client, settings, agency, signup_data
):
    settings.ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN = True

    response = client.post(
        SIGNUP_URL,
        {**signup_data, "email": "someone@unknown.example.net", "agency": agency.pk},
    )

    assert response.status_code == 302
    profile = Profile.objects.get()
    assert profile.user.email == "someone@unknown.example.net"
    assert profile.agency == agency


def test_unknown_domain_still_needs_an_agency_when_any_domain_is_allowed(
    client, settings, signup_data
):
    settings.ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN = True

    response = client.post(
        SIGNUP_URL, {**signup_data, "email": "someone@unknown.example.net"}
    )

    assert response.status_code == 200
    assert _errors(response, "agency") == [str(CHOOSE_AGENCY)]
    assert _nothing_created()


def test_inactive_agency_is_not_offered_or_matched(client, agency, signup_data):
    agency.is_active = False
    agency.save()

    response = client.post(SIGNUP_URL, signup_data)

    assert response.status_code == 200
    assert _errors(response, "email") == [str(UNKNOWN_EMAIL_DOMAIN)]
    assert agency not in response.context["form"].fields["agency"].queryset
    assert _nothing_created()


def test_duplicate_email_creates_no_second_user_and_does_not_reveal_the_account(
    client, learner, signup_data
):
    existing_profile = Profile.objects.values().get(user=learner)
    fresh = client.post(SIGNUP_URL, signup_data)
    mail.outbox.clear()
    client.logout()

    duplicate = client.post(SIGNUP_URL, {**signup_data, "email": learner.email})

    assert User.objects.filter(email=learner.email).count() == 1
    assert User.objects.count() == 2
    assert duplicate.status_code == fresh.status_code == 302
    assert duplicate["Location"] == fresh["Location"] == VERIFICATION_SENT_URL
    assert signed_in_user_id(client) is None
    message = only_email_to(learner.email)
    assert "you already have an account" in f"{message.subject} {message.body}".lower()
    assert "/accounts/confirm-email/" not in message.body
    assert Profile.objects.values().get(user=learner) == existing_profile


def test_email_addresses_are_stored_in_lower_case(client, signup_data):
    client.post(SIGNUP_URL, {**signup_data, "email": "Ann.Example@Council.EXAMPLE.org"})

    assert User.objects.get().email == "ann.example@council.example.org"
    assert EmailAddress.objects.get().email == "ann.example@council.example.org"


def test_upper_case_variant_of_an_existing_email_creates_no_second_user(
    client, learner, signup_data
):
    response = client.post(SIGNUP_URL, {**signup_data, "email": learner.email.upper()})

    assert response.status_code == 302
    assert User.objects.count() == 1
    assert EmailAddress.objects.count() == 1
    only_email_to(learner.email)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ab3!x", "This password is too short."),
        ("qwertyuiop", "This password is too common."),
        ("8302917465", "This password is entirely numeric."),
        ("ann.example@council", "The password is too similar to the"),
    ],
    ids=["too-short", "common", "numeric", "similar-to-email"],
)
def test_weak_passwords_are_refused_with_a_reason(
    client, signup_data, password, message
):
    response = client.post(
        SIGNUP_URL, {**signup_data, "password1": password, "password2": password}
    )

    assert response.status_code == 200
    errors = _errors(response, "password1")
    assert any(message in error for error in errors), errors
    assert _nothing_created()
    assert mail.outbox == []


def test_mismatched_passwords_are_refused(client, signup_data):
    response = client.post(
        SIGNUP_URL, {**signup_data, "password2": "a-different-long-passphrase"}
    )

    assert response.status_code == 200
    assert _errors(response, "password2") == [str(PASSWORD_MISMATCH)]
    assert _nothing_created()


@pytest.mark.parametrize(
    "field", ["name", "email", "job_title", "password1", "password2"]
)
def test_each_required_field_missing_gives_an_error_for_that_field(
    client, signup_data, field
):
    response = client.post(SIGNUP_URL, {**signup_data, field: ""})

    assert response.status_code == 200
    assert _errors(response, field)
    assert _nothing_created()
    assert mail.outbox == []


def test_optional_work_details_can_be_left_blank(client, signup_data):
    data = {
        **signup_data,
        "team": "",
        "line_manager_name": "",
        "line_manager_email": "",
    }

    client.post(SIGNUP_URL, data)

    profile = Profile.objects.get()
    assert (profile.team, profile.line_manager_name, profile.line_manager_email) == (
        "",
        "",
        "",
    )


def test_error_page_uses_the_govuk_error_summary_linking_to_each_field(
    client, signup_data
):
    response = client.post(
        SIGNUP_URL,
        {**signup_data, "name": "", "email": "someone@unknown.example.net"},
    )

    html = response.content.decode()
    assert 'class="govuk-error-summary"' in html
    summary = html[html.index("govuk-error-summary") :]
    summary = summary[: summary.index("</ul>")]
    assert '<a href="#id_name">' in summary
    assert '<a href="#id_email">' in summary
    assert 'id="id_name"' in html
    assert 'id="id_email"' in html
    assert 'id="id_email-error"' in html
