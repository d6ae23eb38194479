from wagtail.models import Site

from .models import PartnershipSettings


def partnership_settings(*, request=None) -> PartnershipSettings:
    """The partnership's settings for this request's site (or the default site)."""
    if request is not None:
        return PartnershipSettings.for_request(request)
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return PartnershipSettings.for_site(site)
