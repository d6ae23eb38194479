"""Browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Nothing here downloads a browser: ``playwright install`` is never needed. The browser is
Debian's chromium (``apt-get install chromium``); set ``BROWSER_EXECUTABLE`` to use
another chromium binary.

If the browser is missing, the tests in this folder are skipped with a loud warning, but
when ``CI`` is set they fail instead, so CI cannot pass without running them.

Database: ``live_server`` needs a transactional database, which Django empties (flushes)
after each test, deleting what the data migrations created (the seeded review, the home
page, the Wagtail site and partnership settings). Browser tests therefore use
``serialized_rollback``: the test database's contents are serialized once after
migrating and loaded before each browser test. They are loaded again after the test's
flush, so whatever runs next (a ``db`` test or another transactional test) finds the
database as the migrations left it, in whatever order the tests run.

Fixtures: ``page`` (a fresh browser context per test, relative URLs go to the live
server), ``latest_email`` and ``email_link`` (read the locmem outbox), ``js_errors``.
"""

import json
import os
import re
import shutil
import time
import warnings
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio event loop running in the main thread while
# the browser is open, so Django would refuse ORM calls from test bodies and fixtures
# (SynchronousOnlyOperation). This only affects the test process.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

HERE = Path(__file__).resolve().parent
BROWSER_EXECUTABLE = os.environ.get("BROWSER_EXECUTABLE", "/usr/bin/chromium")
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_TIMEOUT_MS = 10_000
FIX = "apt-get install chromium"  # or set BROWSER_EXECUTABLE

_in_browser_dir = pytest.StashKey[bool]()
_failed_report_key = pytest.StashKey[bool]()


class BrowserTestsSkippedWarning(UserWarning):
    """The browser tests could not run because chromium is missing."""


def _running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def _find_browser() -> str | None:
    path = BROWSER_EXECUTABLE
    if os.sep not in path:
        return shutil.which(path)
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


def _missing_browser_message() -> str:
    return (
        f"Debian's chromium was not found at {BROWSER_EXECUTABLE!r}, so the browser "
        f"tests in tests/browser cannot run. Fix: {FIX} (or set BROWSER_EXECUTABLE "
        "to a chromium binary). Do not run `playwright install`."
    )


def _is_browser_item(item: pytest.Item) -> bool:
    return Path(str(item.path)).resolve().is_relative_to(HERE)


# ---------------------------------------------------------------- collection and report


def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if _is_browser_item(item)]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    config.stash[_in_browser_dir] = bool(browser_items)
    if not browser_items or _find_browser():
        return
    message = _missing_browser_message()
    if _running_in_ci():
        # pytest_runtest_setup fails every browser test; nothing is skipped.
        return
    warnings.warn(
        f"SKIPPING BROWSER TESTS. {message}", BrowserTestsSkippedWarning, stacklevel=1
    )
    skip = pytest.mark.skip(reason=f"chromium missing: {FIX}")
    for item in browser_items:
        item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not config.stash.get(_in_browser_dir, False) or _find_browser():
        return
    if _running_in_ci():
        title = "BROWSER TESTS FAILED: chromium is missing and CI is set"
    else:
        title = "BROWSER TESTS WERE SKIPPED: chromium is missing"
    terminalreporter.write_sep("!", title, red=True, bold=True)
    terminalreporter.write_line(_missing_browser_message(), red=True, bold=True)
    terminalreporter.write_sep("!", red=True, bold=True)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if not _is_browser_item(item):
        return
    if not _find_browser():
        # With CI set, fail each browser test before its fixtures (and the test
        # database) are set up. Without CI they were marked skip at collection.
        if _running_in_ci():
            pytest.fail(f"CI is set but {_missing_browser_message()}", pytrace=False)
        return
    # Runs before any fixture, so before pytest-django loads the serialized data.
    _empty_test_databases(item.config)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and report.when == "call":
        item.stash[_failed_report_key] = True
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        # pytest-django has flushed the database by now; put the migration data back
        # so that later tests (of any kind) see the database as migrations left it.
        # After the session's last test the test database may already be gone.
        if _is_browser_item(item) and _find_browser() and nextitem is not None:
            _restore_test_databases(item.config)


# -------------------------------------------------------------------------- database


def _serialized_test_connections():
    """Connections to test databases whose post-migrate contents were serialized."""
    from django.db import connections

    return [
        connection
        for connection in connections.all(initialized_only=True)
        if getattr(connection, "_test_serialized_contents", None)
    ]


