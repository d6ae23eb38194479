"""CSV and XLSX exports of the report tables, with the filters applied.

Every table is built from the same selectors the screen uses (``dashboard_figures``,
``people_for``, ``actions_for_plan``, ``impact_tables``), so a download always
matches the page it came from. Each file starts with the time it was generated and
the scope and filters in words; every text cell is made safe against spreadsheet
formula injection (``safe_csv_value``) and numbers stay numbers.
"""

import csv
import io
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain, islice
from typing import BinaryIO

from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from learning.accounts.models import Agency, AgencyKind
from learning.core.exports import safe_csv_value
from learning.core.models import BackgroundJob
from learning.events.models import Course
from learning.reviews.models import Recommendation
from modules.models import ModulePage

from .impact import actions_for_plan, impact_report, impact_tables
from .scope import ReportScope
from .selectors import (
    Band,
    Metric,
    ReportFilters,
    dashboard_figures,
    people_for,
    people_in_view,
)

# Tables of the dashboard, in workbook order; the impact tables follow them.
HEADLINE = "headline"
AGENCIES = "agencies"
MATRIX = "matrix"
ACTIONS = "actions"
PEOPLE = "people"
ALL = "all"
DASHBOARD_TABLES = (HEADLINE, AGENCIES, MATRIX, ACTIONS)
IMPACT_TABLES = (
    "confidence_modules",
    "confidence_agencies",
    "followups_learning",
    "followups_agencies",
    "quiz_modules",
    "quiz_items",
    "trends_activity",
    "trends_confidence",
)
TABLE_NAMES = (*DASHBOARD_TABLES, *IMPACT_TABLES, PEOPLE, ALL)
SHEET_TITLES = {
    HEADLINE: gettext_lazy("Headline figures"),
    AGENCIES: gettext_lazy("Agencies"),
    MATRIX: gettext_lazy("Recommendations by agency"),
    ACTIONS: gettext_lazy("Action plan"),
    "confidence_modules": gettext_lazy("Confidence by module"),
    "confidence_agencies": gettext_lazy("Confidence by agency"),
    "followups_learning": gettext_lazy("Follow-ups by learning"),
    "followups_agencies": gettext_lazy("Follow-ups by agency"),
    "quiz_modules": gettext_lazy("Quiz results"),
    "quiz_items": gettext_lazy("Quiz questions"),
    "trends_activity": gettext_lazy("Activity by month"),
    "trends_confidence": gettext_lazy("Confidence by month"),
    PEOPLE: gettext_lazy("People"),
}

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)

UNKNOWN_TABLE = "Unknown report table."
MAX_COLUMN_WIDTH = 60
WIDTH_SAMPLE_ROWS = 500
PROGRESS_EVERY_ROWS = 500


@dataclass
class ExportTable:
    """One table of an export: a short name, a caption, headers and rows."""

    name: str
    caption: str
    headers: list[str]
    # A list, or (for people lists) an iterator read once, as the file is written.
    rows: Iterable[list] = field(default_factory=list)
    note: str = ""
    sheet: str = ""  # the worksheet's name; by default, from the table's name


@dataclass(frozen=True)
class PeopleQuery:
    """Which people list to export (the drill-down's parameters)."""

    metric: str
    recommendation_id: int | None = None

    def as_query(self) -> dict[str, str]:
        query = {"metric": self.metric}
        if self.recommendation_id:
            query["recommendation"] = str(self.recommendation_id)
        return query


# ---------------------------------------------------------------- the tables


HEADLINE_ROWS = (
    ("registered", gettext_lazy("Registered staff")),
    ("active", gettext_lazy("Active learners in the period")),
    ("modules_completed", gettext_lazy("Modules completed in the period")),
    ("sessions_attended", gettext_lazy("Training session attendances in the period")),
    ("certificates_current", gettext_lazy("Current certificates")),
    ("certificates_expiring", gettext_lazy("Certificates expiring within 60 days")),
    ("certificates_expired", gettext_lazy("Expired certificates not yet renewed")),
    ("licences_current", gettext_lazy("Current GCP2 licences")),
)


