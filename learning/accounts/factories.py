import factory
from allauth.account.models import EmailAddress
from factory.django import DjangoModelFactory

from .models import Agency, AgencyEmailDomain, AgencyKind, Profile, User

DEFAULT_PASSWORD = "correct-horse-battery-staple"  # noqa: S105


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Agency {n}")
    kind = AgencyKind.CHILDRENS_SOCIAL_CARE

    @factory.post_generation
    def domains(self, create, extracted, **kwargs):
        if not create:
            return
        for domain in extracted or []:
            AgencyEmailDomain.objects.get_or_create(agency=self, domain=domain)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.update_or_create(
                user=self,
                email=self.email,
                defaults={"verified": True, "primary": True},
            )
        if create:
            self.save()


class ProfileFactory(DjangoModelFactory):
    class Meta:
        model = Profile
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    job_title = factory.Faker("job", locale="en_GB")
    team = ""


def totp_enable(user, *, secret: str | None = None) -> str:
    """Give ``user`` an authenticator app (for tests and demo data); return its secret.

    Creates allauth's TOTP ``Authenticator`` as activating it in the browser would,
    without recovery codes. Compute a current code with
    ``allauth.mfa.totp.internal.auth.hotp_value`` / ``format_hotp_value``.
    """
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import generate_totp_secret
    from allauth.mfa.utils import encrypt

    secret = secret or generate_totp_secret()
    Authenticator.objects.update_or_create(
        user=user,
        type=Authenticator.Type.TOTP,
        defaults={"data": {"secret": encrypt(secret)}},
    )
    return secret


def totp_code(secret: str, *, at: float | None = None) -> str:
    """The authenticator code for ``secret`` at ``at`` (a Unix time; now by default)."""
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    now = time.time() if at is None else at
    return format_hotp_value(hotp_value(secret, int(now) // app_settings.TOTP_PERIOD))