def _db_blocker(config):
    # The object behind pytest-django's `django_db_blocker` fixture (hooks cannot
    # request fixtures); pytest-django keeps it under this key in config.stash.
    from pytest_django.plugin import blocking_manager_key

    return config.stash[blocking_manager_key]


def _empty_and_prime(connection):
    """Empty every table, then put back only the serialized content types.

    Loading the serialized rows needs a clean start. Rows left by an earlier
    transactional test without serialized_rollback would clash with them: its flush
    re-creates content types, permissions and role groups (post_migrate) under new
    keys ("UNIQUE constraint failed: auth_group.name").

    The content types go back first, under their original keys, because building
    Wagtail page objects while loading calls ``ContentType.objects.get_for_model``,
    which would otherwise create content types under new keys ("UNIQUE constraint
    failed: django_content_type.app_label, django_content_type.model").
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    call_command(
        "flush",
        database=connection.alias,
        interactive=False,
        verbosity=0,
        reset_sequences=False,
        inhibit_post_migrate=True,
    )
    ContentType.objects.clear_cache()
    rows = json.loads(connection._test_serialized_contents)
    ContentType.objects.using(connection.alias).bulk_create(
        ContentType(pk=row["pk"], **row["fields"])
        for row in rows
        if row["model"] == "contenttypes.contenttype"
    )


def _empty_test_databases(config):
    """Before a browser test: leave only content types for serialized_rollback to
    load into. Before the first database test there is nothing to do yet."""
    connections = _serialized_test_connections()
    if not connections:
        return
    with _db_blocker(config).unblock():
        for connection in connections:
            _empty_and_prime(connection)


def _restore_test_databases(config):
    """After a browser test: load the serialized data into the flushed database."""
    from django.contrib.contenttypes.models import ContentType

    connections = _serialized_test_connections()
    if not connections:
        return
    with _db_blocker(config).unblock():
        for connection in connections:
            _empty_and_prime(connection)
            connection.creation.deserialize_db_from_string(
                connection._test_serialized_contents
            )
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _browser_database(django_db_setup, django_db_serialized_rollback, live_server):
    """Give every browser test the live server and the migrations' data.

    Requesting ``django_db_serialized_rollback`` makes pytest-django serialize the
    test database after migrating and load it before the test. ``django_db_setup``
    comes before the session-scoped ``live_server`` so that the live server starts
    after the test database exists and shares its connection (an in-memory SQLite test
    database is only reachable through that connection).
    """
    from django.db import DEFAULT_DB_ALIAS, connections

    if not hasattr(connections[DEFAULT_DB_ALIAS], "_test_serialized_contents"):
        pytest.fail(
            "The test database was not serialized, so the data created by migrations "
            "cannot be restored around browser tests. Do not give browser tests a "
            "django_db marker without serialized_rollback=True.",
            pytrace=False,
        )


# ------------------------------------------------------------------------ live server


def _serve_one_request_at_a_time(thread, lock):
    """Give the live server thread a WSGI server without threads, each request
    handled while holding ``lock`` (see ``live_server``)."""
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import QuietWSGIRequestHandler

    class OneAtATimeWSGIServer(WSGIServer):
        def process_request(self, request, client_address):
            with lock:
                super().process_request(request, client_address)

    def create_server(connections_override=None):
        return OneAtATimeWSGIServer(
            (thread.host, thread.port),
            QuietWSGIRequestHandler,
            allow_reuse_address=False,
        )

    thread._create_server = create_server


def _wait_for_the_server(lock):
    """An execute wrapper: a query waits while the live server handles a request."""

    def wrapper(execute, sql, params, many, context):
        with lock:
            return execute(sql, params, many, context)

    return wrapper


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, sharing the database connection safely.

    The in-memory SQLite test database is reachable only through the test's own
    connection, so pytest-django hands that one connection object to the server
    thread. Used from two threads at once, their transactions interleave on it and
    break it ("An error occurred in the current transaction"), failing every later
    test. That happened when the browser sent overlapping requests (the quiz saves
    answers in the background as each one changes) and can happen when a test reads
    the database while a request it started is still being handled. So the server
    handles one request at a time, holding a lock, and the test's queries on a shared
    connection take the same lock, waiting for any request in progress. (Django's
    development server sends ``Connection: close`` when it has no threads, so no
    request waits behind an idle keep-alive connection.) On PostgreSQL the server has
    its own connection; it still handles one request at a time.
    """
    import threading

    from pytest_django.live_server_helper import LiveServer

    addr = (
        request.config.getvalue("liveserver")
        or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    lock = threading.RLock()
    server = LiveServer(addr, start=False)
    _serve_one_request_at_a_time(server.thread, lock)
    wrapper = _wait_for_the_server(lock)
    shared = list(server.thread.connections_override.values())
    for connection in shared:
        connection.execute_wrappers.append(wrapper)
    server.start()
    yield server
    server.stop()
    for connection in shared:
        connection.execute_wrappers.remove(wrapper)


# --------------------------------------------------------------------------- browser


def _keep_django_connections(start):
    """Run ``start()`` (which starts an asyncio loop) keeping Django's connections.

    Django keeps database connections in an ``asgiref.local.Local`` that is
    thread-local while no event loop runs in the thread, but switches to separate
    context-variable storage as soon as one does. Playwright's sync API leaves its loop
    "running" in the main thread, so without this the test body would get new
    connection objects: ones the live server does not share and that lack the
    serialized database contents, so serialized_rollback would silently do nothing.
    """
    from django.db import connections

    before = {conn.alias: conn for conn in connections.all(initialized_only=True)}
    result = start()
    for alias, conn in before.items():
        connections[alias] = conn
    return result


@pytest.fixture(scope="package")
def browser(django_db_setup, live_server):
    """One chromium for all the tests in this folder.

    Package-scoped rather than session-scoped on purpose: while Playwright runs, an
    asyncio loop counts as running in the main thread, which breaks ``async_to_sync``
    and ``asyncio.run`` in any later, unrelated test. Closing it when pytest leaves this
    folder confines that to the browser tests (they run together, as pytest-django
    orders transactional tests as one group).
    """
    executable = _find_browser()
    if executable is None:
        # Not normally reached: see pytest_collection_modifyitems / pytest_runtest_setup.
        pytest.fail(f"CI is set but {_missing_browser_message()}", pytrace=False)

    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=DEFAULT_TIMEOUT_MS)
    playwright = _keep_django_connections(sync_playwright().start)
    try:
        browser = playwright.chromium.launch(
            executable_path=executable, args=BROWSER_ARGS, headless=True
        )
    except Exception:
        playwright.stop()
        raise
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def js_errors():
    """Uncaught JavaScript errors seen by `page`; a test may assert it is empty."""
    return []


