"""Report figures for partnership and agency leads: pure reads, no request objects.

Every selector takes a ``ReportScope`` (whose agencies) and ``ReportFilters`` (what
to count) explicitly. People are counted through their *current* profile: each
person counts once, in the agency on their profile today, never in the agency
recorded on an old certificate. Figures are computed in the database with a fixed
number of queries whatever the number of learners, so the dashboard, exports and
the board pack stay fast on large partnerships.

What the filters do:

- agency, agency kind and job role narrow the people counted, in every figure;
- the date range (inclusive) narrows activity: module progress, attendance at
  sessions starting in the range and certificates completed in the range;
- a module or course narrows activity and certificates to that learning only
  (choosing a module leaves sessions out; choosing a course leaves modules out),
  and the matrix to the recommendations it is mapped to;
- certificate, refresher, licence and evidence figures describe the position on
  ``on`` (today by default) and ignore the date range.

``dashboard_figures`` caches the computed figures for ``CACHE_SECONDS`` under a key
made of the scope's agency ids, the filter values and the day, so cached figures
are never more than five minutes old and never shared between scopes.
"""

import hashlib
import json
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    FilteredRelation,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate
from certificates.selectors import EXPIRY_WARNING_DAYS, _mapped_learning
from learning.accounts.models import Agency, Profile
from learning.briefings.models import Briefing
from learning.events.models import AttendanceStatus, Booking, Course
from learning.licences.models import Licence, LicenceKind, current_licence_q
from learning.reviews.models import EvidenceRule, Recommendation
from modules.models import ModulePage, ModuleProgress

from .models import ReportEvidence
from .scope import ReportScope
from .summary import (
    certificate_rows,
    figures_from_rows,
    fresh_q,
    licence_rows,
)

CACHE_SECONDS = 300  # figures may be at most five minutes stale

ATTENDED = (AttendanceStatus.ATTENDED, AttendanceStatus.LATE)
NO_SHOW = (AttendanceStatus.DID_NOT_ATTEND,)


class Metric:
    """The figures a lead can drill into, to see the people behind them."""

    REGISTERED = "registered"
    ACTIVE = "active"
    STARTED = "started"
    COMPLETED = "completed"
    ATTENDED = "attended"
    NO_SHOW = "no_show"
    EVIDENCING = "evidencing"
    NOT_EVIDENCING = "not_evidencing"
    REFRESHER_OVERDUE = "refresher_overdue"
    CERTIFICATE_CURRENT = "certificate_current"
    CERTIFICATE_EXPIRING = "certificate_expiring"
    LICENSED = "licensed"

    LABELS = {
        REGISTERED: _("Registered staff"),
        ACTIVE: _("Active learners in the period"),
        STARTED: _("Staff who started a module in the period"),
        COMPLETED: _("Staff who completed a module in the period"),
        ATTENDED: _("Staff who attended a training session in the period"),
        NO_SHOW: _("Staff who did not attend a session they had booked"),
        EVIDENCING: _("Staff who currently evidence the recommendation"),
        NOT_EVIDENCING: _("Staff who do not yet evidence the recommendation"),
        REFRESHER_OVERDUE: _(
            "Staff with a certificate that has expired and not been renewed"
        ),
        CERTIFICATE_CURRENT: _("Staff holding a current certificate"),
        CERTIFICATE_EXPIRING: _(
            "Staff holding a certificate that expires within 60 days"
        ),
        LICENSED: _("Staff with a current GCP2 licence"),
    }
    CHOICES = list(LABELS.items())


UNKNOWN_METRIC = "Unknown report metric."


# Bands of the recommendation x agency matrix, on the percentage of an agency's
# staff who evidence a recommendation (rounded down, so that a cell never looks as
# if it has reached a band it has not): below 40% "Low", 40% to 69% "Some", 70% and
# above "Most". "none" marks an agency with no staff to count.
BAND_SOME_FROM = 40
BAND_MOST_FROM = 70


class Band:
    LOW = "low"
    SOME = "some"
    MOST = "most"
    NONE = "none"
    LABELS = {
        LOW: _("Low"),
        SOME: _("Some"),
        MOST: _("Most"),
        NONE: _("No staff"),
    }


