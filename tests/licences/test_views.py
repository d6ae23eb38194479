import csv
import io
import re
from datetime import timedelta
from html import unescape

from django.utils import timezone
from django.utils.dateformat import format as date_format

import pytest

from learning.accounts.factories import AgencyFactory
from learning.core.models import AuditEvent
from learning.licences.models import Licence
from learning.licences.services import REVOKE_REASON_REQUIRED, licence_revoke
from learning.licences.views import CSV_HEADER, REVOKED

from ..conftest import make_person

pytestmark = pytest.mark.django_db

REGISTER = "/licences/"


@pytest.fixture
def holders(agency, other_agency, attend_all, partnership_lead):
    """In ``agency``: current, due soon, lapsed, revoked. In ``other_agency``: one."""
    today = timezone.localdate()
    people = {
        key: make_person(email=f"{key}@council.example.org", agency=agency, name=name)
        for key, name in (
            ("current", "Carys Current"),
            ("due", "Dev Due"),
            ("lapsed", "Lena Lapsed"),
            ("revoked", "Rhys Revoked"),
        )
    }
    people["other"] = make_person(
        email="olu@oakfield-primary.example.org", agency=other_agency, name="Olu Other"
    )
    attend_all([people["current"], people["revoked"]], on=today - timedelta(days=10))
    attend_all([people["other"]], on=today - timedelta(days=10))
    # 36-month refresher: due in about a month, and passed a year ago.
    attend_all([people["due"]], on=today - timedelta(days=3 * 365 - 30))
    attend_all([people["lapsed"]], on=today - timedelta(days=4 * 365))
    licence_revoke(
        licence=Licence.objects.get(holder=people["revoked"]),
        reason="Left the partnership.",
        revoked_by=partnership_lead,
    )
    return people


