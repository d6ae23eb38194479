"""Replace Wagtail's welcome page with the home page, accessibility statement and
privacy notice, and point the partnership settings' footer links at them.

Page bodies are written as raw StreamField data so that later block changes do
not affect this migration.
"""

import json
import uuid

from django.db import migrations
from django.utils import timezone


def _para(html):
    return {"type": "paragraph", "value": html, "id": str(uuid.uuid4())}


def _heading(text):
    return {
        "type": "heading",
        "value": {"text": text, "level": "h2"},
        "id": str(uuid.uuid4()),
    }


HOME_INTRO = (
    "Case-based learning for everyone who works with children, young people and their "
    "families, built on what our partnership learned from a case of chronic neglect."
)

HOME_BODY = [
    _heading("What you can do here"),
    _para(
        "<ul>"
        "<li>Work through a fictional family's case as it unfolds, making the decisions "
        "a practitioner would make and seeing what they meant for the child.</li>"
        "<li>Practise grading care with the structure of the Graded Care Profile 2 "
        "(GCP2), and compare your grades with an experienced practitioner's.</li>"
        "<li>Learn to recognise disguised compliance, and how to use the Professional "
        "Challenge and Resolution process instead of re-referring.</li>"
        "<li>Book face-to-face training, and keep certificates that show which of the "
        "review's recommendations your learning evidences.</li>"
        "</ul>"
    ),
    _heading("Who it is for"),
    _para(
        "<p>Social workers, GPs and practice staff, school staff and school nurses, "
        "health visitors, hospital staff, police officers, early help workers and "
        "adult services staff whose service users are parents or carers. Sign up with "
        "your work email address to keep a record of your learning.</p>"
    ),
    {
        "type": "warning_text",
        "value": (
            "This site is for learning. If you are worried about a child now, follow "
            "your agency's safeguarding procedures. If a child is in immediate danger, "
            "call 999."
        ),
        "id": str(uuid.uuid4()),
    },
]

ACCESSIBILITY_INTRO = (
    "This statement explains how accessible this learning site is, what to do if you "
    "have difficulty using it, and how to report a problem."
)

ACCESSIBILITY_BODY = [
    _heading("Using this website"),
    _para(
        "<p>The partnership runs this website and wants as many people as possible to "
        "be able to use it. You should be able to:</p>"
        "<ul>"
        "<li>zoom in up to 400% without the text spilling off the screen</li>"
        "<li>complete every module, quiz and booking using just a keyboard</li>"
        "<li>use every page with the most common screen readers</li>"
        "<li>use every page with JavaScript switched off</li>"
        "</ul>"
    ),
    _heading("How accessible this website is"),
    _para(
        "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 "
        "at level AA. Pages are built with the GOV.UK Frontend design system, and our "
        "automated tests check pages with accessibility tooling and walk the main "
        "journeys with a keyboard.</p>"
        "<p>The content management area used by trainers is provided by Wagtail, "
        "whose own accessibility is reviewed by its maintainers. Tell us if anything "
        "there stops you from doing your job.</p>"
    ),
    _heading("Reporting accessibility problems"),
    _para(
        "<p>If you find a problem that is not listed on this page, or you need "
        "information in a different format, contact the partnership's learning and "
        "development team. Tell us the web address of the page and what went "
        "wrong. We aim to reply within 10 working days.</p>"
    ),
    _heading("Enforcement procedure"),
    _para(
        "<p>The Equality and Human Rights Commission (EHRC) is responsible for "
        "enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
        "Accessibility Regulations 2018. If you are not happy with how we respond to "
        "your complaint, contact the Equality Advisory and Support Service "
        "(EASS).</p>"
    ),
]

PRIVACY_INTRO = (
    "This notice explains what personal information this learning site holds about "
    "you, why, who can see it and how long it is kept."
)

PRIVACY_BODY = [
    _heading("What we hold"),
    _para(
        "<ul>"
        "<li>Your name, work email address, agency, job title and team.</li>"
        "<li>Your line manager's name and email address, if you give them.</li>"
        "<li>Your learning record: modules started and completed, your answers, "
        "quiz results, training bookings and attendance, and certificates.</li>"
        "<li>Reflections you write in modules. These are private to you.</li>"
        "</ul>"
        "<p>Cases in modules are fictional. Do not write anything about real children "
        "or families in reflections or answers.</p>"
    ),
    _heading("Why we hold it"),
    _para(
        "<p>Safeguarding partners must make sure practitioners are trained and that "
        "learning from reviews is shared and has an effect. We use your information to "
        "give you access to learning, to issue certificates and to report to the "
        "partnership how far learning has reached each agency. The lawful basis is "
        "the partnership's public task.</p>"
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
        "<p>Reports to the partnership board show numbers, not names, and numbers "
        "below 5 are not shown.</p>"
    ),
    _heading("How long we keep it"),
    _para(
        "<p>We keep your account while you use it. Accounts that have not been used "
        "for several years are removed. To get a copy of your information, correct it "
        "or ask for it to be deleted, contact the partnership. You can correct your "
        "name and work details yourself on your profile page.</p>"
    ),
]


def _write_body(schema_editor, table, page_id, body):
    # Historical StreamFields carry no block definitions (see core.fields), so the
    # raw JSON is written directly.
    cast = "::jsonb" if schema_editor.connection.vendor == "postgresql" else ""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET body = %s{cast} WHERE page_ptr_id = %s",  # noqa: S608
            [json.dumps(body), page_id],
        )


def create_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("core.HomePage")
    StandardPage = apps.get_model("core.StandardPage")
    PartnershipSettings = apps.get_model("core.PartnershipSettings")

    if HomePage.objects.exists():
        return
    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, depth=2, slug="home").delete()
    root = Page.objects.get(depth=1)
    locale = Locale.objects.order_by("pk").first()
    now = timezone.now()
    common = {
        "locale": locale,
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": now,
        "last_published_at": now,
    }
    home = HomePage.objects.create(
        title="Learning from a case of chronic neglect",
        draft_title="Learning from a case of chronic neglect",
        slug="home",
        content_type=ContentType.objects.get_for_model(HomePage),
        path=f"{root.path}0001",
        depth=2,
        numchild=2,
        url_path="/home/",
        intro=HOME_INTRO,
        **common,
    )
    _write_body(schema_editor, "core_homepage", home.pk, HOME_BODY)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    standard_type = ContentType.objects.get_for_model(StandardPage)
    pages = {}
    for position, (slug, title, intro, body) in enumerate(
        [
            ("accessibility", "Accessibility statement", ACCESSIBILITY_INTRO, ACCESSIBILITY_BODY),
            ("privacy", "Privacy notice", PRIVACY_INTRO, PRIVACY_BODY),
        ],
        start=1,
    ):
        pages[slug] = StandardPage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=standard_type,
            path=f"{home.path}{position:04d}",
            depth=3,
            numchild=0,
            url_path=f"/home/{slug}/",
            intro=intro,
            last_reviewed=now.date(),
            **common,
        )
        _write_body(schema_editor, "core_standardpage", pages[slug].pk, body)
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True
    )
    PartnershipSettings.objects.create(
        site=site,
        name="Dudley Safeguarding People Partnership",
        short_name="DSPP",
        accessibility_page=pages["accessibility"],
        privacy_page=pages["privacy"],
    )


def remove_pages(apps, schema_editor):
    apps.get_model("core.PartnershipSettings").objects.all().delete()
    apps.get_model("core.HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_pages, remove_pages)]
