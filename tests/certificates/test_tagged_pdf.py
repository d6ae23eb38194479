"""Certificates and learning records are tagged PDFs that assistive technology can read.

WeasyPrint writes PDF/UA-1 (``certificates.rendering.PDF_VARIANT``): the document is
marked as tagged, has a structure tree with the headings and paragraphs in reading
order, a language and a title shown in place of the file name.
"""

import io

import pytest
from pypdf import PdfReader
from pypdf.generic import BooleanObject, IndirectObject

from certificates.rendering import html_to_pdf, render_certificate_pdf

pytestmark = pytest.mark.django_db


def _catalog(data: bytes):
    return PdfReader(io.BytesIO(data)).trailer["/Root"]


def _structure_roles(node, found=None, depth=0) -> list[str]:
    """The structure element types (/H1, /P, /Figure...) under ``node``, in order."""
    found = [] if found is None else found
    if isinstance(node, IndirectObject):
        node = node.get_object()
    if depth > 40:
        return found
    if isinstance(node, list):
        for child in node:
            _structure_roles(child, found, depth + 1)
        return found
    if not hasattr(node, "get"):
        return found
    if node.get("/Type") == "/StructElem" or "/S" in node:
        found.append(str(node.get("/S")))
    kids = node.get("/K")
    if kids is not None:
        _structure_roles(kids if isinstance(kids, list) else [kids], found, depth + 1)
    return found


def assert_tagged(data: bytes) -> list[str]:
    catalog = _catalog(data)
    assert "/MarkInfo" in catalog, "the PDF is not marked as tagged"
    assert catalog["/MarkInfo"].get("/Marked") == BooleanObject(True)
    assert "/StructTreeRoot" in catalog
    assert str(catalog.get("/Lang", "")).lower().startswith("en")
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    roles = _structure_roles(catalog["/StructTreeRoot"])
    assert "/P" in roles or "/Span" in roles, roles
    return roles


def test_a_certificate_pdf_is_tagged_with_headings_and_a_language(
    learner, complete_module
):
    certificate = complete_module(learner)

    data = render_certificate_pdf(certificate)

    roles = assert_tagged(data)
    assert any(role in roles for role in ("/H1", "/H2")), roles
    # The stored copy that learners download is the same kind of file.
    assert_tagged(certificate.pdf.read())


def test_the_learning_record_pdf_is_tagged(client, learner, complete_module):
    complete_module(learner)
    client.force_login(learner)

    response = client.get("/my-learning/record.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    roles = assert_tagged(response.content)
    assert "/Table" in roles or "/L" in roles or "/H1" in roles, roles


def test_the_check_fails_for_an_untagged_pdf():
    from weasyprint import HTML

    untagged = HTML(string="<p>Not tagged</p>").write_pdf()

    with pytest.raises(AssertionError, match="not marked as tagged"):
        assert_tagged(untagged)
    assert_tagged(html_to_pdf('<html lang="en-GB"><title>T</title><p>Tagged</p>'))
