"""Locust scenarios for ``make loadtest`` (scripts/loadtest.sh runs them headless).

Mixed load (``LearnerUser``, ``QuizTakerUser``, ``LeadUser``): learners sign in
through the real allauth form, browse modules, work through steps (posting the
step forms with the block ids parsed from each page), take the quiz at the end,
open My learning and book training; quiz takers take the same module's quiz again
and again; leads open the reports dashboard and drill down.

Quiz burst (``QuizBurstUser``): every user signs in, waits until all have, then
all start the same quiz within ``LOADTEST_BURST_WINDOW`` seconds, answer and
submit; scripts/loadtest.sh then checks the database.

The server is reached as if through a TLS-terminating proxy: every request carries
``X-Forwarded-Proto: https`` (production settings trust it), so secure cookies,
HTTPS CSRF checks and HSTS behave as in production; each simulated person has their
own ``X-Forwarded-For`` address. Accounts and the quiz module come from the manifest
written by ``manage.py create_load_users``.
"""

import itertools
import json
import os
import random
import re
import sys
import time
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path
from urllib.parse import urlencode

import gevent
from gevent.event import Event
from locust import FastHttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).parent))
from pages import form_with, links, post_forms

MANIFEST = json.loads(
    Path(os.environ.get("LOADTEST_MANIFEST", "var/loadtest/manifest.json")).read_text()
)
PASSWORD = MANIFEST["password"]
QUIZ_URL = MANIFEST["quiz_module_url"] + "quiz/"
BURST_WINDOW = float(os.environ.get("LOADTEST_BURST_WINDOW", "8"))
DOUBLE_CLICK = float(os.environ.get("LOADTEST_DOUBLE_CLICK", "0.25"))
BURST_READY_TIMEOUT = float(os.environ.get("LOADTEST_BURST_READY_TIMEOUT", "240"))
SIGN_IN_PATH = "/accounts/login/"
SIGN_IN_FORM = f'action="{SIGN_IN_PATH}"'
ERROR_SUMMARY = 'class="govuk-error-summary"'
# The first paragraph of an error page, to say why in the failure report.
MESSAGE = re.compile(r'<h1[^>]*>.*?</h1>\s*<p class="govuk-body">([^<]{1,200})', re.S)

_accounts = {kind: itertools.count() for kind in ("learners", "quiz_takers", "leads")}
_burst_accounts = itertools.count()


def _next_account(kind: str) -> tuple[int, str]:
    pool = MANIFEST[kind]
    number = next(_accounts[kind])
    return number, pool[number % len(pool)]


class BehindTlsProxy(DefaultCookiePolicy):
    """Send secure cookies over the plain connection to gunicorn, as the proxy would."""

    def return_ok_secure(self, cookie, request):
        return True


