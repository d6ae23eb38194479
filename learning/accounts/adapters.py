from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from allauth.account.adapter import DefaultAccountAdapter

from .selectors import agencies_for_email

UNKNOWN_EMAIL_DOMAIN = _(
    "You need a work email address from one of the partnership's agencies. If your "
    "agency is missing, ask your safeguarding lead to contact the partnership."
)


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email):
        email = super().clean_email(email).lower()
        if settings.ACCOUNTS_ALLOW_ANY_EMAIL_DOMAIN:
            return email
        if not agencies_for_email(email=email).exists():
            raise ValidationError(UNKNOWN_EMAIL_DOMAIN, code="unknown_domain")
        return email

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.name = form.cleaned_data["name"].strip()
        if commit:
            user.save()
        return user
