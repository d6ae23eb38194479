"""Request arrival time, recorded before anything else handles the request."""

from django.utils import timezone


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
