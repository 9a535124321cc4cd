"""Django settings.

Development defaults are safe for a laptop; production reads its secrets from the
environment (DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL) and DEBUG is off
unless DJANGO_DEBUG=1 (nothing sets it: the README's run command runs without DEBUG too,
so no page ever shows server paths or settings).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _env_bool("DJANGO_DEBUG")
# The fallback only serves development and tests; `check --deploy` flags it.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "django-insecure-dev-only-set-DJANGO_SECRET_KEY"
ALLOWED_HOSTS = [
    h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",") if h
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "timeline",
    "timeline.stories",
    "timeline.entities",
    "timeline.jobs",
    "webapp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "webapp.middleware.RequestSizeLimitMiddleware",  # before anything reads the body
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "webapp.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "webapp" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "webapp.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers browse while an import writes; IMMEDIATE transactions and a
    # generous timeout make concurrent writers queue instead of failing "locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
    # Tests get a file, not the default in-memory database, so threads really contend for
    # the WAL file as a deployment would; one file per test run (several may run at once).
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("DJANGO_TEST_DB_NAME")
        or str(Path(tempfile.gettempdir()) / f"timeline-test-{os.getpid()}.sqlite3"),
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
if STATIC_ROOT.is_dir():
    # After `collectstatic` the web process serves the static files itself (WhiteNoise), so
    # gunicorn needs no other server in front for them. Before it there is nothing to serve.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The site's own sign-in page (the admin's only lets staff in); after it, and after signing
# out, people land on the home page unless a local ``next`` says where they came from.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "article-list"
LOGOUT_REDIRECT_URL = "article-list"

# Product settings.
TIMELINE_LOGIN_REQUIRED = _env_bool("TIMELINE_LOGIN_REQUIRED")  # browsing login-only too
TIMELINE_MAX_TEXT_CHARS = int(os.environ.get("TIMELINE_MAX_TEXT_CHARS", 5_000_000))
TIMELINE_MAX_UPLOAD_BYTES = int(os.environ.get("TIMELINE_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))
# Whole request bodies (an upload plus the form around it); larger ones get a 413 page
# from webapp.middleware before any byte is read.
TIMELINE_MAX_REQUEST_BYTES = int(os.environ.get("TIMELINE_MAX_REQUEST_BYTES", TIMELINE_MAX_UPLOAD_BYTES + 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = TIMELINE_MAX_REQUEST_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = TIMELINE_MAX_UPLOAD_BYTES + 1024 * 1024

# Long work (imports, re-analyses) runs off the request. With a broker (Redis, e.g.
# redis://127.0.0.1:6379/0) Celery workers run it (`celery -A webapp worker`); without one
# a background thread in the web process does (a newcomer's one-command start).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
TIMELINE_TASK_RUNNER = os.environ.get("TIMELINE_TASK_RUNNER") or ("celery" if CELERY_BROKER_URL else "thread")
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("TIMELINE_QUEUE", "timeline")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # an item waits in the queue, not in a busy worker's buffer
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Queued items waiting this long (seconds) are sent again by a starting worker, `resume_imports`
# and beat (their message may have been lost with the broker).
TIMELINE_RESUME_AFTER = int(os.environ.get("TIMELINE_RESUME_AFTER", 600))
# An item being analysed holds a lease: its worker (host:pid) refreshes a heartbeat every quarter
# of this many seconds. A lease whose heartbeat is older, or whose process is gone from this host,
# has lapsed: a starting worker, `resume_imports` and beat (every this many seconds) send the item again.
TIMELINE_LEASE_SECONDS = int(os.environ.get("TIMELINE_LEASE_SECONDS", 60))
CELERY_BEAT_SCHEDULE = {
    "resume-pending-imports": {"task": "jobs.resume_pending", "schedule": float(TIMELINE_LEASE_SECONDS)},
}
# Redis hands an unacknowledged message out again after this long (by default an hour). The
# database decides who runs an item, so a copy meeting a standing lease does nothing; this must
# outlast a lease, so that the copy of a dead worker's task finds its lease lapsed and runs it,
# and the longest retry pause (120 s), so that a retry held for later is not handed out twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": max(3 * TIMELINE_LEASE_SECONDS, 180)}
# More events than this from one text earns a warning on the batch page (a paste of many articles?).
TIMELINE_MANY_EVENTS = int(os.environ.get("TIMELINE_MANY_EVENTS", 500))
# Past this many events one text is refused whole (with its reason), never half-stored.
TIMELINE_MAX_EVENTS = int(os.environ.get("TIMELINE_MAX_EVENTS", 20_000))
# Importing from a web address: the page's size and time limits (loopback only for the tests).
TIMELINE_FETCH_MAX_BYTES = int(os.environ.get("TIMELINE_FETCH_MAX_BYTES", 5 * 1024 * 1024))
TIMELINE_FETCH_TIMEOUT = float(os.environ.get("TIMELINE_FETCH_TIMEOUT", 15))
TIMELINE_FETCH_ALLOW_LOOPBACK = False
# All the files of one upload (archives expanded) together.
TIMELINE_BATCH_MAX_BYTES = int(os.environ.get("TIMELINE_BATCH_MAX_BYTES", 200 * 1024 * 1024))
# A paste or single file longer than this is imported through the queue with a batch page.
TIMELINE_INLINE_MAX_CHARS = int(os.environ.get("TIMELINE_INLINE_MAX_CHARS", 20_000))
# Archives: at most this many members, and uncompressed no more than this many bytes in all,
# each member compressed no more than this ratio (checked before anything is extracted).
TIMELINE_ZIP_MAX_MEMBERS = int(os.environ.get("TIMELINE_ZIP_MAX_MEMBERS", 500))
TIMELINE_ZIP_MAX_TOTAL_BYTES = int(os.environ.get("TIMELINE_ZIP_MAX_TOTAL_BYTES", 100 * 1024 * 1024))
TIMELINE_ZIP_MAX_RATIO = int(os.environ.get("TIMELINE_ZIP_MAX_RATIO", 100))
# The all-articles chart is public and unfiltered: past this many events it shows the most
# recent ones and says how many it left out (about 0.85 KB of JSON an event).
TIMELINE_FIGURE_MAX_EVENTS = int(os.environ.get("TIMELINE_FIGURE_MAX_EVENTS", 5000))

if not DEBUG:
    SESSION_COOKIE_SECURE = _env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = _env_bool("DJANGO_SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = _env_bool("DJANGO_SSL_REDIRECT", False)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 0))
    # Only sent once DJANGO_HSTS_SECONDS is set; switch off if a subdomain still needs plain HTTP.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = _env_bool("DJANGO_HSTS_PRELOAD", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
