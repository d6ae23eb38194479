from django import forms
from django.utils.translation import gettext_lazy as _

from modules.forms import CONFIDENCE_CHOICES

from .models import (
    EXAMPLE_MAX_LENGTH,
    MANAGER_COMMENT_MAX_LENGTH,
    ChangedPractice,
    ObservedChange,
    UsedChallengeProcess,
)
from .services import (
    CHALLENGE_REQUIRED,
    CHANGED_PRACTICE_REQUIRED,
    COMMENT_TOO_LONG,
    CONFIDENCE_REQUIRED,
    EXAMPLE_REQUIRED,
    EXAMPLE_TOO_LONG,
    OBSERVED_REQUIRED,
)


def _required(message):
    return {"required": message, "invalid_choice": message}


class FollowUpAnswerForm(forms.Form):
    """The learner's questionnaire. No ``max_length`` on the text, so that the GOV.UK
    character count can let people type past the limit and then shorten."""

    changed_practice = forms.ChoiceField(
        label=_("Has the learning changed your practice?"),
        choices=ChangedPractice.choices,
        widget=forms.RadioSelect,
        error_messages=_required(CHANGED_PRACTICE_REQUIRED),
    )
    example = forms.CharField(
        label=_("Give one example"),
        help_text=_(
            "For example, something you now do, notice, record or ask differently. "
            "Do not include names or details that could identify a child or family."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    confidence_now = forms.TypedChoiceField(
        label=_("How confident do you feel now about what the learning covered?"),
        coerce=int,
        choices=CONFIDENCE_CHOICES,
        widget=forms.RadioSelect,
        error_messages=_required(CONFIDENCE_REQUIRED),
    )
    used_challenge_process = forms.ChoiceField(
        label=_(
            "Since the learning, have you used the partnership's challenge and "
            "resolution process?"
        ),
        help_text=_(
            "This is how any practitioner can question another agency's decision "
            "about a child, and escalate it if they still disagree."
        ),
        choices=UsedChallengeProcess.choices,
        widget=forms.RadioSelect,
        error_messages=_required(CHALLENGE_REQUIRED),
    )
    ask_manager = forms.BooleanField(
        label=_("Ask my line manager for their view too"), required=False
    )

    max_example_length = EXAMPLE_MAX_LENGTH

    def __init__(self, *args, profile=None, **kwargs):
        super().__init__(*args, **kwargs)
        if profile is None or not profile.line_manager_email:
            del self.fields["ask_manager"]
        else:
            who = profile.line_manager_email
            if profile.line_manager_name:
                who = f"{profile.line_manager_name} ({who})"
            self.fields["ask_manager"].help_text = _(
                "We will email %(who)s once, asking whether they have seen a change in "
                "your practice. They will see the learning's title and your name, not "
                "your answers."
            ) % {"who": who}

    def clean_example(self):
        example = self.cleaned_data["example"].strip()
        if len(example) > EXAMPLE_MAX_LENGTH:
            raise forms.ValidationError(EXAMPLE_TOO_LONG)
        return example

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("changed_practice")
            in (ChangedPractice.YES, ChangedPractice.PARTLY)
            and "example" in cleaned
            and not cleaned["example"]
        ):
            self.add_error("example", EXAMPLE_REQUIRED)
        return cleaned


class ManagerAnswerForm(forms.Form):
    observed_change = forms.ChoiceField(
        label=_("Have you seen a change in their practice since the learning?"),
        choices=ObservedChange.choices,
        widget=forms.RadioSelect,
        error_messages=_required(OBSERVED_REQUIRED),
    )
    comment = forms.CharField(
        label=_("Anything you would like to add (optional)"),
        help_text=_(
            "Do not include names or details that could identify a child or family."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    max_comment_length = MANAGER_COMMENT_MAX_LENGTH

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if len(comment) > MANAGER_COMMENT_MAX_LENGTH:
            raise forms.ValidationError(COMMENT_TOO_LONG)
        return comment
