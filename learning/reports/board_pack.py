"""The board pack: a printable PDF of the matrix, agency table, impact and action plan.

The board pack leaves the leads' hands (it goes to the partnership board and into
minutes), so small numbers are suppressed: any count of people below
``SUPPRESS_BELOW`` reads "fewer than 5", and any percentage or average worked out
from fewer than that many people reads "–" with a note, so that nobody in a small
agency can be picked out. A total is hidden too when exactly one of the figures it
adds up is suppressed, or the suppressed figure could be worked out by subtraction.
The on-screen reports keep exact numbers.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.rendering import html_to_pdf
from learning.core.selectors import partnership_settings

from .exports import describe, impact_export_tables
from .impact import actions_for_plan
from .scope import ReportScope
from .selectors import Band, ReportFilters, dashboard_figures

SUPPRESS_BELOW = 5
FEWER_THAN = gettext_lazy("fewer than %(limit)s")
NOT_SHOWN = "–"
SUPPRESSION_NOTE = gettext_lazy(
    "To protect people in small agencies, counts below %(limit)s are shown as "
    "“fewer than %(limit)s”, and percentages, bands and averages worked out from "
    "fewer than %(limit)s people are shown as “–”. A total is also shown as “–” "
    "when it would reveal a single suppressed count."
)

MATRIX_AGENCIES_PER_TABLE = 6
MODULES_PER_TABLE = 6


def suppress(count: int | None, *, of: int | None = None):
    """A count of people, or a percentage of them, as the board pack may show it.

    ``suppress(n)`` is ``n`` when at least ``SUPPRESS_BELOW`` people, otherwise
    "fewer than 5"; ``suppress(n, of=total)`` is the whole percentage (rounded
    down) when both ``n`` and ``total`` are at least ``SUPPRESS_BELOW``, otherwise
    "–". ``None`` (nothing to count) is "–".
    """
    if count is None:
        return NOT_SHOWN
    if of is not None:
        if count < SUPPRESS_BELOW or of < SUPPRESS_BELOW:
            return NOT_SHOWN
        return f"{count * 100 // of}%"
    if count < SUPPRESS_BELOW:
        return fewer_than()
    return count


def fewer_than() -> str:
    return str(FEWER_THAN) % {"limit": SUPPRESS_BELOW}


def is_suppressed(count: int | None) -> bool:
    return suppress(count) != count


def suppress_total(total: int, parts: list[int]):
    """A total of counts: suppressed like any count, and hidden ("–") when exactly
    one of its parts is suppressed, so that part cannot be found by subtraction."""
    if sum(1 for part in parts if is_suppressed(part)) == 1:
        return NOT_SHOWN
    return suppress(total)


# ------------------------------------------------------------------ the tables


def _chunks(items, size):
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def _matrix_cell(cell):
    shown = suppress(cell["evidencing"])
    staff = suppress(cell["total"])
    percent = suppress(cell["evidencing"], of=cell["total"])
    band = str(Band.LABELS[cell["band"]]) if percent != NOT_SHOWN else NOT_SHOWN
    if cell["total"] == 0:
        band = str(Band.LABELS[Band.NONE])
    return {"evidencing": shown, "staff": staff, "percent": percent, "band": band}


def matrix_tables(matrix: dict) -> list[dict]:
    """The matrix in tables of at most six agency columns, to fit the page."""
    agencies = list(matrix["agencies"])
    columns = list(range(len(agencies)))
    with_total = len(agencies) > 1
    parts = _chunks(columns, MATRIX_AGENCIES_PER_TABLE)
    tables = []
    for number, part in enumerate(parts, start=1):
        last = number == len(parts)
        headers = [agencies[i]["name"] for i in part]
        if with_total and last:
            headers.append(_("All agencies shown"))
        rows = []
        for row in matrix["rows"]:
            cells = [_matrix_cell(row["cells"][i]) for i in part]
            if with_total and last:
                total = _matrix_cell(row["total"])
                evidencing = [cell["evidencing"] for cell in row["cells"]]
                staff = [cell["total"] for cell in row["cells"]]
                total["evidencing"] = suppress_total(
                    row["total"]["evidencing"], evidencing
                )
                total["staff"] = suppress_total(row["total"]["total"], staff)
                if NOT_SHOWN in (total["evidencing"], total["staff"]):
                    total["percent"] = total["band"] = NOT_SHOWN
                cells.append(total)
            rows.append(
                {
                    "label": _("Recommendation %(number)s") % {"number": row["number"]},
                    "text": row["text"],
                    "mapped": row["mapped"],
                    "cells": cells,
                }
            )
        caption = _("Staff who evidence each recommendation, by agency")
        if len(parts) > 1:
            caption += " " + _("(part %(number)s of %(count)s)") % {
                "number": number,
                "count": len(parts),
            }
        tables.append({"caption": caption, "headers": headers, "rows": rows})
    return tables


AGENCY_COUNTS = ("registered", "started", "attended", "no_shows", "refreshers_overdue")


def agency_tables(table: dict) -> dict:
    """The per-agency table, and the module completions in tables of six modules."""
    rows = table["rows"]
    with_total = len(rows) > 1
    main = []
    for row in rows:
        main.append(
            {
                "label": row["agency_name"],
                "headcount": row["headcount"]
                if row["headcount"] is not None
                else NOT_SHOWN,
                "workforce": suppress(row["registered"], of=row["headcount"])
                if row["headcount"]
                else NOT_SHOWN,
                "counts": [suppress(row[key]) for key in AGENCY_COUNTS],
            }
        )
    if with_total:
        main.append(
            {
                "label": _("All agencies shown"),
                "headcount": NOT_SHOWN,
                "workforce": NOT_SHOWN,
                "counts": [
                    suppress_total(table["totals"][key], [row[key] for row in rows])
                    for key in AGENCY_COUNTS
                ],
                "is_total": True,
            }
        )
    modules = table["modules"]
    completions = []
    parts = _chunks(list(range(len(modules))), MODULES_PER_TABLE) if modules else []
    for number, part in enumerate(parts, start=1):
        body = [
            {
                "label": row["agency_name"],
                "counts": [suppress(row["completed"][i]) for i in part],
            }
            for row in rows
        ]
        if with_total:
            body.append(
                {
                    "label": _("All agencies shown"),
                    "counts": [
                        suppress_total(
                            table["totals"]["completed"][i],
                            [row["completed"][i] for row in rows],
                        )
                        for i in part
                    ],
                    "is_total": True,
                }
            )
        caption = _("Staff who completed each module in the period, by agency")
        if len(parts) > 1:
            caption += " " + _("(part %(number)s of %(count)s)") % {
                "number": number,
                "count": len(parts),
            }
        completions.append(
            {
                "caption": caption,
                "headers": [modules[i]["title"] for i in part],
                "rows": body,
            }
        )
    return {"rows": main, "completions": completions}


# Which columns of the impact tables count people, and which are worked out
# from which counts (suppressed when any of those is small). Column 0 is the label.
IMPACT_SUPPRESSION = {
    "confidence_agencies": {"counts": (1, 2), "derived": {3: (2,), 4: (2,), 5: (2,)}},
    "confidence_modules": {"counts": (1, 2), "derived": {3: (2,), 4: (2,), 5: (2,)}},
    "followups_agencies": {
        "counts": (1, 2, 7),
        "derived": {3: (1, 2), 4: (2,), 5: (2,), 6: (2,), 8: (7,)},
    },
    "quiz_modules": {"counts": (1, 2, 3), "derived": {4: (1, 3), 5: (2,)}},
}


def _count(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def impact_summary_tables(*, scope: ReportScope, filters: ReportFilters) -> list:
    tables = []
    for table in impact_export_tables(
        scope=scope, filters=filters, names=list(IMPACT_SUPPRESSION)
    ):
        rules = IMPACT_SUPPRESSION[table.name]
        rows = []
        for row in table.rows:
            shown = list(row)
            for index in rules["counts"]:
                shown[index] = suppress(_count(row[index]))
            for index, bases in rules["derived"].items():
                small = any(_count(row[base]) < SUPPRESS_BELOW for base in bases)
                if small or row[index] in (None, ""):
                    shown[index] = NOT_SHOWN
            rows.append(shown)
        tables.append(
            {"caption": table.caption, "headers": table.headers, "rows": rows}
        )
    return tables


# ------------------------------------------------------------------- the pack


def board_pack_context(
    *, scope: ReportScope, filters: ReportFilters, generated_at=None
) -> dict:
    figures = dashboard_figures(scope=scope, filters=filters)
    partnership = partnership_settings()
    return {
        "partnership": partnership,
        "filters": filters,
        "scope": scope,
        "description": describe(scope=scope, filters=filters),
        "generated_at": timezone.localtime(generated_at or timezone.now()),
        "matrix_tables": matrix_tables(figures["matrix"]),
        "agency": agency_tables(figures["agencies"]),
        "impact_tables": impact_summary_tables(scope=scope, filters=filters),
        "actions": actions_for_plan(scope=scope),
        "suppression_note": str(SUPPRESSION_NOTE) % {"limit": SUPPRESS_BELOW},
    }


def board_pack_html(*, scope: ReportScope, filters: ReportFilters) -> str:
    return render_to_string(
        "reports/board_pack.html", board_pack_context(scope=scope, filters=filters)
    )


def render_board_pack(*, scope: ReportScope, filters: ReportFilters) -> bytes:
    """The board pack as a tagged (PDF/UA-1) A4 landscape PDF."""
    return html_to_pdf(board_pack_html(scope=scope, filters=filters))
