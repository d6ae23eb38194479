"""``/healthz``: can this process reach its database and its cache?

For load balancers and container orchestrators. No sign-in, no session, never
cached, and exempt from the HTTPS redirect (``SECURE_REDIRECT_EXEMPT``) so that
it can be called over plain HTTP inside the private network. It says only "ok",
"degraded" or "unavailable" for each part: never hosts, versions or error messages.

"degraded" is the Redis cache failing while the site serves without it
(``learning.core.cache``): the answer stays 200, so that a load balancer keeps the
process in service, but ``make check-prod`` (``production_readiness``) accepts only
"ok", and also checks the failover cache table that the rate limits fall back on.
"""

import logging
import uuid

from django.core.cache import cache, caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK = "ok"
DEGRADED = "degraded"
UNAVAILABLE = "unavailable"
SERVING = {OK, DEGRADED}


def database_check() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception as exc:
        # The exception's class only: its message may name hosts or users.
        logger.warning("health check: database unreachable (%s)", type(exc).__name__)
        return False


def cache_check() -> str:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, OK, timeout=10)
        found = cache.get(key)
        cache.delete(key)
    except Exception as exc:
        logger.warning("health check: cache unreachable (%s)", type(exc).__name__)
        return UNAVAILABLE
    if found == OK:
        return OK
    # The resilient Redis cache serves misses while Redis is down (and says so).
    return DEGRADED if getattr(cache, "degraded", False) else UNAVAILABLE


def failover_cache_check() -> str | None:
    """Whether the cache that rate limits fall back on works (None: none is set)."""
    alias = getattr(cache, "failover_alias", None)
    if not alias:
        return None
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        failover = caches[alias]
        failover.set(key, OK, timeout=10)
        found = failover.get(key)
        failover.delete(key)
    except Exception as exc:
        logger.warning("health check: failover cache failed (%s)", type(exc).__name__)
        return UNAVAILABLE
    return OK if found == OK else UNAVAILABLE


def health_status() -> dict[str, str]:
    return {
        "database": OK if database_check() else UNAVAILABLE,
        "cache": cache_check(),
    }


FAILOVER_TABLE_MISSING = (
    "The failover cache does not work: run `python manage.py createcachetable`."
)


def production_readiness() -> tuple[bool, list[str]]:
    """``make check-prod``: the database, the cache and its failover, all "ok"."""
    status = health_status()
    lines = [f"database: {status['database']}, cache: {status['cache']}"]
    ready = set(status.values()) == {OK}
    failover = failover_cache_check()
    if failover is not None:
        lines.append(f"failover cache: {failover}")
        if failover != OK:
            ready = False
            lines.append(FAILOVER_TABLE_MISSING)
    return ready, lines


@never_cache
@require_safe
def healthz(request):
    status = health_status()
    serving = status["database"] == OK and status["cache"] in SERVING
    return JsonResponse(status, status=200 if serving else 503)
