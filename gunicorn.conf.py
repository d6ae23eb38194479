"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py learning.wsgi`.

Every value can be changed from the environment; see README.md, "Production
deployment". Logs (gunicorn's own and the access log) go to stdout/stderr as one
JSON object a line, like the application's, unless LOG_FORMAT=plain.
"""

import gc
import multiprocessing
import os
import re
import time

from gunicorn.glogging import Logger

from learning.core.logging import JsonFormatter, SecretsFilter


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


wsgi_app = "learning.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{_int('PORT', 8000)}")

# Processes: WEB_CONCURRENCY (the usual platform variable), or 4 per core, each
# serving one request at a time. Our pages spend most of their time in Python, where
# threads of one process only take turns on the interpreter lock, so threads
# (GUNICORN_THREADS, which switches to gthread workers) add a PostgreSQL connection
# each but no capacity.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 4)
threads = _int("GUNICORN_THREADS", 1)
# Sync workers: a sync worker takes a new connection only when it is idle, so each
# request goes to a free process. A gthread worker keeps accepting (and keeping
# alive) connections while its one thread is busy: in the load test (README,
# Performance) its busiest process served three times the requests of its quietest
# and requests queued behind it (p99 0.9 s, slowest 2.6 s), where 8 sync workers
# shared the work evenly (p99 0.31 s, slowest 0.48 s). Sync workers need a buffering
# proxy in front (nginx does by default), as gunicorn's documentation says.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")

timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle each worker now and then, so that slow memory growth never builds up.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# Load Django once in the master: workers fork with it ready, start faster and
# share memory. Database connections are opened per worker, after the fork.
preload_app = True


def when_ready(server):
    """In the master, before the first fork: import every view, compile templates.

    Otherwise each worker does it on its first request (about a second of CPU and
    45 MiB, learning/core/warmup.py). gc.freeze() then keeps the collector from
    touching, and so copying, the objects the workers share with the master.
    """
    if server.cfg.preload_app:
        from learning.core.warmup import warm_up

        done = warm_up()
        gc.freeze()
        server.log.info("Warmed up before forking workers: %s", done)


def post_worker_init(worker):
    """Without preload_app, each worker warms itself up before taking requests."""
    if not worker.cfg.preload_app:
        from learning.core.warmup import warm_up

        warm_up()


# X-Forwarded-For/-Proto are believed only from these proxy addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proxy_allow_ips = forwarded_allow_ips

# gunicorn's control socket (for gunicornc) is off unless GUNICORN_CONTROL_SOCKET
# names a path: nothing here uses it, and every instance on a host would otherwise
# share its default path in the home folder.
if os.environ.get("GUNICORN_CONTROL_SOCKET", "").strip():
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"].strip()
else:
    control_socket_disable = True

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Paths that carry a one-time key or token: logged with it replaced.
_TOKEN_PATHS = re.compile(
    r"^(?P<prefix>/accounts/confirm-email/|/accounts/password/reset/key/"
    r"|/follow-up/manager/|/follow-up/)[^/]+"
)


def loggable_path(path: str) -> str:
    """The path without its query string, with any one-time token removed."""
    return _TOKEN_PATHS.sub(r"\g<prefix>[removed]", path.split("?", 1)[0])


class JsonLogger(Logger):
    """gunicorn's logger with JSON lines: the same shape as the application's."""

    def setup(self, cfg):
        super().setup(cfg)
        if os.environ.get("LOG_FORMAT", "json") == "plain":
            return
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(JsonFormatter())
                handler.addFilter(SecretsFilter())

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        headers = {name.lower(): value for name, value in resp.headers}
        path = loggable_path(req.path or "")
        duration_ms = round(
            request_time.seconds * 1000 + request_time.microseconds / 1000, 1
        )
        extra = {
            "event": "http_request",
            "method": req.method,
            "path": path,
            "status": resp.status_code,
            "bytes": getattr(resp, "sent", None),
            "duration_ms": duration_ms,
            "remote_addr": environ.get("REMOTE_ADDR"),
            "user_agent": environ.get("HTTP_USER_AGENT", "")[:300],
            "request_id": headers.get("x-request-id"),
            "pid": os.getpid(),
        }
        if os.environ.get("LOG_FORMAT", "json") == "plain":
            self.access_log.info(
                "%s %s %s %s %sms",
                time.strftime("%Y-%m-%dT%H:%M:%S"),
                req.method,
                path,
                resp.status_code,
                duration_ms,
            )
            return
        self.access_log.info(
            "%s %s %s", req.method, path, resp.status_code, extra=extra
        )


logger_class = JsonLogger
