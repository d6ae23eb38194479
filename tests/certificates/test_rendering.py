import io
import logging
import re

import pytest
from pypdf import PdfReader

from certificates.rendering import (
    LocalOnlyURLFetcher,
    RenderRefused,
    absolute_url,
    certificate_html,
    qr_data_uri,
    render_certificate_pdf,
)
from learning.reviews.models import Recommendation

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def test_the_pdf_says_who_what_which_recommendations_and_how_to_check(
    learner, complete_module
):
    certificate = complete_module(learner)
    data = certificate.pdf.read()
    text = pdf_text(data)
    assert learner.name in text
    assert certificate.title in text
    assert certificate.code in text
    assert absolute_url(certificate.get_absolute_url()) in text
    assert "Recommendations this learning evidences" in text
    for rec in certificate.recommendations:
        assert f"Recommendation {rec['number']}" in text
        assert re.sub(r"\s+", " ", rec["text"]) in text
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title.startswith(f"Certificate {certificate.code}")
    assert reader.metadata.author == "Dudley Safeguarding People Partnership"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    fonts = [
        font.get_object() for font in reader.pages[0]["/Resources"]["/Font"].values()
    ]
    descendants = [
        f["/DescendantFonts"][0].get_object() for f in fonts if "/DescendantFonts" in f
    ]
    assert descendants and all(
        any(
            key in d["/FontDescriptor"]
            for key in ("/FontFile", "/FontFile2", "/FontFile3")
        )
        for d in descendants
    )


def test_the_qr_code_encodes_the_verification_url(learner, complete_module):
    certificate = complete_module(learner)
    verify_url = absolute_url(certificate.get_absolute_url())
    assert verify_url.endswith(f"/certificates/verify/{certificate.code}/")
    html = certificate_html(certificate)
    assert (
        qr_data_uri(verify_url).replace("&", "&amp;") in html
        or qr_data_uri(verify_url) in html
    )


def test_a_hostile_name_renders_as_text_and_fetches_nothing(learner, complete_module):
    learner.name = '<img src="file:///etc/passwd"> Robert'
    learner.save()
    certificate = complete_module(learner)
    text = pdf_text(render_certificate_pdf(certificate))
    assert '<img src="file:///etc/passwd"> Robert' in text
    assert "root:" not in text


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/logo.png",
        "https://example.com/logo.png",
        "https://certificates.invalid/static/../../etc/passwd",
        "https://certificates.invalid/media/../../../etc/passwd",
    ],
)
def test_the_fetcher_refuses_anything_but_our_own_files(url):
    with pytest.raises(RenderRefused):
        LocalOnlyURLFetcher().fetch(url)


def test_the_fetcher_serves_our_static_files():
    response = LocalOnlyURLFetcher().fetch(
        "https://certificates.invalid/static/images/favicon.svg"
    )
    assert response.content_type == "image/svg+xml"
    assert b"<svg" in response.read()


def test_rendering_never_falls_back_to_slow_font_subsetting(
    learner, complete_module, caplog
):
    certificate = complete_module(learner)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_certificate_pdf(certificate)
    slow = [
        r for r in caplog.records if "fontTools instead of HarfBuzz" in r.getMessage()
    ]
    assert slow == [], (
        "Install libharfbuzz-subset0: WeasyPrint is subsetting fonts slowly."
    )
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_every_mapped_recommendation_appears(learner, complete_module):
    from modules.factories import module_create

    module = module_create(recommendations=[1, 5, 6])
    certificate = complete_module(learner, module=module)
    text = pdf_text(render_certificate_pdf(certificate))
    for rec in Recommendation.objects.filter(number__in=[1, 5, 6]):
        assert re.sub(r"\s+", " ", rec.text) in text
