"""Background work that survives failures: retries, the reaper and emails sent once.

- ``retried_task`` declares a task (as ``django_tasks.task`` does) that is queued
  again when it fails for a passing reason (``is_transient``: the mail server,
  database or storage unreachable, a full disk): ``TASKS_RETRY_DELAY`` seconds later,
  doubling each time, until ``TASKS_MAX_ATTEMPTS`` attempts. The attempt number
  travels in the task's keyword arguments (``attempt``), so each attempt is a task
  row of its own and keeps its outcome. Every such task must be idempotent: a retry,
  or a run the reaper queues again, repeats work that may have been half done.
- ``stuck_work_reap`` (``manage.py reap_stuck_tasks``, from cron) queues again the
  tasks whose worker died while running them, counting the attempt, and fails the
  background jobs that no task is left to finish, telling their requester why.
- ``send_once`` and ``send_each`` record an email as sent only after the mail server
  accepted it. A claim taken before the send keeps two runs from sending the same
  email; a failed send gives the claim back, so the next run tries again.

Sending is at least once: a process that dies after the mail server accepted an
email but before recording it sends that email again when its claim runs out.
"""

import errno
import functools
import logging
import smtplib
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from django_tasks import task
from django_tasks.base import Task, TaskResultStatus

from .models import BackgroundJob, EmailClaim, JobFailure, JobStatus

logger = logging.getLogger(__name__)

# Failures of the machine rather than of the work: trying again later may succeed.
TRANSIENT_ERRNOS = frozenset(
    {
        errno.ENOSPC,
        errno.EDQUOT,
        errno.EIO,
        errno.EAGAIN,
        errno.EBUSY,
        errno.EMFILE,
        errno.ENFILE,
        errno.ENOMEM,
        errno.ETIMEDOUT,
        errno.ENETDOWN,
        errno.ENETUNREACH,
        errno.EHOSTUNREACH,
    }
)
MAX_RETRY_DELAY = timedelta(hours=1)
# A claim this old belongs to a process that died mid-send (EMAIL_TIMEOUT bounds a
# live one), so another run may take it over.
CLAIM_LEASE = timedelta(minutes=15)
WORKER_LOST = "The worker running this task stopped before it finished."
NO_TASK_LEFT = "No task was left to finish this job."


class WorkerLost(Exception):
    """Recorded as the failure of a task whose worker died while running it."""


def is_transient(exc: BaseException) -> bool:
    """Whether the same work, tried again later, may succeed."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code < 500 for code, _reply in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code < 500
    if isinstance(
        exc,
        smtplib.SMTPException
        | OperationalError
        | InterfaceError
        | ConnectionError
        | TimeoutError
        | socket.gaierror,
    ):
        return True
    if isinstance(exc, OSError):
        return exc.errno in TRANSIENT_ERRNOS
    if type(exc).__module__.startswith("botocore."):
        return _is_transient_s3_error(exc)
    return False


def _is_transient_s3_error(exc: BaseException) -> bool:
    from botocore.exceptions import ClientError, HTTPClientError
    from botocore.exceptions import ConnectionError as S3ConnectionError

    if isinstance(exc, S3ConnectionError | HTTPClientError):
        return True
    if isinstance(exc, ClientError):
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        return status >= 500 or status == 429
    return False


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after failed attempt number ``attempt`` (1 for the first)."""
    delay = timedelta(seconds=settings.TASKS_RETRY_DELAY * 2 ** (attempt - 1))
    return min(delay, MAX_RETRY_DELAY)


@dataclass(frozen=True)
class RetriedTask:
    task: Task
    for_job: bool


# Module path of each task declared with ``retried_task`` -> how it is retried.
RETRIED: dict[str, RetriedTask] = {}


