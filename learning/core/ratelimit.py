"""A small fixed-window rate limit kept in the shared cache (Redis in production)."""

from django.core.cache import cache
from django.utils import timezone


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limit_hit(*, key: str, limit: int, window_seconds: int) -> bool:
    """Count one use of ``key``; True once more than ``limit`` uses fall in the window."""
    window = int(timezone.now().timestamp()) // window_seconds
    cache_key = f"rl:{key}:{window}"
    if cache.add(cache_key, 1, timeout=window_seconds + 1):
        return False
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=window_seconds + 1)
        count = 1
    return count > limit
