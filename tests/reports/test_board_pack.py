"""The board pack PDF: small-number suppression, content, scope and the background path."""

import io
import re

from django.urls import reverse

import pytest
from pypdf import PdfReader

from learning.accounts.factories import ProfileFactory
from learning.core.models import BackgroundJob, JobStatus
from learning.reports.board_pack import (
    FEWER_THAN,
    NOT_SHOWN,
    SUPPRESS_BELOW,
    agency_tables,
    fewer_than,
    suppress,
    suppress_total,
)
from learning.reports.forms import AGENCY_OUTSIDE_SCOPE

from .conftest import certificate_give

pytestmark = pytest.mark.django_db

BOARD_PACK = reverse("reports:board_pack")
SMALL_EXACT = re.compile(r"(?<!Page )(?<!part )\b[0-4] of \d")


def _pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = b"".join(response) if response.streaming else response.content
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"\s+", " ", text)


# ------------------------------------------------------------------ suppression


def test_counts_below_five_read_fewer_than_five():
    assert SUPPRESS_BELOW == 5
    assert fewer_than() == str(FEWER_THAN) % {"limit": 5} == "fewer than 5"
    for small in (0, 1, 4):
        assert suppress(small) == "fewer than 5"
    assert suppress(5) == 5
    assert suppress(240) == 240
    assert suppress(None) == NOT_SHOWN


def test_percentages_from_fewer_than_five_people_are_not_shown():
    assert suppress(4, of=100) == NOT_SHOWN  # numerator small
    assert suppress(5, of=4) == NOT_SHOWN  # denominator small
    assert suppress(0, of=0) == NOT_SHOWN
    assert suppress(5, of=10) == "50%"
    assert suppress(7, of=12) == "58%"  # rounded down, like the screen


def test_a_total_that_would_reveal_one_suppressed_count_is_hidden():
    assert suppress_total(15, [12, 3]) == NOT_SHOWN
    assert suppress_total(20, [12, 4, 4]) == 20  # two suppressed: neither revealed
    assert suppress_total(22, [12, 10]) == 22
    assert suppress_total(3, [2, 1]) == "fewer than 5"


def test_the_agency_table_suppresses_each_small_count_and_its_total():
    table = {
        "modules": [{"id": 1, "title": "Seeing the pattern"}],
        "rows": [
            {
                "agency_name": "Large",
                "registered": 40,
                "headcount": 50,
                "started": 12,
                "completed": [9],
                "attended": 6,
                "no_shows": 0,
                "refreshers_overdue": 7,
            },
            {
                "agency_name": "Small",
                "registered": 3,
                "headcount": 4,
                "started": 2,
                "completed": [1],
                "attended": 5,
                "no_shows": 0,
                "refreshers_overdue": 5,
            },
        ],
        "totals": {
            "registered": 43,
            "started": 14,
            "completed": [10],
            "attended": 11,
            "no_shows": 0,
            "refreshers_overdue": 12,
        },
    }

    shown = agency_tables(table)

    large, small, total = shown["rows"]
    assert large["counts"] == [40, 12, 6, "fewer than 5", 7]
    assert large["workforce"] == "80%"
    assert small["counts"] == ["fewer than 5", "fewer than 5", 5, "fewer than 5", 5]
    assert small["workforce"] == NOT_SHOWN
    # Registered and started: one suppressed part, so the total is hidden too.
    assert total["counts"] == [NOT_SHOWN, NOT_SHOWN, 11, "fewer than 5", 12]
    completions = shown["completions"][0]["rows"]
    assert [row["counts"] for row in completions] == [[9], ["fewer than 5"], ["–"]]


# ----------------------------------------------------------------- the PDF


def test_the_board_pack_is_a_tagged_landscape_pdf_with_every_section(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.partnership_lead)

    with django_assert_max_num_queries(45):
        response = client.get(BOARD_PACK)

    reader, text = _pdf_text(response)
    assert response["Content-Disposition"].startswith("attachment")
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    box = reader.pages[0].mediabox
    assert box.width > box.height
    for expected in (
        "Board report: reach and impact of the learning",
        "Scope: every agency in the partnership.",
        "Staff who evidence each recommendation, by agency",
        "Staff reached in each agency",
        "Confidence before and after, per agency",
        "Action plan",
        "Page 1 of",
    ):
        assert expected in text
    for number in range(1, 7):
        assert f"Recommendation {number}" in text
    assert "fewer than 5 of fewer than 5" in text


def test_the_board_pack_never_shows_a_small_exact_count(client, world):
    # Five more people in the school who all evidence recommendation 1: that cell
    # (8 of 8) is large enough to show; every other agency's figures are small.
    school = world.agencies["b"]
    for number in range(5):
        person = ProfileFactory(
            user__email=f"teacher{number}@b.example.org", agency=school
        ).user
        certificate_give(person, world.modules[0])
    client.force_login(world.partnership_lead)

    _reader, text = _pdf_text(client.get(BOARD_PACK))

    assert "8 of 8" in text
    assert "100% · Most" in text
    assert "fewer than 5" in text
    assert not SMALL_EXACT.search(text), SMALL_EXACT.search(text)
    # Children's Social Care has 7 staff, 3 evidencing recommendation 1: the
    # screen shows "3 of 7"; the board pack must not.
    assert "3 of 7" not in text
    assert "fewer than 5 of 7" in text


def test_an_agency_leads_board_pack_covers_only_their_agency(client, world):
    client.force_login(world.agency_lead)

    _reader, text = _pdf_text(client.get(BOARD_PACK))

    assert "Scope: Children's Social Care only." in text
    assert "Oakfield Primary School" not in text
    assert "Northbridge Police" not in text


def test_an_agency_lead_cannot_ask_for_another_agencys_board_pack(client, world):
    client.force_login(world.agency_lead)

    response = client.get(BOARD_PACK, {"agency": world.agencies["b"].pk})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert str(AGENCY_OUTSIDE_SCOPE) in response.content.decode()


def test_learners_cannot_have_the_board_pack(client, world, learner):
    client.force_login(learner)

    assert client.get(BOARD_PACK).status_code == 403


def test_a_large_board_pack_is_prepared_in_the_background(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.REPORTS_INLINE_EXPORT_MAX_ROWS = 3
    client.force_login(world.partnership_lead)

    offer = client.get(BOARD_PACK, {"agency": world.agencies["a"].pk})

    assert offer.status_code == 200
    assert "Prepare the board pack" in offer.content.decode()
    fields = dict(
        re.findall(
            r'<input type="hidden" name="(\w+)" value="([^"]*)">',
            offer.content.decode(),
        )
    )
    assert fields["table"] == "board_pack"
    assert fields["agency"] == str(world.agencies["a"].pk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:export_start"), fields)
    job = BackgroundJob.objects.get()
    assert job.status == JobStatus.DONE
    page = client.get(reverse("reports:export_job", args=[job.pk])).content.decode()
    assert "Download the board pack (PDF)" in page

    _reader, text = _pdf_text(
        client.get(reverse("reports:export_download", args=[job.pk]))
    )

    assert "Agency: Children&#x27;s Social Care." not in text
    assert "Agency: Children's Social Care." in text
    assert "Oakfield Primary School" not in text
