"""Settings shared by every environment.

Safe for production by default: nothing here enables debugging, and every value that
differs between deployments is read from the environment. ``dev`` and ``test`` only
relax these settings; ``production`` only tightens them.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url
from csp import constants as csp_constants

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number.") from exc


SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "learning.core",
    "learning.accounts.apps.AccountsConfig",
    "learning.reviews",
    "learning.events",
    "learning.briefings",
    "learning.licences",
    "learning.followups",
    "learning.reports",
    "modules",
    "certificates",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "learning.accounts.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
]

MIDDLEWARE = [
    "learning.core.middleware.ArrivalTimeMiddleware",
    "learning.core.logging.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "learning.core.csp.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "learning.core.middleware.MalformedPathMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Ends idle or over-long sign-ins, then keeps staff without two-step sign-in
    # out of the pages that show learners' records.
    "learning.accounts.middleware.SessionTimeoutMiddleware",
    "learning.accounts.middleware.StaffMfaRequiredMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

FORM_RENDERER = "learning.core.forms.GovukFormRenderer"
ROOT_URLCONF = "learning.urls"
WSGI_APPLICATION = "learning.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "learning.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite for concurrent use (make run serves requests on several threads): WAL
    # lets readers carry on while one connection writes; every transaction takes the
    # write lock at BEGIN (IMMEDIATE), so it waits its turn (up to "timeout" seconds)
    # instead of failing with "database is locked" when a read turns into a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles the plan of any query its planner thinks costly;
    # the reports' aggregates over every learner cost more to compile (0.7 to 1.3 s
    # each) than to run (tens of ms), so it is turned off for our connections.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # Redis, degrading when it fails (learning/core/cache.py): quarter-second socket
    # timeouts, misses instead of errors, and the rate-limit counters (sign-in
    # lock-outs among them) kept in the database cache table meanwhile.
    CACHES = {
        "default": {
            "BACKEND": "learning.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "learning"),
            "OPTIONS": {
                "socket_connect_timeout": 0.25,
                "socket_timeout": 0.25,
                "FAILOVER_CACHE": "database",
                "CIRCUIT_BREAKER_SECONDS": 5,
            },
        },
        "database": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache_table",
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "learning"),
        },
    }
else:
    # A database cache keeps rate-limit counters shared between processes even
    # without Redis; nothing is kept in process memory.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache_table",
        }
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # ModelBackend with permission sets cached across requests (see the module).
    "learning.accounts.backends.CachedPermissionsBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# The first hasher hashes new and changed passwords; the others only verify older
# hashes, which are rehashed with the first at the next sign-in.
PASSWORD_HASHERS = [
    "learning.accounts.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "name")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: email is the identifier, and it must be verified.
ACCOUNT_ADAPTER = "learning.accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {
    "signup": "learning.accounts.forms.SignupForm",
    "add_email": "learning.accounts.forms.AddEmailForm",
    "login": "learning.accounts.forms.LoginForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = env("EMAIL_SUBJECT_PREFIX", "[Safeguarding learning] ")
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("HTTP_PROTOCOL", "https")
# Rate limits stay at allauth's defaults (they are on unless set to False); login
# failures are limited per address and per account.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}

# Client addresses for rate limits come from X-Forwarded-For only behind this many
# trusted proxies (0: the connecting address, which is right without a proxy).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Two-step sign-in (allauth.mfa): an authenticator app, with recovery codes.
MFA_ADAPTER = "learning.accounts.security.MfaAdapter"
# Fernet keys (comma-separated; the first encrypts) for authenticator secrets at rest.
# Unset: a key derived from SECRET_KEY (production warns: accounts.W001).
MFA_ENCRYPTION_KEYS = env_list("MFA_ENCRYPTION_KEYS")
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Safeguarding learning"  # the partnership's short name wins
# Trainers, leads and superusers must set it up before they reach the admin,
# reports, registers and other pages showing learners' records
# (learning/accounts/middleware.py).
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", True)

# Years without a sign-in or learning activity after which remove_inactive_accounts
# erases a learner's account.
ACCOUNT_RETENTION_YEARS = env_int("ACCOUNT_RETENTION_YEARS", 6)

# Public certificate checks allowed per address: (requests, seconds).
CERTIFICATE_VERIFY_RATE_LIMIT = (30, 60)

# Sign-up is limited to the email domains of partner agencies unless this is on.
ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN = env_bool("ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN")

# Weeks after a completed module or attended course that the follow-up impact
# questionnaire is sent.
FOLLOW_UP_AFTER_WEEKS = int(env("FOLLOW_UP_AFTER_WEEKS", "8"))
REPORTS_INLINE_EXPORT_MAX_ROWS = env_int("REPORTS_INLINE_EXPORT_MAX_ROWS", 5000)

# Days a prepared export (report file, certificate ZIP) is kept before
# ``expire_exports`` deletes it; the privacy notice states this period.
EXPORT_RETENTION_DAYS = env_int("EXPORT_RETENTION_DAYS", 7)
if EXPORT_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("EXPORT_RETENTION_DAYS must be 1 or more.")
# Large exports are written to a temporary file here before going into storage
# (None: the system's temporary folder). Django uses it for large uploads too.
FILE_UPLOAD_TEMP_DIR = env("FILE_UPLOAD_TEMP_DIR") or None

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Media on S3-compatible object storage (django-storages) when a bucket is named.
# Objects stay private: no public ACL, and every URL is signed and expires, so that
# certificates, exports and licensed documents are never world-readable.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
MEDIA_ORIGIN = None
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")  # None: Amazon S3 itself
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": env_int("AWS_QUERYSTRING_EXPIRE", 300),
            "file_overwrite": False,
            "location": env("AWS_LOCATION", "media"),
        },
    }
    # Images are shown straight from the bucket, so the CSP must allow its origin.
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGIN = f"https://{AWS_S3_CUSTOM_DOMAIN}"
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_ORIGIN = AWS_S3_ENDPOINT_URL.rstrip("/")
    else:
        MEDIA_ORIGIN = "https://*.amazonaws.com"

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# Seconds before a send to a mail server that stopped answering fails (and is tried
# again), rather than holding a worker or a scheduled run for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "learning@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# TASKS_BACKEND=database queues tasks in the database for the worker process
# (`python manage.py run_worker`); unset, tasks run inline in the web process.
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {
    "default": {
        "BACKEND": TASKS_BACKENDS.get(
            env("TASKS_BACKEND", "immediate"), env("TASKS_BACKEND")
        )
    }
}
# A task that fails for a passing reason (mail server, database or storage out of
# reach, a full disk) runs again TASKS_RETRY_DELAY seconds later, the wait doubling
# each time, TASKS_MAX_ATTEMPTS times in all (learning/core/tasks.py).
TASKS_MAX_ATTEMPTS = env_int("TASKS_MAX_ATTEMPTS", 5)
TASKS_RETRY_DELAY = env_int("TASKS_RETRY_DELAY", 60)
# `reap_stuck_tasks` (cron) takes a task still running after this many seconds, or a
# job still unfinished with no task left, for lost: its worker died.
TASKS_STUCK_AFTER = env_int("TASKS_STUCK_AFTER", 30 * 60)

# Sessions are kept in the database (the record of who is signed in where) and, with
# Redis, read through the cache, saving a query on every request.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Absolute lifetime of a sign-in (seconds); SessionTimeoutMiddleware enforces it
# from the moment of sign-in, however active the session has been.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
# Signed out after this many seconds without a request.
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 30 * 60)
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# The health check answers plain HTTP from the load balancer (regexes on the path
# without its leading slash); everything else is redirected to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content Security Policy (django-csp). The site runs no inline script or style;
# the Wagtail admin gets its own, looser policy (learning/core/csp.py explains why).
# CSP_REPORT_ONLY=true sends the same policy as Content-Security-Policy-Report-Only,
# for a rollout; CSP_REPORT_URI names where browsers report violations.
_CSP_MEDIA = [MEDIA_ORIGIN] if MEDIA_ORIGIN else []
_CSP_REPORT = {"report-uri": [env("CSP_REPORT_URI")]} if env("CSP_REPORT_URI") else {}
CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'", csp_constants.NONCE],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *_CSP_MEDIA],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
    **_CSP_REPORT,
}
CSP_ADMIN_PATH_PREFIX = "/admin/"
CSP_ADMIN_DIRECTIVES = {
    **CSP_DIRECTIVES,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *_CSP_MEDIA],
    "font-src": ["'self'", "data:"],
    "frame-ancestors": ["'self'"],
}
# (Named so: django-csp's system check refuses a CSP_REPORT_ONLY setting from 3.x.)
if env_bool("CSP_REPORT_ONLY"):
    CONTENT_SECURITY_POLICY = None
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": CSP_DIRECTIVES}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": CSP_DIRECTIVES}
    CONTENT_SECURITY_POLICY_REPORT_ONLY = None
# Avatars from the admin's own initials, not Gravatar: no email hashes sent to a
# third party, and no third-party images in the admin's policy.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# LOG_FORMAT=json writes one JSON object a line (learning/core/logging.py), the
# default in production; "plain" is for reading in a terminal. Extra fields named
# like secrets are removed before any handler writes them.
LOG_FORMAT = env("LOG_FORMAT", "plain")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured("LOG_FORMAT must be json or plain.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "secrets": {"()": "learning.core.logging.SecretsFilter"},
        "request_id": {"()": "learning.core.logging.RequestIdFilter"},
    },
    "formatters": {
        "json": {"()": "learning.core.logging.JsonFormatter"},
        "plain": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["secrets", "request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "learning.security": {"level": "INFO"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

WAGTAIL_SITE_NAME = env("SITE_NAME", "Safeguarding partnership learning")
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "admin_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_DOCUMENT_MODEL = "core.Document"
# Always through Django, so that licence checks run before every download.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_I18N_ENABLED = False

GOVUK_FRONTEND_VERSION = "6.6.0"
