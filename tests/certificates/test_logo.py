"""Certificates print the partnership's logo wherever media is stored.

The PDF renderer's URL fetcher read media files from ``MEDIA_ROOT`` only, so with
media on S3-compatible storage (django-storages) the logo was silently left out. It
now reads them through the storage backend. The S3 tests run a real S3 server
(moto's, over HTTP on a free loopback port) and django-storages' ``S3Storage``
configured as production configures it, render with WeasyPrint and read the PDF.
"""

import io

from django.core.files.images import ImageFile
from django.core.files.storage import default_storage

from wagtail.images import get_image_model

import boto3
import pytest
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from pypdf import PdfReader
from storages.backends.s3 import S3Storage

from certificates.rendering import (
    LocalOnlyURLFetcher,
    RenderRefused,
    media_url,
    render_certificate_pdf,
)
from learning.core.selectors import partnership_settings

pytestmark = pytest.mark.django_db

BUCKET = "learning-media"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
LOGO_SIZE = (300, 150)
LOGO_COLOUR = (200, 30, 60)


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3_client(s3_endpoint):
    client = boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name="us-east-1", **CREDENTIALS
    )
    client.create_bucket(Bucket=BUCKET)
    yield client
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


@pytest.fixture
def media_on_s3(settings, s3_endpoint, s3_client):
    """Media storage as learning/settings/base.py sets it up for a bucket."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "addressing_style": "path",
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
                "location": "media",
            },
        },
    }
    assert isinstance(default_storage, S3Storage)
    return s3_client


def _logo_png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", LOGO_SIZE, LOGO_COLOUR).save(buffer, format="PNG")
    return buffer.getvalue()


def _upload_logo():
    return get_image_model().objects.create(
        title="Partnership logo",
        file=ImageFile(io.BytesIO(_logo_png()), name="partnership-logo.png"),
    )


@pytest.fixture
def logo_in_s3(media_on_s3):
    image = _upload_logo()
    keys = [
        item["Key"]
        for item in media_on_s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    ]
    assert f"media/{image.file.name}" in keys  # in the bucket, not on disk
    return image


@pytest.fixture
def logo_on_disk(settings):
    image = _upload_logo()
    assert (settings.MEDIA_ROOT / image.file.name).is_file()
    return image


def _set_logo(image):
    partnership = partnership_settings()
    partnership.logo = image
    partnership.save()


def images_in(pdf: bytes) -> list[PILImage.Image]:
    reader = PdfReader(io.BytesIO(pdf))
    return [image.image for page in reader.pages for image in page.images]


@pytest.mark.parametrize("logo", ["logo_in_s3", "logo_on_disk"])
def test_a_certificate_prints_the_partnership_logo_wherever_media_is_stored(
    learner, complete_module, request, logo
):
    logo = request.getfixturevalue(logo)
    # Issued before there is a logo: the PDF the service stored.
    certificate = complete_module(learner)
    without_logo = certificate.pdf.read()
    _set_logo(logo)

    with_logo = render_certificate_pdf(certificate)

    assert images_in(without_logo) == []
    printed = images_in(with_logo)
    assert len(printed) == 1
    assert printed[0].size == LOGO_SIZE
    assert printed[0].convert("RGB").getpixel((150, 75)) == LOGO_COLOUR


def test_the_fetcher_reads_a_media_file_through_the_storage_backend(logo_in_s3):
    response = LocalOnlyURLFetcher().fetch(media_url(logo_in_s3.file.name))

    assert response.content_type == "image/png"
    assert response.read() == _logo_png()


def test_the_fetcher_never_fetches_the_buckets_own_urls(logo_in_s3):
    bucket_url = logo_in_s3.file.url  # a signed URL on the S3 server

    assert bucket_url.startswith("http://127.0.0.1:")
    with pytest.raises(RenderRefused):
        LocalOnlyURLFetcher().fetch(bucket_url)


@pytest.mark.parametrize(
    "name",
    [
        "images/no-such-logo.png",
        "../media/images/x.png",
        "images/../../etc/passwd",
        "/etc/passwd",
        "images//x.png",
        "",
    ],
)
def test_the_fetcher_refuses_media_names_not_in_the_bucket(media_on_s3, name):
    with pytest.raises(RenderRefused):
        LocalOnlyURLFetcher().fetch(media_url(name))
