"""Prepared exports expire: ``BackgroundJob.expires_at`` and the "expired" status.

Jobs that finished before this migration get an expiry date counted from when they
finished (``EXPORT_RETENTION_DAYS``), so that the clean-up removes them in time too.
"""

from datetime import timedelta

from django.conf import settings
from django.db import migrations, models


def set_expiry_of_finished_jobs(apps, schema_editor):
    BackgroundJob = apps.get_model("core", "BackgroundJob")
    keep_for = timedelta(days=getattr(settings, "EXPORT_RETENTION_DAYS", 7))
    for job in BackgroundJob.objects.filter(status="done", expires_at__isnull=True):
        job.expires_at = (job.finished_at or job.created_at) + keep_for
        job.save(update_fields=["expires_at"])


def mark_expired_jobs_failed(apps, schema_editor):
    # The earlier schema has no "expired" status: a job whose file is gone failed.
    BackgroundJob = apps.get_model("core", "BackgroundJob")
    BackgroundJob.objects.filter(status="expired").update(status="failed")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_accessibility_statement_testing"),
    ]

    operations = [
        migrations.AddField(
            model_name="backgroundjob",
            name="expires_at",
            field=models.DateTimeField(blank=True, db_index=True, null=True),
        ),
        migrations.AlterField(
            model_name="backgroundjob",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "Waiting to start"),
                    ("running", "In progress"),
                    ("done", "Ready"),
                    ("failed", "Failed"),
                    ("expired", "Expired"),
                ],
                default="queued",
                max_length=10,
            ),
        ),
        migrations.RunPython(set_expiry_of_finished_jobs, mark_expired_jobs_failed),
    ]
