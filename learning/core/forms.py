from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    """Renders every Django form with GOV.UK Frontend markup."""

    form_template_name = "includes/forms/form.html"
    field_template_name = "includes/forms/field.html"
