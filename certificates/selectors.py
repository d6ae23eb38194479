from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.accounts.models import Agency, Profile
from learning.core.jobs import job_agency_ids
from learning.core.models import BackgroundJob
from learning.reviews.models import EvidenceRule, Recommendation, Review

from .models import Certificate

EXPIRY_WARNING_DAYS = 60


class Evidence:
    MET = "met"
    PARTLY = "partly"
    NOT_YET = "not_yet"
    LABELS = {MET: _("Met"), PARTLY: _("Partly met"), NOT_YET: _("Not yet")}


def user_manages_all_agencies(user) -> bool:
    return user.is_authenticated and user.has_perm("accounts.view_all_agency_reports")


def managed_agency_id(user):
    """The agency an agency lead may see, or None."""
    if not user.is_authenticated or not user.has_perm(
        "accounts.view_own_agency_reports"
    ):
        return None
    return Profile.objects.filter(user=user).values_list("agency_id", flat=True).first()


JOB_OUTSIDE_SCOPE = _(
    "This file covers agencies you can no longer report on, so it cannot be downloaded."
)


class JobOutsideScope(PermissionDenied):
    """The job's creator no longer covers every agency the job was made for."""


def background_job_get_for_creator(*, pk, kind: str, user) -> BackgroundJob:
    """A background export of ``kind`` for its creator, checked as it stands now.

    The requester must still be a lead (403), the job must be theirs and of this
    kind (404, as for an unknown job), and their current scope must still cover
    every agency the job was made for (``JobOutsideScope``, a 403). Every page and
    download of a job goes through here.
    """
    if not user.is_authenticated:
        raise PermissionDenied
    manages_all = user_manages_all_agencies(user)
    own = None if manages_all else managed_agency_id(user)
    if not manages_all and own is None:
        raise PermissionDenied
    job = BackgroundJob.objects.filter(pk=pk, kind=kind, created_by=user).first()
    if job is None:
        raise Http404
    wanted = job_agency_ids(job)
    if manages_all:
        covered = bool(wanted) and Agency.objects.filter(pk__in=wanted).count() == len(
            wanted
        )
    else:
        covered = wanted == {own}
    if not covered:
        raise JobOutsideScope(JOB_OUTSIDE_SCOPE)
    return job


def certificate_get_for_download(*, code: str, user) -> Certificate:
    """The certificate, if this user is its holder or a lead over the holder's agency.

    Anyone else gets the same 404 as for a code that does not exist.
    """
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None or not user.is_authenticated:
        raise Http404
    if certificate.holder_id == user.pk or user_manages_all_agencies(user):
        return certificate
    agency_id = managed_agency_id(user)
    if agency_id is not None and certificate.agency_id == agency_id:
        return certificate
    raise Http404


def certificate_get_public(*, code: str) -> Certificate | None:
    return Certificate.objects.filter(code=code).first()


def certificates_for_holder(*, user) -> list[Certificate]:
    today = timezone.localdate()
    certificates = list(Certificate.objects.filter(holder=user).order_by("-issued_at"))
    for certificate in certificates:
        certificate.expiring_soon = (
            certificate.status == "valid"
            and certificate.expires_on is not None
            and certificate.expires_on <= today + timedelta(days=EXPIRY_WARNING_DAYS)
        )
    return certificates


def certificates_for_manager(
    *, user, agency_id=None, status=None
) -> QuerySet[Certificate]:
    """Certificates a lead may list: every agency's, or their own agency's only."""
    queryset = Certificate.objects.select_related("agency").order_by(
        "agency_name", "holder_name"
    )
    if user_manages_all_agencies(user):
        if agency_id:
            queryset = queryset.filter(agency_id=agency_id)
    else:
        own = managed_agency_id(user)
        if own is None or (agency_id and str(agency_id) != str(own)):
            return Certificate.objects.none()
        queryset = queryset.filter(agency_id=own)
    today = timezone.localdate()
    if status == "valid":
        queryset = queryset.current(today)
    elif status == "expired":
        queryset = queryset.filter(revoked_at__isnull=True, expires_on__lt=today)
    elif status == "revoked":
        queryset = queryset.filter(revoked_at__isnull=False)
    return queryset


def _mapped_learning(recommendation) -> dict[tuple, str]:
    """(kind, id) -> title for the learning that evidences a recommendation.

    Live modules and active courses always count; active seven-minute briefings
    count only where the recommendation says that a briefing is evidence.
    """
    mapped = {
        ("module", module.pk): module.title for module in recommendation.live_modules
    }
    mapped.update(
        {
            ("course", course.pk): course.title
            for course in recommendation.active_courses
        }
    )
    if recommendation.briefings_count_as_evidence:
        mapped.update(
            {
                ("briefing", briefing.pk): briefing.title
                for briefing in recommendation.active_briefings
            }
        )
    return mapped


def evidence_status(*, rule: str, mapped: set, held: set) -> str:
    if not mapped or not (mapped & held):
        return Evidence.NOT_YET
    if rule == EvidenceRule.ALL and not mapped <= held:
        return Evidence.PARTLY
    return Evidence.MET


@dataclass
class RecordRow:
    recommendation: Recommendation
    status: str
    evidence: list = field(default_factory=list)

    @property
    def status_label(self):
        return Evidence.LABELS[self.status]


def learning_record(*, user, on=None) -> dict:
    """Every certificate, and for each recommendation whether the learner evidences it."""
    from learning.briefings.models import Briefing
    from learning.events.models import Course
    from modules.models import ModulePage

    on = on or timezone.localdate()
    certificates = list(
        Certificate.objects.filter(holder=user).order_by("-completed_on")
    )
    held = set()
    for certificate in certificates:
        if certificate.status_on(on) != "valid":
            continue
        if certificate.module_id:
            held.add(("module", certificate.module_id))
        if certificate.course_id:
            held.add(("course", certificate.course_id))
        if certificate.briefing_id:
            held.add(("briefing", certificate.briefing_id))
    reviews = Review.objects.prefetch_related(
        Prefetch(
            "recommendations",
            queryset=Recommendation.objects.order_by("number").prefetch_related(
                Prefetch(
                    "modules",
                    queryset=ModulePage.objects.live()
                    .defer_streamfields()
                    .order_by("path"),
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
            ),
        )
    )
    review_rows = []
    for review in reviews:
        rows = []
        for recommendation in review.recommendations.all():
            mapped = _mapped_learning(recommendation)
            status = evidence_status(
                rule=recommendation.evidence_rule, mapped=set(mapped), held=held
            )
            rows.append(
                RecordRow(
                    recommendation=recommendation,
                    status=status,
                    evidence=[title for key, title in mapped.items() if key in held],
                )
            )
        review_rows.append({"title": review.title, "rows": rows})
    profile = Profile.objects.filter(user=user).select_related("agency").first()
    return {
        "certificates": certificates,
        "reviews": review_rows,
        "agency_name": profile.agency.name if profile else "",
    }