class SiteUser(FastHttpUser):
    """Someone using the site in a browser: cookies, CSRF tokens, forms."""

    abstract = True
    # Reading a case step, a question or a report takes a while.
    wait_time = between(3, 12)
    kind = "learners"

    def on_start(self):
        self.number, self.email = self.account()
        self.rng = random.Random(self.email)
        self.client.cookiejar.set_policy(BehindTlsProxy())
        self.origin = "https://" + self.host.split("://", 1)[1].rstrip("/")
        self.address = f"10.{self.number // 250 % 250}.{self.number % 250}.{hash(self.kind) % 200 + 1}"
        self.sign_in()
        _signed_in_one(self.environment)

    def account(self):
        return _next_account(self.kind)

    def headers(self, path, extra=None):
        headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Accept": "text/html",
        }
        if extra:
            headers["Referer"] = self.origin + path
            headers["Origin"] = self.origin
        return headers

    def get(self, path, name=None):
        """GET a page; a 200 that lands on the sign-in form is a failure."""
        with self.client.get(
            path, name=name or path, headers=self.headers(path), catch_response=True
        ) as response:
            self._check(response, path)
            return response

    def post(self, path, data, name=None):
        """POST a form as a browser encodes it (repeated names for checkboxes)."""
        headers = self.headers(path, extra=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        with self.client.post(
            path,
            data=urlencode(data, doseq=True),
            name=name or path,
            headers=headers,
            catch_response=True,
        ) as response:
            self._check(response, path)
            if ERROR_SUMMARY in (response.text or "") and response.status_code == 200:
                response.failure(f"The form at {path} was refused")
            return response

    def _check(self, response, path):
        if response.status_code != 200:
            said = MESSAGE.search(response.text or "")
            response.failure(
                f"HTTP {response.status_code} for {path}"
                + (f": {said.group(1).strip()}" if said else "")
            )
        elif SIGN_IN_FORM in (response.text or "") and not path.startswith(
            SIGN_IN_PATH
        ):
            response.failure(f"Signed out: {path} went to the sign-in page")
        else:
            response.success()

    def sign_in(self):
        page = self.get(SIGN_IN_PATH, name="sign in (form)")
        form = form_with(page.text or "", "csrfmiddlewaretoken")
        if form is None:
            return
        data = dict(form.hidden, login=self.email, password=PASSWORD)
        headers = self.headers(SIGN_IN_PATH, extra=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        with self.client.post(
            SIGN_IN_PATH,
            data=urlencode(data),
            name="sign in (submit)",
            headers=headers,
            catch_response=True,
        ) as response:
            if response.status_code != 200 or SIGN_IN_FORM in (response.text or ""):
                response.failure(
                    f"Sign-in failed (HTTP {response.status_code}) for {self.email}"
                )
            else:
                response.success()

    def answer_quiz(self, page, name_prefix="quiz"):
        """Start the quiz if there is a start button, then answer and submit it."""
        html = page.text or ""
        path = QUIZ_URL
        start = form_with(html, "action")
        if start is not None and start.hidden.get("action") == "start":
            page = self.post(path, start.filled(self.rng), name=f"{name_prefix}: start")
            html = page.text or ""
        attempt = form_with(html, "attempt")
        if attempt is None:
            return False
        self.wait()
        self.post(
            path,
            attempt.filled(self.rng, button="submit"),
            name=f"{name_prefix}: submit",
        )
        return True


class LearnerUser(SiteUser):
    """A practitioner told to complete a module this morning."""

    weight = 8
    kind = "learners"

    def on_start(self):
        super().on_start()
        self.module = None
        self.finished = set()

    def _choose_module(self):
        page = self.get("/modules/", name="/modules/")
        modules = [
            href
            for href in links(page.text or "", "/modules/")
            if href.count("/") == 3 and href not in self.finished
        ]
        self.module = self.rng.choice(modules) if modules else None

    @task(2)
    def browse_modules(self):
        self._choose_module()
        if self.module:
            self.get(self.module, name="/modules/<slug>/")

    @task(8)
    def work_on_module(self):
        """Go to where they left off (the start page redirects) and answer it."""
        if self.module is None:
            self._choose_module()
            if self.module is None:
                return
        page = self.get(self.module + "start/", name="/modules/<slug>/start/ (resume)")
        html = page.text or ""
        url = page.url or ""
        if "/quiz/" in url:
            if not self.answer_quiz(page):
                self.finished.add(self.module)
                self.module = None
            return
        step = form_with(html, "block_id")
        confidence = form_with(html, "confidence")
        path = url.split("://", 1)[-1]
        path = "/" + path.split("/", 1)[1] if "/" in path else "/"
        if step is not None:
            self.post(path, step.filled(self.rng), name="/modules/<slug>/step/<n>/")
        elif confidence is not None:
            name = (
                "/modules/<slug>/finish/"
                if "finish" in path
                else "/modules/<slug>/start/"
            )
            self.post(path, confidence.filled(self.rng), name=name)
        else:
            # Completed (back on the module page) or nothing left to do here.
            self.finished.add(self.module)
            self.module = None

    @task(1)
    def my_learning(self):
        self.get("/my-learning/")

    @task(1)
    def book_training(self):
        self.get("/training/")
        session = self.rng.choice(MANIFEST["sessions"])
        detail = self.get(f"/training/{session}/", name="/training/<id>/")
        forms = post_forms(detail.text or "")
        book = next((f for f in forms if f.action.endswith("/book/")), None)
        cancel = next((f for f in forms if f.action.endswith("/cancel/")), None)
        if book is not None:
            self.post(book.action, book.filled(self.rng), name="/training/<id>/book/")
        elif cancel is not None and self.rng.random() < 0.5:
            self.post(
                cancel.action, cancel.filled(self.rng), name="/training/<id>/cancel/"
            )


class QuizTakerUser(SiteUser):
    """Someone who has worked through the module and is now taking its quiz."""

    weight = 1
    kind = "quiz_takers"

    @task
    def take_quiz(self):
        page = self.get(QUIZ_URL, name="/modules/<slug>/quiz/")
        self.answer_quiz(page)


class LeadUser(SiteUser):
    """An agency or partnership lead checking how far the learning has reached."""

    weight = 1
    kind = "leads"
    # A dashboard or a person's record takes longer to read than a case step.
    wait_time = between(10, 30)

    @task(3)
    def dashboard(self):
        page = self.get("/reports/")
        drill_downs = [
            href
            for href in links(page.text or "", "/reports/")
            if href.rstrip("/") != "/reports"
            and "export" not in href
            and not href.endswith(".pdf")
        ]
        if drill_downs:
            self.wait()
            href = self.rng.choice(drill_downs)
            self.get(href, name="/reports/ drill-down")

    @task(1)
    def people(self):
        page = self.get("/reports/people/")
        people = [h for h in links(page.text or "", "/reports/people/") if h[-2] != "/"]
        people = [h for h in people if h.rstrip("/").rsplit("/", 1)[-1].isdigit()]
        if people:
            self.wait()
            self.get(self.rng.choice(people), name="/reports/people/<id>/")


# Sign-in storm -------------------------------------------------------------------
# Each sign-in costs about half a second of CPU (PBKDF2, 1,000,000 iterations), so
# while everyone arrives the server is busy hashing. With LOADTEST_SIGN_IN_OUT set,
# the figures up to the moment the last person has signed in are written there and
# the statistics start again, so that both phases are reported separately.

_signed_in = {"count": 0, "started": time.time()}


def _signed_in_one(environment):
    _signed_in["count"] += 1
    out = os.environ.get("LOADTEST_SIGN_IN_OUT")
    if not out or _signed_in["count"] != environment.runner.target_user_count:
        return
    stats = environment.runner.stats
    total = stats.total
    sign_in = stats.get("sign in (submit)", "POST")
    Path(out).write_text(
        json.dumps(
            {
                "users": _signed_in["count"],
                "seconds": round(time.time() - _signed_in["started"], 1),
                "requests": total.num_requests,
                "failures": total.num_failures,
                "p50": total.get_response_time_percentile(0.5),
                "p95": total.get_response_time_percentile(0.95),
                "p99": total.get_response_time_percentile(0.99),
                "max": total.max_response_time,
                "sign_in_p50": sign_in.get_response_time_percentile(0.5),
                "sign_in_p95": sign_in.get_response_time_percentile(0.95),
            }
        )
    )
    stats.reset_all()


@events.test_start.add_listener
def _started(environment, **_kwargs):
    _signed_in["started"] = time.time()


# Quiz burst ----------------------------------------------------------------------

_burst = {
    "ready": 0,
    "done": 0,
    "double_clicks": 0,
    "first": None,
    "last_sent": None,
    "last": None,
}
_all_ready = Event()


class QuizBurstUser(SiteUser):
    """All sign in, then all start the same quiz within a few seconds."""

    kind = "burst"
    wait_time = between(1, 3)

    def account(self):
        number = next(_burst_accounts)
        return number, MANIFEST["burst"][number % len(MANIFEST["burst"])]

    def on_start(self):
        try:
            super().on_start()
            self.page = self.get(QUIZ_URL, name="burst: quiz page before the start")
        finally:
            # Counted even after a failed sign-in, so that nobody waits for them.
            _burst["ready"] += 1
            if _burst["ready"] >= self.environment.runner.target_user_count:
                _all_ready.set()

    @task
    def burst(self):
        try:
            self._start_and_submit()
        finally:
            _burst["done"] += 1
            if _burst["done"] >= self.environment.runner.target_user_count:
                gevent.spawn_later(1, self.environment.runner.quit)
            self.stop()

    def _start_and_submit(self):
        _all_ready.wait(timeout=BURST_READY_TIMEOUT)
        gevent.sleep(self.rng.uniform(0, BURST_WINDOW))
        intro = getattr(self, "page", None)
        form = form_with(intro.text or "", "action") if intro is not None else None
        if form is None:
            return
        data = form.filled(self.rng)
        sent = time.time()
        _burst["first"] = min(_burst["first"] or sent, sent)
        _burst["last_sent"] = max(_burst["last_sent"] or sent, sent)
        # Some people press the start button twice: both requests race.
        twice = self.rng.random() < DOUBLE_CLICK
        if twice:
            second = gevent.spawn(
                self.post, QUIZ_URL, data, name="burst: start quiz (second click)"
            )
        page = self.post(QUIZ_URL, data, name="burst: start quiz")
        if twice:
            second.join()
            _burst["double_clicks"] += 1
        _burst["last"] = max(_burst["last"] or 0, time.time())
        attempt = form_with(page.text or "", "attempt")
        if attempt is not None:
            self.wait()
            self.post(
                QUIZ_URL,
                attempt.filled(self.rng, button="submit"),
                name="burst: submit quiz",
            )


@events.quitting.add_listener
def _write_burst_window(environment, **_kwargs):
    out = os.environ.get("LOADTEST_BURST_OUT")
    if out and _burst["first"]:
        Path(out).write_text(
            json.dumps(
                {
                    "ready": _burst["ready"],
                    "done": _burst["done"],
                    "double_clicks": _burst["double_clicks"],
                    "window_seconds": round(_burst["last_sent"] - _burst["first"], 2),
                    "all_started_seconds": round(_burst["last"] - _burst["first"], 2),
                }
            )
        )
