"""Local development: debugging on, email written to files under var/mail."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Links in emails and certificates (verify URLs, bookings) point at the port the site
# is served on (`PORT=8101 make run`), unless BASE_URL names another address.
WAGTAILADMIN_BASE_URL = env("BASE_URL") or f"http://127.0.0.1:{env('PORT') or 8000}"
