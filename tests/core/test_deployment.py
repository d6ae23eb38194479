"""Deployment pieces: gunicorn.conf.py, production settings read from the environment."""

import gc
import importlib.util
import io
import json
import logging
import multiprocessing
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "Mg:1tq2Xa:s3cr3t-looking-token"


def _load_gunicorn_conf(monkeypatch, **environ):
    for name in (
        "WEB_CONCURRENCY",
        "FORWARDED_ALLOW_IPS",
        "GUNICORN_THREADS",
        "GUNICORN_WORKER_CLASS",
        "GUNICORN_CONTROL_SOCKET",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location(
        "gunicorn_conf_under_test", ROOT / "gunicorn.conf.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _effective_worker_class(conf) -> str:
    """The worker class gunicorn itself runs with these settings."""
    from gunicorn.config import Config

    config = Config()
    config.set("worker_class", conf.worker_class)
    config.set("threads", conf.threads)
    return config.worker_class_str


def test_gunicorn_defaults_to_four_sync_workers_a_core_with_preloading(
    monkeypatch,
):
    conf = _load_gunicorn_conf(monkeypatch)

    assert conf.workers == multiprocessing.cpu_count() * 4
    assert conf.threads == 1
    # Sync workers take a connection only when idle (gunicorn.conf.py says why).
    assert conf.worker_class == "sync"
    assert _effective_worker_class(conf) == "sync"
    assert conf.preload_app is True
    assert conf.forwarded_allow_ips == "127.0.0.1"
    assert conf.accesslog == "-"
    assert conf.timeout == 30
    assert conf.wsgi_app == "learning.wsgi:application"


def test_gunicorn_reads_workers_threads_and_trusted_proxies_from_the_environment(
    monkeypatch,
):
    conf = _load_gunicorn_conf(
        monkeypatch,
        WEB_CONCURRENCY="3",
        GUNICORN_THREADS="4",
        FORWARDED_ALLOW_IPS="10.0.0.5,10.0.0.6",
    )

    assert conf.workers == 3
    assert conf.threads == 4
    # gunicorn runs threads in gthread workers.
    assert _effective_worker_class(conf) == "gthread"
    assert conf.forwarded_allow_ips == "10.0.0.5,10.0.0.6"


def test_gunicorn_control_socket_is_off_unless_a_path_is_given(monkeypatch):
    from gunicorn.config import Config

    known = Config().settings
    default = _load_gunicorn_conf(monkeypatch)
    given = _load_gunicorn_conf(
        monkeypatch, GUNICORN_CONTROL_SOCKET="/run/learning/gunicorn.ctl"
    )

    assert {"control_socket", "control_socket_disable"} <= set(known)
    assert default.control_socket_disable is True
    assert not hasattr(default, "control_socket")
    assert given.control_socket == "/run/learning/gunicorn.ctl"
    assert not hasattr(given, "control_socket_disable")


def _master(*, preload_app):
    """gunicorn's arbiter as the hooks see it: its settings and its logger."""
    said = []
    server = SimpleNamespace(
        cfg=SimpleNamespace(preload_app=preload_app),
        log=SimpleNamespace(info=lambda message, *args: said.append(message % args)),
    )
    return server, said


def test_gunicorn_master_warms_up_and_freezes_before_forking(monkeypatch):
    conf = _load_gunicorn_conf(monkeypatch)
    server, said = _master(preload_app=True)
    gc.unfreeze()
    try:
        conf.when_ready(server)
        frozen = gc.get_freeze_count()
    finally:
        gc.unfreeze()

    assert frozen > 0
    assert said and said[0].startswith("Warmed up before forking workers")
    assert "'templates_skipped': 0" in said[0]


def test_gunicorn_without_preloading_leaves_the_warm_up_to_each_worker(
    monkeypatch,
):
    conf = _load_gunicorn_conf(monkeypatch)
    server, said = _master(preload_app=False)
    gc.unfreeze()
    conf.when_ready(server)

    assert said == []
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/training/?page=2&token=abc", "/training/"),
        (f"/follow-up/{TOKEN}/", "/follow-up/[removed]/"),
        (f"/follow-up/manager/{TOKEN}/", "/follow-up/manager/[removed]/"),
        (f"/accounts/confirm-email/{TOKEN}/", "/accounts/confirm-email/[removed]/"),
        (
            f"/accounts/password/reset/key/1-{TOKEN}/",
            "/accounts/password/reset/key/[removed]/",
        ),
        ("/modules/case/", "/modules/case/"),
    ],
)
def test_access_log_paths_lose_query_strings_and_tokens(monkeypatch, path, logged):
    conf = _load_gunicorn_conf(monkeypatch)

    assert conf.loggable_path(path) == logged


