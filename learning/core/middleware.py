"""Small request middlewares: the arrival time, and paths that can name nothing."""

import re
from urllib.parse import unquote

from django.http import Http404
from django.utils import timezone

# C0 control characters and DEL. No code, token, slug, id or page path on the site
# contains one, and PostgreSQL refuses NUL in text outright: a NUL that reached a
# lookup was a 500 (on the public verify page among others) where an unknown value
# is a 404.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class ArrivalTimeMiddleware:
    """Set ``request.arrived_at`` as the request reaches Django.

    First in ``MIDDLEWARE``, so that time spent afterwards (waiting for a database
    lock, a slow session store, a busy server) never counts against the learner:
    a timed quiz judges its deadline by this time (see ``request_arrived_at``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.arrived_at = timezone.now()
        return self.get_response(request)


def request_arrived_at(request):
    """When the request arrived; now, for a request that bypassed the middleware."""
    return getattr(request, "arrived_at", None) or timezone.now()


class MalformedPathMiddleware:
    """Answer 404, with the site's own 404 page, to a path holding a control
    character or a query string holding a NUL, before anything looks it up.

    Only NUL is refused in the query string: a tab or a line break may be part of
    text typed into a search box, and the database takes those.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _CONTROL_CHARACTERS.search(request.path_info) or "\x00" in unquote(
            request.META.get("QUERY_STRING", "")
        ):
            raise Http404
        return self.get_response(request)
