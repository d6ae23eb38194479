"""``/healthz``: can this process reach its database and its cache?

For load balancers and container orchestrators. No sign-in, no session, never
cached, and exempt from the HTTPS redirect (``SECURE_REDIRECT_EXEMPT``) so that
it can be called over plain HTTP inside the private network. It says only "ok" or
"unavailable" for each part: never hosts, versions or error messages.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK = "ok"
UNAVAILABLE = "unavailable"


def database_check() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception as exc:
        # The exception's class only: its message may name hosts or users.
        logger.warning("health check: database unreachable (%s)", type(exc).__name__)
        return False


def cache_check() -> bool:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, OK, timeout=10)
        found = cache.get(key)
        cache.delete(key)
        return found == OK
    except Exception as exc:
        logger.warning("health check: cache unreachable (%s)", type(exc).__name__)
        return False


def health_status() -> dict[str, str]:
    return {
        "database": OK if database_check() else UNAVAILABLE,
        "cache": OK if cache_check() else UNAVAILABLE,
    }


@never_cache
@require_safe
def healthz(request):
    status = health_status()
    healthy = all(value == OK for value in status.values())
    return JsonResponse(status, status=200 if healthy else 503)
