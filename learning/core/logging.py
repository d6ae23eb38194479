"""Structured logs: one JSON object a line, without secrets, tagged with a request id.

Standard library only, so that it works before Django is set up (gunicorn loads it
for its own access log too). ``LOGGING`` in the settings wires it up:

- ``JsonFormatter`` writes time, level, logger, message, request id and every field
  passed in ``extra=``;
- ``SecretsFilter`` drops extra fields whose names suggest a secret (passwords,
  tokens, codes, secrets, session keys, CSRF values) before any handler sees them;
- ``RequestLogMiddleware`` gives each request an id (the proxy's ``X-Request-ID``
  when it is safe to reuse) and logs every refused request (403) to
  ``learning.security``, with the path but never the query string.
"""

import contextvars
import json
import logging
import re
import traceback
import uuid
from datetime import UTC, datetime

SECURITY_LOGGER = "learning.security"

_request_id = contextvars.ContextVar("request_id", default=None)

# Attributes every LogRecord has; anything else came from ``extra=``.
_RECORD_ATTRIBUTES = frozenset(
    logging.LogRecord("", 0, "", 0, "", (), None).__dict__
) | {"message", "asctime", "taskName", "request_id"}

SECRET_KEY_PATTERN = re.compile(
    r"pass(word|wd)?|token|code|secret|session|csrf|cookie|authori[sz]ation|otp|key",
    re.IGNORECASE,
)
REDACTED = "[removed]"

# A request id from the proxy is reused only when it looks like one.
_REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{8,128}$")


def request_id_get() -> str | None:
    return _request_id.get()


def _is_secret_key(name: str) -> bool:
    return bool(SECRET_KEY_PATTERN.search(str(name)))


def scrub(value):
    """A copy of ``value`` with every dict key that names a secret removed."""
    if isinstance(value, dict):
        return {
            key: scrub(item) for key, item in value.items() if not _is_secret_key(key)
        }
    if isinstance(value, list | tuple):
        return [scrub(item) for item in value]
    return value


class SecretsFilter(logging.Filter):
    """Remove ``extra`` fields named like secrets (and secrets nested inside them)."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name in list(record.__dict__):
            if name in _RECORD_ATTRIBUTES:
                continue
            if _is_secret_key(name):
                delattr(record, name)
            else:
                setattr(record, name, scrub(record.__dict__[name]))
        if isinstance(record.args, dict):
            record.args = scrub(record.args)
        return True


class RequestIdFilter(logging.Filter):
    """Attach the current request's id, for the plain format too."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get() or "-"
        return True


def _jsonable(value):
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(item) for item in value]
    return str(value)


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request id, extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or _request_id.get()
        if request_id and request_id != "-":
            entry["request_id"] = request_id
        for name, value in record.__dict__.items():
            if name in _RECORD_ATTRIBUTES or name in entry:
                continue
            # Django adds the request object itself to some records; it would print
            # its repr (with the query string), so only the path is kept.
            if name == "request":
                entry["path"] = getattr(value, "path", None)
                continue
            entry[name] = _jsonable(value)
        if record.exc_info:
            entry["exception"] = "".join(
                traceback.format_exception(*record.exc_info)
            ).rstrip()
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, ensure_ascii=False, default=str)


class RequestLogMiddleware:
    """Give every request an id and log refused requests to ``learning.security``."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.logger = logging.getLogger(SECURITY_LOGGER)

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = (
            incoming if _REQUEST_ID_PATTERN.match(incoming) else uuid.uuid4().hex
        )
        request.request_id = request_id
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
            if response.status_code == 403:
                self._log_denied(request)
            response.headers.setdefault("X-Request-ID", request_id)
            return response
        finally:
            _request_id.reset(token)

    def _log_denied(self, request) -> None:
        user = getattr(request, "user", None)
        user_id = user.pk if getattr(user, "is_authenticated", False) else None
        self.logger.warning(
            "permission denied",
            extra={
                "event": "permission_denied",
                "path": request.path,
                "method": request.method,
                "user_id": user_id,
            },
        )
