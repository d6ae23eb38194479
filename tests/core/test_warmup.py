"""The warm-up gunicorn's master runs before forking workers (learning/core/warmup.py).

The gunicorn hooks that run it are tested in test_deployment.py."""

import logging
import os
import subprocess
import sys
from pathlib import Path

from learning.core.warmup import _template_names, warm_up

ROOT = Path(__file__).resolve().parents[2]


def _project_templates() -> set[str]:
    folder = ROOT / "templates"
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in {".html", ".txt", ".xml", ".ics"}
    }


def test_every_project_template_and_form_widget_template_is_warmed():
    names = set(_template_names())

    assert _project_templates() <= names
    assert "django/forms/widgets/radio.html" in names
    # Not the Wagtail admin's hundreds of templates: staff pages warm up on use.
    assert not any(name.startswith("wagtailadmin/") for name in names)


def test_warm_up_compiles_every_template_without_touching_the_database():
    # No django_db mark: pytest-django fails any query here. A connection opened in
    # the master would be shared by every forked worker.
    done = warm_up()

    assert done["templates"] == len(_template_names())
    assert done["templates_skipped"] == 0


def test_warm_up_imports_the_views_behind_every_url():
    """In a new interpreter, as in gunicorn's master: the views are not imported by
    django.setup(), and are after the warm-up."""
    script = (
        "import sys, django; django.setup(); "
        "before = 'certificates.views' in sys.modules; "
        "from learning.core.warmup import warm_up; warm_up(template_names=[]); "
        "print(before, 'certificates.views' in sys.modules, 'weasyprint' in sys.modules)"
    )
    environ = {**os.environ, "DJANGO_SETTINGS_MODULE": "learning.settings.test"}
    result = subprocess.run(  # noqa: S603 - our own interpreter and fixed code
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True"]


def test_a_template_that_cannot_be_compiled_is_counted_not_fatal(caplog):
    with caplog.at_level(logging.DEBUG, logger="learning.core.warmup"):
        done = warm_up(template_names=["base.html", "no/such/template.html"])

    assert done["templates"] == 1
    assert done["templates_skipped"] == 1
    assert "no/such/template.html" in caplog.text
