"""WeasyPrint rendering of certificates and learning records.

Rendering fetches nothing from outside: the URL fetcher serves only our own static
files, files kept in media storage (read through the storage backend, so the
partnership's logo prints whether media sits on disk or in an S3 bucket) and
``data:`` URIs, and refuses ``file://`` and remote hosts.
"""

import mimetypes
import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, unquote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone

import segno
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from learning.core.selectors import partnership_settings

RENDER_BASE_URL = "https://certificates.invalid/"
# Templates name a media file by its storage name under this prefix (media_url());
# the fetcher reads it from the storage, never from the storage's own URL.
RENDER_MEDIA_PREFIX = RENDER_BASE_URL + "media/"
RENDER_TIME_LIMIT_SECONDS = 20
PDF_VARIANT = "pdf/ua-1"


class RenderRefused(ValueError):
    pass


class RenderTimeout(RuntimeError):
    pass


def _within(root, relative: str) -> Path | None:
    root = Path(root).resolve()
    candidate = (root / relative).resolve()
    return candidate if candidate.is_relative_to(root) and candidate.is_file() else None


def _static_file(url: str) -> Path | None:
    path = url.removeprefix(RENDER_BASE_URL.rstrip("/")).split("?")[0]
    if ".." in path.split("/") or not path.startswith(settings.STATIC_URL):
        return None
    relative = path.removeprefix(settings.STATIC_URL)
    found = finders.find(relative)
    return Path(found) if found else _within(settings.STATIC_ROOT, relative)


def media_url(name: str) -> str:
    """The URL a PDF template uses for the media file stored as ``name``."""
    return RENDER_MEDIA_PREFIX + quote(name)


def _media_bytes(url: str) -> bytes | None:
    """The bytes of the media file ``url`` names, read through the storage backend."""
    name = unquote(url.removeprefix(RENDER_MEDIA_PREFIX).split("?")[0].split("#")[0])
    parts = name.split("/")
    if not name or "" in parts or ".." in parts or "\\" in name or "\x00" in name:
        return None
    try:
        if not default_storage.exists(name):
            return None
        with default_storage.open(name, "rb") as file:
            return file.read()
    except (SuspiciousFileOperation, FileNotFoundError):
        return None


class LocalOnlyURLFetcher(URLFetcher):
    """Serve our static files, files in media storage and data: URIs; refuse
    everything else. No URL is ever fetched over the network: a media file is read
    by its storage name, so only the storage backend talks to the bucket."""

    def __init__(self):
        super().__init__(allowed_protocols=("data", "https"), allow_redirects=False)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        data = None
        if url.startswith(RENDER_MEDIA_PREFIX):
            data = _media_bytes(url)
        elif url.startswith(RENDER_BASE_URL) and (path := _static_file(url)):
            data = path.read_bytes()
        if data is None:
            raise RenderRefused(f"Refused to fetch {url!r} while rendering a PDF.")
        mime_type, _encoding = mimetypes.guess_type(url.split("?")[0].split("#")[0])
        return URLFetcherResponse(
            url, data, {"Content-Type": mime_type or "application/octet-stream"}
        )


@contextmanager
def time_limit(seconds: int):
    """Abort rendering that runs too long (where a signal can be used: main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _timeout(signum, frame):
        raise RenderTimeout(f"PDF rendering took longer than {seconds} seconds.")

    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


_thread_state = threading.local()


def font_configuration() -> FontConfiguration:
    """One font configuration per thread, reused across renders.

    A fresh one per document (WeasyPrint's default) grew a long-running worker's
    memory by about 0.16 MiB a render; reusing it keeps memory flat.
    """
    if not hasattr(_thread_state, "font_config"):
        _thread_state.font_config = FontConfiguration()
    return _thread_state.font_config


def html_to_pdf(html: str) -> bytes:
    with time_limit(RENDER_TIME_LIMIT_SECONDS):
        return HTML(
            string=html, base_url=RENDER_BASE_URL, url_fetcher=LocalOnlyURLFetcher()
        ).write_pdf(pdf_variant=PDF_VARIANT, font_config=font_configuration())


def _logo_url(partnership):
    if partnership.logo_id:
        return media_url(partnership.logo.get_rendition("max-400x200").file.name)
    return None


def certificate_html(certificate) -> str:
    partnership = partnership_settings()
    verify_url = absolute_url(certificate.get_absolute_url())
    return render_to_string(
        "certificates/pdf/certificate.html",
        {
            "certificate": certificate,
            "partnership": partnership,
            "logo_url": _logo_url(partnership),
            "verify_url": verify_url,
            "qr": qr_data_uri(verify_url),
        },
    )


def render_certificate_pdf(certificate) -> bytes:
    return html_to_pdf(certificate_html(certificate))


def render_learning_record_pdf(*, user, record) -> bytes:
    partnership = partnership_settings()
    html = render_to_string(
        "certificates/pdf/learning_record.html",
        {
            "holder": user,
            "record": record,
            "partnership": partnership,
            "logo_url": _logo_url(partnership),
            "generated_at": timezone.localtime(),
        },
    )
    return html_to_pdf(html)