def retried_task(*, for_job: bool = False, **options) -> Callable[[Callable], Task]:
    """Declare a task that is queued again after a transient failure.

    ``for_job``: the task's first argument is a ``BackgroundJob`` id. While a retry
    waits, the job shows as waiting to start again; when the reaper gives up on it,
    the job fails with a message its requester sees.
    """

    def decorate(func: Callable) -> Task:
        @functools.wraps(func)
        def run(*args, attempt: int = 1, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception as exc:
                if is_transient(exc):
                    _try_again(
                        RETRIED[declared.module_path], args, kwargs, attempt, exc
                    )
                raise

        declared = task(**options)(run)
        RETRIED[declared.module_path] = RetriedTask(task=declared, for_job=for_job)
        return declared

    return decorate


def _try_again(retried, args, kwargs, attempt, exc) -> bool:
    name = retried.task.name
    if attempt >= settings.TASKS_MAX_ATTEMPTS:
        logger.error(
            "Task %s failed on its last attempt (%d): %s",
            name,
            attempt,
            type(exc).__name__,
        )
        return False
    if not retried.task.get_backend().supports_defer:
        # Tasks run inline (development): nothing would come back to it later.
        return False
    run_after = timezone.now() + retry_delay(attempt)
    try:
        with transaction.atomic():
            retried.task.using(run_after=run_after).enqueue(
                *args, attempt=attempt + 1, **kwargs
            )
            if retried.for_job:
                _job_waits_again(_job_id(args, kwargs))
    except Exception:
        logger.exception("Task %s could not be queued again", name)
        return False
    logger.warning(
        "Task %s failed (attempt %d of %d, %s); it runs again after %s",
        name,
        attempt,
        settings.TASKS_MAX_ATTEMPTS,
        type(exc).__name__,
        run_after.isoformat(),
    )
    return True


def _job_id(args, kwargs):
    return args[0] if args else kwargs.get("job_id")


def _job_waits_again(job_id) -> None:
    BackgroundJob.objects.filter(pk=job_id).exclude(status=JobStatus.DONE).update(
        status=JobStatus.QUEUED, progress=0, error="", failure="", finished_at=None
    )


def _job_stopped(job_id, *, now, error=WORKER_LOST) -> int:
    return BackgroundJob.objects.filter(
        pk=job_id, status__in=[JobStatus.QUEUED, JobStatus.RUNNING]
    ).update(
        status=JobStatus.FAILED,
        failure=JobFailure.STOPPED,
        error=error,
        finished_at=now,
    )


def _retried(task_path: str) -> RetriedTask | None:
    """How the task at ``task_path`` is retried, importing it to find out."""
    if task_path not in RETRIED:
        try:
            import_string(task_path)
        except ImportError:
            return None
    return RETRIED.get(task_path)


@dataclass(frozen=True)
class Reaped:
    queued_again: int = 0
    failed: int = 0
    jobs_failed: int = 0


def stuck_work_reap(*, now=None, stuck_after: timedelta | None = None) -> Reaped:
    """Recover the work of dead workers: tasks first, then the jobs left behind."""
    now = now or timezone.now()
    if stuck_after is None:
        stuck_after = timedelta(seconds=settings.TASKS_STUCK_AFTER)
    tasks = tasks_reap(now=now, stuck_after=stuck_after)
    jobs_failed = jobs_reap(now=now, stuck_after=stuck_after)
    return Reaped(tasks.queued_again, tasks.failed, jobs_failed)


def tasks_reap(*, now=None, stuck_after=None, worker_id=None) -> Reaped:
    """Queue again (or fail, after the last attempt) tasks running past ``stuck_after``
    (default ``TASKS_STUCK_AFTER`` seconds).

    With ``worker_id``, only the tasks that worker was running, whatever their age:
    a worker that (re)starts under its own id is running none of them.
    """
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    running = DBTaskResult.objects.running()
    if worker_id is None:
        if stuck_after is None:
            stuck_after = timedelta(seconds=settings.TASKS_STUCK_AFTER)
        running = running.filter(started_at__lt=now - stuck_after)
    queued_again = failed = 0
    for pk, worker_ids in list(running.values_list("pk", "worker_ids")):
        if worker_id is not None and (not worker_ids or worker_ids[-1] != worker_id):
            continue
        with transaction.atomic():
            row = (
                DBTaskResult.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=TaskResultStatus.RUNNING)
                .first()
            )
            if row is None:
                continue
            if _reap_task(row, now=now):
                queued_again += 1
            else:
                failed += 1
    return Reaped(queued_again=queued_again, failed=failed)


def _reap_task(row, *, now) -> bool:
    """Fail the dead attempt; queue the next one if there is one. True if queued."""
    args = list(row.args_kwargs.get("args", []))
    kwargs = dict(row.args_kwargs.get("kwargs", {}))
    attempt = int(kwargs.get("attempt", 1))
    retried = _retried(row.task_path)
    row.set_failed(WorkerLost(f"{WORKER_LOST} (attempt {attempt})"))
    if retried is not None and attempt < settings.TASKS_MAX_ATTEMPTS:
        # The task row's own backend, queue and priority; ready at once, since the
        # worker, not the work, failed.
        row.task.using(run_after=now).enqueue(
            *args, **{**kwargs, "attempt": attempt + 1}
        )
        if retried.for_job:
            _job_waits_again(_job_id(args, kwargs))
        logger.warning(
            "Task %s lost its worker (attempt %d); queued again",
            row.task_name,
            attempt,
        )
        return True
    if retried is not None and retried.for_job:
        _job_stopped(_job_id(args, kwargs), now=now)
    logger.error("Task %s lost its worker (attempt %d); failed", row.task_name, attempt)
    return False


