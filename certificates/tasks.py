"""Background work for certificates, through Django's tasks API.

With the default (immediate) backend these run inline after the transaction commits;
in production a worker process runs them.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from learning.core.jobs import export_tempfile, job_fail, job_finish, job_start
from learning.core.selectors import partnership_settings
from learning.core.tasks import retried_task, send_once

from .exports import certificates_zip_build
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
    """Zip an agency's certificate PDFs on disk, reporting progress on the job."""
    job = job_start(job_id=job_id)
    if job is None:
        return
    try:
        with export_tempfile() as into:
            name = certificates_zip_build(job=job, into=into)
            job_finish(job=job, file=into, name=name)
    except Exception as exc:
        job_fail(job=job, error=exc)
        raise
