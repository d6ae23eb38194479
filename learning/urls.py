from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certificates.views import learning_record_pdf
from learning.accounts.views import ProfileView, admin_login
from learning.core.audit_views import audit_log_list
from learning.core.health import healthz
from learning.core.views import MyLearningView

urlpatterns = [
    # For load balancers: no sign-in, no session, plain HTTP allowed.
    path("healthz", healthz, name="healthz"),
    # One login form for the whole site: Wagtail's own form hands over to allauth.
    path("admin/login/", admin_login),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/profile/", ProfileView.as_view(), name="accounts_profile"),
    path("accounts/admin-login/", admin_login, name="admin_login"),
    path("accounts/privacy/", include("learning.accounts.privacy_urls")),
    path("accounts/", include("learning.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("reviews/", include("learning.reviews.urls")),
    path("my-learning/", MyLearningView.as_view(), name="my_learning"),
    path("my-learning/record.pdf", learning_record_pdf, name="learning_record_pdf"),
    path("certificates/", include("certificates.urls")),
    path("training/", include("learning.events.urls")),
    path("briefings/", include("learning.briefings.urls")),
    path("licences/", include("learning.licences.urls")),
    path("follow-up/", include("learning.followups.urls")),
    path("reports/", include("learning.reports.urls")),
    path("audit/", audit_log_list, name="audit_log"),
    path(
        "favicon.ico",
        RedirectView.as_view(
            url=settings.STATIC_URL + "images/favicon.svg", permanent=True
        ),
    ),
    path(
        "django-admin/",
        RedirectView.as_view(url="/admin/", permanent=False),
    ),
]

if settings.DEBUG:
    import re

    from django.urls import re_path

    from learning.licences.views import media_serve_except_documents

    # Documents are left out: they are served by /documents/, after licence checks.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            media_serve_except_documents,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
