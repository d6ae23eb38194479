"""Certificate rendering benchmark.

Renders N certificates through our code and the same HTML through bare WeasyPrint in
one run and prints the ratio (target: ours at most 1.25x bare), the median time to
serve a stored certificate, and the process's memory after all the renders.

    .venv/bin/python tests/benchmarks/bench_certificates.py [--renders 1000]

It builds a throwaway SQLite database in a temporary folder; nothing else is touched.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="bench-certificates-")
os.environ["VAR_DIR"] = WORK
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.test")


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=1000)
    parser.add_argument("--serves", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    settings.MEDIA_ROOT = Path(WORK) / "media"
    setup_test_environment()
    call_command("migrate", verbosity=0)

    from weasyprint import HTML

    from certificates import views
    from certificates.rendering import (
        RENDER_BASE_URL,
        LocalOnlyURLFetcher,
        certificate_html,
        render_certificate_pdf,
    )
    from certificates.services import certificate_pdf_store
    from learning.accounts.factories import AgencyFactory, ProfileFactory
    from modules.factories import module_create
    from modules.models import ModuleProgress
    from modules.services import _complete_if_ready

    agency = AgencyFactory(name="Bench agency", domains=["bench.example.org"])
    user = ProfileFactory(user__email="bench@bench.example.org", agency=agency).user
    module = module_create(recommendations=[1, 5, 6], learning_points=[1, 2, 8, 10])
    from django.utils import timezone

    progress = ModuleProgress.objects.create(
        user=user,
        module=module,
        revision_id=module.live_revision_id,
        confidence_before=3,
        confidence_after=4,
        current_step=None,
        steps_completed_at=timezone.now(),
    )
    _complete_if_ready(progress)
    certificate = user.certificates.get()
    html = certificate_html(certificate)

    # Warm up both paths (fonts, caches) before timing.
    render_certificate_pdf(certificate)
    HTML(
        string=html, base_url=RENDER_BASE_URL, url_fetcher=LocalOnlyURLFetcher()
    ).write_pdf()

    ours, bare = [], []
    for _ in range(args.renders):
        start = time.perf_counter()
        render_certificate_pdf(certificate)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        HTML(
            string=html, base_url=RENDER_BASE_URL, url_fetcher=LocalOnlyURLFetcher()
        ).write_pdf()
        bare.append(time.perf_counter() - start)
    memory_after = rss_mib()

    certificate_pdf_store(certificate=certificate)
    # Serving is measured, not the per-user download limit.
    views.DOWNLOAD_LIMIT_PER_MINUTE = args.serves + 1
    client = Client()
    client.force_login(user)
    url = certificate.get_download_url()
    serves = []
    for _ in range(args.serves):
        start = time.perf_counter()
        response = client.get(url)
        b"".join(response.streaming_content)
        serves.append(time.perf_counter() - start)
        assert response.status_code == 200

    ours_ms = statistics.median(ours) * 1000
    bare_ms = statistics.median(bare) * 1000
    print(f"renders:                 {args.renders} of each")
    print(f"ours (median):           {ours_ms:.1f} ms per certificate")
    print(f"bare WeasyPrint (median): {bare_ms:.1f} ms per certificate")
    print(f"ratio ours / bare:       {ours_ms / bare_ms:.2f}x (target <= 1.25x)")
    print(
        f"serve stored (median):   {statistics.median(serves) * 1000:.1f} ms over {args.serves}"
    )
    print(f"memory after renders:    {memory_after:.0f} MiB RSS")


if __name__ == "__main__":
    main()
