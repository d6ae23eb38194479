"""A real SMTP server on loopback (aiosmtpd), for tests of what the mail server
accepts. Its port is chosen before it starts, so a test can send while it is down
(the connection is refused, as by a mail server that is not running) and then
start it."""

import contextlib
import socket
from email import message_from_bytes

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LoopbackSMTP:
    def __init__(self):
        self.port = free_port()
        self.messages = []
        self._controller = None

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"

    def start(self):
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def subjects(self) -> list[str]:
        return [message_from_bytes(m.content)["Subject"] for m in self.messages]


@contextlib.contextmanager
def loopback_smtp(settings):
    """The site's email sent over SMTP to a loopback server, not started yet
    (``settings``: pytest-django's fixture, so that the change is undone)."""
    peer = LoopbackSMTP()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = peer.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    try:
        yield peer
    finally:
        peer.stop()
