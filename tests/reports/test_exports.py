"""CSV and XLSX exports of the reports: content, formula safety, scope, background jobs."""

import csv
import io
import re

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from learning.core.models import BackgroundJob, JobStatus
from learning.reports.export_views import JOB_OUTSIDE_SCOPE
from learning.reports.exports import JOB_KIND, safe_cell
from learning.reports.forms import AGENCY_OUTSIDE_SCOPE, RECOMMENDATION_REQUIRED
from learning.reports.tasks import SCOPE_CHANGED, build_report_export
from tests.conftest import make_person

from .conftest import certificate_give

pytestmark = pytest.mark.django_db

EXPORT = reverse("reports:export")
START = reverse("reports:export_start")
DASHBOARD = reverse("reports:dashboard")
HEADER_ROW = 4  # generated at, filters, caption, then the headers


def _workbook(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(b"".join(response)))


def _sheet_rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _csv_rows(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def _matrix_cells_on_screen(client, query=""):
    """``{(recommendation number, agency name): "3 of 7"}`` read from the dashboard."""
    text = client.get(DASHBOARD + query).content.decode()
    table = text.split('id="evidence-matrix"')[1].split("</table>")[0]
    agencies = re.findall(
        r'<th scope="col" class="govuk-table__header">([^<]+)</th>', table
    )
    cells = {}
    for number, row in re.findall(
        r"Recommendation (\d+)\s*<span.*?</th>(.*?)</tr>", table, flags=re.S
    ):
        counts = re.findall(r"(\d+ of \d+)", row)
        for agency, count in zip(agencies[1:], counts, strict=False):
            cells[(int(number), agency.replace("&#x27;", "'"))] = count
    return cells


# ----------------------------------------------------------- content and format


def test_the_matrix_spreadsheet_matches_the_screen_cell_by_cell(client, world):
    client.force_login(world.partnership_lead)
    screen = _matrix_cells_on_screen(client)

    book = _workbook(client.get(EXPORT, {"table": "matrix", "export": "xlsx"}))

    rows = _sheet_rows(book.worksheets[0])
    assert rows[0][0] == "Generated at"
    assert rows[1][0] == "Filters"
    assert "Scope: every agency in the partnership." in rows[1][1]
    headers = rows[HEADER_ROW - 1]
    agencies = [h.removesuffix(": evidencing") for h in headers if "evidencing" in h]
    assert agencies == [
        "Children's Social Care",
        "Northbridge Police",
        "Oakfield Primary School",
        "All agencies shown",
    ]
    found = {}
    for row in rows[HEADER_ROW:]:
        number = int(row[0].removeprefix("Recommendation "))
        for index, agency in enumerate(agencies):
            evidencing, staff, _percent, _band = row[3 + 4 * index : 7 + 4 * index]
            found[(number, agency)] = f"{evidencing} of {staff}"
    assert found == screen
    # Hand-worked from the fixture: recommendation 1 is module one or the course.
    first = rows[HEADER_ROW]
    assert first[3:7] == [3, 7, 42, "Some"]  # Children's Social Care
    assert first[7:11] == [1, 2, 50, "Some"]  # Northbridge Police
    assert first[11:15] == [3, 3, 100, "Most"]  # Oakfield Primary School
    assert first[15:19] == [7, 12, 58, "Some"]  # all agencies shown


def test_the_agency_csv_has_the_generated_at_and_filter_lines_then_the_table(
    client, world
):
    client.force_login(world.partnership_lead)
    police = world.agencies["c"]

    rows = _csv_rows(
        client.get(EXPORT, {"table": "agencies", "export": "csv", "agency": police.pk})
    )

    assert rows[0][0] == "Generated at"
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", rows[0][1])
    assert "Agency: Northbridge Police." in rows[1][0]
    assert rows[2][:3] == ["Agency", "Staff registered", "Front-line headcount"]
    assert rows[3][0] == "Northbridge Police"
    assert rows[3][1] == "2"  # c3 is deactivated and never counted
    assert len(rows) == 4  # one agency: no totals row


def test_the_whole_workbook_has_a_sheet_per_table_and_numbers_stay_numbers(
    client, world
):
    client.force_login(world.partnership_lead)

    book = _workbook(client.get(EXPORT, {"table": "all", "export": "xlsx"}))

    names = book.sheetnames
    assert names == [
        "Headline figures",
        "Agencies",
        "Recommendations by agency",
        "Action plan",
        "Confidence by module",
        "Confidence by agency",
        "Follow-ups by learning",
        "Follow-ups by agency",
        "Quiz results",
        "Quiz questions",
        "Activity by month",
        "Confidence by month",
        "Registered staff",
    ]
    assert names[-1] == "Registered staff"
    headline = _sheet_rows(book["Headline figures"])
    assert headline[HEADER_ROW] == ["Registered staff", 12]
    assert book["Headline figures"].cell(row=HEADER_ROW, column=1).font.bold
    staff = _sheet_rows(book["Registered staff"])[HEADER_ROW:]
    assert len(staff) == 12
    assert "Person c3" not in {row[0] for row in staff}


def test_a_drill_down_list_exports_the_people_the_page_lists(client, world):
    client.force_login(world.partnership_lead)
    query = {
        "metric": "evidencing",
        "recommendation": world.recommendations[1].pk,
        "agency": world.agencies["a"].pk,
    }
    page = client.get(reverse("reports:people"), query).content.decode()

    rows = _csv_rows(client.get(EXPORT, {**query, "table": "people", "export": "csv"}))

    names = [row[0] for row in rows[3:]]
    assert names == ["Person a1", "Person a2", "Person a3"]
    for name in names:
        assert name in page
    assert "Figure: Staff who currently evidence the recommendation." in rows[1][0]


def test_an_evidence_list_without_its_recommendation_is_refused(client, world):
    client.force_login(world.partnership_lead)

    response = client.get(
        EXPORT, {"metric": "evidencing", "table": "people", "export": "csv"}
    )

    assert response.status_code == 400
    assert str(RECOMMENDATION_REQUIRED) in response.content.decode()


def test_unknown_tables_and_formats_are_not_found(client, world):
    client.force_login(world.partnership_lead)
    for query in (
        {"table": "secrets", "export": "csv"},
        {"table": "matrix", "export": "pdf"},
        {"table": "all", "export": "csv"},
        {"table": "matrix"},
    ):
        assert client.get(EXPORT, query).status_code == 404


# -------------------------------------------------------------- formula safety


def test_formulas_in_agency_and_person_names_are_neutralised_in_csv_and_xlsx(
    client, world
):
    school = world.agencies["b"]
    school.name = '=HYPERLINK("http://attacker.example","Open")'
    school.save()
    world.people["b1"].name = "@SUM(A1)"
    world.people["b1"].save()
    world.people["b3"].profile.job_title = "-1+2\tcmd"
    world.people["b3"].profile.save()
    client.force_login(world.partnership_lead)
    query = {"metric": "registered", "agency": school.pk, "table": "people"}

    rows = _csv_rows(client.get(EXPORT, {**query, "export": "csv"}))
    book = _workbook(client.get(EXPORT, {**query, "export": "xlsx"}))
    matrix = _workbook(client.get(EXPORT, {"table": "matrix", "export": "xlsx"}))

    people = {row[0]: row for row in rows[3:]}
    assert people["'@SUM(A1)"][2] == '\'=HYPERLINK("http://attacker.example","Open")'
    assert "'-1+2\tcmd" in {row[3] for row in rows[3:]}
    cells = [
        cell
        for workbook in (book, matrix)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
    ]
    assert all(cell.data_type != "f" for cell in cells)
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert "'@SUM(A1)" in texts
    assert "'-1+2\tcmd" in texts
    assert '\'=HYPERLINK("http://attacker.example","Open"): evidencing' in texts
    assert not any(text.startswith(("=", "+", "-", "@")) for text in texts)


def test_safe_cell_keeps_numbers_and_dates_and_quotes_formula_text():
    assert safe_cell(12) == 12
    assert safe_cell(0.5) == 0.5
    assert safe_cell(None) == ""
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("\r=1") == "'\r=1"
    assert safe_cell("Plain text") == "Plain text"


# ------------------------------------------------------------------- who may


def test_learners_and_trainers_are_refused_every_export(
    client, world, learner, trainer
):
    job = BackgroundJob.objects.create(
        kind=JOB_KIND, params={}, created_by=world.partnership_lead
    )
    for user in (learner, trainer):
        client.force_login(user)
        assert (
            client.get(EXPORT, {"table": "matrix", "export": "csv"}).status_code == 403
        )
        assert client.get(reverse("reports:board_pack")).status_code == 403
        assert (
            client.post(START, {"table": "matrix", "export": "csv"}).status_code == 403
        )
        for name in ("reports:export_job", "reports:export_download"):
            assert client.get(reverse(name, args=[job.pk])).status_code == 403
    assert BackgroundJob.objects.count() == 1


def test_an_agency_lead_exports_only_their_own_agency(client, world):
    client.force_login(world.agency_lead)

    rows = _csv_rows(client.get(EXPORT, {"table": "agencies", "export": "csv"}))

    assert [row[0] for row in rows[3:]] == ["Children's Social Care"]
    assert "Scope: Children's Social Care only." in rows[1][0]


def test_an_agency_lead_who_names_another_agency_gets_no_file(client, world):
    client.force_login(world.agency_lead)
    school = world.agencies["b"]
    for query in (
        {"table": "agencies", "export": "csv", "agency": school.pk},
        {"table": "all", "export": "xlsx", "agency": school.pk},
        {
            "table": "people",
            "export": "xlsx",
            "metric": "registered",
            "agency": school.pk,
        },
    ):
        response = client.get(EXPORT, query)
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/html")
        assert str(AGENCY_OUTSIDE_SCOPE) in response.content.decode()
    response = client.post(
        START, {"table": "all", "export": "xlsx", "agency": school.pk}
    )
    assert response.status_code == 400
    assert not BackgroundJob.objects.exists()


def test_an_exported_people_list_keeps_to_a_fixed_number_of_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.partnership_lead)
    query = {"metric": "registered", "table": "people", "export": "xlsx"}
    with django_assert_max_num_queries(20):
        _workbook(client.get(EXPORT, query))
    for number in range(30):
        certificate_give(
            make_person(
                email=f"extra{number}@council.example.org", agency=world.agencies["a"]
            ),
            world.modules[0],
        )
    with django_assert_max_num_queries(20):
        book = _workbook(client.get(EXPORT, query))
    assert len(_sheet_rows(book.worksheets[0])) == HEADER_ROW + 42


