"""The partnership lead filters the reports by agency, drills into a matrix cell and
downloads the matrix as a spreadsheet that says what the screen says.

A small partnership: three agencies, one module mapped to recommendation 1, and
people holding certificates for it (or not). The lead is ``lead@example.org``, as in
the demo data.
"""

import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from learning.accounts.factories import DEFAULT_PASSWORD, AgencyFactory, ProfileFactory
from learning.accounts.models import AgencyKind
from learning.accounts.roles import Role
from learning.reviews.models import EvidenceRule, Recommendation
from modules.factories import module_create
from tests.conftest import make_person
from tests.reports.conftest import certificate_give

HEADER_ROW = 4  # generated at, filters, caption, then the headers


@pytest.fixture
def partnership(agency, other_agency):
    police = AgencyFactory(name="Northbridge Police", kind=AgencyKind.POLICE)
    module = module_create(title="Seeing the pattern", recommendations=[1])
    Recommendation.objects.filter(number=1).update(evidence_rule=EvidenceRule.ANY)
    lead = make_person(
        email="lead@example.org",
        agency=agency,
        roles=[Role.PARTNERSHIP_LEADS],
        name="Pat Partnership",
    )
    holders = {
        agency: ["Asha Reid", "Ben Okafor"],
        other_agency: ["Cara Lim", "Dev Patel"],
        police: ["Eve Morgan"],
    }
    others = {agency: ["Finn Hale"], other_agency: ["Gail Shaw"], police: []}
    for home, names in holders.items():
        for name in names + others[home]:
            person = ProfileFactory(
                user__email=f"{name.split()[0].lower()}@people.example.org",
                user__name=name,
                agency=home,
            ).user
            if name in names:
                certificate_give(person, module)
    return {"lead": lead, "school": other_agency}


def sign_in(page, email, password=DEFAULT_PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label(re.compile(r"email", re.I)).fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def test_lead_filters_by_agency_drills_into_a_cell_and_downloads_the_matrix(
    page, partnership, js_errors
):
    school = partnership["school"]
    sign_in(page, partnership["lead"].email)

    # The dashboard, filtered to one agency.
    page.goto("/reports/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reach of the learning")
    page.get_by_label("Agency", exact=True).select_option(label=school.name)
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(rf"agency={school.pk}"))
    matrix = page.locator("#evidence-matrix")
    expect(matrix.get_by_role("columnheader")).to_have_text(
        ["Recommendation", school.name]
    )
    first_row = matrix.get_by_role("row").filter(has_text="Recommendation 1")
    cell = first_row.get_by_role("link")
    expect(cell).to_have_text(re.compile(r"^2 of 3\s*staff$"))
    expect(first_row).to_contain_text("Some")
    on_screen = re.sub(r"\s+", " ", cell.inner_text()).removesuffix(" staff").strip()

    # The people behind the cell, each linking to their record.
    cell.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Staff who currently evidence the recommendation"
    )
    people = page.locator("#people")
    expect(people.get_by_role("rowheader")).to_have_text(["Cara Lim", "Dev Patel"])
    expect(people.get_by_role("link", name="Cara Lim")).to_have_attribute(
        "href", re.compile(r"^/reports/people/\d+/$")
    )
    expect(page.get_by_role("main")).not_to_contain_text("Gail Shaw")

    # Back on the filtered dashboard, download the matrix as a spreadsheet.
    page.go_back()
    expect(page).to_have_url(re.compile(rf"agency={school.pk}"))
    with page.expect_download() as download_info:
        page.get_by_role(
            "link", name="spreadsheet (XLSX) of the recommendations by agency"
        ).click()
    download = download_info.value
    assert download.suggested_filename.startswith("report-matrix-")
    assert download.suggested_filename.endswith(".xlsx")

    sheet = load_workbook(io.BytesIO(download.path().read_bytes())).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "Generated at"
    assert f"Agency: {school.name}." in rows[1][1]
    headers = rows[HEADER_ROW - 1]
    assert headers[3:7] == [
        f"{school.name}: evidencing",
        f"{school.name}: staff counted",
        f"{school.name}: percent",
        f"{school.name}: band",
    ]
    first = rows[HEADER_ROW]
    assert first[0] == "Recommendation 1"
    assert f"{first[3]} of {first[4]}" == on_screen == "2 of 3"
    assert first[5:7] == [66, "Some"]
    assert js_errors == []