def band_for(percent: int | None) -> str:
    if percent is None:
        return Band.NONE
    if percent >= BAND_MOST_FROM:
        return Band.MOST
    if percent >= BAND_SOME_FROM:
        return Band.SOME
    return Band.LOW


def percent_of(part: int, whole: int | None) -> int | None:
    """Whole percent, rounded down; None when there is nothing to divide by."""
    if not whole:
        return None
    return part * 100 // whole


# --------------------------------------------------------------------- filters


def twelve_months_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True)
class ReportFilters:
    """What a report counts; built by ``ReportFilterForm`` or by hand (exports)."""

    start: date
    end: date
    agency_id: int | None = None
    agency_kind: str = ""
    module_id: int | None = None
    course_id: int | None = None
    job_title: str = ""

    @classmethod
    def default(cls, today: date | None = None) -> "ReportFilters":
        """The last 12 months, everyone in scope."""
        today = today or timezone.localdate()
        return cls(start=twelve_months_before(today), end=today)

    def as_query(self) -> dict[str, str]:
        """The filters as query parameters of the filter form (for links)."""
        values = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "agency": self.agency_id,
            "agency_kind": self.agency_kind,
            "module": self.module_id,
            "course": self.course_id,
            "job_title": self.job_title,
        }
        return {key: str(value) for key, value in values.items() if value}

    def _period(self) -> tuple[datetime, datetime]:
        zone = timezone.get_current_timezone()
        return (
            datetime.combine(self.start, time.min, tzinfo=zone),
            datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=zone),
        )

    @property
    def narrows_learning(self) -> bool:
        return bool(self.module_id or self.course_id)


# ---------------------------------------------------------------- the people


def _agency_ids(scope: ReportScope, filters: ReportFilters, agency_id=None) -> list:
    """Agencies in scope, narrowed by the filter and by a drill-down's agency.

    An agency outside the scope narrows to nothing: it is never added.
    """
    ids = set(scope.agency_ids)
    for wanted in (filters.agency_id, agency_id):
        if wanted is not None:
            ids &= {int(wanted)}
    return sorted(ids)


def agencies_in_view(
    *, scope: ReportScope, filters: ReportFilters, agency_id=None
) -> QuerySet[Agency]:
    queryset = Agency.objects.filter(pk__in=_agency_ids(scope, filters, agency_id))
    if filters.agency_kind:
        queryset = queryset.filter(kind=filters.agency_kind)
    return queryset.order_by("name")


def people_in_view(
    *, scope: ReportScope, filters: ReportFilters, agency_id=None
) -> QuerySet[Profile]:
    """Active people whose current profile agency is in scope and the filters."""
    queryset = Profile.objects.filter(
        agency_id__in=_agency_ids(scope, filters, agency_id), user__is_active=True
    )
    if filters.agency_kind:
        queryset = queryset.filter(agency__kind=filters.agency_kind)
    if filters.job_title:
        queryset = queryset.filter(job_title=filters.job_title)
    return queryset


def job_titles_in_scope(*, scope: ReportScope) -> list[str]:
    return list(
        Profile.objects.filter(agency_id__in=scope.agency_ids)
        .exclude(job_title="")
        .order_by("job_title")
        .values_list("job_title", flat=True)
        .distinct()
    )


# ----------------------------------------- conditions on a person (a Profile row)


def _progress(filters: ReportFilters) -> QuerySet[ModuleProgress]:
    queryset = ModuleProgress.objects.filter(user_id=OuterRef("user_id"))
    if filters.narrows_learning:
        queryset = queryset.filter(module_id=filters.module_id or 0)
    return queryset


def _bookings(filters: ReportFilters, statuses) -> QuerySet[Booking]:
    start, end = filters._period()
    queryset = Booking.objects.filter(
        user_id=OuterRef("user_id"),
        attendance__in=statuses,
        session__start__gte=start,
        session__start__lt=end,
    )
    if filters.narrows_learning:
        queryset = queryset.filter(session__course_id=filters.course_id or 0)
    return queryset


def _certificate_items(filters: ReportFilters) -> Q:
    """Certificates for the filtered module or course (every certificate if none)."""
    if not filters.narrows_learning:
        return Q()
    return Q(module_id=filters.module_id or 0) | Q(course_id=filters.course_id or 0)


def _started(filters: ReportFilters) -> Exists:
    start, end = filters._period()
    return Exists(_progress(filters).filter(started_at__gte=start, started_at__lt=end))


