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
