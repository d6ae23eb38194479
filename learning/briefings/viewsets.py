from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Briefing


class BriefingViewSet(SnippetViewSet):
    model = Briefing
    icon = "time"
    menu_label = _("Seven-minute briefings")
    menu_order = 170
    add_to_admin_menu = True
    list_display = ["title", "module", "document", "cpd_minutes", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title"]
    list_export = ["title", "summary", "cpd_minutes", "is_active"]
