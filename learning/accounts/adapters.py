from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from allauth.account.adapter import DefaultAccountAdapter

from .selectors import agencies_for_email

UNKNOWN_EMAIL_DOMAIN = _(
    "You need a work email address from one of the partnership's agencies. If your "
    "agency is missing, ask your safeguarding lead to contact the partnership."
)


def validate_agency_email_domain(email: str) -> None:
    """Refuse addresses whose domain no partner agency allows (unless configured)."""
    if settings.ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN:
        return
    if not agencies_for_email(email=email).exists():
        raise ValidationError(UNKNOWN_EMAIL_DOMAIN, code="unknown_domain")


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email):
        # Also used by the password-reset form, so the domain rule is applied by the
        # sign-up and add-email forms rather than here.
        return super().clean_email(email).lower()

    def send_mail(self, template_prefix, email, context):
        from learning.core.selectors import partnership_settings

        context = {
            **context,
            "partnership_name": partnership_settings(request=self.request).name,
        }
        return super().send_mail(template_prefix, email, context)

    def confirm_email(self, request, email_address):
        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            # Someone a team manager added to a briefing by email before they had an
            # account gets it on their record once the address is theirs.
            from learning.briefings.services import briefing_attendance_claim

            briefing_attendance_claim(user=email_address.user)
        return confirmed

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.name = form.cleaned_data["name"].strip()
        if commit:
            user.save()
        return user
