from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# (label, url name or path, who sees it). Entries whose URL name is not installed
# are skipped, so navigation grows with the apps that provide the pages.
NAVIGATION = [
    (_("Modules"), "/modules/", "all"),
    (_("Training"), "events:session_list", "all"),
    (_("My learning"), "my_learning", "signed_in"),
    (_("Learning review"), "reviews:list", "all"),
    (_("Reports"), "reports:dashboard", "leads"),
    (_("Certificates"), "certificates:manage_list", "leads"),
]


def _is_lead(user):
    return user.has_perm("accounts.view_own_agency_reports")


def navigation(request):
    user = getattr(request, "user", None)
    items = []
    for label, url_name, audience in NAVIGATION:
        if audience == "signed_in" and not (user and user.is_authenticated):
            continue
        if audience == "leads" and not (
            user and user.is_authenticated and _is_lead(user)
        ):
            continue
        try:
            url = url_name if url_name.startswith("/") else reverse(url_name)
        except NoReverseMatch:
            continue
        active = request.path.startswith(url) if url != "/" else request.path == "/"
        items.append({"label": label, "url": url, "active": active})
    return {"primary_navigation": items}
