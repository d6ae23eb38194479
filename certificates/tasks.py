"""Background work for certificates, through Django's tasks API.

With the default (immediate) backend these run inline after the transaction commits;
in production a worker process runs them.
"""

import io
import zipfile

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

from learning.core.jobs import retried_task, send_once
from learning.core.models import BackgroundJob, JobStatus
from learning.core.selectors import partnership_settings

from .models import Certificate
from .rendering import absolute_url


@retried_task()
def render_certificate(certificate_id: int) -> None:
    """Store the certificate's PDF, unless a complete one is stored already."""
    from .services import certificate_pdf_store

    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is not None and not _pdf_is_stored(certificate):
        certificate_pdf_store(certificate=certificate)


def _pdf_is_stored(certificate) -> bool:
    if not certificate.pdf:
        return False
    storage = certificate.pdf.storage
    return (
        storage.exists(certificate.pdf.name) and storage.size(certificate.pdf.name) > 0
    )


@retried_task()
def certificate_issued_email(certificate_id: int) -> None:
    def build():
        certificate = (
            Certificate.objects.select_related("holder")
            .filter(pk=certificate_id)
            .first()
        )
        if certificate is None or certificate.holder is None:
            return None
        context = {
            "certificate": certificate,
            "partnership_name": partnership_settings().name,
            "download_url": absolute_url(certificate.get_download_url()),
            "verify_url": absolute_url(certificate.get_absolute_url()),
            "my_learning_url": absolute_url("/my-learning/"),
        }
        return EmailMessage(
            subject=render_to_string(
                "certificates/email/issued_subject.txt", context
            ).strip(),
            body=render_to_string("certificates/email/issued_message.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[certificate.holder.email],
        )

    send_once(key=f"certificate-issued:{certificate_id}", build=build)


@retried_task(for_job=True)
def build_certificates_zip(job_id: int) -> None:
    """Zip an agency's certificate PDFs, reporting progress on the job as it goes."""
    from .selectors import certificates_for_manager
    from .services import certificate_pdf_store

    job = BackgroundJob.objects.select_related("created_by").get(pk=job_id)
    job.status = JobStatus.RUNNING
    job.save(update_fields=["status"])
    try:
        from learning.accounts.privacy import REMOVED_LEARNER_NAME

        # Certificates of people who deleted their account are verified but never
        # handed out again.
        certificates = list(
            certificates_for_manager(
                user=job.created_by, agency_id=job.params.get("agency_id")
            ).exclude(holder_name=REMOVED_LEARNER_NAME)
        )
        job.total = len(certificates)
        job.save(update_fields=["total"])
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for number, certificate in enumerate(certificates, start=1):
                if not certificate.pdf or not certificate.pdf.storage.exists(
                    certificate.pdf.name
                ):
                    certificate_pdf_store(certificate=certificate)
                with certificate.pdf.open("rb") as handle:
                    archive.writestr(f"{certificate.code}.pdf", handle.read())
                if number % 10 == 0 or number == job.total:
                    BackgroundJob.objects.filter(pk=job.pk).update(progress=number)
        job.refresh_from_db()
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        job.result.save(
            f"certificates-{stamp}.zip", ContentFile(buffer.getvalue()), save=False
        )
        job.status = JobStatus.DONE
        job.progress = job.total
    except Exception as exc:
        job.status = JobStatus.FAILED
        job.error = str(exc)[:500]
        raise
    finally:
        job.finished_at = timezone.now()
        job.save()