def _completed(filters: ReportFilters, module_id=None) -> Exists:
    start, end = filters._period()
    queryset = _progress(filters).filter(completed_at__gte=start, completed_at__lt=end)
    if module_id is not None:
        queryset = queryset.filter(module_id=module_id)
    return Exists(queryset)


def _active(filters: ReportFilters) -> Q:
    """Any module activity, attendance or certificate in the period."""
    start, end = filters._period()
    module_activity = (
        _progress(filters)
        .filter(started_at__lt=end)
        .filter(Q(last_activity_at__gte=start) | Q(completed_at__gte=start))
    )
    certificates = Certificate.objects.filter(
        _certificate_items(filters),
        holder_id=OuterRef("user_id"),
        completed_on__gte=filters.start,
        completed_on__lte=filters.end,
    )
    return (
        Q(Exists(module_activity))
        | Q(Exists(_bookings(filters, ATTENDED)))
        | Q(Exists(certificates))
    )


def latest_certificates() -> QuerySet[Certificate]:
    """Each holder's newest unrevoked certificate for each piece of learning.

    A renewed certificate replaces the one before it, so the old one is not also
    counted as expired. Revoked certificates are left out altogether.
    """
    newer = (
        Certificate.objects.filter(
            holder_id=OuterRef("holder_id"), revoked_at__isnull=True
        )
        .filter(
            Q(module_id=OuterRef("module_id"))
            | Q(course_id=OuterRef("course_id"))
            | Q(briefing_id=OuterRef("briefing_id"))
        )
        .filter(
            Q(completed_on__gt=OuterRef("completed_on"))
            | Q(completed_on=OuterRef("completed_on"), pk__gt=OuterRef("pk"))
        )
    )
    return Certificate.objects.filter(revoked_at__isnull=True).filter(~Exists(newer))


def _current_q(on: date) -> Q:
    return Q(expires_on__isnull=True) | Q(expires_on__gte=on)


def _expiring_q(on: date) -> Q:
    return Q(
        expires_on__gte=on, expires_on__lte=on + timedelta(days=EXPIRY_WARNING_DAYS)
    )


def _expired_q(on: date) -> Q:
    return Q(expires_on__lt=on)


def _holds_latest(filters: ReportFilters, condition: Q) -> Exists:
    return Exists(
        latest_certificates().filter(
            condition, _certificate_items(filters), holder_id=OuterRef("user_id")
        )
    )


def _licensed(on: date) -> Exists:
    newest = (
        Licence.objects.filter(holder_id=OuterRef("holder_id"), kind=OuterRef("kind"))
        .order_by("-granted_on", "-created_at", "-pk")
        .values("pk")[:1]
    )
    return Exists(
        Licence.objects.filter(
            current_licence_q(on),
            holder_id=OuterRef("user_id"),
            kind=LicenceKind.GCP2,
            pk=Subquery(newest),
        )
    )


_ITEM_FIELDS = {"module": "module_id", "course": "course_id", "briefing": "briefing_id"}


def evidence_condition(recommendation: Recommendation, on: date):
    """A condition on a person that holds when they evidence the recommendation.

    The same rule as ``certificates.selectors.learning_record``: the mapped
    learning is the recommendation's live modules, active courses and, if it says
    so, active briefings; a current certificate for any one (rule "any") or for
    every one (rule "all") of them evidences it. ``recommendation`` needs the
    ``live_modules``, ``active_courses`` and ``active_briefings`` prefetches of
    ``recommendations_for_matrix``. None when nothing is mapped (nobody evidences).
    """
    mapped = sorted(_mapped_learning(recommendation))
    if not mapped:
        return None
    current = Certificate.objects.current(on).filter(holder_id=OuterRef("user_id"))
    if recommendation.evidence_rule == EvidenceRule.ALL:
        condition = Q()
        for kind, pk in mapped:
            condition &= Q(Exists(current.filter(**{_ITEM_FIELDS[kind]: pk})))
        return condition
    any_item = Q()
    for kind in _ITEM_FIELDS:
        ids = [pk for item_kind, pk in mapped if item_kind == kind]
        if ids:
            any_item |= Q(**{f"{_ITEM_FIELDS[kind]}__in": ids})
    return Q(Exists(current.filter(any_item)))


