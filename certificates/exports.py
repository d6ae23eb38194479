"""The ZIP of an agency's certificate PDFs, written to a file as it is built.

Each PDF is copied into the archive in chunks, so memory use does not grow with the
number of certificates; the caller provides the (temporary) file and stores it.
"""

import secrets
import shutil
import zipfile
from collections.abc import Callable

from django.utils import timezone

from learning.accounts.privacy import REMOVED_LEARNER_NAME
from learning.core.models import BackgroundJob

from .models import Certificate
from .selectors import certificates_for_manager
from .services import certificate_pdf_store

ZIP_JOB_KIND = "certificates_zip"
PROGRESS_EVERY = 10
BATCH_SIZE = 200
COPY_CHUNK_BYTES = 64 * 1024


def certificates_zip_write(
    *,
    certificates,
    into,
    on_progress: Callable[[int], None] | None = None,
) -> int:
    """Write a ZIP with ``<code>.pdf`` for each certificate to the binary file
    ``into``, rendering any PDF that is missing; returns how many it holds."""
    ids = list(certificates.values_list("pk", flat=True))
    done = 0
    with zipfile.ZipFile(into, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        for start in range(0, len(ids), BATCH_SIZE):
            batch = Certificate.objects.filter(pk__in=ids[start : start + BATCH_SIZE])
            for certificate in batch.order_by("agency_name", "holder_name", "pk"):
                if not certificate.pdf or not certificate.pdf.storage.exists(
                    certificate.pdf.name
                ):
                    certificate_pdf_store(certificate=certificate)
                with (
                    certificate.pdf.open("rb") as source,
                    archive.open(f"{certificate.code}.pdf", "w") as target,
                ):
                    shutil.copyfileobj(source, target, COPY_CHUNK_BYTES)
                done += 1
                if on_progress is not None and (
                    done % PROGRESS_EVERY == 0 or done == len(ids)
                ):
                    on_progress(done)
    return done


def certificates_zip_build(*, job: BackgroundJob, into) -> str:
    """Build the ZIP a job asked for into ``into``; returns the file's name.

    The certificates are those the job's creator may list *now* for the job's
    agency; certificates of people who deleted their account are verified but
    never handed out again.
    """
    certificates = certificates_for_manager(
        user=job.created_by, agency_id=job.params.get("agency_id")
    ).exclude(holder_name=REMOVED_LEARNER_NAME)
    job.total = certificates.count()
    BackgroundJob.objects.filter(pk=job.pk).update(total=job.total)

    def on_progress(done):
        BackgroundJob.objects.filter(pk=job.pk).update(progress=done)

    job.total = certificates_zip_write(
        certificates=certificates, into=into, on_progress=on_progress
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    # A random part, so that the stored file's name cannot be guessed.
    return f"certificates-{stamp}-{secrets.token_hex(8)}.zip"
