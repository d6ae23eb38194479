"""The task worker: django-tasks-db's ``db_worker``, kept alive through database outages.

``db_worker`` exits on the first database error, so a PostgreSQL restart or failover
stopped all background work until someone restarted it. This worker closes its
connections, waits (1 s, doubling to at most ``MAX_OUTAGE_WAIT``) and carries on.
Whenever it (re)starts it first queues again the tasks recorded as running under its
own worker id: it is running none of them, so they were cut short (by the outage,
or by the death of an earlier process with the same id). The service manager
restarts it if it stops for any other reason (deploy/systemd).
"""

import contextlib
import logging
import os
import time

from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from learning.core.tasks import tasks_reap

logger = logging.getLogger("learning.core.worker")

MAX_OUTAGE_WAIT = 30.0
# Connected for this long, an outage counts as a new one: the wait starts again at 1 s.
HEALTHY_AFTER = 60.0


class ResilientWorker(Worker):
    def run(self) -> None:
        wait = 1.0
        while self.running:
            connected_at = time.monotonic()
            try:
                self.recover_own_tasks()
                super().run()
                return
            except (OperationalError, InterfaceError) as exc:
                if time.monotonic() - connected_at > HEALTHY_AFTER:
                    wait = 1.0
                logger.warning(
                    "The database is unavailable (%s: %s); worker %s tries again "
                    "in %.0f s",
                    type(exc).__name__,
                    str(exc).strip().splitlines()[0] if str(exc).strip() else "",
                    self.worker_id,
                    wait,
                )
                close_connections()
                time.sleep(wait)
                wait = min(wait * 2, MAX_OUTAGE_WAIT)
                self.startup_delay = False

    def recover_own_tasks(self) -> None:
        reaped = tasks_reap(worker_id=self.worker_id)
        if reaped.queued_again or reaped.failed:
            logger.warning(
                "Worker %s found %d task(s) of its own cut short: %d queued again, "
                "%d failed",
                self.worker_id,
                reaped.queued_again + reaped.failed,
                reaped.queued_again,
                reaped.failed,
            )


def close_connections() -> None:
    for connection in connections.all(initialized_only=True):
        # A broken connection is dropped all the same.
        with contextlib.suppress(Exception):
            connection.close()


class Command(DbWorkerCommand):
    help = (
        "Run queued background tasks (django-tasks-db's db_worker), riding out "
        "database outages. Run it under a service manager that restarts it."
    )

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        worker = ResilientWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
