"""The per-person report summary: certificate, licence and evidence figures.

The dashboard's certificate, licence and evidence figures do not depend on the
date range, but working them out from every certificate on each request is slow
on a large partnership (each holder's newest certificate for each piece of
learning, and every recommendation's rule). ``summary_refresh`` works them out
once per person into ``ReportSummary`` / ``ReportEvidence``; the dashboard then
adds them up per agency.

Freshness rules (see ``fresh_q``):

- a row is used only if it was worked out less than ``SUMMARY_MAX_AGE`` (five
  minutes) ago, for the day asked about; any other person in view (no row, an
  old row, or one marked stale because their certificates or licences changed)
  is worked out afresh inside the request from their own certificates, with the
  same rules, so figures are never more than five minutes old;
- cached dashboard figures expire when their oldest summary row turns five
  minutes old (``learning.reports.selectors.dashboard_figures``);
- rows hold no agency: people are always counted in the agency on their profile
  today, and a lead's figures only ever read the rows of people in their scope.

Production refreshes every row with ``python manage.py refresh_report_summary``
from cron every two minutes (or enqueues ``summary_tasks.refresh_report_summary``
for the tasks worker); a missed run makes the dashboard slower, never wrong.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from certificates.models import Certificate
from certificates.selectors import (
    EXPIRY_WARNING_DAYS,
    Evidence,
    _mapped_learning,
    evidence_status,
)
from learning.accounts.models import Profile
from learning.licences.models import Licence, LicenceKind

from .models import ReportEvidence, ReportSummary

SUMMARY_MAX_AGE = timedelta(minutes=5)
WRITE_BATCH = 2000

_SUMMARY_FIELDS = [
    "computed_at",
    "computed_for",
    "certificates_current",
    "certificates_expiring",
    "certificates_expired",
    "licensed",
]


@dataclass
class PersonFigures:
    """One person's figures on a day (what a ``ReportSummary`` row holds)."""

    agency_id: int | None = None
    certificates_current: int = 0
    certificates_expiring: int = 0
    certificates_expired: int = 0
    licensed: bool = False
    evidence: set = field(default_factory=set)


# ------------------------------------------------------------------ freshness


def fresh_q(*, on: date, now: datetime, prefix: str = "user__report_summary__") -> Q:
    """Profiles (at ``prefix``) whose summary row may be used for ``on`` at ``now``.

    A row is worked out for the day its ``computed_at`` falls on, so one range on
    ``computed_at`` says both "less than five minutes old" and "for the day
    ``on``" (a single column to test per row keeps the dashboard's aggregate fast).
    """
    zone = timezone.get_current_timezone()
    midnight = datetime.combine(on, time.min, tzinfo=zone)
    next_midnight = datetime.combine(on + timedelta(days=1), time.min, tzinfo=zone)
    return Q(
        **{
            f"{prefix}computed_at__gt": max(now - SUMMARY_MAX_AGE, midnight),
            f"{prefix}computed_at__lt": next_midnight,
        }
    )


# -------------------------------------------------------- working the figures out


CERTIFICATE_COLUMNS = (
    "pk",
    "holder_id",
    "module_id",
    "course_id",
    "briefing_id",
    "completed_on",
    "expires_on",
)
LICENCE_COLUMNS = ("pk", "holder_id", "granted_on", "created_at", "refresher_due")


def certificate_rows(holders, *, items: Q | None = None) -> QuerySet:
    """Unrevoked certificates of ``holders`` (user ids or a subquery), with the
    agency on each holder's profile today, as tuples for ``figures_from_rows``."""
    queryset = Certificate.objects.filter(
        revoked_at__isnull=True, holder_id__in=holders
    )
    if items is not None:
        queryset = queryset.filter(items)
    return queryset.order_by().values_list(
        *CERTIFICATE_COLUMNS, "holder__profile__agency_id"
    )


def licence_rows(holders) -> QuerySet:
    """GCP2 licences of ``holders`` (as ``certificate_rows``), newest last per
    holder, revoked ones included (a revoked newest licence is no licence)."""
    return (
        Licence.objects.filter(kind=LicenceKind.GCP2, holder_id__in=holders)
        .order_by("holder_id", "granted_on", "created_at", "pk")
        .values_list(*LICENCE_COLUMNS, "revoked_at", "holder__profile__agency_id")
    )


def _item_key(pk, module_id, course_id, briefing_id):
    if module_id:
        return ("module", module_id)
    if course_id:
        return ("course", course_id)
    if briefing_id:
        return ("briefing", briefing_id)
    return ("certificate", pk)  # learning since deleted: on its own