def test_access_log_is_one_json_line_with_the_request_id(monkeypatch):
    from gunicorn.config import Config

    conf = _load_gunicorn_conf(monkeypatch)
    cfg = Config()
    cfg.set("accesslog", "-")
    logger = conf.JsonLogger(cfg)
    stream = io.StringIO()
    for handler in logger.access_log.handlers:
        handler.setStream(stream)
    response = SimpleNamespace(
        status_code=200,
        sent=512,
        headers=[("Content-Type", "text/html"), ("X-Request-ID", "req-12345678")],
    )
    request = SimpleNamespace(method="GET", path=f"/follow-up/{TOKEN}/")
    environ = {"REMOTE_ADDR": "10.0.0.9", "HTTP_USER_AGENT": "probe"}

    logger.access(response, request, environ, timedelta(milliseconds=42))

    [line] = [json.loads(raw) for raw in stream.getvalue().splitlines()]
    assert line["logger"] == "gunicorn.access"
    assert line["status"] == 200
    assert line["path"] == "/follow-up/[removed]/"
    assert line["request_id"] == "req-12345678"
    assert line["duration_ms"] == 42.0
    assert TOKEN not in stream.getvalue()
    logging.getLogger("gunicorn.access").handlers.clear()


def _production_settings(**environ) -> dict:
    """Selected production settings, imported in a clean process with ``environ``."""
    script = (
        "import json\n"
        "from learning.settings import production as s\n"
        "print(json.dumps({\n"
        "  'formatter': s.LOGGING['handlers']['console']['formatter'],\n"
        "  'tasks': s.TASKS['default']['BACKEND'],\n"
        "  'apps': s.INSTALLED_APPS,\n"
        "  'storage': s.STORAGES['default'],\n"
        "  'csp': s.CONTENT_SECURITY_POLICY and {k: [str(v) for v in vs]\n"
        "     for k, vs in s.CONTENT_SECURITY_POLICY['DIRECTIVES'].items()},\n"
        "  'csp_ro': bool(s.CONTENT_SECURITY_POLICY_REPORT_ONLY),\n"
        "  'exempt': s.SECURE_REDIRECT_EXEMPT,\n"
        "  'middleware': s.MIDDLEWARE,\n"
        "}))\n"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "LOG_FORMAT", "TASKS_", "CSP_"))
    }
    env.update(
        SECRET_KEY="deployment-test-key",
        ALLOWED_HOSTS="learning.example.org",
        ALLOW_SQLITE_IN_PRODUCTION="1",
        **environ,
    )
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603 - our own interpreter and fixed code
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_production_defaults_json_logs_strict_csp_and_filesystem_media():
    found = _production_settings()

    assert found["formatter"] == "json"
    assert found["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert found["storage"]["BACKEND"].endswith("FileSystemStorage")
    assert found["csp"]["script-src"] == ["'self'", "csp.constants.NONCE"]
    assert found["csp"]["style-src"] == ["'self'"]
    assert found["csp"]["frame-ancestors"] == ["'none'"]
    assert found["csp_ro"] is False
    assert found["exempt"] == [r"^healthz$"]
    assert "learning.core.csp.SiteCSPMiddleware" in found["middleware"]


def test_production_environment_switches_worker_tasks_private_s3_and_report_only():
    found = _production_settings(
        TASKS_BACKEND="database",
        AWS_STORAGE_BUCKET_NAME="learning-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.org",
        CSP_REPORT_ONLY="true",
        LOG_FORMAT="plain",
    )

    assert found["tasks"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in found["apps"]
    assert found["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert found["storage"]["OPTIONS"]["default_acl"] == "private"
    assert found["storage"]["OPTIONS"]["querystring_auth"] is True
    assert found["csp"] is None
    assert found["csp_ro"] is True
    assert found["formatter"] == "plain"


def test_production_refuses_an_unknown_log_format():
    with pytest.raises(subprocess.CalledProcessError) as excinfo:
        _production_settings(LOG_FORMAT="xml")

    assert "LOG_FORMAT must be json or plain." in excinfo.value.stderr


def _dev_links(**environ) -> dict:
    """Base URL and a certificate's verify link under the dev settings (``make run``)."""
    script = (
        "import json, django\n"
        "django.setup()\n"
        "from django.conf import settings\n"
        "from certificates.rendering import absolute_url\n"
        "print(json.dumps({\n"
        "  'base_url': settings.WAGTAILADMIN_BASE_URL,\n"
        "  'verify_url': absolute_url('/certificates/verify/ABCD-2345/'),\n"
        "}))\n"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"BASE_URL", "PORT", "DATABASE_URL", "REDIS_URL"}
    }
    env.update(DJANGO_SETTINGS_MODULE="learning.settings.dev", **environ)
    result = subprocess.run(  # noqa: S603 - our own interpreter and fixed code
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_dev_links_follow_the_port_the_site_runs_on():
    found = _dev_links(PORT="8101")

    assert found == {
        "base_url": "http://127.0.0.1:8101",
        "verify_url": "http://127.0.0.1:8101/certificates/verify/ABCD-2345/",
    }


def test_dev_links_use_base_url_when_it_is_set_whatever_the_port():
    found = _dev_links(PORT="8101", BASE_URL="http://learning.test:9000")

    assert found["base_url"] == "http://learning.test:9000"


def test_dev_links_use_port_8000_when_no_port_is_given():
    assert _dev_links()["base_url"] == "http://127.0.0.1:8000"


def _port_seen_by_make_recipes(*arguments, environ_port=None) -> str:
    """$PORT in the environment of a recipe of the Makefile (as runserver gets it)."""
    env = {key: value for key, value in os.environ.items() if key != "PORT"}
    if environ_port:
        env["PORT"] = environ_port
    result = subprocess.run(  # noqa: S603 - make from PATH, fixed arguments
        ["make", "-s", "--no-print-directory", "-f", "Makefile", "-f", "-"]
        + [*arguments, "port-seen"],
        input='port-seen:\n\t@echo "$$PORT"\n',
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_make_gives_its_port_to_the_processes_it_starts():
    assert _port_seen_by_make_recipes() == "8000"
    assert _port_seen_by_make_recipes("PORT=8101") == "8101"
    assert _port_seen_by_make_recipes(environ_port="8102") == "8102"


@pytest.mark.django_db
def test_certificate_pdf_certificate_email_and_booking_email_link_to_the_dev_port(
    settings, learner, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.utils import timezone

    from pypdf import PdfReader

    from certificates.models import AchievementKind
    from certificates.services import Achievement, certificate_issue
    from learning.events.factories import TrainingSessionFactory
    from learning.events.services import booking_create

    settings.WAGTAILADMIN_BASE_URL = _dev_links(PORT="8101")["base_url"]
    session = TrainingSessionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(
            holder=learner,
            achievement=Achievement(
                kind=AchievementKind.MODULE,
                source_key="dev-port-test",
                title="Recognising neglect",
                completed_on=timezone.localdate(),
                cpd_minutes=60,
                refresher_months=None,
            ),
        )
        booking_create(session=session, learner=learner)
    certificate.refresh_from_db()

    verify_url = f"http://127.0.0.1:8101/certificates/verify/{certificate.code}/"
    with certificate.pdf.open("rb") as stored:
        pdf = " ".join(page.extract_text() for page in PdfReader(stored).pages)
    bodies = [message.body for message in mail.outbox]
    assert verify_url in " ".join(pdf.split())
    assert any(verify_url in body for body in bodies)
    session_url = f"http://127.0.0.1:8101{session.get_absolute_url()}"
    assert any(session_url in body for body in bodies)
    assert not any("127.0.0.1:8000" in body for body in bodies)
