from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm

from learning.core.forms import IdChoiceField

from .adapters import validate_agency_email_domain
from .models import Agency, Profile, User
from .selectors import agencies_for_email, agency_choices_for_signup, agency_domain_map
from .services import AGENCY_DOES_NOT_ALLOW_DOMAIN, profile_save

CHOOSE_AGENCY_FOR_SHARED_DOMAIN = _(
    "Several agencies use your email domain. Choose the agency you work for."
)
CHOOSE_AGENCY = _("Choose the agency you work for.")


class AgencyChoiceField(IdChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def _agency_field(required):
    return AgencyChoiceField(
        label=_("Agency"),
        queryset=agency_choices_for_signup(),
        required=required,
        empty_label=_("Match my email address") if not required else _("Choose"),
        help_text=_(
            "The organisation you work for. If your work email address belongs to "
            "only one agency, we will fill this in for you."
        ),
    )


REQUIRED_MESSAGES = {
    "name": _("Enter your full name."),
    "email": _("Enter your work email address."),
    "login": _("Enter your email address."),
    "job_title": _("Enter your job title."),
    "password": _("Enter your password."),
    "password1": _("Enter a password."),
    "password2": _("Enter the same password again."),
}


def _specific_required_messages(form):
    for name, message in REQUIRED_MESSAGES.items():
        if name in form.fields:
            form.fields[name].error_messages["required"] = message


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _specific_required_messages(self)


class WorkDetailsMixin(forms.Form):
    """Work details asked for at sign-up and edited on the profile page."""

    job_title = forms.CharField(label=_("Job title"), max_length=150)
    team = forms.CharField(
        label=_("Team (optional)"),
        max_length=150,
        required=False,
        help_text=_("For example, Locality team North or Year 7 pastoral team."),
    )
    line_manager_name = forms.CharField(
        label=_("Line manager's name (optional)"), max_length=150, required=False
    )
    line_manager_email = forms.EmailField(
        label=_("Line manager's email address (optional)"),
        required=False,
        help_text=_("Training confirmations will be copied to your line manager."),
    )


class SignupForm(WorkDetailsMixin, AllauthSignupForm):
    name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )

    field_order = [
        "name",
        "email",
        "agency",
        "job_title",
        "team",
        "line_manager_name",
        "line_manager_email",
        "password1",
        "password2",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = _agency_field(required=False)
        self.fields["email"].label = _("Work email address")
        self.fields["email"].help_text = _(
            "Use the email address your agency gave you. We will send you a link to "
            "confirm it."
        )
        self.order_fields(self.field_order)
        _specific_required_messages(self)

    def clean_email(self):
        email = super().clean_email()
        validate_agency_email_domain(email)
        return email

    def resolve_agency(self, email):
        """Check the chosen agency against the email, or work it out from the email."""
        agency = self.cleaned_data.get("agency")
        allow_any = settings.ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN
        if not email:
            return
        if agency is not None:
            if (
                not allow_any
                and not agencies_for_email(email=email).filter(pk=agency.pk).exists()
            ):
                self.add_error("agency", AGENCY_DOES_NOT_ALLOW_DOMAIN)
            return
        matches = list(agencies_for_email(email=email)[:2])
        if len(matches) == 1:
            self.cleaned_data["agency"] = matches[0]
        elif len(matches) > 1:
            self.add_error("agency", CHOOSE_AGENCY_FOR_SHARED_DOMAIN)
        else:
            self.add_error("agency", CHOOSE_AGENCY)

    def clean(self):
        cleaned = super().clean()
        self.resolve_agency(cleaned.get("email"))
        return self.cleaned_data

    @property
    def agency_domain_map(self):
        return agency_domain_map()

    @transaction.atomic
    def save(self, request):
        user = super().save(request)
        if user is None:
            return None
        profile_save(
            user=user,
            agency=self.cleaned_data["agency"],
            job_title=self.cleaned_data["job_title"],
            team=self.cleaned_data["team"],
            line_manager_name=self.cleaned_data["line_manager_name"],
            line_manager_email=self.cleaned_data["line_manager_email"],
            allow_any_domain=settings.ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN,
        )
        return user


class ProfileForm(WorkDetailsMixin, forms.Form):
    """Name and work details. The agency is not a field: it is set at sign-up and
    changed only by a lead (``profile_agency_move``), so a posted agency is
    ignored."""

    name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )

    field_order = ["name", "job_title", "team"]

    def __init__(self, *args, user, **kwargs):
        self.user = user
        profile = Profile.objects.filter(user=user).first()
        initial = {"name": user.name}
        if profile:
            initial.update(
                job_title=profile.job_title,
                team=profile.team,
                line_manager_name=profile.line_manager_name,
                line_manager_email=profile.line_manager_email,
            )
        kwargs["initial"] = {**initial, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)
        _specific_required_messages(self)

    @transaction.atomic
    def save(self):
        self.user.name = self.cleaned_data["name"]
        self.user.save(update_fields=["name"])
        try:
            return profile_save(
                user=self.user,
                job_title=self.cleaned_data["job_title"],
                team=self.cleaned_data["team"],
                line_manager_name=self.cleaned_data["line_manager_name"],
                line_manager_email=self.cleaned_data["line_manager_email"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                self.add_error(field if field in self.fields else None, errors)
            raise


# ------------------------------------------------------------------ agency moves

CHOOSE_DESTINATION = _("Choose the agency to move to.")
ENTER_PERSON_EMAIL = _("Enter the email address of the person to move.")
PERSON_NOT_FOUND = _(
    "There is no one with that email address whom you can move. Check the address."
)
DECISION_INVALID = _("Choose whether to agree to the move or decline it.")
REASON_HELP = _(
    "For example, the team you are joining. The lead who decides will see this."
)


def _reason_field():
    return forms.CharField(
        label=_("Reason (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=REASON_HELP,
    )


def _destination_field(queryset):
    return AgencyChoiceField(
        label=_("Agency to move to"),
        queryset=queryset,
        empty_label=_("Choose"),
        error_messages={
            "required": CHOOSE_DESTINATION,
            "invalid_choice": CHOOSE_DESTINATION,
        },
    )


class AgencyMoveAskForm(forms.Form):
    """A learner asks to move to one of the agencies using their email domain."""

    def __init__(self, *args, destinations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_agency"] = _destination_field(destinations)
        self.fields["reason"] = _reason_field()


class AgencyMoveForm(forms.Form):
    """A lead moves someone, or hands them over, to another agency."""

    email = forms.EmailField(
        label=_("Email address of the person to move"),
        max_length=254,
        error_messages={"required": ENTER_PERSON_EMAIL},
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_agency"] = _destination_field(
            Agency.objects.filter(is_active=True).order_by("name")
        )
        self.fields["reason"] = _reason_field()


class AgencyMoveDecisionForm(forms.Form):
    # Sent by the page's two buttons, so its errors are shown without a field.
    decision = forms.ChoiceField(
        widget=forms.HiddenInput,
        choices=[("approve", _("Agree")), ("decline", _("Decline"))],
        error_messages={
            "required": DECISION_INVALID,
            "invalid_choice": DECISION_INVALID,
        },
    )


class AdminNameEmailForm(forms.ModelForm):
    """Wagtail's account page form, for a user model with a single name field."""

    class Meta:
        model = User
        fields = ["name"]


class AddEmailForm(AllauthAddEmailForm):
    def clean_email(self):
        email = super().clean_email()
        validate_agency_email_domain(email)
        return email
