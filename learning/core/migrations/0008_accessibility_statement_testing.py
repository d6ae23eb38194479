"""Rewrite the accessibility statement: the WCAG 2.2 AA target, how the site was
tested (and what was not), known problems, contact and enforcement (EHRC and ECNI).

Only a statement nobody has edited is changed (no revisions and the headings written
by 0002), so an editor's own wording is never overwritten. The reverse restores the
original text if the statement still holds this migration's text.
"""

import uuid
from importlib import import_module

from django.db import migrations
from django.utils import timezone

original = import_module("learning.core.migrations.0002_create_site_pages")
privacy = import_module("learning.core.migrations.0007_privacy_notice_rights")

PREPARED_ON = "26 November 2026"


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


ACCESSIBILITY_INTRO = (
    "This statement explains how accessible this learning site is, how we have "
    "tested it, the problems we know about, and what to do if you have difficulty "
    "using it."
)

ACCESSIBILITY_BODY = [
    _heading("Using this website"),
    _para(
        "<p>The safeguarding partnership runs this website and wants as many people "
        "as possible to be able to use it. For example, you should be able to:</p>"
        "<ul>"
        "<li>work through every module, quiz, booking and check-in using only a "
        "keyboard</li>"
        "<li>change colours, contrast levels and fonts using your browser or "
        "device settings</li>"
        "<li>zoom in without the text spilling off the screen</li>"
        "<li>use every page with JavaScript switched off</li>"
        "<li>read the figures behind every chart in a table beside it</li>"
        "</ul>"
        "<p>We have also made the text as simple as we can.</p>"
    ),
    _heading("How accessible this website is"),
    _para(
        "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) version "
        "2.2 at level AA. We believe the pages of the learning site meet it, but we "
        "have not yet tested them by hand with assistive technology, so this website "
        "is partially compliant until we have. The parts we know may not be fully "
        "accessible are listed below.</p>"
    ),
    _heading("How we tested this website"),
    _para(
        "<p>The team that builds the site tests it every time it changes:</p>"
        "<ul>"
        "<li>automated checks with axe-core, using its WCAG 2.0, 2.1 and 2.2 level A "
        "and AA rules, on every page of the learning site, including the pages for "
        "learners, trainers' registers and check-in boards, team managers' briefing "
        "records and leads' reports, each seen as the person who uses it and "
        "including pages showing errors in forms</li>"
        "<li>checks that every page has one main heading, a link to skip to the main "
        "content, its language set to English and regions with distinct names</li>"
        "<li>keyboard-only journeys, with no mouse, through a module, a quiz and "
        "checking in to a training session, checking that you can always see where "
        "you are on the page and that you are taken to the list of errors when a "
        "form needs correcting</li>"
        "<li>automated checks that certificates and learning records are tagged PDF "
        "files, with headings, a language and a title</li>"
        "</ul>"
        "<p>Automated checks find only some accessibility problems. We have not yet "
        "tested the site by hand with screen readers (such as NVDA, JAWS or "
        "VoiceOver), with speech recognition software, or at high zoom levels on "
        "small screens, and disabled people have not yet tested it for us. We plan "
        "to do this before the site is widely used, and will update this statement "
        "when we have.</p>"
    ),
    _heading("Content that may not be accessible"),
    _para(
        "<p>We know about these problems:</p>"
        "<ul>"
        "<li>The content management area that trainers and partnership staff use to "
        "write modules and schedule training is provided by Wagtail, an open source "
        "product. It is outside the scope of our own testing. Wagtail's developers "
        "work on its accessibility, but we cannot yet say how well it meets WCAG "
        "2.2. Tell us if anything there stops you from doing your job.</li>"
        "<li>Certificates and learning records are PDF files made to be tagged for "
        "assistive technology, but we have not yet checked them with a screen "
        "reader. The same information is on your My learning page.</li>"
        "<li>Documents that trainers upload, such as practice aids, are not checked "
        "automatically and may not be accessible. If you need one in another "
        "format, ask us.</li>"
        "</ul>"
    ),
    _heading("What to do if you cannot use part of this website"),
    _para(
        "<p>If you need information on this website in a different format, such as "
        "an accessible PDF, large print or plain text, or you find a problem that is "
        "not listed on this page, contact the partnership's learning and development "
        "team using the Contact link at the foot of every page. Tell us the web "
        "address of the page, what you were trying to do and what went wrong. We aim "
        "to reply within 10 working days.</p>"
    ),
    _heading("Enforcement procedure"),
    _para(
        "<p>The Equality and Human Rights Commission (EHRC) is responsible for "
        "enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
        "Accessibility Regulations 2018 (the accessibility regulations). If you are "
        "not happy with how we respond to your complaint, contact the "
        '<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and '
        "Support Service (EASS)</a>.</p>"
        "<p>If you are in Northern Ireland and are not happy with how we respond to "
        "your complaint, contact the "
        '<a href="https://www.equalityni.org/Home">Equality Commission for Northern '
        "Ireland (ECNI)</a>.</p>"
    ),
    _heading("Preparation of this statement"),
    _para(
        f"<p>This statement was prepared on {PREPARED_ON}. The website was last "
        f"tested on {PREPARED_ON} by the team that builds it, using the automated "
        "checks and keyboard journeys described above.</p>"
    ),
]


def _statements(apps):
    StandardPage = apps.get_model("core.StandardPage")
    Revision = apps.get_model("wagtailcore.Revision")
    for page in StandardPage.objects.filter(slug="accessibility"):
        if Revision.objects.filter(
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
            object_id=str(page.pk),
        ).exists():
            continue
        yield page


def _replace(apps, schema_editor, *, expected, body, intro):
    StandardPage = apps.get_model("core.StandardPage")
    for page in _statements(apps):
        current = privacy._read_body(schema_editor, page.pk)
        if privacy._headings(current) != privacy._headings(expected):
            continue
        original._write_body(schema_editor, "core_standardpage", page.pk, body)
        StandardPage.objects.filter(pk=page.pk).update(
            intro=intro, last_reviewed=timezone.now().date()
        )


def update_statement(apps, schema_editor):
    _replace(
        apps,
        schema_editor,
        expected=original.ACCESSIBILITY_BODY,
        body=ACCESSIBILITY_BODY,
        intro=ACCESSIBILITY_INTRO,
    )


def restore_statement(apps, schema_editor):
    _replace(
        apps,
        schema_editor,
        expected=ACCESSIBILITY_BODY,
        body=original.ACCESSIBILITY_BODY,
        intro=original.ACCESSIBILITY_INTRO,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_privacy_notice_rights"),
    ]

    operations = [migrations.RunPython(update_statement, restore_statement)]
