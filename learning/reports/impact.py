"""Impact figures and the action plan: scoped reads, audited writes, chart geometry.

Every selector takes the caller's ``scope`` (a ``ReportScope`` from
``learning.reports.scope.report_scope_for``) explicitly and filters by it in the
database, so a lead can never see figures for an agency outside it. People are
counted in their current agency (``Profile.agency``); follow-up answers come from
``follow_up_rollup``, which counts them in the agency the learner had when the
questionnaire was created.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Case, Count, F, FloatField, Max, Q, Value, When
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from learning.core.dates import add_months
from learning.core.services import audit_log
from learning.followups.models import SourceKind

from .models import Action, ActionStatus

# Action plan: writes --------------------------------------------------------------

DESCRIPTION_REQUIRED = _("Enter a description of the action.")
STATUS_INVALID = _("Choose whether the action is not started, in progress or complete.")
ACTION_FIELDS = (
    "recommendation",
    "owner_agency",
    "description",
    "due_on",
    "status",
    "evidence_notes",
)


def _validated(action: Action) -> Action:
    action.description = (action.description or "").strip()
    action.evidence_notes = (action.evidence_notes or "").strip()
    if not action.description:
        raise ValidationError({"description": DESCRIPTION_REQUIRED})
    if action.status not in ActionStatus.values:
        raise ValidationError({"status": STATUS_INVALID})
    action.full_clean()
    return action


@transaction.atomic
def action_create(
    *,
    actor,
    recommendation,
    owner_agency,
    description: str,
    due_on: datetime.date,
    status: str = ActionStatus.NOT_STARTED,
    evidence_notes: str = "",
) -> Action:
    now = timezone.now()
    action = _validated(
        Action(
            recommendation=recommendation,
            owner_agency=owner_agency,
            description=description,
            due_on=due_on,
            status=status,
            evidence_notes=evidence_notes,
            created_at=now,
            updated_at=now,
            updated_by=actor,
        )
    )
    action.save()
    audit_log(
        actor=actor,
        action="action.created",
        obj=action,
        recommendation=recommendation.number,
        owner_agency=owner_agency.pk,
        due_on=due_on.isoformat(),
        status=status,
    )
    return action


def _audit_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


@transaction.atomic
def action_update(*, action: Action, actor, **changes) -> Action:
    """Change an action's fields; the audit entry records each old and new value."""
    unknown = set(changes) - set(ACTION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown action fields: {', '.join(sorted(unknown))}")
    # Compare with what is stored, not with an instance a form may have changed.
    current = Action.objects.select_for_update().get(pk=action.pk)
    before = {name: getattr(current, name) for name in changes}
    for name, value in changes.items():
        setattr(current, name, value)
    _validated(current)
    changed = {
        name: [_audit_value(before[name]), _audit_value(getattr(current, name))]
        for name in changes
        if before[name] != getattr(current, name)
    }
    current.updated_at = timezone.now()
    current.updated_by = actor
    current.save()
    audit_log(actor=actor, action="action.updated", obj=current, changes=changed)
    return current


# Action plan: reads ---------------------------------------------------------------


def actions_for_plan(*, scope) -> list[Action]:
    """Every action of the partnership's plan, by recommendation then due date.

    The plan belongs to the partnership, so agency leads see all of it too; for
    them each action owned by an agency in their scope has ``is_own_agency`` set so
    the table can point it out. One query.
    """
    if scope.all_agencies:
        own = Value(False)
    else:
        own = Case(
            When(owner_agency_id__in=list(scope.agency_ids), then=Value(True)),
            default=Value(False),
        )
    return list(
        Action.objects.select_related("recommendation", "owner_agency")
        .annotate(is_own_agency=own)
        .order_by("recommendation__review_id", "recommendation__number", "due_on")
    )


def action_get(*, pk: int) -> Action | None:
    return (
        Action.objects.select_related("recommendation", "owner_agency")
        .filter(pk=pk)
        .first()
    )


# Impact figures ---------------------------------------------------------------------


def agency_ids_in_scope(*, scope, agency_id: int | None = None) -> list[int] | None:
    """The agency ids to filter by, or None for every agency.

    A chosen agency outside the scope yields no agencies at all, never a wider view.
    """
    if agency_id is not None:
        if not scope.all_agencies and agency_id not in set(scope.agency_ids):
            return []
        return [agency_id]
    return None if scope.all_agencies else list(scope.agency_ids)


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _time_filter(name: str, start, end) -> Q:
    query = Q()
    if start is not None:
        query &= Q(**{f"{name}__gte": _day_start(start)})
    if end is not None:
        query &= Q(**{f"{name}__lt": _day_start(end + datetime.timedelta(days=1))})
    return query


def _rounded(value, places=2):
    return None if value is None else round(float(value), places)


def _pct(part, whole):
    return round(100 * part / whole) if whole else None


@dataclass(frozen=True)
class ConfidenceRow:
    label: str
    responses: int
    learners: int
    before: float | None
    after: float | None
    key: int | None = None

    @property
    def change(self):
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 2)


