"""Dashboard views (stubs until the dashboard is built)."""

from django.core.exceptions import PermissionDenied


def dashboard(request):
    raise PermissionDenied


def people(request):
    raise PermissionDenied


def person(request, user_id):
    raise PermissionDenied
