"""Tasks queued in the database and run by our worker, as in production."""

from learning.core.management.commands.run_worker import ResilientWorker


def use_database_tasks(settings) -> None:
    """Queue tasks in the database, as TASKS_BACKEND=database does (with
    ``settings``, pytest-django's fixture, so that the change is undone)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_MAX_ATTEMPTS = 3
    settings.TASKS_RETRY_DELAY = 60
    settings.TASKS_STUCK_AFTER = 30 * 60


def run_queued_tasks(worker_id="test-worker"):
    """What ``manage.py run_worker --batch`` does: run every task that is due.

    Needs a transactional test: the worker commits as it goes."""
    ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
    ).run()