def jobs_reap(*, now=None, stuck_after: timedelta) -> int:
    """Fail the jobs still waiting or running after ``stuck_after`` with no task left."""
    now = now or timezone.now()
    stuck = BackgroundJob.objects.filter(
        status__in=[JobStatus.QUEUED, JobStatus.RUNNING],
        created_at__lt=now - stuck_after,
    ).exclude(pk__in=_jobs_with_live_tasks())
    failed = 0
    for job_id in list(stuck.values_list("pk", flat=True)):
        failed += _job_stopped(job_id, now=now, error=NO_TASK_LEFT)
    return failed


def _jobs_with_live_tasks() -> set:
    from django_tasks_db.models import DBTaskResult

    live = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    )
    paths = [
        path
        for path in live.values_list("task_path", flat=True).distinct()
        if (retried := _retried(path)) is not None and retried.for_job
    ]
    return {
        _job_id(item.get("args", []), item.get("kwargs", {}))
        for item in live.filter(task_path__in=paths).values_list(
            "args_kwargs", flat=True
        )
    }


# Emails


def email_claim(key: str) -> bool:
    """Take the claim to send the email ``key``: False if sent or being sent."""
    now = timezone.now()
    try:
        with transaction.atomic():
            EmailClaim.objects.create(key=key, claimed_at=now)
        return True
    except IntegrityError:
        pass
    return bool(
        EmailClaim.objects.filter(
            key=key, sent_at__isnull=True, claimed_at__lt=now - CLAIM_LEASE
        ).update(claimed_at=now)
    )


def email_release(key: str) -> None:
    """Give back an unsent claim, so that the next run tries again."""
    try:
        EmailClaim.objects.filter(key=key, sent_at__isnull=True).delete()
    except Exception:
        # The claim runs out after CLAIM_LEASE instead.
        logger.exception("The claim on email %s could not be given back", key)


def send_once(
    *,
    key: str,
    build: Callable[[], EmailMessage | None],
    mark_sent: Callable[[], Any] | None = None,
    connection=None,
) -> bool:
    """Send the email ``build`` makes, unless ``key`` was sent or is being sent.

    ``build`` reads what it needs afresh and returns None when there is nothing to
    send any more. Once the mail server has accepted the email, ``mark_sent``
    records that on the object it is about (the claim is then no longer needed);
    without it, the claim itself records the send. A failed send raises, after
    giving the claim back. True if this call sent the email.
    """
    if not email_claim(key):
        return False
    try:
        message = build()
        if message is None:
            email_release(key)
            return False
        if connection is not None:
            message.connection = connection
        message.send()
    except BaseException:
        email_release(key)
        raise
    with transaction.atomic():
        if mark_sent is None:
            EmailClaim.objects.filter(key=key).update(sent_at=timezone.now())
        else:
            mark_sent()
            EmailClaim.objects.filter(key=key).delete()
    return True


# Refused for this one message; the server itself is working.
PER_MESSAGE_ERRORS = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPDataError,
)


SEND_STOPPED = (
    "The mail server could not be reached, so the run stopped. The emails not sent "
    "are tried again on the next run."
)
SEND_REFUSED = (
    "{count} email(s) could not be sent. They are tried again on the next run."
)


@dataclass
class SendRun:
    """What one run of a scheduled send did."""

    sent: int = 0
    failed: int = 0
    # The mail server (or the database) could not be reached: the run stopped at
    # the first failure and the rest wait for the next run.
    stopped: bool = False

    def problem(self) -> str:
        """What went wrong, for the command's error; empty when nothing did."""
        if self.stopped:
            return SEND_STOPPED
        if self.failed:
            return SEND_REFUSED.format(count=self.failed)
        return ""


def send_each(
    items: Iterable,
    *,
    key: Callable[[Any], str],
    build: Callable[[Any], EmailMessage | None],
    mark_sent: Callable[[Any], Any],
) -> SendRun:
    """``send_once`` for each item, over one connection to the mail server."""
    run = SendRun()
    connection = get_connection()
    try:
        for item in items:
            try:
                connection.open()
                sent = send_once(
                    key=key(item),
                    build=functools.partial(build, item),
                    mark_sent=functools.partial(mark_sent, item),
                    connection=connection,
                )
            except Exception as exc:
                run.failed += 1
                logger.warning(
                    "Email %s was not sent (%s); the next run tries again",
                    key(item),
                    type(exc).__name__,
                )
                if is_transient(exc) and not isinstance(exc, PER_MESSAGE_ERRORS):
                    run.stopped = True
                    break
            else:
                run.sent += int(sent)
    finally:
        try:
            connection.close()
        except Exception:
            logger.warning("The connection to the mail server did not close cleanly")
    return run
