"""The privacy notice says how long prepared exports are kept (issue 14).

A paragraph is added under "How long we keep it", only in a notice nobody has
edited (no revisions and the headings written by 0007), so an editor's own wording
is never overwritten. The reverse removes the paragraph again.
"""

from importlib import import_module

from django.db import migrations

notice = import_module("learning.core.migrations.0007_privacy_notice_rights")

RETENTION_HEADING = "How long we keep it"
EXPORTS_RETENTION = (
    "Files that agency and partnership leads prepare from the reports and the "
    "certificate lists, such as lists of staff or a bundle of certificates, are "
    "deleted seven days after they are prepared. If you delete your account, any "
    "of these files that may include you are deleted straight away."
)
EXPORTS_PARAGRAPH = f"<p>{EXPORTS_RETENTION}</p>"


def _retention_paragraph(body):
    """The paragraph block that follows the retention heading, or None."""
    for index, block in enumerate(body[:-1]):
        if (
            block["type"] == "heading"
            and block["value"]["text"] == RETENTION_HEADING
            and body[index + 1]["type"] == "paragraph"
        ):
            return body[index + 1]
    return None


def _change(apps, schema_editor, change):
    for page in notice._privacy_pages(apps):
        body = notice._read_body(schema_editor, page.pk)
        if notice._headings(body) != notice._headings(notice.PRIVACY_BODY):
            continue
        paragraph = _retention_paragraph(body)
        if paragraph is None:
            continue
        changed = change(paragraph["value"])
        if changed != paragraph["value"]:
            paragraph["value"] = changed
            notice.original._write_body(
                schema_editor, "core_standardpage", page.pk, body
            )


def update_notice(apps, schema_editor):
    _change(
        apps,
        schema_editor,
        lambda html: html if EXPORTS_RETENTION in html else html + EXPORTS_PARAGRAPH,
    )


def restore_notice(apps, schema_editor):
    _change(apps, schema_editor, lambda html: html.replace(EXPORTS_PARAGRAPH, ""))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_add_job_expiry"),
    ]

    operations = [migrations.RunPython(update_notice, restore_notice)]
