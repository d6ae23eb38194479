from django import forms
from django.utils.translation import gettext_lazy as _

from .blocks import GCP2_AREAS

CONFIDENCE_CHOICES = [
    ("1", _("1 – Not at all confident")),
    ("2", _("2 – Slightly confident")),
    ("3", _("3 – Fairly confident")),
    ("4", _("4 – Confident")),
    ("5", _("5 – Very confident")),
]
CONFIDENCE_REQUIRED = _("Select how confident you feel, from 1 to 5.")
CHRONOLOGY_REQUIRED = _("Select the entries that together show a pattern of concern.")
DECISION_REQUIRED = _("Select what you would do.")
CHECK_REQUIRED = _("Select an answer.")
GCP2_REQUIRED = _("Grade %(area)s from 1 to 5.")
REFLECTION_REQUIRED = _(
    "Write your reflection before you continue. Only you can see it."
)
REFLECTION_MAX_LENGTH = 5000


class ConfidenceForm(forms.Form):
    confidence = forms.TypedChoiceField(
        coerce=int,
        choices=CONFIDENCE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": CONFIDENCE_REQUIRED,
            "invalid_choice": CONFIDENCE_REQUIRED,
        },
    )

    def __init__(self, *args, label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confidence"].label = label


class StepForm(forms.Form):
    """Base for step forms; ``answer()`` is what gets stored for the step."""

    def __init__(self, *args, step, **kwargs):
        self.step = step
        super().__init__(*args, **kwargs)

    def answer(self) -> dict:
        return {}


class ChronologyForm(StepForm):
    selected = forms.MultipleChoiceField(
        label=_("Entries that show a pattern"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": CHRONOLOGY_REQUIRED},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["selected"].choices = [
            (entry.id, f"{entry.value['date']:%d %b %Y} – {entry.value['agency']}")
            for entry in self.step.value["entries"].bound_blocks
        ]

    def answer(self):
        return {"selected": list(self.cleaned_data["selected"])}


class OptionForm(StepForm):
    required_message = DECISION_REQUIRED
    option = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["option"]
        field.label = self.step.value["question"]
        field.choices = [
            (option.id, option.value["label"])
            for option in self.step.value["options"].bound_blocks
        ]
        field.error_messages = {
            "required": self.required_message,
            "invalid_choice": self.required_message,
        }

    def answer(self):
        return {"option": self.cleaned_data["option"]}


class KnowledgeCheckForm(OptionForm):
    required_message = CHECK_REQUIRED


class Gcp2GradingForm(StepForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in GCP2_AREAS:
            message = GCP2_REQUIRED % {"area": str(label).lower()}
            self.fields[key] = forms.TypedChoiceField(
                label=label,
                coerce=int,
                choices=[(str(n), str(n)) for n in range(1, 6)],
                widget=forms.RadioSelect,
                help_text=_(
                    "1 means the child's needs are fully met; 5 means they are not met at all."
                ),
                error_messages={"required": message, "invalid_choice": message},
            )

    def answer(self):
        return {"grades": {key: self.cleaned_data[key] for key, _label in GCP2_AREAS}}


class ReflectionForm(StepForm):
    text = forms.CharField(
        label=_("Your reflection"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=REFLECTION_MAX_LENGTH,
        help_text=_(
            "Only you can see this. Do not name or identify real children, families or "
            "colleagues."
        ),
        error_messages={"required": REFLECTION_REQUIRED},
    )

    def answer(self):
        return {"text": self.cleaned_data["text"].strip()}


FORMS = {
    "chronology": ChronologyForm,
    "decision": OptionForm,
    "knowledge_check": KnowledgeCheckForm,
    "gcp2_grading": Gcp2GradingForm,
    "reflection": ReflectionForm,
}


def step_form_for(step, data=None, initial=None) -> StepForm:
    form_class = FORMS.get(step.kind, StepForm)
    return form_class(data=data, initial=initial, step=step, prefix="answer")
