from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    """Renders every Django form with GOV.UK Frontend markup."""

    form_template_name = "includes/forms/form.html"
    field_template_name = "includes/forms/field.html"


# The largest primary key either database accepts (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def is_valid_id(value) -> bool:
    key = str(value).strip()
    return key.isascii() and key.isdigit() and int(key) <= MAX_ID


class IdChoiceField(forms.ModelChoiceField):
    """A model choice by primary key that refuses non-ids before querying.

    Django passes the raw value to the database; a number too large for it raises
    OverflowError (SQLite) or DataError (PostgreSQL), a server error, instead of the
    field's "not one of the choices" message.
    """

    def to_python(self, value):
        if (
            value not in self.empty_values
            and not isinstance(value, models.Model)
            and not is_valid_id(value)
        ):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """:class:`IdChoiceField` for several choices."""

    def _check_values(self, value):
        for item in value:
            if not isinstance(item, models.Model) and not is_valid_id(item):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super()._check_values(value)
