"""Work every web process would otherwise do on its first requests, done once.

gunicorn loads the application in its master process and forks the workers from
it (``preload_app`` in gunicorn.conf.py). Django imports the URLconf, and with it
every view module (WeasyPrint among them), only when the first request arrives, and
compiles each template the first time it is rendered. Done in each worker, that
costs about a second of CPU and 45 MiB of private memory per process, just when a
morning's learners arrive at once; done once in the master before the fork, the
workers start with it and share the memory.

Nothing here opens a database or cache connection: a connection made before the
fork would be shared by every worker.
"""

import logging
import time
from pathlib import Path

import django
from django.conf import settings
from django.db import connections
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import get_resolver

logger = logging.getLogger(__name__)

# Django's own form widget templates, which every form on the site renders.
FORM_TEMPLATES = "django/forms"


def _project_template_dirs() -> list[Path]:
    """The template folders that belong to this project (not the Wagtail admin's)."""
    base = Path(settings.BASE_DIR).resolve()
    folders = (Path(folder).resolve() for folder in engines["django"].template_dirs)
    return [
        folder
        for folder in folders
        if folder.is_relative_to(base) and not folder.is_relative_to(base / ".venv")
    ]


def _template_names() -> list[str]:
    names = set()
    for folder in _project_template_dirs():
        names.update(
            path.relative_to(folder).as_posix()
            for path in folder.rglob("*")
            if path.is_file() and path.suffix in {".html", ".txt", ".xml", ".ics"}
        )
    forms = Path(django.__file__).parent / "forms" / "templates"
    names.update(
        path.relative_to(forms).as_posix()
        for path in (forms / FORM_TEMPLATES).rglob("*.html")
    )
    return sorted(names)


def warm_up(template_names: list[str] | None = None) -> dict:
    """Import every view and compile every project template; return what was done.

    ``template_names`` defaults to every template of the project's own folders and
    Django's form widgets.
    """
    started = time.perf_counter()
    resolver = get_resolver()
    # Imports every URLconf and view module, then builds the reverse lookup tables.
    resolver.reverse_dict  # noqa: B018
    compiled = failed = 0
    engine = engines["django"]
    for name in _template_names() if template_names is None else template_names:
        try:
            engine.get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError) as exc:
            # A fragment that only compiles inside another template, say: it is
            # compiled at its first use instead, as it would be without this.
            failed += 1
            logger.debug("warm-up skipped template %s: %s", name, exc)
        else:
            compiled += 1
    # Nothing above should have connected, but a connection must never cross a fork.
    connections.close_all()
    done = {
        "templates": compiled,
        "templates_skipped": failed,
        "seconds": round(time.perf_counter() - started, 2),
    }
    logger.info("warm-up done", extra={"event": "warm_up", **done})
    return done
