"""Rewrite the privacy notice: lawful basis, retention, rights, download and delete.

Only a notice nobody has edited is changed (no revisions and the body written by
0002), so an editor's own wording is never overwritten. The reverse restores the
original text if the notice still holds this migration's text.
"""

import json
import uuid
from importlib import import_module

from django.db import migrations
from django.utils import timezone

original = import_module("learning.core.migrations.0002_create_site_pages")


def _para(html):
    return {"type": "paragraph", "value": html, "id": str(uuid.uuid4())}


def _heading(text):
    return {
        "type": "heading",
        "value": {"text": text, "level": "h2"},
        "id": str(uuid.uuid4()),
    }


def _inset(html):
    return {"type": "inset_text", "value": html, "id": str(uuid.uuid4())}


PRIVACY_INTRO = (
    "This notice explains what personal information this learning site holds about "
    "you, why, who can see it, how long it is kept and how to download or delete it."
)

PRIVACY_BODY = [
    _heading("What we hold"),
    _para(
        "<ul>"
        "<li>Your name, work email address, agency, job title and team.</li>"
        "<li>Your line manager's name and email address, if you give them.</li>"
        "<li>Your learning record: modules started and completed, your answers and "
        "confidence ratings, quiz results, training bookings and attendance, "
        "certificates, licences, briefings and your answers to follow-up "
        "questions.</li>"
        "<li>Reflections you write in modules. These are private to you.</li>"
        "<li>A log of important actions, such as sign-ins, certificate changes and "
        "downloads of your data.</li>"
        "</ul>"
        "<p>Cases in modules are fictional. Do not write anything about real children "
        "or families in reflections or answers.</p>"
    ),
    _heading("Why we hold it and our lawful basis"),
    _para(
        "<p>Safeguarding partners must make sure practitioners are trained and that "
        "learning from reviews is shared and makes a difference. We use your "
        "information to give you access to learning, to issue certificates and to "
        "report to the partnership how far learning has reached each agency.</p>"
        "<p>Our lawful basis under the UK General Data Protection Regulation is public "
        "task: the partnership's statutory safeguarding duties.</p>"
    ),
    _inset(
        "<p>[For the partnership to confirm with its data protection officer before "
        "the site goes live: the lawful basis above and the contact details "
        "below.]</p>"
    ),
    _heading("Who can see it"),
    _para(
        "<ul>"
        "<li>You can see your whole record.</li>"
        "<li>Your agency's safeguarding lead can see the learning records of staff in "
        "your agency, but not your reflections.</li>"
        "<li>Partnership leads can see learning records across all agencies, but not "
        "your reflections.</li>"
        "<li>Anyone with a certificate's code can check that it is genuine. They see "
        "your name, the learning, the dates and whether it is current.</li>"
        "</ul>"
        "<p>Reports to the partnership board show numbers, not names.</p>"
    ),
    _heading("How long we keep it"),
    _para(
        "<p>We keep your account while you use it. An account with no sign-in and no "
        "learning activity for six years (the period the partnership has set) is "
        "removed automatically. When an account is removed, the numbers in reports "
        "stay the same but no longer link to a name.</p>"
    ),
    _heading("Your rights"),
    _para(
        "<p>You have the right to:</p>"
        "<ul>"
        "<li>get a copy of the information we hold about you</li>"
        "<li>have wrong information corrected</li>"
        "<li>ask us to delete your information or limit how we use it</li>"
        "<li>object to how we use your information</li>"
        "<li>complain to the Information Commissioner's Office (ICO) at "
        '<a href="https://ico.org.uk/make-a-complaint/">ico.org.uk</a></li>'
        "</ul>"
    ),
    _heading("Download your data or delete your account"),
    _para(
        "<p>Sign in and go to "
        '<a href="/accounts/privacy/">Your data and privacy</a>, which is linked '
        "from your profile page. There you can:</p>"
        "<ul>"
        "<li>view a summary of everything we hold about you, or download it as a "
        "file</li>"
        "<li>delete your account yourself</li>"
        "</ul>"
        "<p>Deleting your account removes your name, email addresses, work details, "
        "reflections and written answers, and you can no longer sign in. Your "
        "certificates can still be checked with their codes, but show that the "
        "holder was removed instead of your name. You can correct your name and work "
        "details yourself on your profile page.</p>"
    ),
    _heading("Contact us"),
    _para(
        "<p>For questions about your information, or to use any of your rights, "
        "contact the partnership's data protection officer using the contact link at "
        "the foot of every page.</p>"
    ),
]


def _headings(body):
    return [block["value"]["text"] for block in body if block["type"] == "heading"]


def _read_body(schema_editor, page_id):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT body FROM core_standardpage WHERE page_ptr_id = %s", [page_id]
        )
        row = cursor.fetchone()
    if row is None or row[0] is None:
        return []
    value = row[0]
    return json.loads(value) if isinstance(value, str) else value


def _privacy_pages(apps):
    StandardPage = apps.get_model("core.StandardPage")
    Revision = apps.get_model("wagtailcore.Revision")
    for page in StandardPage.objects.filter(slug="privacy"):
        if Revision.objects.filter(
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
            object_id=str(page.pk),
        ).exists():
            continue
        yield page


def _replace(apps, schema_editor, *, expected, body, intro):
    StandardPage = apps.get_model("core.StandardPage")
    for page in _privacy_pages(apps):
        if _headings(_read_body(schema_editor, page.pk)) != _headings(expected):
            continue
        original._write_body(schema_editor, "core_standardpage", page.pk, body)
        StandardPage.objects.filter(pk=page.pk).update(
            intro=intro, last_reviewed=timezone.now().date()
        )


def update_notice(apps, schema_editor):
    _replace(
        apps,
        schema_editor,
        expected=original.PRIVACY_BODY,
        body=PRIVACY_BODY,
        intro=PRIVACY_INTRO,
    )


def restore_notice(apps, schema_editor):
    _replace(
        apps,
        schema_editor,
        expected=PRIVACY_BODY,
        body=original.PRIVACY_BODY,
        intro=original.PRIVACY_INTRO,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_copy_wagtail_documents"),
    ]

    operations = [migrations.RunPython(update_notice, restore_notice)]
