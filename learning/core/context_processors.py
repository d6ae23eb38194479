from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# (label, url name or path, who sees it). Who: "all", "signed_in", or a tuple of
# permissions of which the user needs any one. Entries whose URL name is not
# installed are skipped, so navigation grows with the apps that provide the pages.
LEADS = ("accounts.view_own_agency_reports",)
NAVIGATION = [
    (_("Modules"), "/modules/", "all"),
    (_("Training"), "events:session_list", "all"),
    (_("My learning"), "my_learning", "signed_in"),
    (_("Learning review"), "reviews:list", "all"),
    (
        _("Briefings"),
        "briefings:index",
        ("briefings.add_briefingdelivery", "briefings.view_briefingdelivery"),
    ),
    (_("Reports"), "reports:dashboard", LEADS),
    (_("Certificates"), "certificates:manage_list", LEADS),
    (_("Licences"), "licences:register", LEADS),
    (_("Agency moves"), "accounts:agency_moves", LEADS),
    (_("Charges"), "events:charge_ledger", ("events.view_charge",)),
    (_("Audit log"), "audit_log", ("accounts.view_all_agency_reports",)),
]


def _may_see(user, audience) -> bool:
    if audience == "all":
        return True
    if not (user and user.is_authenticated):
        return False
    if audience == "signed_in":
        return True
    return any(user.has_perm(permission) for permission in audience)


def navigation(request):
    user = getattr(request, "user", None)
    items = []
    for label, url_name, audience in NAVIGATION:
        if not _may_see(user, audience):
            continue
        try:
            url = url_name if url_name.startswith("/") else reverse(url_name)
        except NoReverseMatch:
            continue
        active = request.path.startswith(url) if url != "/" else request.path == "/"
        items.append({"label": label, "url": url, "active": active})
    return {"primary_navigation": items}
