from wagtail.snippets.models import register_snippet

from .viewsets import BriefingViewSet

register_snippet(BriefingViewSet)
