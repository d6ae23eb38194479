from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from .impact import ACTION_FIELDS, action_create, action_update
from .models import Action


class ActionCreateView(CreateView):
    """Saves through ``action_create`` so admin changes are audited like site ones."""

    def save_instance(self):
        data = self.form.cleaned_data
        instance = action_create(
            actor=self.request.user, **{name: data[name] for name in ACTION_FIELDS}
        )
        log(instance=instance, action="wagtail.create", user=self.request.user)
        self.new_revision = None
        return instance


class ActionEditView(EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        instance = action_update(
            action=self.object,
            actor=self.request.user,
            **{name: data[name] for name in ACTION_FIELDS},
        )
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        self.new_revision = None
        return instance


class ActionViewSet(SnippetViewSet):
    model = Action
    icon = "tasks"
    menu_label = _("Action plan")
    menu_order = 180
    add_to_admin_menu = True
    add_view_class = ActionCreateView
    edit_view_class = ActionEditView
    list_display = ["description", "recommendation", "owner_agency", "due_on", "status"]
    list_filter = ["status", "owner_agency", "recommendation"]
    search_fields = ["description", "evidence_notes"]
    list_export = [
        "recommendation",
        "owner_agency",
        "description",
        "due_on",
        "status",
        "evidence_notes",
        "updated_at",
    ]
    panels = [FieldPanel(name) for name in ACTION_FIELDS]
