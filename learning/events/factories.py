from datetime import timedelta

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from .models import Course, TrainingSession


class CourseFactory(DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Course {n}")
    description = "A face-to-face course."
    cpd_minutes = 180
    cancellation_cutoff_days = 3

    @factory.post_generation
    def recommendation_numbers(self, create, extracted, **kwargs):
        if create and extracted:
            from learning.reviews.models import Recommendation

            self.recommendations.set(
                Recommendation.objects.filter(number__in=extracted)
            )
            self.save()  # ParentalManyToMany changes are written on save


class TrainingSessionFactory(DjangoModelFactory):
    class Meta:
        model = TrainingSession

    course = factory.SubFactory(CourseFactory)
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=3))
    venue = "Council House, Committee Room 2"
    capacity = 2