def headline_table(*, figures: dict) -> ExportTable:
    headline = figures["headline"]
    return ExportTable(
        name=HEADLINE,
        caption=_("Headline figures"),
        headers=[_("Figure"), _("Number")],
        rows=[[str(label), headline[key]] for key, label in HEADLINE_ROWS],
    )


def agency_export_table(*, figures: dict) -> ExportTable:
    """The per-agency table, with a totals row when more than one agency is shown."""
    table = figures["agencies"]
    headers = [
        _("Agency"),
        _("Staff registered"),
        _("Front-line headcount"),
        _("Share of workforce registered (%)"),
        _("Started a module"),
        *(
            _("Completed %(title)s") % {"title": module["title"]}
            for module in table["modules"]
        ),
        _("Attended a session"),
        _("Did not attend (no-show)"),
        _("Refresher overdue"),
    ]

    def cells(label, row, *, headcount, workforce):
        return [
            label,
            row["registered"],
            headcount,
            workforce,
            row["started"],
            *row["completed"],
            row["attended"],
            row["no_shows"],
            row["refreshers_overdue"],
        ]

    rows = [
        cells(
            row["agency_name"],
            row,
            headcount=row["headcount"],
            workforce=row["workforce_percent"],
        )
        for row in table["rows"]
    ]
    if len(table["rows"]) > 1:
        rows.append(
            cells(
                _("All agencies shown"), table["totals"], headcount=None, workforce=None
            )
        )
    return ExportTable(
        name=AGENCIES,
        caption=_("Staff reached in each agency"),
        headers=headers,
        rows=rows,
        note=_(
            "Each person counts once, in the agency on their profile today. A blank "
            "share of workforce means the agency has not given its headcount."
        ),
    )


def matrix_table(*, figures: dict) -> ExportTable:
    """The recommendation x agency matrix: for each agency (and all shown), the
    staff evidencing, the staff counted, the percentage (rounded down) and the band."""
    matrix = figures["matrix"]
    columns = [agency["name"] for agency in matrix["agencies"]]
    with_total = len(columns) > 1
    if with_total:
        columns.append(_("All agencies shown"))
    headers = [_("Recommendation"), _("Text"), _("Evidenced by")]
    for name in columns:
        headers += [
            _("%(agency)s: evidencing") % {"agency": name},
            _("%(agency)s: staff counted") % {"agency": name},
            _("%(agency)s: percent") % {"agency": name},
            _("%(agency)s: band") % {"agency": name},
        ]
    rows = []
    for row in matrix["rows"]:
        if not row["mapped"]:
            rule = _("No learning is mapped to it yet.")
        elif row["rule"] == "all":
            rule = _("All of its learning")
        else:
            rule = _("Any of its learning")
        cells = [
            _("Recommendation %(number)s") % {"number": row["number"]},
            row["text"],
            rule,
        ]
        for cell in [*row["cells"], *([row["total"]] if with_total else [])]:
            cells += [
                cell["evidencing"],
                cell["total"],
                cell["percent"],
                str(Band.LABELS[cell["band"]]),
            ]
        rows.append(cells)
    return ExportTable(
        name=MATRIX,
        caption=_("Staff who evidence each recommendation, by agency"),
        headers=headers,
        rows=rows,
        note=_(
            "Percentages are rounded down. Bands: Low below 40%, Some from 40% to "
            "69%, Most from 70%."
        ),
    )


def action_plan_table(*, scope: ReportScope) -> ExportTable:
    rows = [
        [
            str(action.recommendation.label),
            action.description,
            action.owner_agency.name,
            action.due_on,
            str(action.status_label),
            action.evidence_notes,
        ]
        for action in actions_for_plan(scope=scope)
    ]
    return ExportTable(
        name=ACTIONS,
        caption=_("Action plan"),
        headers=[
            _("Recommendation"),
            _("Action"),
            _("Owner agency"),
            _("Due"),
            _("Status"),
            _("Evidence notes"),
        ],
        rows=rows,
    )


def _numeric(value):
    """Impact cells are formatted text ("12", "3.50"); give numbers back as numbers."""
    if not isinstance(value, str):
        return value
    try:
        number = float(value)
    except ValueError:
        return value
    return int(number) if number.is_integer() and "." not in value else number