def recommendations_for_matrix(
    *, filters: ReportFilters | None = None
) -> QuerySet[Recommendation]:
    """Recommendations in review order, with the learning mapped to each.

    A module or course filter keeps the recommendations it is mapped to.
    """
    queryset = Recommendation.objects.select_related("review").order_by(
        "-review__published_on", "review__title", "review_id", "number"
    )
    if filters is not None and filters.narrows_learning:
        queryset = queryset.filter(
            Q(modules__pk=filters.module_id or 0)
            | Q(courses__pk=filters.course_id or 0)
        ).distinct()
    return queryset.prefetch_related(
        Prefetch(
            "modules",
            queryset=ModulePage.objects.live().defer_streamfields().order_by("path"),
            to_attr="live_modules",
        ),
        Prefetch(
            "courses",
            queryset=Course.objects.filter(is_active=True).order_by("title"),
            to_attr="active_courses",
        ),
        Prefetch(
            "briefings",
            queryset=Briefing.objects.filter(is_active=True).order_by("title"),
            to_attr="active_briefings",
        ),
    )


# ------------------------------------------------------------------ the figures


def _people_q(scope: ReportScope, filters: ReportFilters, prefix: str) -> Q:
    """``people_in_view`` as a condition on a user at ``prefix`` (``user__``)."""
    condition = Q(
        **{
            f"{prefix}profile__agency_id__in": _agency_ids(scope, filters),
            f"{prefix}is_active": True,
        }
    )
    if filters.agency_kind:
        condition &= Q(**{f"{prefix}profile__agency__kind": filters.agency_kind})
    if filters.job_title:
        condition &= Q(**{f"{prefix}profile__job_title": filters.job_title})
    return condition


def _table_modules(filters: ReportFilters) -> list[dict]:
    if filters.narrows_learning and not filters.module_id:
        return []
    queryset = ModulePage.objects.live().defer_streamfields().order_by("path")
    if filters.module_id:
        queryset = queryset.filter(pk=filters.module_id)
    return [
        {"id": pk, "title": title} for pk, title in queryset.values_list("pk", "title")
    ]