def figures_from_rows(
    *,
    certificates,
    licences=(),
    on: date,
    recommendations=None,
    count_certificates: bool = True,
) -> dict[int, PersonFigures]:
    """Each holder's figures from ``certificate_rows`` and ``licence_rows``.

    The same rules as the live selectors and ``learning_record``: a renewed
    certificate replaces the one before it (newest ``completed_on``, then id, per
    piece of learning); current means not expired on ``on``, expiring within
    ``EXPIRY_WARNING_DAYS``; a recommendation is evidenced when
    ``evidence_status`` says "met" for the learning held by a current certificate;
    licensed means the newest GCP2 licence is current on ``on``.
    ``recommendations`` need the prefetches of ``recommendations_for_matrix``
    (None: no evidence is worked out).
    """
    people: dict[int, PersonFigures] = {}
    latest: dict[tuple, tuple] = {}
    held: dict[int, set] = defaultdict(set)
    for row in certificates:
        pk, holder_id, module_id, course_id, briefing_id, completed_on, expires = row[
            :7
        ]
        person = people.get(holder_id)
        if person is None:
            person = people[holder_id] = PersonFigures(agency_id=row[7])
        key = _item_key(pk, module_id, course_id, briefing_id)
        if expires is None or expires >= on:
            for kind, item_id in (
                ("module", module_id),
                ("course", course_id),
                ("briefing", briefing_id),
            ):
                if item_id:
                    held[holder_id].add((kind, item_id))
        order = (completed_on, pk)
        found = latest.get((holder_id, key))
        if found is None or order > found[0]:
            latest[(holder_id, key)] = (order, expires)
    if count_certificates:
        warn_until = on + timedelta(days=EXPIRY_WARNING_DAYS)
        for (holder_id, _key), (_order, expires) in latest.items():
            person = people[holder_id]
            if expires is None or expires >= on:
                person.certificates_current += 1
                if expires is not None and expires <= warn_until:
                    person.certificates_expiring += 1
            else:
                person.certificates_expired += 1
    newest_licence = {}
    for row in licences:  # ordered oldest to newest within each holder
        newest_licence[row[1]] = row
    for holder_id, row in newest_licence.items():
        refresher_due, revoked_at, agency_id = row[4], row[5], row[6]
        person = people.get(holder_id)
        if person is None:
            person = people[holder_id] = PersonFigures(agency_id=agency_id)
        person.licensed = revoked_at is None and (
            refresher_due is None or refresher_due >= on
        )
    if recommendations is not None:
        rules = [
            (r.pk, r.evidence_rule, set(_mapped_learning(r))) for r in recommendations
        ]
        for holder_id, items in held.items():
            people[holder_id].evidence = {
                pk
                for pk, rule, mapped in rules
                if evidence_status(rule=rule, mapped=mapped, held=items) == Evidence.MET
            }
    return people


# ------------------------------------------------------------------ refreshing


def summary_refresh(
    *, people: QuerySet[Profile] | None = None, only_stale: bool = False
) -> int:
    """Work out and store the summary of ``people`` (everyone with a profile).

    ``only_stale`` leaves rows that are still fresh alone. Returns the number of
    people refreshed. Safe to run at the same time as itself and as requests.
    """
    from .selectors import recommendations_for_matrix

    now = timezone.now()
    on = timezone.localdate(now)  # ``fresh_q`` relies on this
    people = Profile.objects.all() if people is None else people
    if only_stale:
        people = people.exclude(fresh_q(on=on, now=now))
    user_ids = list(people.order_by("user_id").values_list("user_id", flat=True))
    if not user_ids:
        return 0
    recommendations = list(recommendations_for_matrix())
    figures = {}
    for start in range(0, len(user_ids), 5000):
        chunk = user_ids[start : start + 5000]
        figures.update(
            figures_from_rows(
                certificates=certificate_rows(chunk),
                licences=licence_rows(chunk),
                on=on,
                recommendations=recommendations,
            )
        )
    nobody = PersonFigures()
    summaries, wanted = [], set()
    for user_id in user_ids:
        person = figures.get(user_id, nobody)
        summaries.append(
            ReportSummary(
                user_id=user_id,
                computed_at=now,
                computed_for=on,
                certificates_current=person.certificates_current,
                certificates_expiring=person.certificates_expiring,
                certificates_expired=person.certificates_expired,
                licensed=person.licensed,
            )
        )
        wanted.update((user_id, pk) for pk in person.evidence)
    with transaction.atomic():
        ReportSummary.objects.bulk_create(
            summaries,
            batch_size=WRITE_BATCH,
            update_conflicts=True,
            unique_fields=["user"],
            update_fields=_SUMMARY_FIELDS,
        )
        # Only the evidence that changed is written, so that a refresh every
        # few minutes leaves the table (and its dead rows) small.
        held = {}
        for start in range(0, len(user_ids), 5000):
            held.update(
                {
                    (summary_id, recommendation_id): pk
                    for pk, summary_id, recommendation_id in ReportEvidence.objects.filter(
                        summary_id__in=user_ids[start : start + 5000]
                    ).values_list("pk", "summary_id", "recommendation_id")
                }
            )
        gone = sorted(pk for key, pk in held.items() if key not in wanted)
        for start in range(0, len(gone), 5000):
            ReportEvidence.objects.filter(pk__in=gone[start : start + 5000]).delete()
        ReportEvidence.objects.bulk_create(
            [
                ReportEvidence(summary_id=user_id, recommendation_id=pk)
                for user_id, pk in sorted(wanted - held.keys())
            ],
            batch_size=WRITE_BATCH,
            ignore_conflicts=True,
        )
    return len(user_ids)


def summary_mark_stale(*, user_id) -> None:
    """Make sure the person's figures are worked out afresh at the next request."""
    if user_id is not None:
        ReportSummary.objects.filter(user_id=user_id, computed_at__isnull=False).update(
            computed_at=None
        )


def _holder_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    summary_mark_stale(user_id=instance.holder_id)


for _model in (Certificate, Licence):
    post_save.connect(
        _holder_changed, sender=_model, dispatch_uid=f"report_summary_{_model.__name__}"
    )
    post_delete.connect(
        _holder_changed,
        sender=_model,
        dispatch_uid=f"report_summary_delete_{_model.__name__}",
    )