def _completed_progress(*, scope, agency_id, start, end, module_id):
    from modules.models import ModuleProgress

    progress = ModuleProgress.objects.filter(
        completed_at__isnull=False,
        confidence_before__isnull=False,
        confidence_after__isnull=False,
    ).filter(_time_filter("completed_at", start, end))
    agency_ids = agency_ids_in_scope(scope=scope, agency_id=agency_id)
    if agency_ids is not None:
        progress = progress.filter(user__profile__agency_id__in=agency_ids)
    if module_id is not None:
        progress = progress.filter(module_id=module_id)
    return progress


CONFIDENCE_FIGURES = {
    "responses": Count("pk"),
    "learners": Count("user_id", distinct=True),
    "mean_before": Avg("confidence_before", output_field=FloatField()),
    "mean_after": Avg("confidence_after", output_field=FloatField()),
}


def _confidence_rows(queryset, key, label):
    return [
        ConfidenceRow(
            label=row["label"] or "",
            key=row[key],
            responses=row["responses"],
            learners=row["learners"],
            before=_rounded(row["mean_before"]),
            after=_rounded(row["mean_after"]),
        )
        for row in queryset.values(key)
        .annotate(label=Max(label), **CONFIDENCE_FIGURES)
        .order_by("label", key)
    ]


def confidence_by_module(
    *, scope, agency_id=None, start=None, end=None, module_id=None
) -> list[ConfidenceRow]:
    """Mean confidence (1 to 5) before and after, per module, over completions that
    recorded both. One query."""
    progress = _completed_progress(
        scope=scope, agency_id=agency_id, start=start, end=end, module_id=module_id
    )
    return _confidence_rows(progress, "module_id", "module__title")


def confidence_by_agency(
    *, scope, agency_id=None, start=None, end=None, module_id=None
) -> list[ConfidenceRow]:
    """The same figures per agency (each learner's current agency). One query."""
    progress = _completed_progress(
        scope=scope, agency_id=agency_id, start=start, end=end, module_id=module_id
    )
    return _confidence_rows(
        progress, "user__profile__agency_id", "user__profile__agency__name"
    )


def follow_up_figures(
    *, scope, agency_id=None, start=None, end=None, module_id=None
) -> dict:
    """Follow-up answers from ``follow_up_rollup`` (two queries), within the scope.

    ``start``/``end`` bound when the questionnaire was sent. A chosen module narrows
    the per-module rows only: the per-agency rows cover all learning.
    """
    from learning.followups.selectors import follow_up_rollup

    agency_ids = agency_ids_in_scope(scope=scope, agency_id=agency_id)
    rollup = follow_up_rollup(
        agencies=agency_ids,
        start=_day_start(start) if start else None,
        end=_day_start(end + datetime.timedelta(days=1)) if end else None,
    )
    if module_id is not None:
        rollup["by_learning"] = [
            row for row in rollup["by_learning"] if row.module_id == module_id
        ]
    return rollup