class _Report:
    """Works out the dashboard's figures with a fixed number of queries.

    The headline figures, the agency table and the matrix share these queries,
    so ``dashboard_figures`` runs each once. The main one walks the people in
    view once, joined to their summary rows (``summary.py``), grouped by agency:
    every "people who ..." figure is a conditional count over it, each condition
    a lookup in a list worked out once for the whole query (people who started a
    module in the period, who attended, who evidence a recommendation...), never
    a subquery per person. The others: the agencies, the table's modules, the
    recommendations, the certificates and licences of anyone in view whose
    summary row may not be used (usually nobody), and the completions and
    attendances in the period. A fixed number of queries whatever the number of
    people.
    """

    def __init__(
        self, *, scope: ReportScope, filters: ReportFilters, on: date | None
    ) -> None:
        self.scope = scope
        self.filters = filters
        self.on = on or timezone.localdate()
        self.now = timezone.now()
        self.start, self.end = filters._period()
        self.people = people_in_view(scope=scope, filters=filters)
        self.with_evidence = False
        self.as_of = self.now

    @cached_property
    def agencies(self) -> list[dict]:
        return list(
            agencies_in_view(scope=self.scope, filters=self.filters).values(
                "pk", "name", "frontline_headcount"
            )
        )

    @cached_property
    def recommendations(self) -> list[Recommendation]:
        return list(recommendations_for_matrix(filters=self.filters))

    @cached_property
    def modules(self) -> list[dict]:
        return _table_modules(self.filters)

    def _progress(self) -> QuerySet[ModuleProgress]:
        queryset = ModuleProgress.objects.all()
        if self.filters.narrows_learning:
            queryset = queryset.filter(module_id=self.filters.module_id or 0)
        return queryset

    def _bookings(self, statuses) -> QuerySet[Booking]:
        queryset = Booking.objects.filter(
            attendance__in=statuses,
            session__start__gte=self.start,
            session__start__lt=self.end,
        )
        if self.filters.narrows_learning:
            queryset = queryset.filter(session__course_id=self.filters.course_id or 0)
        return queryset

    def _annotations(self) -> dict:
        """The counts over people and their usable summary rows, per agency
        (``fresh`` is the summary row if it may be used, else nothing)."""
        annotations = {
            "registered": Count("pk"),
            "licensed": Count("pk", filter=Q(fresh__licensed=True)),
            "overdue": Count("pk", filter=Q(fresh__certificates_expired__gt=0)),
            "current": Sum("fresh__certificates_current"),
            "expiring": Sum("fresh__certificates_expiring"),
            "expired": Sum("fresh__certificates_expired"),
            "oldest": Min("fresh__computed_at"),
        }
        if self.with_evidence:
            for recommendation in self.recommendations:
                evidence = ReportEvidence.objects.filter(
                    recommendation_id=recommendation.pk
                ).values("summary_id")
                annotations[f"r{recommendation.pk}"] = Count(
                    "pk", filter=Q(fresh__user_id__in=evidence)
                )
        return annotations

    @cached_property
    def by_agency(self) -> dict[int, dict]:
        """Per agency: the counts of ``_annotations``, with anyone whose summary
        row may not be used worked out afresh from their own certificates and
        licences. With a module or course filter, certificate figures count that
        learning only, for everyone, from its certificates."""
        totals: dict[int, dict] = {}
        oldest = []
        people = self.people.annotate(
            fresh=FilteredRelation(
                "user__report_summary",
                condition=fresh_q(
                    on=self.on, now=self.now, prefix="user__report_summary__"
                ),
            )
        )
        for row in people.values("agency_id").annotate(**self._annotations()):
            agency_id = row.pop("agency_id")
            if row["oldest"] is not None:
                oldest.append(row["oldest"])
            evidence = defaultdict(int)
            for recommendation in self.recommendations if self.with_evidence else ():
                evidence[recommendation.pk] = row.pop(f"r{recommendation.pk}")
            totals[agency_id] = {
                **{key: value or 0 for key, value in row.items() if key != "oldest"},
                "evidence": evidence,
            }
        self.as_of = min(oldest, default=self.now)

        # Usually nobody: the database then stops before reading any certificate.
        stale = self.people.exclude(fresh_q(on=self.on, now=self.now)).values("user_id")
        narrowed = self.filters.narrows_learning
        afresh = figures_from_rows(
            certificates=certificate_rows(stale),
            licences=licence_rows(stale),
            on=self.on,
            recommendations=self.recommendations if self.with_evidence else None,
            count_certificates=not narrowed,
        )
        self._add(totals, afresh, licences=True)
        if narrowed:
            for found in totals.values():
                found.update(overdue=0, current=0, expiring=0, expired=0)
            learning = figures_from_rows(
                certificates=certificate_rows(
                    self.people.values("user_id"),
                    items=_certificate_items(self.filters),
                ),
                on=self.on,
            )
            self._add(totals, learning, licences=False)
        return totals

    @staticmethod
    def _add(totals: dict, people: dict, *, licences: bool) -> None:
        for person in people.values():
            found = totals.get(person.agency_id)
            if found is None:  # not in view
                continue
            if licences:
                found["licensed"] += person.licensed
            found["overdue"] += bool(person.certificates_expired)
            found["current"] += person.certificates_current
            found["expiring"] += person.certificates_expiring
            found["expired"] += person.certificates_expired
            for pk in person.evidence:
                found["evidence"][pk] += 1

    @cached_property
    def activity(self) -> dict[int, dict]:
        """Per agency, in one query: people who were active, started a module,
        completed each module of the table, attended or did not attend in the
        period, and the completions and attendances themselves.

        Module progress, bookings and certificates in the period are each read
        once and reduced to one row per person (``MAX`` of a flag), then joined
        to the people in view and added up per agency. Django cannot join
        aggregated subqueries, so the outer query is written here around the
        SQL that the ORM generates for each part (portable SQL: no ``FILTER``,
        no ``bool_or``).
        """
        start, end, filters = self.start, self.end, self.filters
        started = Q(started_at__gte=start, started_at__lt=end)
        completed = Q(completed_at__gte=start, completed_at__lt=end)
        active = Q(started_at__lt=end) & (
            Q(last_activity_at__gte=start) | Q(completed_at__gte=start)
        )

        def flag(condition):
            return Max(Case(When(condition, then=1), default=0))

        def tally(condition):
            return Sum(Case(When(condition, then=1), default=0))

        modules = {f"c{module['id']}": module["id"] for module in self.modules}
        # The outer query keeps to the people in view. For a part of the
        # partnership, each part also keeps to them before it is reduced per
        # person (for the whole partnership that would only cost time).
        everyone = self.scope.all_agencies and not (
            filters.agency_id or filters.agency_kind or filters.job_title
        )
        in_view, holders = Q(), Q()
        if not everyone:  # joined, so that an agency's rows are found by index
            in_view = _people_q(self.scope, filters, "user__")
            holders = _people_q(self.scope, filters, "holder__")
        progress = (
            self._progress()
            .filter(started | completed | active, in_view)
            .values("user_id")
            .annotate(
                started=flag(started),
                active=flag(active),
                completions=tally(completed),
                **{
                    alias: flag(completed & Q(module_id=pk))
                    for alias, pk in modules.items()
                },
            )
            .order_by()
        )
        bookings = (
            self._bookings(ATTENDED + NO_SHOW)
            .filter(in_view)
            .values("user_id")
            .annotate(
                attended=flag(Q(attendance__in=ATTENDED)),
                no_show=flag(Q(attendance__in=NO_SHOW)),
                attendances=tally(Q(attendance__in=ATTENDED)),
            )
            .order_by()
        )
        certified = (
            Certificate.objects.filter(
                _certificate_items(filters),
                holders,
                holder_id__isnull=False,
                completed_on__gte=filters.start,
                completed_on__lte=filters.end,
            )
            .values("holder_id")
            .distinct()
            .order_by()
        )
        people = self.people.values("user_id", "agency_id").order_by()

        q = connection.ops.quote_name
        sums = {
            "started": f"p.{q('started')}",
            "completions": f"p.{q('completions')}",
            **{alias: f"p.{q(alias)}" for alias in modules},
            "attended": f"b.{q('attended')}",
            "no_shows": f"b.{q('no_show')}",
            "attendances": f"b.{q('attendances')}",
            "active": (
                f"CASE WHEN p.{q('active')} = 1 OR b.{q('attended')} = 1 "
                f"OR c.{q('holder_id')} IS NOT NULL THEN 1 ELSE 0 END"
            ),
        }
        columns = ", ".join(f"SUM({expression})" for expression in sums.values())
        try:
            parts = [
                query.query.sql_with_params()
                for query in (people, progress, bookings, certified)
            ]
        except EmptyResultSet:  # nobody in view (an agency outside the scope)
            return {}
        (people_sql, p0), (progress_sql, p1), (bookings_sql, p2), (cert_sql, p3) = parts
        # Only ORM-generated SQL and quoted constant names: every value is a
        # query parameter.
        sql = (
            f"SELECT v.{q('agency_id')}, {columns} FROM ({people_sql}) v "  # noqa: S608
            f"LEFT JOIN ({progress_sql}) p ON p.{q('user_id')} = v.{q('user_id')} "
            f"LEFT JOIN ({bookings_sql}) b ON b.{q('user_id')} = v.{q('user_id')} "
            f"LEFT JOIN ({cert_sql}) c ON c.{q('holder_id')} = v.{q('user_id')} "
            f"GROUP BY v.{q('agency_id')}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*p0, *p1, *p2, *p3])
            rows = cursor.fetchall()
        names = list(sums)
        result = {}
        for agency_id, *values in rows:
            found = dict(zip(names, (value or 0 for value in values), strict=True))
            for alias, pk in modules.items():
                found[f"completed_{pk}"] = found.pop(alias)
            result[agency_id] = found
        return result

    # ---------------------------------------------------------- the three parts

    def headline(self) -> dict[str, int]:
        agencies = self.by_agency.values()
        return {
            "registered": sum(a["registered"] for a in agencies),
            "active": sum(a["active"] for a in self.activity.values()),
            "licences_current": sum(a["licensed"] for a in agencies),
            "modules_completed": sum(a["completions"] for a in self.activity.values()),
            "sessions_attended": sum(a["attendances"] for a in self.activity.values()),
            "certificates_current": sum(a["current"] for a in agencies),
            "certificates_expiring": sum(a["expiring"] for a in agencies),
            "certificates_expired": sum(a["expired"] for a in agencies),
        }

    def table(self) -> dict:
        modules = self.modules
        keys = ["registered", "started", "attended", "no_shows", "refreshers_overdue"]
        rows = []
        totals = dict.fromkeys(keys, 0)
        totals["completed"] = [0] * len(modules)
        for agency in self.agencies:
            found = self.by_agency.get(agency["pk"], {})
            activity = self.activity.get(agency["pk"], {})
            row = {
                "registered": found.get("registered", 0),
                "started": activity.get("started", 0),
                "attended": activity.get("attended", 0),
                "no_shows": activity.get("no_shows", 0),
                "refreshers_overdue": found.get("overdue", 0),
                "completed": [
                    activity.get(f"completed_{module['id']}", 0) for module in modules
                ],
            }
            row.update(
                agency_id=agency["pk"],
                agency_name=agency["name"],
                headcount=agency["frontline_headcount"],
                workforce_percent=percent_of(
                    row["registered"], agency["frontline_headcount"]
                ),
            )
            rows.append(row)
            for key in keys:
                totals[key] += row[key]
            totals["completed"] = [
                a + b
                for a, b in zip(totals["completed"], row["completed"], strict=True)
            ]
        return {"modules": modules, "rows": rows, "totals": totals}

    def matrix(self) -> dict:
        rows = []
        for recommendation in self.recommendations:
            mapped = bool(_mapped_learning(recommendation))
            cells = []
            for agency in self.agencies:
                found = self.by_agency.get(agency["pk"], {})
                evidencing = (
                    found.get("evidence", {}).get(recommendation.pk, 0) if mapped else 0
                )
                cells.append(_cell(evidencing, found.get("registered", 0)))
            rows.append(
                {
                    "id": recommendation.pk,
                    "number": recommendation.number,
                    "text": recommendation.text,
                    "review_title": recommendation.review.title,
                    "rule": recommendation.evidence_rule,
                    "mapped": mapped,
                    "cells": cells,
                    "total": _cell(
                        sum(cell["evidencing"] for cell in cells),
                        sum(cell["total"] for cell in cells),
                    ),
                }
            )
        return {
            "agencies": [{"id": a["pk"], "name": a["name"]} for a in self.agencies],
            "rows": rows,
        }


def headline_figures(
    *, scope: ReportScope, filters: ReportFilters, on: date | None = None
) -> dict[str, int]:
    """The dashboard's headline numbers.

    ``modules_completed`` counts completions and ``sessions_attended`` counts
    attendances in the period; certificates count each holder's newest
    unrevoked certificate for each piece of learning, ``certificates_current``
    including those ``certificates_expiring`` within 60 days.
    """
    return _Report(scope=scope, filters=filters, on=on).headline()


def agency_table(
    *, scope: ReportScope, filters: ReportFilters, on: date | None = None
) -> dict:
    """Per agency: people counted once each, in their own agency.

    Returns ``{"modules": [{id, title}], "rows": [...], "totals": {...}}``; each
    row has ``agency_id``, ``agency_name``, ``registered``, ``headcount``,
    ``workforce_percent`` (None without a headcount), ``started``, ``completed``
    (a list of counts in the order of ``modules``), ``attended``, ``no_shows``
    and ``refreshers_overdue``.
    """
    return _Report(scope=scope, filters=filters, on=on).table()


def _cell(evidencing: int, total: int) -> dict:
    percent = percent_of(evidencing, total)
    return {
        "evidencing": evidencing,
        "total": total,
        "percent": percent,
        "band": band_for(percent),
    }


def evidence_matrix(
    *, scope: ReportScope, filters: ReportFilters, on: date | None = None
) -> dict:
    """The recommendation x agency matrix, as it stands on ``on`` (today).

    A fixed number of queries whatever the number of people or recommendations.
    Returns ``{"agencies": [{id, name}], "rows": [...]}``; each row has the
    recommendation's ``id``, ``number``, ``text``, ``review_title``, ``rule``,
    ``mapped`` (False when nothing is mapped), ``cells`` (one per agency, in
    order) and ``total`` (all agencies in view). A cell has ``evidencing``,
    ``total`` (staff counted), ``percent`` (rounded down, None without staff)
    and ``band`` (see ``band_for``).
    """
    report = _Report(scope=scope, filters=filters, on=on)
    report.with_evidence = True
    return report.matrix()


def _cache_key(name: str, scope: ReportScope, filters: ReportFilters, on: date) -> str:
    payload = json.dumps(
        {
            "agencies": list(scope.agency_ids),
            "filters": asdict(filters),
            "on": on.isoformat(),
        },
        sort_keys=True,
        default=str,
    )
    digest = hashlib.sha256(payload.encode()).hexdigest()
    return f"reports:{name}:v2:{digest}"


def dashboard_figures(
    *, scope: ReportScope, filters: ReportFilters, on: date | None = None
) -> dict:
    """Headline figures, agency table and matrix, never more than five minutes old.

    ``computed_at`` is when the oldest figure used was worked out (the oldest
    summary row, or now). The figures are cached until that is five minutes ago,
    under a key holding the scope's agency ids and every filter value, so one
    scope's figures are never served to another.
    """
    on = on or timezone.localdate()
    key = _cache_key("dashboard", scope, filters, on)
    figures = cache.get(key)
    if figures is None:
        report = _Report(scope=scope, filters=filters, on=on)
        report.with_evidence = True
        figures = {
            "headline": report.headline(),
            "agencies": report.table(),
            "matrix": report.matrix(),
            "computed_at": report.as_of,
        }
        age = (timezone.now() - report.as_of).total_seconds()
        if age < CACHE_SECONDS:
            cache.set(key, figures, max(1, int(CACHE_SECONDS - age)))
    return figures


# ------------------------------------------------------------------ drill-downs


def people_for(
    *,
    scope: ReportScope,
    filters: ReportFilters,
    metric: str,
    agency_id=None,
    recommendation_id=None,
    module_id=None,
    on: date | None = None,
) -> QuerySet[Profile]:
    """The people behind a figure, one profile per person, in name order.

    Ready to paginate (or iterate for an export). ``agency_id`` narrows to one
    agency in scope (outside the scope: nobody); ``recommendation_id`` is needed
    for the evidence metrics; ``module_id`` names the module for ``completed``
    (any module without it).
    """
    on = on or timezone.localdate()
    people = people_in_view(scope=scope, filters=filters, agency_id=agency_id)
    if metric == Metric.REGISTERED:
        condition = Q()
    elif metric == Metric.ACTIVE:
        condition = _active(filters)
    elif metric == Metric.STARTED:
        condition = Q(_started(filters))
    elif metric == Metric.COMPLETED:
        condition = Q(_completed(filters, module_id=module_id))
    elif metric == Metric.ATTENDED:
        condition = Q(Exists(_bookings(filters, ATTENDED)))
    elif metric == Metric.NO_SHOW:
        condition = Q(Exists(_bookings(filters, NO_SHOW)))
    elif metric == Metric.REFRESHER_OVERDUE:
        condition = Q(_holds_latest(filters, _expired_q(on)))
    elif metric == Metric.CERTIFICATE_CURRENT:
        condition = Q(_holds_latest(filters, _current_q(on)))
    elif metric == Metric.CERTIFICATE_EXPIRING:
        condition = Q(_holds_latest(filters, _expiring_q(on)))
    elif metric == Metric.LICENSED:
        condition = Q(_licensed(on))
    elif metric in (Metric.EVIDENCING, Metric.NOT_EVIDENCING):
        recommendation = (
            recommendations_for_matrix().filter(pk=recommendation_id).first()
            if recommendation_id
            else None
        )
        if recommendation is None:
            return people.none()
        evidence = evidence_condition(recommendation, on)
        if evidence is None:
            condition = Q(pk__in=[]) if metric == Metric.EVIDENCING else Q()
        else:
            condition = evidence if metric == Metric.EVIDENCING else ~evidence
    else:
        raise ValueError(UNKNOWN_METRIC)
    return (
        people.filter(condition)
        .select_related("user", "agency")
        .order_by("user__name", "user__email", "pk")
    )


def person_in_scope(*, scope: ReportScope, user_id) -> Profile | None:
    """The person's profile if their current agency is in scope, else None."""
    return (
        Profile.objects.filter(user_id=user_id, agency_id__in=scope.agency_ids)
        .select_related("user", "agency")
        .first()
    )


def modules_for_person(*, user) -> QuerySet[ModuleProgress]:
    return (
        ModuleProgress.objects.filter(user=user)
        .select_related("module")
        .order_by("-last_activity_at", "pk")
    )
