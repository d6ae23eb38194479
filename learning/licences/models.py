from django.db import models
from django.utils.translation import gettext_lazy as _


class LicenceKind(models.TextChoices):
    """Tools a practitioner may use only after the partnership's licensed training."""

    GCP2 = "gcp2", _("Graded Care Profile 2 (GCP2)")
