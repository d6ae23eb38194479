"""`make run` survives a fast click-through of a quiz: no 500, no "database is locked".

A real development server (``manage.py runserver --noreload``, threaded as ``make run``
serves it) on a free port, with development settings and its own SQLite file, set up
by the commands ``make run`` uses (createcachetable, migrate, load_modules,
load_demo). The demo learner changes every quiz answer several times as fast as
Playwright can click (the page's autosave waits for a pause, so this sends a handful
of saves, not one a click), sends a dozen overlapping saves at once (as several tabs
could), then submits; meanwhile the demo trainer types into a module's title in the
Wagtail editor, whose autosave posts the form as they go. Every response the
browsers saw, and every request line in the server's log, must be free of 500s, and
the log free of "database is locked".

Building the database takes a minute or two, so it is built once and kept in
var/test-cache/ (ignored by git, removed by ``make clean``), keyed by a hash of the
migrations, content and demo loaders; each run copies it, then runs
createcachetable and migrate on the copy as ``make run`` does (both no-ops unless
something changed).
"""

import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from learning.accounts.factories import totp_code
from learning.core.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET

ROOT = Path(__file__).resolve().parents[2]
MANAGE = [sys.executable, str(ROOT / "manage.py")]
SLUG = "recognising-chronic-neglect"
QUIZ = f"/modules/{SLUG}/quiz/"
LEARNER = "learner@example.org"
TRAINER = "trainer@example.org"
ROUNDS = 3

# The demo learner has worked through the module and rated their confidence, so the
# quiz is open to them (as in test_quiz_journey).
READY_FOR_QUIZ = f"""
from datetime import timedelta
from django.utils import timezone
from learning.accounts.models import User
from modules.models import ModulePage, ModuleProgress
user = User.objects.get(email="{LEARNER}")
module = ModulePage.objects.get(slug="{SLUG}")
now = timezone.now()
ModuleProgress.objects.filter(user=user, module=module).delete()
ModuleProgress.objects.create(
    user=user, module=module, revision_id=module.live_revision_id,
    confidence_before=2, confidence_after=4, current_step=None,
    steps_completed_at=now, started_at=now - timedelta(minutes=30),
)
"""


def _server_env(var_dir: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="learning.settings.dev",
        VAR_DIR=str(var_dir),
        DATABASE_URL=f"sqlite:///{var_dir / 'db.sqlite3'}",
        PYTHONUNBUFFERED="1",
    )
    return env


def _manage(var_dir: Path, *args):
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [*MANAGE, *args],
        cwd=ROOT,
        env=_server_env(var_dir),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=900,
    )


def _make_run_setup(var_dir: Path):
    """What ``make migrate`` and ``make demo`` run, in that order."""
    for folder in ("mail", "media"):
        (var_dir / folder).mkdir(parents=True, exist_ok=True)
    _manage(var_dir, "createcachetable")
    _manage(var_dir, "migrate", "--noinput")


def _source_hash() -> str:
    digest = hashlib.sha256()
    patterns = [
        "**/migrations/*.py",
        "modules/content/*.py",
        "**/demo.py",
        "**/management/commands/load_*.py",
        "requirements.txt",
    ]
    for pattern in patterns:
        for path in sorted(ROOT.glob(pattern)):
            if ".venv" in path.parts or "node_modules" in path.parts:
                continue
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="module")
def demo_var_dir():
    """A migrated demo site's var/ folder, built once and kept for later runs."""
    cache_root = ROOT / "var" / "test-cache" / "dev-server-demo"
    cache_root.mkdir(parents=True, exist_ok=True)
    template = cache_root / _source_hash()
    if not (template / "db.sqlite3").exists():
        for old in cache_root.iterdir():
            shutil.rmtree(old, ignore_errors=True)
        building = cache_root / f"building-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        _make_run_setup(building)
        _manage(building, "load_modules")
        _manage(building, "load_demo")
        building.rename(template)
    return template


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dev_server(demo_var_dir, tmp_path):
    """``manage.py runserver --noreload`` on a copy of the demo site; yields
    (base URL, log path)."""
    var_dir = tmp_path / "var"
    shutil.copytree(demo_var_dir, var_dir)
    _make_run_setup(var_dir)
    _manage(var_dir, "shell", "-c", READY_FOR_QUIZ)
    port = _free_port()
    log_path = tmp_path / "runserver.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
            [*MANAGE, "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=_server_env(var_dir),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base_url}/healthz", timeout=2):  # noqa: S310
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        f"The development server did not start:\n{log_path.read_text()}"
                    ) from None
                time.sleep(0.2)
        yield base_url, log_path
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _new_page(browser, base_url, statuses):
    context = browser.new_context(base_url=base_url, locale="en-GB")
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.on(
        "response",
        lambda response: (
            statuses.append((response.status, response.url))
            if response.request.method == "POST" or response.status >= 500
            else None
        ),
    )
    return context, page


