"""Ids too large for the database are a form error, never a server error."""

import pytest

from learning.core.forms import IdChoiceField, IdMultipleChoiceField, is_valid_id

pytestmark = pytest.mark.django_db

HUGE = "9" * 30


@pytest.mark.parametrize(
    ("value", "valid"),
    [("1", True), (str(2**63 - 1), True), (str(2**63), False), (HUGE, False)]
    + [("-1", False), ("1.5", False), ("١", False), ("", False), (" 7 ", True)],
)
def test_is_valid_id(value, valid):
    assert is_valid_id(value) is valid


def test_the_fields_refuse_huge_ids_before_querying(agency):
    from learning.accounts.models import Agency

    single = IdChoiceField(queryset=Agency.objects.all())
    several = IdMultipleChoiceField(queryset=Agency.objects.all())

    for field, value in ((single, HUGE), (several, [str(agency.pk), HUGE])):
        with pytest.raises(Exception) as error:
            field.clean(value)
        assert error.value.code == "invalid_choice"
    assert single.clean(str(agency.pk)) == agency


@pytest.mark.parametrize(
    ("url", "shows_error"),
    [
        (f"/reports/?agency={HUGE}", True),
        (f"/reports/?module={HUGE}", True),
        (f"/reports/impact/?agency={HUGE}", True),
        (f"/training/charges/?agency={HUGE}", True),
        (f"/licences/?agency={HUGE}", True),
        # These lists ignore a filter they cannot use and show everything.
        (f"/training/?course={HUGE}", False),
        (f"/certificates/manage/?agency={HUGE}", False),
        (f"/briefings/?agency={HUGE}", False),
    ],
)
def test_filter_pages_answer_a_huge_id_without_a_server_error(
    client, partnership_lead, url, shows_error
):
    client.force_login(partnership_lead)

    response = client.get(url)

    assert response.status_code in (200, 400), url
    assert ("govuk-error-summary" in response.content.decode()) is shows_error, url