def _text(html):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def _screen_rows(html):
    """The holders table as text cells, one list per row."""
    table = html.split('id="licence-holders"', 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody", 1)[1]
    return [
        [_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def _csv_rows(response):
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1] == CSV_HEADER
    return rows[2:]


def _counts(html):
    """Agency name -> [licensed, due, lapsed, revoked] from the counts table."""
    table = html.split("Licences by agency", 1)[1].split("</table>", 1)[0]
    counts = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
        cells = [_text(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        if len(cells) == 5 and cells[1].isdigit():
            counts[cells[0]] = [int(c) for c in cells[1:]]
    return counts


# ------------------------------------------------------------------------ access


def test_learners_and_trainers_are_refused_the_register(client, learner, trainer):
    for user in (learner, trainer):
        client.force_login(user)
        assert client.get(REGISTER).status_code == 403
        assert client.get(REGISTER, {"export": "csv"}).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(REGISTER)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# ---------------------------------------------------------------------- register


def test_a_partnership_lead_sees_every_agency_with_counts_and_statuses(
    client, partnership_lead, holders, agency, other_agency
):
    client.force_login(partnership_lead)

    html = client.get(REGISTER).content.decode()

    assert _counts(html) == {agency.name: [2, 1, 1, 1], other_agency.name: [1, 0, 0, 0]}
    rows = {row[0]: row for row in _screen_rows(html)}
    assert set(rows) == {
        "Carys Current",
        "Dev Due",
        "Lena Lapsed",
        "Rhys Revoked",
        "Olu Other",
    }
    assert rows["Carys Current"][4] == "Licensed"
    assert rows["Dev Due"][4] == "Refresher due soon"
    assert rows["Lena Lapsed"][4] == "Lapsed"
    assert rows["Rhys Revoked"][4] == "Revoked"
    assert rows["Olu Other"][1] == other_agency.name


@pytest.mark.parametrize(
    ("status", "names"),
    [
        ("licensed", {"Carys Current", "Dev Due"}),
        ("due", {"Dev Due"}),
        ("lapsed", {"Lena Lapsed"}),
        ("revoked", {"Rhys Revoked"}),
    ],
)
def test_the_register_filters_by_status_and_agency(
    client, partnership_lead, holders, agency, status, names
):
    client.force_login(partnership_lead)

    html = client.get(
        REGISTER, {"agency": agency.pk, "status": status}
    ).content.decode()

    assert {row[0] for row in _screen_rows(html)} == names


def test_only_the_newest_licence_of_each_holder_is_listed(
    client, partnership_lead, holders, attend_all
):
    attend_all([holders["lapsed"]], on=timezone.localdate() - timedelta(days=2))
    client.force_login(partnership_lead)

    html = client.get(REGISTER).content.decode()

    rows = [row for row in _screen_rows(html) if row[0] == "Lena Lapsed"]
    assert len(rows) == 1
    assert rows[0][4] == "Licensed"


def test_an_agency_lead_sees_only_their_own_agency(
    client, agency_lead, holders, agency, other_agency
):
    client.force_login(agency_lead)

    html = client.get(REGISTER).content.decode()

    assert "Olu Other" not in html
    assert other_agency.name not in html  # not even in the agency filter
    assert _counts(html) == {agency.name: [2, 1, 1, 1]}
    assert len(_screen_rows(html)) == 4


def test_an_agency_lead_gets_nothing_from_a_tampered_agency_filter(
    client, agency_lead, holders, other_agency
):
    client.force_login(agency_lead)

    response = client.get(REGISTER, {"agency": other_agency.pk})
    csv_response = client.get(REGISTER, {"agency": other_agency.pk, "export": "csv"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Olu Other" not in html
    assert "No licence holders match these filters." in html
    assert _counts(html) == {}
    assert _csv_rows(csv_response) == []


def test_nonsense_filters_show_an_error_and_no_rows(client, partnership_lead, holders):
    client.force_login(partnership_lead)

    html = client.get(REGISTER, {"agency": "nonsense", "status": "x"}).content.decode()

    assert "There is a problem" in html
    assert "No licence holders match these filters." in html


def test_the_csv_holds_the_same_rows_as_the_screen(
    client, partnership_lead, holders, agency
):
    client.force_login(partnership_lead)
    for query in ({}, {"agency": agency.pk, "status": "licensed"}):
        screen = _screen_rows(client.get(REGISTER, query).content.decode())
        exported = _csv_rows(client.get(REGISTER, {**query, "export": "csv"}))

        as_screen = [
            [
                name,
                agency_name,
                date_format(timezone.datetime.fromisoformat(granted), "j M Y"),
                date_format(timezone.datetime.fromisoformat(due), "j M Y"),
                status,
            ]
            for name, agency_name, granted, due, status in exported
        ]
        assert as_screen == screen
        assert len(screen) >= 2


def test_the_csv_neutralises_formulas_in_names(
    client, partnership_lead, agency, attend_all
):
    sneaky = make_person(
        email="sneaky@council.example.org", agency=agency, name="=HYPERLINK(1)"
    )
    attend_all([sneaky], on=timezone.localdate())
    client.force_login(partnership_lead)

    rows = _csv_rows(client.get(REGISTER, {"export": "csv"}))

    assert rows[0][0] == "'=HYPERLINK(1)"


@pytest.mark.parametrize("lead", ["partnership_lead", "agency_lead"])
def test_the_register_queries_do_not_grow_with_holders(
    request, client, agency, attend_all, django_assert_max_num_queries, lead
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(request.getfixturevalue(lead))
    agencies = [agency, *(AgencyFactory(name=f"Agency {n}") for n in range(4))]
    people = [
        make_person(email=f"holder{n}@example.org", agency=agencies[n % 5])
        for n in range(30)
    ]
    attend_all(people[:5], on=timezone.localdate() - timedelta(days=3))
    client.get(REGISTER)  # first visit: Wagtail creates the user's admin profile
    with CaptureQueriesContext(connection) as few:
        client.get(REGISTER)
    attend_all(people[5:], on=timezone.localdate() - timedelta(days=2))

    with django_assert_max_num_queries(min(len(few), 14)):
        response = client.get(REGISTER)

    assert len(_screen_rows(response.content.decode())) in (6, 30)


def test_the_register_is_paginated(client, partnership_lead, agency, attend_all):
    people = [
        make_person(
            email=f"p{n:02d}@council.example.org", agency=agency, name=f"P {n:02d}"
        )
        for n in range(52)
    ]
    attend_all(people, on=timezone.localdate())
    client.force_login(partnership_lead)

    first = client.get(REGISTER).content.decode()
    second = client.get(REGISTER, {"page": 2}).content.decode()

    assert "52 licence holders" in first
    assert len(_screen_rows(first)) == 50
    assert [row[0] for row in _screen_rows(second)] == ["P 50", "P 51"]


# ------------------------------------------------------------------- detail, revoke


def test_a_partnership_lead_revokes_a_licence_from_its_page(
    client, partnership_lead, holders
):
    licence = Licence.objects.get(holder=holders["current"])
    client.force_login(partnership_lead)
    url = f"/licences/{licence.pk}/"

    assert "Revoke licence" in client.get(url).content.decode()
    response = client.post(
        url, {"reason": "Moved to a non-practice role."}, follow=True
    )

    assert str(REVOKED) in response.content.decode()
    licence.refresh_from_db()
    assert licence.revoked_reason == "Moved to a non-practice role."
    assert AuditEvent.objects.filter(
        action="licence.revoked", object_id=str(licence.pk)
    ).exists()


def test_revoking_without_a_reason_shows_the_error_and_changes_nothing(
    client, partnership_lead, holders
):
    licence = Licence.objects.get(holder=holders["current"])
    client.force_login(partnership_lead)

    response = client.post(f"/licences/{licence.pk}/", {"reason": ""})

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert str(REVOKE_REASON_REQUIRED) in unescape(response.content.decode())
    licence.refresh_from_db()
    assert licence.revoked_at is None


def test_an_agency_lead_sees_their_agencys_licence_but_cannot_revoke_it(
    client, agency_lead, holders
):
    licence = Licence.objects.get(holder=holders["current"])
    client.force_login(agency_lead)
    url = f"/licences/{licence.pk}/"

    page = client.get(url)
    refused = client.post(url, {"reason": "Trying anyway."})

    assert page.status_code == 200
    assert "Revoke licence" not in page.content.decode()
    assert refused.status_code == 403
    licence.refresh_from_db()
    assert licence.revoked_at is None


def test_other_agencies_licences_and_unknown_ids_are_not_found(
    client, agency_lead, learner, holders
):
    other = Licence.objects.get(holder=holders["other"])
    client.force_login(agency_lead)

    assert client.get(f"/licences/{other.pk}/").status_code == 404
    assert client.post(f"/licences/{other.pk}/", {"reason": "x"}).status_code == 404
    assert client.get("/licences/999999/").status_code == 404
    client.force_login(learner)
    assert client.get(f"/licences/{other.pk}/").status_code == 403


# ---------------------------------------------------------------------- my learning


def test_my_learning_shows_the_learners_licence_and_how_to_renew_a_lapsed_one(
    client, holders, gcp2_course
):
    client.force_login(holders["current"])
    current = _text(client.get("/my-learning/").content.decode())
    client.force_login(holders["lapsed"])
    lapsed = client.get("/my-learning/").content.decode()

    assert "Graded Care Profile 2 (GCP2)" in current and "Licensed" in current
    assert "Book the course to renew it" in lapsed
    assert f'href="/training/?course={gcp2_course.pk}"' in lapsed


def test_my_learning_says_nothing_about_licences_to_someone_without_one(
    client, learner
):
    client.force_login(learner)

    html = client.get("/my-learning/").content.decode()

    assert 'id="licences"' not in html
