"""Demo data for this app, called by `load_demo` after agencies, people and training.

The demo GCP2 course's past session has its register kept by ``demo_training_load``,
which grants licences through ``licence_grant_for_booking``. This adds the practitioner
resources (one public page, one GCP2-only page and one GCP2-only PDF) and makes sure
the demo learner account is not licensed, so that both sides of the check can be tried.
All text here is original and fictional; none of it is GCP2 material.
"""

from django.core.files.base import ContentFile
from django.db import transaction

from .models import Licence, LicenceKind, ResourceIndexPage, ResourcePage

UNLICENSED_DEMO_LEARNER = "learner@example.org"
INDEX_SLUG = "practitioner-resources"
DOCUMENT_TITLE = "GCP2 visit planning sheet (local practice aid)"


def _para(html):
    return {"type": "paragraph", "value": html}


def _heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


PUBLIC_PAGE = {
    "slug": "about-gcp2-training",
    "title": "GCP2 in this partnership: what it is and how to get trained",
    "intro": (
        "Graded Care Profile 2 is the partnership's agreed tool for assessing the "
        "quality of care a child receives where neglect is suspected or known."
    ),
    "body": [
        _para(
            "<p>GCP2 is published by the NSPCC and licensed to the partnership. It "
            "looks at the care a child actually experiences across four areas: "
            "physical care, safety, love and care, and esteem. Each area is graded "
            "from 1 (the child's needs are met) to 5 (they are not met).</p>"
        ),
        _heading("Who can use it"),
        _para(
            "<p>Only practitioners who have attended the partnership's one-day GCP2 "
            "practitioner course may use the tool with families. Attending the course "
            "records a licence on your learning record, and opens the practitioner "
            "resources on this site while your licence is current.</p>"
        ),
        _heading("Keeping your licence current"),
        _para(
            "<p>Your licence shows when a refresher is due. If the date passes, the "
            "licence lapses and the practitioner resources close until you attend "
            "again. Managers can see who in their agency is licensed.</p>"
        ),
    ],
}

RESTRICTED_PAGE = {
    "slug": "gcp2-in-supervision",
    "title": "Using GCP2 in supervision: a practice note",
    "intro": (
        "How to bring a GCP2 assessment to supervision so that it shapes the plan "
        "for the child. For licensed practitioners."
    ),
    "body": [
        _para(
            "<p>This note was written by the partnership's learning team for "
            "practitioners who already use GCP2. It does not replace your training "
            "or the tool's own guidance.</p>"
        ),
        _heading("Before supervision"),
        _para(
            "<ul><li>Bring the dates of every observation, announced and "
            "unannounced, and who carried each one out.</li><li>Note where your "
            "grades changed between visits, and what you saw that changed them."
            "</li><li>Write down what the family said when you talked the findings "
            "through with them.</li></ul>"
        ),
        _heading("In supervision"),
        _para(
            "<p>Start with the child's day, not the grades. Ask what it is like to "
            "be this child at breakfast, at school and at bedtime. Then test each "
            "grade against the evidence: would a colleague who made the same "
            "observations reach the same grade?</p><p>Agree which areas need to "
            "change, what support will be offered, and by when. Set the date for "
            "repeating the assessment so that change, or the lack of it, can be "
            "shown rather than assumed.</p>"
        ),
        _heading("Avoiding drift"),
        _para(
            "<p>If a repeat assessment shows little change after support has been "
            "offered, record that plainly and discuss whether the case needs to "
            "step up. A pattern of small improvements that do not last is itself "
            "evidence.</p>"
        ),
    ],
}