def impact_export_tables(
    *, scope: ReportScope, filters: ReportFilters, names: Iterable[str] | None = None
) -> list[ExportTable]:
    """The impact page's tables (the rows its CSV writes) for the dashboard filters.

    The impact figures are narrowed by the date range, the agency and the module.
    """
    module = (
        ModulePage.objects.filter(pk=filters.module_id).first()
        if filters.module_id
        else None
    )
    report = impact_report(
        scope=scope,
        today=timezone.localdate(),
        agency_id=filters.agency_id,
        module=module,
        start=filters.start,
        end=filters.end,
    )
    tables = impact_tables(report)
    wanted = list(names) if names is not None else list(IMPACT_TABLES)
    result = []
    for name in wanted:
        table = tables[name]
        numeric = [column["numeric"] for column in table["columns"]]
        result.append(
            ExportTable(
                name=name,
                caption=str(table["caption"]),
                headers=[str(column["label"]) for column in table["columns"]],
                rows=[
                    [
                        _numeric(cell) if is_numeric else cell
                        for cell, is_numeric in zip(row, numeric, strict=True)
                    ]
                    for row in table["rows"]
                ],
                note=_(
                    "Impact figures use the date range, the agency and the module "
                    "filters only."
                ),
            )
        )
    return result


PEOPLE_HEADERS = (
    gettext_lazy("Name"),
    gettext_lazy("Email"),
    gettext_lazy("Agency"),
    gettext_lazy("Job title"),
)


def people_rows(queryset) -> Iterable[list]:
    for profile in queryset.iterator(chunk_size=2000):
        yield [
            profile.user.name or profile.user.email,
            profile.user.email,
            profile.agency.name,
            profile.job_title,
        ]


def people_queryset(*, scope: ReportScope, filters: ReportFilters, query: PeopleQuery):
    return people_for(
        scope=scope,
        filters=filters,
        metric=query.metric,
        recommendation_id=query.recommendation_id,
        module_id=filters.module_id,
    )


def people_table(
    *,
    scope: ReportScope,
    filters: ReportFilters,
    query: PeopleQuery,
    on_progress: Callable[[int], None] | None = None,
) -> ExportTable:
    """The people behind a figure, as the drill-down lists them.

    The rows are read from the database as the file is written (once), so a long
    list is never held in memory.
    """
    queryset = people_queryset(scope=scope, filters=filters, query=query)

    def rows():
        for number, row in enumerate(people_rows(queryset), start=1):
            yield row
            if on_progress is not None and number % PROGRESS_EVERY_ROWS == 0:
                on_progress(number)

    return ExportTable(
        name=PEOPLE,
        caption=str(Metric.LABELS[query.metric]),
        headers=[str(header) for header in PEOPLE_HEADERS],
        rows=rows(),
    )


