"""Certificates for tests and demo data, stored as the issuing service stores them."""

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from learning.accounts.factories import AgencyFactory, UserFactory

from .models import AchievementKind, Certificate


class CertificateFactory(DjangoModelFactory):
    """A module certificate; pass ``pdf`` (a stored file's name) to share one PDF."""

    class Meta:
        model = Certificate

    holder = factory.SubFactory(UserFactory)
    holder_name = factory.LazyAttribute(lambda o: o.holder.name if o.holder else "")
    agency = factory.SubFactory(AgencyFactory)
    agency_name = factory.LazyAttribute(lambda o: o.agency.name if o.agency else "")
    kind = AchievementKind.MODULE
    source_key = factory.Sequence(lambda n: f"factory:{n}")
    title = "Seeing the pattern"
    completed_on = factory.LazyFunction(timezone.localdate)