PLANNING_SHEET_HTML = """
<html><head><meta charset="utf-8"><title>GCP2 visit planning sheet</title>
<style>body{font-family:sans-serif;font-size:11pt;margin:2cm}h1{font-size:18pt}
td,th{border:1px solid #333;padding:4pt;text-align:left}table{border-collapse:collapse;
width:100%}</style></head><body>
<h1>GCP2 visit planning sheet (local practice aid)</h1>
<p>For licensed practitioners only. Do not share with anyone who has not attended the
partnership's GCP2 practitioner course. This sheet is a planning aid written by the
partnership; it is not part of the GCP2 tool.</p>
<table><tr><th>Visit</th><th>Date and time</th><th>Announced?</th><th>Who visited</th>
<th>Areas you plan to observe</th></tr>
<tr><td>1</td><td></td><td></td><td></td><td></td></tr>
<tr><td>2</td><td></td><td></td><td></td><td></td></tr>
<tr><td>3</td><td></td><td></td><td></td><td></td></tr>
<tr><td>4</td><td></td><td></td><td></td><td></td></tr></table>
<p>After the last visit: when will you talk the findings through with the family, and
when will you bring them to supervision?</p>
</body></html>
"""


def _planning_sheet_pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string=PLANNING_SHEET_HTML).write_pdf()


def _resource_index(home):
    index = ResourceIndexPage.objects.filter(slug=INDEX_SLUG).first()
    if index is not None:
        return index
    index = ResourceIndexPage(
        title="Practitioner resources",
        slug=INDEX_SLUG,
        intro=(
            "Guides and practice notes for practitioners across the partnership. "
            "Some are for licensed GCP2 practitioners only."
        ),
    )
    home.add_child(instance=index)
    index.save_revision(log_action=True).publish()
    return index


def _resource_page(index, spec, *, licence_required="", document=None):
    page = ResourcePage.objects.filter(slug=spec["slug"]).first()
    if page is not None:
        return page
    page = ResourcePage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        body=spec["body"],
        licence_required=licence_required,
    )
    if document is not None:
        page.documents.add(page.documents.model(document=document))
    index.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    return page


def _planning_sheet():
    from wagtail.documents import get_document_model

    Document = get_document_model()
    document = Document.objects.filter(title=DOCUMENT_TITLE).first()
    if document is None:
        document = Document(title=DOCUMENT_TITLE, licence_required=LicenceKind.GCP2)
        document.file.save(
            "gcp2-visit-planning-sheet.pdf",
            ContentFile(_planning_sheet_pdf()),
            save=False,
        )
        document.file_size = document.file.size
        document.save()
    return document


@transaction.atomic
def demo_licences_load() -> str:
    """Load the demo data (idempotent) and return a short summary for the command."""
    from learning.core.models import HomePage

    from .selectors import licence_current_for

    home = HomePage.objects.first()
    if home is None:
        return "Licences: no home page, so no practitioner resources were loaded."
    index = _resource_index(home)
    _resource_page(index, PUBLIC_PAGE)
    _resource_page(
        index,
        RESTRICTED_PAGE,
        licence_required=LicenceKind.GCP2,
        document=_planning_sheet(),
    )
    # The demo register may have licensed the demo learner; they are meant to be the
    # one who is refused, so their demo licences go.
    Licence.objects.filter(
        holder__email=UNLICENSED_DEMO_LEARNER, kind=LicenceKind.GCP2
    ).delete()
    holders = [
        licence.holder
        for licence in Licence.objects.filter(kind=LicenceKind.GCP2)
        .select_related("holder")
        .order_by("holder__email")
        if licence_current_for(user=licence.holder, kind=LicenceKind.GCP2)
    ]
    holders = list({holder.pk: holder for holder in holders}.values())
    url = index.url or f"/{INDEX_SLUG}/"
    if not holders:
        return (
            f"Licences: no one holds a GCP2 licence (is the GCP2 course loaded?); "
            f"practitioner resources at {url}."
        )
    example = holders[0]
    return (
        f"Licences: {len(holders)} current GCP2 licence holders from the demo "
        f"register, for example {example.name} <{example.email}>; "
        f"{UNLICENSED_DEMO_LEARNER} is not licensed. Practitioner resources: {url}"
    )
