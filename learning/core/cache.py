"""A Redis cache that degrades when Redis fails, instead of taking the site down.

Django's ``RedisCache`` raises whenever Redis cannot be reached: with Redis stopped,
every request failed (sessions, permissions and rate limits all use the cache), and
with Redis frozen each one waited for its socket timeouts. ``ResilientRedisCache``
keeps serving:

- Sockets time out after a quarter of a second and are not retried.
- An operation that fails is a miss (``get`` gives the default, ``add`` False,
  ``incr`` raises ``ValueError`` as for a missing key, writes do nothing), logged
  once per outage.
- A circuit breaker, one per process and Redis server: after a failure Redis is not
  tried at all; a background thread checks it every ``CIRCUIT_BREAKER_SECONDS`` and
  puts it back in use once it answers. A dead or frozen Redis costs each process one
  timeout per outage, not one per request.
- Keys starting with one of ``FAIL_SAFE_PREFIXES`` (our rate limits and allauth's,
  sign-in lock-outs among them, and the two-step sign-in codes already used) live in
  ``FAILOVER_CACHE`` (the database cache) while Redis is unavailable, so they keep
  counting. If that fails too they read as misses, which their callers take as "over
  the limit" (or "code already used"), never as "unlimited".
- Before Redis is used again, every entry the process might have left stale is
  removed (all but the fail-safe counters): a sign-out, a revoked role or any other
  change made during the outage could not reach Redis, and Redis restarted from its
  saved data (or thawed) would otherwise serve what it held before.

The breaker's state is per process on purpose: it describes this process's view of
Redis and holds no application data. What that leaves: when Redis returns, a process
whose breaker closed first may serve an entry that another process could not update
or delete meanwhile, until that process's watcher removes it (one interval at most);
and the fail-safe counters kept in the database during an outage are not copied
back, so after it each limit counts from what Redis held before.
"""

import logging
import os
import re
import threading
import time
from contextlib import nullcontext

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.core.signals import setting_changed
from django.db import DatabaseError, router, transaction
from django.dispatch import receiver

import redis

logger = logging.getLogger(__name__)

UNREACHABLE_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
DEFAULT_SOCKET_TIMEOUT = 0.25
DEFAULT_CIRCUIT_BREAKER_SECONDS = 5.0
# Rate-limit counters, ours (learning.core.ratelimit) and allauth's with its locks,
# and allauth's record of two-step sign-in codes already used (each works once; a
# miss would refuse every code).
DEFAULT_FAIL_SAFE_PREFIXES = ("rl:", "allauth:rl:", "allauth.mfa.totp.used?")
SCAN_BATCH = 1000
_NOT_FOUND = object()