# ---------------------------------------------------------- background exports


@pytest.fixture
def small_inline_limit(settings):
    settings.REPORTS_INLINE_EXPORT_MAX_ROWS = 3
    return 3


def _offer_fields(response):
    text = response.content.decode()
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', text))


def test_a_large_export_is_offered_then_built_in_the_background_with_progress(
    client, world, small_inline_limit, django_capture_on_commit_callbacks
):
    client.force_login(world.partnership_lead)
    query = {"metric": "registered", "table": "people", "export": "xlsx"}

    offer = client.get(EXPORT, query)

    assert offer.status_code == 200
    assert offer["Content-Type"].startswith("text/html")
    assert "This download covers 12 people" in offer.content.decode()
    fields = _offer_fields(offer)
    assert fields["metric"] == "registered" and fields["export"] == "xlsx"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(START, fields)

    job = BackgroundJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:export_job", args=[job.pk])
    assert job.kind == JOB_KIND
    assert job.status == JobStatus.DONE
    assert (job.progress, job.total) == (12, 12)
    assert sorted(job.params["agency_ids"]) == sorted(
        a.pk for a in world.agencies.values()
    )
    page = client.get(response["Location"]).content.decode()
    assert "Your download is ready" in page
    assert 'http-equiv="refresh"' not in page
    download = client.get(reverse("reports:export_download", args=[job.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    rows = _sheet_rows(_workbook(download).worksheets[0])[HEADER_ROW:]
    assert len(rows) == 12


def test_a_waiting_job_shows_its_progress_and_refreshes_itself(
    client, world, small_inline_limit, django_assert_max_num_queries
):
    client.force_login(world.partnership_lead)
    client.post(START, {"table": "all", "export": "xlsx"})  # not committed: waits
    job = BackgroundJob.objects.get()
    BackgroundJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, progress=3, total=12
    )

    with django_assert_max_num_queries(20):
        page = client.get(reverse("reports:export_job", args=[job.pk]))

    text = page.content.decode()
    assert '<meta http-equiv="refresh" content="3">' in text
    assert "3 of 12 done (25%)." in text
    assert '<progress class="app-progress" value="3" max="12">' in text
    download = client.get(reverse("reports:export_download", args=[job.pk]))
    assert download.status_code == 302  # not ready: back to the progress page


def test_someone_elses_export_job_is_not_found(
    client, world, small_inline_limit, django_capture_on_commit_callbacks
):
    client.force_login(world.partnership_lead)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(START, {"table": "all", "export": "xlsx"})
    job = BackgroundJob.objects.get()
    other_lead = make_person(
        email="other-dspp@council.example.org",
        agency=world.agencies["a"],
        roles=["Partnership leads"],
    )
    for user in (other_lead, world.agency_lead):
        client.force_login(user)
        for name in ("reports:export_job", "reports:export_download"):
            assert client.get(reverse(name, args=[job.pk])).status_code == 404


def test_tampered_job_agencies_stop_the_download_and_the_task(
    client, world, small_inline_limit, django_capture_on_commit_callbacks
):
    client.force_login(world.agency_lead)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(START, {"table": "people", "export": "csv", "metric": "registered"})
    job = BackgroundJob.objects.get()
    assert job.status == JobStatus.DONE
    assert job.params["agency_ids"] == [world.agencies["a"].pk]

    job.params["agency_ids"] = [world.agencies["a"].pk, world.agencies["b"].pk]
    job.params["all_agencies"] = True
    job.save()

    response = client.get(reverse("reports:export_download", args=[job.pk]))
    assert response.status_code == 403
    assert str(JOB_OUTSIDE_SCOPE) in response.content.decode()
    assert client.get(reverse("reports:export_job", args=[job.pk])).status_code == 403

    job.status = JobStatus.QUEUED
    job.save()
    with pytest.raises(PermissionError):
        build_report_export.call(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == SCOPE_CHANGED


def test_a_lead_who_lost_their_role_cannot_download_their_old_export(
    client, world, small_inline_limit, django_capture_on_commit_callbacks
):
    from learning.accounts.services import user_roles_set

    client.force_login(world.agency_lead)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(START, {"table": "all", "export": "xlsx"})
    job = BackgroundJob.objects.get()
    user_roles_set(user=world.agency_lead, roles=[])

    response = client.get(reverse("reports:export_download", args=[job.pk]))

    assert response.status_code == 403


def test_a_lead_moved_to_another_agency_cannot_download_their_old_export(
    client, world, small_inline_limit, django_capture_on_commit_callbacks
):
    client.force_login(world.agency_lead)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(START, {"table": "all", "export": "xlsx"})
    job = BackgroundJob.objects.get()
    world.agency_lead.profile.agency = world.agencies["b"]
    world.agency_lead.profile.save()

    for name in ("reports:export_job", "reports:export_download"):
        response = client.get(reverse(name, args=[job.pk]))
        assert response.status_code == 403
        assert str(JOB_OUTSIDE_SCOPE) in response.content.decode()


def test_an_expired_export_says_so_and_how_to_prepare_it_again(
    client, world, small_inline_limit, django_capture_on_commit_callbacks
):
    from learning.core.jobs import EXPORT_EXPIRED

    client.force_login(world.agency_lead)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(START, {"table": "all", "export": "xlsx"})
    job = BackgroundJob.objects.get()
    assert job.expires_at is not None
    BackgroundJob.objects.filter(pk=job.pk).update(expires_at=job.finished_at)

    page = client.get(reverse("reports:export_job", args=[job.pk]))
    download = client.get(reverse("reports:export_download", args=[job.pk]))

    assert page.status_code == 200
    assert download.status_code == 410
    for response in (page, download):
        text = response.content.decode()
        assert str(EXPORT_EXPIRED) in text
        assert f'href="{DASHBOARD}"' in text
        assert reverse("reports:export_download", args=[job.pk]) not in text
