"""Data for the worker fault tests, made inside a project process of their own
(``ProjectProcesses.python``) in a database built from the models alone."""

from datetime import date


def site() -> None:
    """The locale, root page and site that the migrations would have made."""
    from wagtail.models import Locale, Page, Site

    from django_tasks_db.models import DBTaskResult

    Locale.objects.get_or_create(language_code="en-gb")
    if not Site.objects.exists():
        root = Page.add_root(title="Root", slug="root")
        Site.objects.create(hostname="localhost", root_page=root, is_default_site=True)
    # Wagtail queues search indexing for the page; the tables made from the models
    # lack the PostgreSQL search columns that its migrations add, and that work is
    # not what these tests are about.
    DBTaskResult.objects.all().delete()


def certificates_zip_job(*, certificates: int) -> int:
    """A lead's certificate ZIP job, queued, over certificates with no PDF yet (so
    that the task renders each); the job's id."""
    from certificates.models import Certificate
    from certificates.tasks import build_certificates_zip
    from learning.accounts.factories import AgencyFactory, ProfileFactory, UserFactory
    from learning.core.models import BackgroundJob

    site()
    agency = AgencyFactory(name="Children's Social Care")
    lead = UserFactory(email="lead@council.example.org", is_superuser=True)
    for number in range(certificates):
        holder = ProfileFactory(
            user__email=f"learner{number}@council.example.org", agency=agency
        ).user
        Certificate.objects.create(
            holder=holder,
            holder_name=holder.name,
            agency=agency,
            agency_name=agency.name,
            kind="session",
            source_key=f"fault-test:{number}",
            title="Recognising chronic neglect",
            completed_on=date(2026, 11, 2),
            cpd_minutes=90,
        )
    job = BackgroundJob.objects.create(
        kind="certificates_zip", params={"agency_id": agency.pk}, created_by=lead
    )
    build_certificates_zip.enqueue(job.pk)
    return job.pk