@dataclass(frozen=True)
class QuizRow:
    label: str
    module_id: int
    attempts: int
    passed: int
    learners: int
    average_score: int | None

    @property
    def pass_rate(self):
        return _pct(self.passed, self.attempts)


def quiz_pass_rates(
    *, scope, agency_id=None, start=None, end=None, module_id=None
) -> list[QuizRow]:
    """Submitted quiz attempts, passes and pass rate per module. One query."""
    from modules.models import QuizAttempt, QuizAttemptStatus

    attempts = QuizAttempt.objects.exclude(status=QuizAttemptStatus.OPEN).filter(
        _time_filter("submitted_at", start, end)
    )
    agency_ids = agency_ids_in_scope(scope=scope, agency_id=agency_id)
    if agency_ids is not None:
        attempts = attempts.filter(user__profile__agency_id__in=agency_ids)
    if module_id is not None:
        attempts = attempts.filter(module_id=module_id)
    return [
        QuizRow(
            label=row["label"] or "",
            module_id=row["module_id"],
            attempts=row["attempts"],
            passed=row["passed"],
            learners=row["learners"],
            average_score=None
            if row["average"] is None
            else round(float(row["average"])),
        )
        for row in attempts.values("module_id")
        .annotate(
            label=Max("module__title"),
            attempts=Count("pk"),
            passed=Count("pk", filter=Q(passed=True)),
            learners=Count("user_id", distinct=True),
            average=Avg("score"),
        )
        .order_by("label", "module_id")
    ]


def item_difficulty(*, scope, module, agency_id=None, start=None, end=None):
    """Share of answers correct per question of one module's quiz, from
    ``quiz_item_analysis``; None when the scope spans several agencies but not all
    (that selector takes one agency or every agency)."""
    from modules.selectors import quiz_item_analysis

    agency_ids = agency_ids_in_scope(scope=scope, agency_id=agency_id)
    if agency_ids is not None and len(agency_ids) != 1:
        return None
    return quiz_item_analysis(
        module=module,
        agency=agency_ids[0] if agency_ids else None,
        start=start,
        end=end,
    )


@dataclass
class MonthRow:
    month: datetime.date
    completions: int = 0
    attendances: int = 0
    confidence_change: float | None = None

    @property
    def label(self):
        return date_format(self.month, "F Y")

    @property
    def short_label(self):
        return date_format(self.month, "M")


TREND_MONTHS = 12


def monthly_trends(
    *, scope, until: datetime.date, agency_id=None, module_id=None
) -> list[MonthRow]:
    """Completions, attendances and mean confidence change for each of the twelve
    months up to and including ``until``'s month. Two queries.

    A chosen module narrows completions and confidence; attendances are at
    face-to-face courses, so every course counts.
    """
    from learning.events.models import AttendanceStatus, Booking
    from modules.models import ModuleProgress

    last = until.replace(day=1)
    first = add_months(last, -(TREND_MONTHS - 1))
    rows = {
        (month.year, month.month): MonthRow(month=month)
        for month in (add_months(first, i) for i in range(TREND_MONTHS))
    }
    window_start, window_end = _day_start(first), _day_start(add_months(last, 1))
    agency_ids = agency_ids_in_scope(scope=scope, agency_id=agency_id)

    progress = ModuleProgress.objects.filter(
        completed_at__gte=window_start, completed_at__lt=window_end
    )
    bookings = Booking.objects.filter(
        attendance__in=[AttendanceStatus.ATTENDED, AttendanceStatus.LATE],
        session__start__gte=window_start,
        session__start__lt=window_end,
    )
    if agency_ids is not None:
        progress = progress.filter(user__profile__agency_id__in=agency_ids)
        bookings = bookings.filter(user__profile__agency_id__in=agency_ids)
    if module_id is not None:
        progress = progress.filter(module_id=module_id)

    for row in (
        progress.annotate(month=TruncMonth("completed_at"))
        .values("month")
        .annotate(
            completions=Count("pk"),
            change=Avg(
                F("confidence_after") - F("confidence_before"),
                output_field=FloatField(),
            ),
        )
        .order_by("month")
    ):
        month = rows.get((row["month"].year, row["month"].month))
        if month is not None:
            month.completions = row["completions"]
            month.confidence_change = _rounded(row["change"])
    for row in (
        bookings.annotate(month=TruncMonth("session__start"))
        .values("month")
        .annotate(attendances=Count("pk"))
        .order_by("month")
    ):
        month = rows.get((row["month"].year, row["month"].month))
        if month is not None:
            month.attendances = row["attendances"]
    return list(rows.values())