def _sign_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label(re.compile(r"email", re.I)).fill(email)
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()


def _sign_in_trainer(page):
    _sign_in(page, TRAINER)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    page.get_by_label("Code").fill(totp_code(DEMO_TOTP_SECRET))
    page.get_by_role("main").get_by_role("button", name="Continue").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/"))


def _open_module_editor(page):
    page.goto("/admin/pages/search/?q=Recognising")
    page.get_by_role("link", name=re.compile(r"^Recognising chronic")).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    return page.locator("#id_title")


# What quiz.js sends for an autosave, sent ``n`` times at once: what several tabs
# (or a browser holding an old copy of quiz.js) can do, whatever the debounce.
OVERLAPPING_SAVES = """async (n) => {
  const form = document.querySelector(".app-quiz-form");
  const save = () => {
    const data = new FormData(form);
    data.set("action", "save");
    return fetch(window.location.href, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then((response) => response.status);
  };
  return Promise.all(Array.from({ length: n }, save));
}"""


def _is_quiz_post(response):
    return response.request.method == "POST" and response.url.endswith(QUIZ)


def _click_through_quiz_fast(page, statuses):
    """Change every answer ROUNDS times as fast as Playwright clicks, then submit.

    Returns how many clicks were made and how many autosaves they caused.
    """
    page.goto(QUIZ)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quiz: attempt 1")
    groups = page.locator(".app-quiz-form fieldset")
    count = groups.count()
    assert count > 0
    before = len(statuses)
    clicks = 0
    for _ in range(ROUNDS):
        for index in range(count):
            inputs = groups.nth(index).locator("input")
            for option in range(inputs.count()):
                inputs.nth(option).click()
                clicks += 1
    # Every question needs an answer to submit: leave each with its first choice.
    for index in range(count):
        first = groups.nth(index).locator("input").first
        if not first.is_checked():
            first.click()
            clicks += 1
    autosaves = sum(1 for _status, url in statuses[before:] if url.endswith(QUIZ))
    assert page.evaluate(OVERLAPPING_SAVES, 12) == [204] * 12
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"^(You passed|You did not pass this time)$")
    )
    return clicks, autosaves


def test_a_fast_click_through_of_a_quiz_on_the_dev_server_never_locks_the_database(
    browser, dev_server
):
    base_url, log_path = dev_server
    statuses = []
    started = time.monotonic()
    trainer_context, trainer = _new_page(browser, base_url, statuses)
    learner_context, learner = _new_page(browser, base_url, statuses)
    try:
        _sign_in_trainer(trainer)
        title = _open_module_editor(trainer)
        original = title.input_value()
        _sign_in(learner, LEARNER)
        # The trainer's edits are autosaved in the background while the learner
        # clicks through the quiz.
        for n in range(4):
            title.fill(f"{original} (draft {n})")
        clicks, autosaves = _click_through_quiz_fast(learner, statuses)
        for n in range(4, 8):
            title.fill(f"{original} (draft {n})")
            trainer.wait_for_timeout(150)
        # Let the last autosaves land before reading the log.
        learner.wait_for_timeout(2_000)
    finally:
        learner_context.close()
        trainer_context.close()
    elapsed = time.monotonic() - started

    log = log_path.read_text(errors="replace")
    served = re.findall(r'"(GET|POST) (\S+) HTTP/[\d.]+" (\d{3})', log)
    editor_posts = [
        path
        for method, path, _ in served
        if method == "POST" and re.fullmatch(r"/admin/pages/\d+/edit/", path)
    ]
    assert editor_posts, log[-5000:]
    assert [s for s in statuses if s[0] >= 500] == []
    assert [line for line in served if line[2].startswith("5")] == [], log[-5000:]
    assert "database is locked" not in log, log[-5000:]
    # Autosave waits for a pause: the clicks sent a handful of saves, not one each.
    assert clicks >= 30 and autosaves <= clicks // 10, (clicks, autosaves)
    assert elapsed < 60, f"The click-through took {elapsed:.0f} s"
