from django import forms, template

register = template.Library()

INPUT_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.SelectMultiple: "govuk-select",
    forms.FileInput: "govuk-file-upload",
}


def widget_kind(widget) -> str:
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


@register.filter
def govuk_kind(bound_field) -> str:
    return widget_kind(bound_field.field.widget)


@register.simple_tag
def govuk_widget(bound_field, extra_class=""):
    """The field's widget with GOV.UK classes and its hint and error ids linked."""
    widget = bound_field.field.widget
    css = "govuk-input"
    for widget_class, class_name in INPUT_CLASSES.items():
        if isinstance(widget, widget_class):
            css = class_name
            break
    if bound_field.errors:
        css = f"{css} {css}--error"
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-error")
    attrs = {"class": f"{css} {extra_class}".strip()}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    existing = widget.attrs.get("class")
    if existing:
        attrs["class"] = f"{attrs['class']} {existing}"
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag
def govuk_choice_described_by(bound_field):
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}-error")
    return " ".join(ids)


@register.filter
def first_error_target(bound_field) -> str:
    """Where the error summary should move focus for this field."""
    kind = widget_kind(bound_field.field.widget)
    if kind in {"radios", "checkboxes"}:
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id