# Charts -------------------------------------------------------------------------------
# Geometry for server-rendered SVG charts. Each series has its own fill pattern or
# line style and marker as well as a text label, so colour is never the only cue.

CHART_WIDTH = 640
BAR_AREA = 440
LABEL_HEIGHT = 22
BAR_HEIGHT = 20
BAR_GAP = 4
GROUP_GAP = 14


@dataclass
class Chart:
    chart_id: str
    title: str
    summary: str
    kind: str = "bar"
    width: int = CHART_WIDTH
    height: int = 0
    series: list = field(default_factory=list)
    items: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    paths: list = field(default_factory=list)
    axis: dict = field(default_factory=dict)


BAR_SERIES_STYLES = ("hatched", "solid", "dotted")
LINE_SERIES_STYLES = (
    {"dash": "", "marker": "circle"},
    {"dash": "8 5", "marker": "square"},
)


def bar_chart(*, chart_id, title, summary, groups, series, max_value) -> Chart:
    """Horizontal bars. ``groups``: [(label, [value or None per series])];
    ``series``: [(name, value format)] such as ("Before", "{:.2f}")."""
    chart = Chart(chart_id=chart_id, title=title, summary=summary)
    # One series needs no pattern to tell it apart: it is drawn solid.
    styles = BAR_SERIES_STYLES if len(series) > 1 else ("solid",)
    chart.series = [
        {"name": name, "style": styles[i % len(styles)]}
        for i, (name, _fmt) in enumerate(series)
    ]
    y = 4
    scale = BAR_AREA / max_value if max_value else 0
    for label, values in groups:
        chart.items.append({"kind": "label", "x": 0, "y": y + 16, "text": label})
        y += LABEL_HEIGHT
        for index, value in enumerate(values):
            name, fmt = series[index]
            style = chart.series[index]["style"]
            shown = _("no data") if value is None else fmt.format(value)
            width = 0 if value is None else max(round(value * scale, 1), 1)
            chart.items.append(
                {
                    "kind": "bar",
                    "x": 0,
                    "y": y,
                    "width": width,
                    "height": BAR_HEIGHT,
                    "style": style,
                    "text": f"{name}: {shown}",
                    "text_x": width + 6,
                    "text_y": y + 15,
                }
            )
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    chart.height = max(y, 40)
    return chart


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step:
            return step
    magnitude = 10 ** (len(str(int(value))) - 1)
    return ((int(value) // magnitude) + 1) * magnitude


def line_chart(*, chart_id, title, summary, labels, series, value_format) -> Chart:
    """Lines over months. ``labels``: [(short x label, second line or "")];
    ``series``: [(name, values)], values may be None (a gap in the line)."""
    left, right, top, bottom, height = 48, 16, 24, 44, 260
    plot_w, plot_h = CHART_WIDTH - left - right, height - top - bottom
    values = [v for _name, vals in series for v in vals if v is not None]
    low = min([0, *values])
    high = _nice_max(max([0, *values]))
    if low < 0:
        low = -_nice_max(-low)
    span = (high - low) or 1
    count = max(len(labels), 2)

    def x_at(i):
        return round(left + i * plot_w / (count - 1), 1)

    def y_at(v):
        return round(top + (high - v) * plot_h / span, 1)

    chart = Chart(
        chart_id=chart_id, title=title, summary=summary, kind="line", height=height
    )
    chart.axis = {
        "left": left,
        "right": CHART_WIDTH - right,
        "top": top,
        "bottom": top + plot_h,
        "zero": y_at(0),
    }
    tick_values = {low, 0, high, (high + max(low, 0)) / 2}
    texts = {}
    for value in sorted(tick_values):
        # A half-way tick that rounds to a neighbour's text would mislead.
        texts.setdefault(value_format.format(value), value)
    chart.ticks = [
        {"y": y_at(v), "text": text, "label_y": y_at(v) + 5}
        for text, v in texts.items()
    ]
    chart.items = [
        {
            "kind": "xlabel",
            "x": x_at(i),
            "y": top + plot_h + 18,
            "text": text,
            "subtext": subtext,
            "sub_y": top + plot_h + 36,
        }
        for i, (text, subtext) in enumerate(labels)
    ]
    for index, (name, vals) in enumerate(series):
        style = LINE_SERIES_STYLES[index % len(LINE_SERIES_STYLES)]
        commands, pen_down, points = [], False, []
        for i, value in enumerate(vals):
            if value is None:
                pen_down = False
                continue
            commands.append(f"{'L' if pen_down else 'M'}{x_at(i)} {y_at(value)}")
            pen_down = True
            points.append({"x": x_at(i), "y": y_at(value)})
        chart.series.append({"name": name, **style})
        chart.paths.append(
            {"d": " ".join(commands), "points": points, "name": name, **style}
        )
    return chart


# The whole page ---------------------------------------------------------------------


def impact_report(
    *, scope, today: datetime.date, agency_id=None, module=None, start=None, end=None
) -> dict:
    """Every figure on the impact page, in a fixed number of queries."""
    module_id = module.pk if module is not None else None
    common = {"scope": scope, "agency_id": agency_id}
    ranged = {**common, "start": start, "end": end, "module_id": module_id}
    return {
        "confidence_by_module": confidence_by_module(**ranged),
        "confidence_by_agency": confidence_by_agency(**ranged),
        "follow_ups": follow_up_figures(**ranged),
        "quiz_pass_rates": quiz_pass_rates(**ranged),
        "module": module,
        "item_difficulty": item_difficulty(
            **common, module=module, start=start, end=end
        )
        if module is not None
        else None,
        "trends": monthly_trends(
            **common, until=min(end, today) if end else today, module_id=module_id
        ),
    }


def _number(value, label):
    """Percentages to whole numbers, other decimals to two places, so the screen
    and the CSV read the same."""
    if isinstance(value, float):
        return f"{value:.0f}" if "%" in str(label) else f"{value:.2f}"
    return value


def _table(name, caption, columns, rows):
    rows = [
        [
            _number(cell, label)
            for cell, (label, _numeric) in zip(row, columns, strict=True)
        ]
        for row in rows
    ]
    return {
        "name": name,
        "caption": caption,
        "columns": [{"label": label, "numeric": numeric} for label, numeric in columns],
        "rows": rows,
        "display_rows": [
            [
                {"value": cell, "numeric": numeric}
                for cell, (_label, numeric) in zip(row, columns, strict=True)
            ]
            for row in rows
        ],
    }


CONFIDENCE_COLUMNS = [
    (_("Completions rating both"), True),
    (_("Learners"), True),
    (_("Mean before (1 to 5)"), True),
    (_("Mean after (1 to 5)"), True),
    (_("Change"), True),
]
FOLLOW_UP_COLUMNS = [
    (_("Sent"), True),
    (_("Answered"), True),
    (_("Response rate (%)"), True),
    (_("Changed practice (%)"), True),
    (_("Mean confidence now (1 to 5)"), True),
    (_("Used the challenge process (%)"), True),
    (_("Line managers' answers"), True),
    (_("Line managers seeing a change (%)"), True),
]


def _confidence_cells(row):
    return [row.responses, row.learners, row.before, row.after, row.change]


def _follow_up_cells(row):
    return [
        row.sent,
        row.answered,
        row.response_rate,
        row.changed_pct,
        row.confidence_mean,
        row.used_challenge_pct,
        row.manager_answered,
        row.manager_observed_pct,
    ]


def impact_tables(report: dict) -> dict:
    """Each table on the page by name; the CSV export writes the same rows."""
    follow_ups = report["follow_ups"]
    tables = [
        _table(
            "confidence_modules",
            _("Confidence before and after, per module"),
            [(_("Module"), False), *CONFIDENCE_COLUMNS],
            [[r.label, *_confidence_cells(r)] for r in report["confidence_by_module"]],
        ),
        _table(
            "confidence_agencies",
            _("Confidence before and after, per agency"),
            [(_("Agency"), False), *CONFIDENCE_COLUMNS],
            [[r.label, *_confidence_cells(r)] for r in report["confidence_by_agency"]],
        ),
        _table(
            "followups_learning",
            _("Follow-up answers, per module or course"),
            [(_("Module or course"), False), (_("Kind"), False), *FOLLOW_UP_COLUMNS],
            [
                [
                    r.label,
                    str(SourceKind(r.kind).label)
                    if r.kind in SourceKind.values
                    else r.kind,
                    *_follow_up_cells(r),
                ]
                for r in follow_ups["by_learning"]
            ],
        ),
        _table(
            "followups_agencies",
            _("Follow-up answers, per agency"),
            [(_("Agency"), False), *FOLLOW_UP_COLUMNS],
            [[r.label, *_follow_up_cells(r)] for r in follow_ups["by_agency"]],
        ),
        _table(
            "quiz_modules",
            _("Quiz results, per module"),
            [
                (_("Module"), False),
                (_("Attempts"), True),
                (_("Learners"), True),
                (_("Passed"), True),
                (_("Pass rate (%)"), True),
                (_("Average score (%)"), True),
            ],
            [
                [
                    r.label,
                    r.attempts,
                    r.learners,
                    r.passed,
                    r.pass_rate,
                    r.average_score,
                ]
                for r in report["quiz_pass_rates"]
            ],
        ),
        _table(
            "quiz_items",
            _("Share of answers correct, per question"),
            [
                (_("Question"), False),
                (_("Text"), False),
                (_("Answers"), True),
                (_("Correct"), True),
                (_("Correct (%)"), True),
                (_("Wrong answer chosen most"), False),
            ],
            [
                [
                    _("Question %(number)s") % {"number": r.number},
                    r.text,
                    r.answered,
                    r.correct,
                    r.percent_correct,
                    r.top_wrong_label or "",
                ]
                for r in (report["item_difficulty"] or {}).get("rows", [])
            ],
        ),
        _table(
            "trends_activity",
            _("Completions and attendances, per month"),
            [(_("Month"), False), (_("Completions"), True), (_("Attendances"), True)],
            [[r.label, r.completions, r.attendances] for r in report["trends"]],
        ),
        _table(
            "trends_confidence",
            _("Mean change in confidence, per month"),
            [(_("Month"), False), (_("Mean change (points on 1 to 5)"), True)],
            [[r.label, r.confidence_change] for r in report["trends"]],
        ),
    ]
    return {table["name"]: table for table in tables}


def _label(text, limit=70):
    return Truncator(text).chars(limit)


def _listing(parts, limit=8):
    shown = "; ".join(parts[:limit])
    if len(parts) > limit:
        shown += "; " + str(_("and %(count)s more") % {"count": len(parts) - limit})
    return shown


def impact_charts(report: dict) -> dict:
    """Chart geometry by table name; a chart is left out when it has no data."""
    charts = {}
    before_after = [(_("Before"), "{:.2f}"), (_("After"), "{:.2f}")]
    for name, rows, title in (
        (
            "confidence_modules",
            report["confidence_by_module"],
            _("Mean confidence before and after each module"),
        ),
        (
            "confidence_agencies",
            report["confidence_by_agency"],
            _("Mean confidence before and after, per agency"),
        ),
    ):
        if rows:
            charts[name] = bar_chart(
                chart_id=f"chart-{name}",
                title=title,
                summary=_(
                    "Mean confidence on a scale of 1 to 5, before and after: %(list)s."
                )
                % {
                    "list": _listing(
                        [f"{r.label}: {r.before:.2f} to {r.after:.2f}" for r in rows]
                    )
                },
                groups=[(_label(r.label), [r.before, r.after]) for r in rows],
                series=before_after,
                max_value=5,
            )
    by_agency = report["follow_ups"]["by_agency"]
    if by_agency:
        charts["followups_agencies"] = bar_chart(
            chart_id="chart-followups_agencies",
            title=_("Follow-up response and changed practice, per agency"),
            summary=_(
                "Per agency, the share of follow-ups answered and the share of answers "
                "saying practice changed: %(list)s."
            )
            % {
                "list": _listing(
                    [
                        f"{r.label}: {_pct_text(r.response_rate)} answered, "
                        f"{_pct_text(r.changed_pct)} changed practice"
                        for r in by_agency
                    ]
                )
            },
            groups=[
                (_label(r.label), [r.response_rate, r.changed_pct]) for r in by_agency
            ],
            series=[(_("Answered"), "{:.0f}%"), (_("Changed practice"), "{:.0f}%")],
            max_value=100,
        )
    quiz = report["quiz_pass_rates"]
    if quiz:
        charts["quiz_modules"] = bar_chart(
            chart_id="chart-quiz_modules",
            title=_("Quiz pass rate, per module"),
            summary=_("Share of quiz attempts passed: %(list)s.")
            % {
                "list": _listing([f"{r.label}: {_pct_text(r.pass_rate)}" for r in quiz])
            },
            groups=[(_label(r.label), [r.pass_rate]) for r in quiz],
            series=[(_("Pass rate"), "{:.0f}%")],
            max_value=100,
        )
    items = (report["item_difficulty"] or {}).get("rows", [])
    if any(r.answered for r in items):
        charts["quiz_items"] = bar_chart(
            chart_id="chart-quiz_items",
            title=_("Share of answers correct, per question"),
            summary=_("Share of answers correct: %(list)s.")
            % {
                "list": _listing(
                    [
                        f"{_('Question')} {r.number}: {_pct_text(r.percent_correct)}"
                        for r in items
                    ],
                    limit=20,
                )
            },
            groups=[
                (_label(f"{r.number}. {r.text}"), [r.percent_correct]) for r in items
            ],
            series=[(_("Correct"), "{:.0f}%")],
            max_value=100,
        )
    trends = report["trends"]
    if any(r.completions or r.attendances for r in trends):
        first, last = trends[0].label, trends[-1].label
        charts["trends_activity"] = line_chart(
            chart_id="chart-trends_activity",
            title=_("Completions and attendances per month"),
            summary=_(
                "From %(first)s to %(last)s: %(completions)s module completions "
                "(most in %(top_c)s) and %(attendances)s attendances at training "
                "(most in %(top_a)s)."
            )
            % {
                "first": first,
                "last": last,
                "completions": sum(r.completions for r in trends),
                "attendances": sum(r.attendances for r in trends),
                "top_c": max(trends, key=lambda r: r.completions).label,
                "top_a": max(trends, key=lambda r: r.attendances).label,
            },
            labels=_month_labels(trends),
            series=[
                (_("Completions"), [r.completions for r in trends]),
                (_("Attendances"), [r.attendances for r in trends]),
            ],
            value_format="{:.0f}",
        )
    changes = [r for r in trends if r.confidence_change is not None]
    if changes:
        charts["trends_confidence"] = line_chart(
            chart_id="chart-trends_confidence",
            title=_("Mean change in confidence per month"),
            summary=_(
                "Mean change in confidence from before to after a module, on a scale "
                "of 1 to 5, in the %(count)s months with completions that rated "
                "both: from %(low).2f to %(high).2f."
            )
            % {
                "count": len(changes),
                "low": min(r.confidence_change for r in changes),
                "high": max(r.confidence_change for r in changes),
            },
            labels=_month_labels(trends),
            series=[(_("Mean change"), [r.confidence_change for r in trends])],
            value_format="{:.1f}",
        )
    return charts


def _month_labels(trends):
    return [
        (row.short_label, str(row.month.year) if i == 0 or row.month.month == 1 else "")
        for i, row in enumerate(trends)
    ]


def _pct_text(value):
    return _("no data") if value is None else f"{value:.0f}%"