class _Circuit:
    """Whether this process uses one Redis server just now (shared by its threads)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.is_open = False
        self._lock = threading.Lock()
        self._skipped = 0
        self._opened_at = 0.0
        self._watching = False
        self._failover_failed = False
        self._stop = threading.Event()

    def skip(self) -> None:
        with self._lock:
            self._skipped += 1

    def trip(self, exc: Exception, remove_stale) -> None:
        """Open the circuit after a failure (logged once) and watch for recovery."""
        with self._lock:
            self._skipped += 1
            first = not self.is_open
            if first:
                self.is_open = True
                self._opened_at = time.monotonic()
                self._failover_failed = False
            start_watching = not self._watching and not self._stop.is_set()
            self._watching = self._watching or start_watching
        if first:
            logger.warning(
                "Redis cache unreachable (%s): serving without it and checking "
                "again every %s seconds",
                type(exc).__name__,
                self.seconds,
            )
        if start_watching:
            threading.Thread(
                target=self._watch,
                args=(remove_stale,),
                name="redis-cache-watch",
                daemon=True,
            ).start()

    def failover_failed(self, exc: Exception) -> None:
        with self._lock:
            first = not self._failover_failed
            self._failover_failed = True
        if first:
            logger.error(
                "Failover cache unavailable too (%s): rate limits refuse until "
                "Redis or the cache table answers",
                type(exc).__name__,
            )

    def _watch(self, remove_stale) -> None:
        reported = False
        while not self._stop.wait(self.seconds):
            try:
                removed = self._recover(remove_stale)
            except UNREACHABLE_ERRORS:
                continue
            except redis.exceptions.RedisError as exc:
                # Answering, but refusing SCAN or UNLINK (an ACL, say): stay degraded
                # rather than serve what may be stale, and say why, once.
                if not reported:
                    logger.error(
                        "Redis cache answers again but stale entries could not be "
                        "removed (%s); still serving without it",
                        type(exc).__name__,
                    )
                    reported = True
                continue
            with self._lock:
                if self.is_open:
                    continue  # failed again meanwhile, or stopped
                self._watching = False
                downtime = time.monotonic() - self._opened_at
            logger.warning(
                "Redis cache reachable again after %.1f seconds; %d entries that "
                "may have gone stale were removed",
                downtime,
                removed,
            )
            return

    def _recover(self, remove_stale) -> int:
        """Remove what may be stale, then close the circuit (unless stopped)."""
        with self._lock:
            skipped = self._skipped
        removed = remove_stale()
        with self._lock:
            if self._stop.is_set():
                return removed
            self.is_open = False
            skipped_meanwhile = self._skipped != skipped
        if skipped_meanwhile:
            # A write may have been skipped while the entries were being removed:
            # remove them again, now that every later write reaches Redis.
            try:
                removed += remove_stale()
            except redis.exceptions.RedisError:
                with self._lock:
                    self.is_open = True
                    self._skipped += 1
                raise
        return removed

    def stop(self) -> None:
        self._stop.set()

    def forked(self) -> None:
        self._lock = threading.Lock()
        self.is_open = False
        self._watching = False


_circuits: dict[str, _Circuit] = {}
_circuits_lock = threading.Lock()


def _circuit_for(servers: str, seconds: float) -> _Circuit:
    with _circuits_lock:
        circuit = _circuits.get(servers)
        if circuit is None:
            circuit = _circuits[servers] = _Circuit(seconds)
        return circuit


def reset_circuits() -> None:
    """Forget every circuit and stop its watcher (when ``CACHES`` changes)."""
    with _circuits_lock:
        for circuit in _circuits.values():
            circuit.stop()
        _circuits.clear()


@receiver(setting_changed)
def _forget_circuits_when_caches_change(*, setting, **kwargs):
    if setting == "CACHES":
        reset_circuits()


def _after_fork_in_child() -> None:
    # The parent's watcher threads do not follow a forked process (a gunicorn
    # worker), and a lock may have been held by one of them: the child starts with
    # Redis in use and finds out for itself, its first failure opening the circuit.
    global _circuits_lock
    _circuits_lock = threading.Lock()
    for circuit in _circuits.values():
        circuit.forked()


os.register_at_fork(after_in_child=_after_fork_in_child)


def _savepoint(cache):
    # A failed query must not abort the caller's transaction (PostgreSQL would
    # refuse everything after it).
    if isinstance(cache, DatabaseCache):
        return transaction.atomic(using=router.db_for_write(cache.cache_model_class))
    return nullcontext()


class ResilientRedisCache(RedisCache):
    """``RedisCache`` that serves misses (and fails over) while Redis is unavailable.

    Extra ``OPTIONS``, removed before the rest go to redis-py: ``FAILOVER_CACHE``
    (an alias in ``CACHES``), ``FAIL_SAFE_PREFIXES`` and ``CIRCUIT_BREAKER_SECONDS``.
    ``socket_connect_timeout`` and ``socket_timeout`` default to 0.25 seconds.
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self._failover_alias = options.pop("FAILOVER_CACHE", None)
        self._fail_safe_prefixes = tuple(
            options.pop("FAIL_SAFE_PREFIXES", DEFAULT_FAIL_SAFE_PREFIXES)
        )
        seconds = float(
            options.pop("CIRCUIT_BREAKER_SECONDS", DEFAULT_CIRCUIT_BREAKER_SECONDS)
        )
        options.setdefault("socket_connect_timeout", DEFAULT_SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT)
        super().__init__(server, {**params, "OPTIONS": options})
        self._circuit = _circuit_for(",".join(self._servers), seconds)

    @property
    def failover_alias(self) -> str | None:
        return self._failover_alias

    @property
    def degraded(self) -> bool:
        """True while this process is serving without Redis."""
        return self._circuit.is_open

    # Reaching Redis, and what to do when it cannot be reached.

    def _redis(self, call, *args):
        """``(True, result)`` from Redis, or ``(False, None)`` while it is unavailable."""
        if self._circuit.is_open:
            self._circuit.skip()
            return False, None
        try:
            return True, call(*args)
        except UNREACHABLE_ERRORS as exc:
            self._circuit.trip(exc, self._remove_stale)
            return False, None

    def _is_fail_safe(self, key) -> bool:
        return str(key).startswith(self._fail_safe_prefixes)

    def _failover(self, method, *args, miss, **kwargs):
        """``method`` on the failover cache, or ``miss`` if there is none or it fails."""
        if not self._failover_alias:
            return miss
        failover = caches[self._failover_alias]
        try:
            with _savepoint(failover):
                return getattr(failover, method)(*args, **kwargs)
        except DatabaseError as exc:
            self._circuit.failover_failed(exc)
            return miss

    def _remove_stale(self) -> int:
        """Delete this site's entries from Redis, all but the fail-safe counters."""
        client = self._cache.get_client(None, write=True)
        escaped_prefix = re.sub(r"([\\\[\]*?])", r"\\\1", self.key_prefix)
        pattern = self.key_func("*", escaped_prefix, "*")
        kept = tuple(
            self.make_key(prefix).encode() for prefix in self._fail_safe_prefixes
        )
        removed, batch = 0, []
        for key in client.scan_iter(match=pattern, count=SCAN_BATCH):
            if key.startswith(kept):
                continue
            batch.append(key)
            if len(batch) >= SCAN_BATCH:
                removed += client.unlink(*batch)
                batch = []
        if batch:
            removed += client.unlink(*batch)
        return removed

    # The cache API.

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        answered, result = self._redis(super().add, key, value, timeout, version)
        if answered:
            return result
        if self._is_fail_safe(key):
            return self._failover("add", key, value, timeout, version, miss=False)
        return False

    def get(self, key, default=None, version=None):
        answered, result = self._redis(super().get, key, default, version)
        if answered:
            return result
        if self._is_fail_safe(key):
            return self._failover("get", key, default, version, miss=default)
        return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        answered, _result = self._redis(super().set, key, value, timeout, version)
        if not answered and self._is_fail_safe(key):
            self._failover("set", key, value, timeout, version, miss=None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        answered, result = self._redis(super().touch, key, timeout, version)
        if answered:
            return result
        if self._is_fail_safe(key):
            return self._failover("touch", key, timeout, version, miss=False)
        return False

    def delete(self, key, version=None):
        answered, result = self._redis(super().delete, key, version)
        if answered:
            return result
        if self._is_fail_safe(key):
            return self._failover("delete", key, version, miss=False)
        return False

    def get_many(self, keys, version=None):
        keys = list(keys)
        answered, result = self._redis(super().get_many, keys, version)
        if answered:
            return result
        fail_safe = [key for key in keys if self._is_fail_safe(key)]
        if not fail_safe:
            return {}
        return self._failover("get_many", fail_safe, version, miss={})

    def has_key(self, key, version=None):
        answered, result = self._redis(super().has_key, key, version)
        if answered:
            return result
        if self._is_fail_safe(key):
            return self._failover("has_key", key, version, miss=False)
        return False

    def incr(self, key, delta=1, version=None):
        answered, result = self._redis(super().incr, key, delta, version)
        if answered:
            return result
        if self._is_fail_safe(key):
            result = self._failover("incr", key, delta, version, miss=_NOT_FOUND)
            if result is not _NOT_FOUND:
                return result
        raise ValueError(f"Key '{key}' not found.")

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        answered, result = self._redis(super().set_many, data, timeout, version)
        if answered:
            return result
        fail_safe = {
            key: value for key, value in data.items() if self._is_fail_safe(key)
        }
        failed = [key for key in data if key not in fail_safe]
        if fail_safe:
            failed += self._failover(
                "set_many", fail_safe, timeout, version, miss=list(fail_safe)
            )
        return failed

    def delete_many(self, keys, version=None):
        keys = list(keys)
        answered, _result = self._redis(super().delete_many, keys, version)
        fail_safe = [key for key in keys if self._is_fail_safe(key)]
        if not answered and fail_safe:
            self._failover("delete_many", fail_safe, version, miss=None)

    def clear(self):
        answered, result = self._redis(super().clear)
        return result if answered else False
