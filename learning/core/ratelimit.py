"""A small fixed-window rate limit kept in the shared cache (Redis in production)."""

import logging

from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limit_hit(*, key: str, limit: int, window_seconds: int) -> bool:
    """Count one use of ``key``; True once more than ``limit`` uses fall in the window.

    Fails safe: when the cache can count nowhere (Redis and its failover both down,
    ``learning.core.cache``), every use is over the limit, never unlimited.
    """
    window = int(timezone.now().timestamp()) // window_seconds
    cache_key = f"rl:{key}:{window}"
    if cache.add(cache_key, 1, timeout=window_seconds + 1):
        return False
    try:
        count = cache.incr(cache_key)
    except ValueError:
        # Gone since add() found it (expired or evicted): start the count again.
        # If that fails too, nothing can be counted.
        if cache.add(cache_key, 1, timeout=window_seconds + 1):
            return False
        # The limit's name only: the rest of the key names a person or an address.
        logger.warning(
            "Rate limit %s refused: the cache cannot count", key.split(":", 1)[0]
        )
        return True
    return count > limit
