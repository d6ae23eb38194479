from wagtail.snippets.models import register_snippet

from .viewsets import ActionViewSet

register_snippet(ActionViewSet)