def export_tables(
    *,
    scope: ReportScope,
    filters: ReportFilters,
    table: str,
    people: PeopleQuery | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[ExportTable]:
    """The tables for one export: a single named table, or ``all`` of them.

    ``all`` is every dashboard table, every impact table and the registered staff
    behind the figures. ``on_progress(done, total)`` is called after each table
    (for a people list: every ``PROGRESS_EVERY_ROWS`` rows, with ``total`` None).
    """
    if table not in TABLE_NAMES:
        raise ValueError(UNKNOWN_TABLE)
    if table == PEOPLE:
        if people is None:
            raise ValueError(UNKNOWN_TABLE)
        return [
            people_table(
                scope=scope,
                filters=filters,
                query=people,
                on_progress=(lambda done: on_progress(done, None))
                if on_progress is not None
                else None,
            )
        ]
    names = list(TABLE_NAMES[:-2]) if table == ALL else [table]
    total = len(names) + (1 if table == ALL else 0)
    figures = None
    if any(name in (HEADLINE, AGENCIES, MATRIX) for name in names):
        figures = dashboard_figures(scope=scope, filters=filters)
    built = []
    builders = {
        HEADLINE: lambda: headline_table(figures=figures),
        AGENCIES: lambda: agency_export_table(figures=figures),
        MATRIX: lambda: matrix_table(figures=figures),
        ACTIONS: lambda: action_plan_table(scope=scope),
    }
    impact_names = [name for name in names if name in IMPACT_TABLES]
    impact = (
        {
            t.name: t
            for t in impact_export_tables(
                scope=scope, filters=filters, names=impact_names
            )
        }
        if impact_names
        else {}
    )
    for done, name in enumerate(names, start=1):
        built.append(impact[name] if name in impact else builders[name]())
        if on_progress is not None:
            on_progress(done, total)
    if table == ALL:
        staff = people_table(
            scope=scope,
            filters=filters,
            query=PeopleQuery(metric=Metric.REGISTERED),
        )
        staff.caption = staff.sheet = _("Registered staff")
        built.append(staff)
        if on_progress is not None:
            on_progress(total, total)
    return built


def export_size(
    *,
    scope: ReportScope,
    filters: ReportFilters,
    table: str,
    people: PeopleQuery | None = None,
) -> int:
    """Roughly how many rows an export will hold (one query for the large ones)."""
    if table == PEOPLE and people is not None:
        return people_queryset(scope=scope, filters=filters, query=people).count()
    if table == ALL:
        return people_in_view(scope=scope, filters=filters).count()
    return 0


# ------------------------------------------------------- the scope in words


def _day(value: date) -> str:
    return date_format(value, "j F Y")


def describe(
    *, scope: ReportScope, filters: ReportFilters, people: PeopleQuery | None = None
) -> str:
    """The scope and filters of an export in words, for its second line."""
    if scope.all_agencies:
        parts = [_("Scope: every agency in the partnership.")]
    else:
        names = ", ".join(
            Agency.objects.filter(pk__in=scope.agency_ids)
            .order_by("name")
            .values_list("name", flat=True)
        )
        parts = [_("Scope: %(names)s only.") % {"names": names}]
    parts.append(
        _("Activity from %(start)s to %(end)s.")
        % {"start": _day(filters.start), "end": _day(filters.end)}
    )
    if filters.agency_id:
        agency = Agency.objects.filter(pk=filters.agency_id).first()
        parts.append(_("Agency: %(name)s.") % {"name": agency.name if agency else "-"})
    if filters.agency_kind:
        parts.append(
            _("Kind of agency: %(kind)s.")
            % {"kind": AgencyKind(filters.agency_kind).label}
        )
    if filters.module_id:
        module = ModulePage.objects.filter(pk=filters.module_id).first()
        parts.append(
            _("Module: %(title)s.") % {"title": module.title if module else "-"}
        )
    if filters.course_id:
        course = Course.objects.filter(pk=filters.course_id).first()
        parts.append(
            _("Course: %(title)s.") % {"title": course.title if course else "-"}
        )
    if filters.job_title:
        parts.append(_("Job role: %(title)s.") % {"title": filters.job_title})
    if people is not None:
        parts.append(
            _("Figure: %(label)s.") % {"label": Metric.LABELS.get(people.metric, "")}
        )
        if people.recommendation_id:
            recommendation = Recommendation.objects.filter(
                pk=people.recommendation_id
            ).first()
            if recommendation is not None:
                parts.append(
                    _("Recommendation %(number)s.") % {"number": recommendation.number}
                )
    parts.append(
        _(
            "Certificate, licence and evidence figures are as they stand on the day "
            "the file was generated."
        )
    )
    return " ".join(str(part) for part in parts)


# ---------------------------------------------------------------- the writers


def safe_cell(value):
    """A cell value that no spreadsheet program will run as a formula.

    Text starting with = + - @ or a tab or carriage return gets a leading
    apostrophe; numbers and dates stay as they are; None becomes empty.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | date | datetime):
        return value
    return safe_csv_value(str(value))


def generated_stamp(moment: datetime | None = None) -> str:
    return timezone.localtime(moment or timezone.now()).isoformat(timespec="seconds")


def write_csv(
    table: ExportTable,
    *,
    description: str,
    into: BinaryIO,
    generated_at: datetime | None = None,
) -> None:
    """One table as CSV into the binary file ``into``, row by row: "Generated at",
    the filters in words, then the table."""
    text = io.TextIOWrapper(into, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text)
        writer.writerow([_("Generated at"), generated_stamp(generated_at)])
        writer.writerow([safe_cell(description)])
        writer.writerow([safe_cell(header) for header in table.headers])
        for row in table.rows:
            writer.writerow(
                [
                    value.isoformat() if isinstance(value, date) else value
                    for value in map(safe_cell, row)
                ]
            )
        text.flush()
    finally:
        # Leave ``into`` open for the caller.
        text.detach()


_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def _sheet_title(caption: str, used: set[str]) -> str:
    title = caption.translate(_SHEET_FORBIDDEN).strip()[:31] or "Sheet"
    candidate, number = title, 2
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate = title[: 31 - len(suffix)] + suffix
        number += 1
    used.add(candidate.lower())
    return candidate


def _xlsx_value(value):
    value = safe_cell(value)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _text_cell(sheet, value, *, bold=False):
    cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
    if isinstance(cell.value, str):
        # Never a formula, whatever the text starts with.
        cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell


def _width(value) -> int:
    if isinstance(value, date | datetime):
        return 12
    return len(str(value)) if value is not None else 0


def write_xlsx(
    tables: list[ExportTable],
    *,
    description: str,
    into: BinaryIO,
    generated_at: datetime | None = None,
) -> None:
    """A workbook into the binary file ``into``, with a sheet per table: the
    generated-at and filters rows on top, a bold header row, then the rows; numbers
    stay numbers. openpyxl's write-only mode keeps each sheet's rows on disk."""
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    stamp = generated_stamp(generated_at)
    for table in tables:
        title = table.sheet or SHEET_TITLES.get(table.name, table.caption)
        sheet = workbook.create_sheet(_sheet_title(str(title), used))
        widths = [_width(header) for header in table.headers]
        rows = iter(table.rows)
        sample = list(islice(rows, WIDTH_SAMPLE_ROWS))
        for row in sample:
            for index, value in enumerate(row[: len(widths)]):
                widths[index] = max(widths[index], _width(value))
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(
                max(width + 2, 8), MAX_COLUMN_WIDTH
            )
        sheet.freeze_panes = "A5"
        sheet.append(
            [_text_cell(sheet, _("Generated at"), bold=True), _text_cell(sheet, stamp)]
        )
        sheet.append(
            [
                _text_cell(sheet, _("Filters"), bold=True),
                _text_cell(sheet, description),
            ]
        )
        sheet.append(
            [_text_cell(sheet, table.caption, bold=True), _text_cell(sheet, table.note)]
        )
        sheet.append([_text_cell(sheet, header, bold=True) for header in table.headers])
        for row in chain(sample, rows):
            cells = []
            for value in row:
                if isinstance(value, str) or value is None:
                    cells.append(_text_cell(sheet, value))
                else:
                    cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
                    if isinstance(value, date):
                        cell.number_format = "yyyy-mm-dd"
                    cells.append(cell)
            sheet.append(cells)
    workbook.save(into)


def filename(table: str, extension: str, today: date | None = None) -> str:
    today = today or timezone.localdate()
    return f"report-{table.replace('_', '-')}-{today.isoformat()}.{extension}"


# ------------------------------------------------- export requests and jobs

BOARD_PACK = "board_pack"
PDF = "pdf"
JOB_KIND = "reports_export"


@dataclass
class ExportRequest:
    """A validated export: which table, in which format, with which filters."""

    table: str
    format: str
    filters: ReportFilters
    people: PeopleQuery | None = None

    def as_query(self) -> dict[str, str]:
        """The request as query parameters (for links, hidden fields, job params)."""
        query = {**self.filters.as_query(), "table": self.table, "export": self.format}
        if self.people is not None:
            query.update(self.people.as_query())
        return query

    @property
    def extension(self) -> str:
        return self.format


class ExportNotFound(ValueError):
    """No such table or format (a 404, like an unknown page)."""


def export_request_from(data, *, scope: ReportScope):
    """Validate an export's query parameters against the lead's scope.

    Returns ``(export_request, None)`` or ``(None, form)`` with the form's errors;
    raises ``ExportNotFound`` for an unknown table or format. The filters are
    checked by the dashboard's own form, so an agency outside the scope is an error.
    """
    from .forms import PeopleFilterForm, ReportFilterForm

    table = data.get("table", "")
    fmt = data.get("export", "")
    if table == BOARD_PACK:
        if fmt != PDF:
            raise ExportNotFound(UNKNOWN_TABLE)
    elif table not in TABLE_NAMES or fmt not in FORMATS or (table, fmt) == (ALL, CSV):
        raise ExportNotFound(UNKNOWN_TABLE)
    form_class = PeopleFilterForm if table == PEOPLE else ReportFilterForm
    form = form_class(data, scope=scope)
    if not form.is_valid():
        return None, form
    people = None
    if table == PEOPLE:
        recommendation = form.cleaned_data.get("recommendation")
        people = PeopleQuery(
            metric=form.cleaned_data["metric"],
            recommendation_id=recommendation.pk if recommendation else None,
        )
    return (
        ExportRequest(
            table=table, format=fmt, filters=form.report_filters(), people=people
        ),
        None,
    )


def export_rows_estimate(*, scope: ReportScope, request: ExportRequest) -> int:
    """How many rows the export summarises; above the inline limit it runs as a job.

    The board pack and the whole workbook count the people they summarise.
    """
    if request.table == BOARD_PACK:
        return people_in_view(scope=scope, filters=request.filters).count()
    return export_size(
        scope=scope, filters=request.filters, table=request.table, people=request.people
    )


def build_export(
    *,
    scope: ReportScope,
    request: ExportRequest,
    into: BinaryIO,
    on_progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write the file for a validated export request into the binary file ``into``."""
    if request.table == BOARD_PACK:
        from .board_pack import render_board_pack

        into.write(render_board_pack(scope=scope, filters=request.filters))
        return
    description = describe(scope=scope, filters=request.filters, people=request.people)
    tables = export_tables(
        scope=scope,
        filters=request.filters,
        table=request.table,
        people=request.people,
        on_progress=on_progress,
    )
    if request.format == CSV:
        write_csv(tables[0], description=description, into=into)
    else:
        write_xlsx(tables, description=description, into=into)


def job_scope(*, job) -> ReportScope | None:
    """The scope a background export may use: the agencies it was requested for,
    only while the creator's *current* scope still covers every one of them.

    The job's stored agency ids can only narrow the creator's scope, never widen it.
    """
    from .scope import report_scope_for

    current = report_scope_for(job.created_by)
    try:
        wanted = {int(pk) for pk in job.params.get("agency_ids", [])}
    except (TypeError, ValueError):
        return None
    if current is None or not wanted or not wanted <= set(current.agency_ids):
        return None
    return ReportScope(
        agency_ids=tuple(sorted(wanted)),
        all_agencies=current.all_agencies and wanted == set(current.agency_ids),
    )


SCOPE_CHANGED = "The export is no longer within the agencies you can report on."
FILTERS_INVALID = "The export's filters are no longer valid."


def report_export_build(*, job, into: BinaryIO) -> str:
    """Build a background export for its creator into ``into``, reporting progress
    on the job; returns the file's name. Refuses (``PermissionError``) when the
    creator's scope no longer covers the job's agencies."""
    scope = job_scope(job=job)
    if scope is None:
        raise PermissionError(SCOPE_CHANGED)
    request, _form = export_request_from(job.params.get("query", {}), scope=scope)
    if request is None:
        raise ValueError(FILTERS_INVALID)
    if request.table == PEOPLE:
        # Counted again now: people may have joined since the request.
        job.total = export_rows_estimate(scope=scope, request=request)
    else:
        job.total = 1 if request.table == BOARD_PACK else 0
    BackgroundJob.objects.filter(pk=job.pk).update(total=job.total)

    def on_progress(done, total):
        changes = {"progress": done}
        if total is not None:
            changes["total"] = job.total = total
        BackgroundJob.objects.filter(pk=job.pk).update(**changes)

    build_export(scope=scope, request=request, into=into, on_progress=on_progress)
    stem, extension = filename(request.table, request.extension).rsplit(".", 1)
    # A random part, so that the stored file's name cannot be guessed.
    return f"{stem}-{secrets.token_hex(8)}.{extension}"
