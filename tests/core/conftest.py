"""Fixtures for the core tests: a private Redis, and the site's cache settings on it."""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.core.management import call_command

import pytest
import redis

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER_URL = "redis://127.0.0.1:1/0"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    """A redis-server of the test's own, on a free loopback port."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = _free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def start(self) -> None:
        for _attempt in range(3):
            self.process = subprocess.Popen(  # noqa: S603 - a fixed local binary
                [
                    shutil.which("redis-server"),
                    "--bind",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--dir",
                    str(self.folder),
                    # Kept on disk at shutdown (as a production Redis may be), so
                    # that a restart brings back what the cache held before.
                    "--save",
                    "3600 1",
                    "--appendonly",
                    "no",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if self._wait_until_answering():
                return
            self.process.wait()
            self.port = _free_port()  # taken meanwhile by someone else: another one
        raise RuntimeError("The private redis-server did not start.")

    def _wait_until_answering(self) -> bool:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                if self.client().ping():
                    return True
            except redis.ConnectionError:
                time.sleep(0.02)
        return False

    def kill(self) -> None:
        """Stop it at once, as a crash would: what it held is lost."""
        self.process.kill()
        self.process.wait()

    def shut_down_keeping_data(self) -> None:
        """Stop it with its data saved to disk; ``start`` brings the data back."""
        with contextlib.suppress(redis.ConnectionError):  # it hangs up as it goes
            self.client().shutdown(save=True)
        self.process.wait(timeout=10)

    def freeze(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.thaw()
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="session")
def cache_settings_for_redis():
    """``CACHES`` and ``SESSION_ENGINE`` as the settings build them with REDIS_URL set."""
    script = (
        "import json\n"
        "from learning.settings import base as s\n"
        "print(json.dumps({'CACHES': s.CACHES, 'SESSION_ENGINE': s.SESSION_ENGINE}))\n"
    )
    env = {**os.environ, "REDIS_URL": PLACEHOLDER_URL}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603 - our own interpreter and fixed code
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture
def private_redis(tmp_path, request):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    server = PrivateRedis(tmp_path)
    request.addfinalizer(server.stop)
    server.start()
    return server


@pytest.fixture
def site_on_redis(private_redis, settings, cache_settings_for_redis):
    """The site's cache and sessions on the private Redis, as in production."""
    caches = json.loads(json.dumps(cache_settings_for_redis["CACHES"]))
    for config in caches.values():
        if config.get("LOCATION") == PLACEHOLDER_URL:
            config["LOCATION"] = private_redis.url
    settings.CACHES = caches
    settings.SESSION_ENGINE = cache_settings_for_redis["SESSION_ENGINE"]
    # The database cache (if the settings name one) needs its table in this database.
    call_command("createcachetable", verbosity=0)
    return private_redis