@pytest.fixture
def browser_context(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(request, browser_context, js_errors, tmp_path):
    """A fresh page in a fresh browser context (no cookies) for each test.

    Relative URLs resolve against the live server: ``page.goto("/accounts/login/")``.
    On failure a screenshot and the page's HTML are saved in the test's tmp_path.
    """
    page = browser_context.new_page()
    page.on("pageerror", lambda error: js_errors.append(str(error)))
    yield page
    if request.node.stash.get(_failed_report_key, False):
        try:
            page.screenshot(path=tmp_path / "failure.png", full_page=True)
            (tmp_path / "failure.html").write_text(page.content())
            print(f"\nBrowser failure at {page.url}; screenshot and HTML in {tmp_path}")  # noqa: T201
        except Exception as exc:
            print(f"\nCould not save the failing page: {exc!r}")  # noqa: T201
        if js_errors:
            print(f"JavaScript errors: {js_errors}")  # noqa: T201


# --------------------------------------------------------------------------- email


LINK = re.compile(r"https?://[^\s\"'<>]+")


def latest_email_to(address, *, timeout=5.0):
    """The latest email sent to ``address`` (locmem outbox, shared with the live server).

    Waits up to ``timeout`` seconds, since the live server sends from its own thread.
    """
    from django.core import mail

    deadline = time.monotonic() + timeout
    while True:
        outbox = list(getattr(mail, "outbox", []))
        for message in reversed(outbox):
            recipients = [r.lower() for r in [*message.to, *message.cc, *message.bcc]]
            if address.lower() in recipients:
                return message
        if time.monotonic() > deadline:
            sent = [(m.to, m.subject) for m in outbox]
            raise AssertionError(f"No email was sent to {address}. Outbox: {sent}")
        time.sleep(0.05)


def first_link(message):
    """The first http(s) link in an email's plain-text body, else in its HTML."""
    bodies = [message.body]
    bodies += [content for content, _ in getattr(message, "alternatives", [])]
    for body in bodies:
        match = LINK.search(body)
        if match:
            return match.group(0).rstrip(".,;)")
    raise AssertionError(f"No link in the email {message.subject!r}:\n{message.body}")


@pytest.fixture
def latest_email():
    """``latest_email(address)``: the latest EmailMessage sent to ``address``."""
    return latest_email_to


@pytest.fixture
def email_link():
    """``email_link(address)``: the first link in the latest email to ``address``."""

    def _email_link(address, *, timeout=5.0):
        return first_link(latest_email_to(address, timeout=timeout))

    return _email_link
