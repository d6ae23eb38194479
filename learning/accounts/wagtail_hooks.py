from wagtail.snippets.models import register_snippet

from .viewsets import AgencyViewSet

register_snippet(AgencyViewSet)
