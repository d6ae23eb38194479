"""Impact and action plan views (stubs until they are built)."""

from django.core.exceptions import PermissionDenied


def impact(request):
    raise PermissionDenied


def action_list(request):
    raise PermissionDenied


def action_create(request):
    raise PermissionDenied


def action_edit(request, pk):
    raise PermissionDenied
