"""Test runs: fast password hashing, in-memory email and immediate tasks."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "tests",
    }
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://testserver")
WHITENOISE_AUTOREFRESH = True
# Many tests act as trainers and leads without an authenticator; the MFA tests turn
# this on with the ``settings`` fixture (the middleware reads it per request).
MFA_REQUIRED_FOR_STAFF = False

# Files written by tests (certificate PDFs, exports) go to a throwaway folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="learning-test-media-"))
