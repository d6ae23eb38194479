from wagtail.snippets.models import register_snippet

from .viewsets import ReviewViewSetGroup

register_snippet(ReviewViewSetGroup)
