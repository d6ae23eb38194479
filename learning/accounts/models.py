from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.search import index


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: identified by email, with one name field."""

    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("full name"), max_length=150)
    is_staff = models.BooleanField(
        _("Django admin access"),
        default=False,
        help_text=_("Allows access to Django's own admin site, which is not used."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email


class AgencyKind(models.TextChoices):
    CHILDRENS_SOCIAL_CARE = "childrens_social_care", _("Children's social care")
    EARLY_HELP = "early_help", _("Early help and family support")
    EDUCATION = "education", _("Education")
    PRIMARY_CARE = "primary_care", _("Primary care (GP)")
    ACUTE_HEALTH = "acute_health", _("Acute health (hospital)")
    COMMUNITY_HEALTH = "community_health", _("Community health")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    POLICE = "police", _("Police")
    ADULT_SOCIAL_CARE = "adult_social_care", _("Adult social care")
    MASH = "mash", _("Multi-agency safeguarding hub (MASH)")
    HOUSING = "housing", _("Housing")
    PROBATION = "probation", _("Probation")
    VOLUNTARY_SECTOR = "voluntary_sector", _("Voluntary and community sector")
    PARTNERSHIP = "partnership", _("Safeguarding partnership")
    OTHER = "other", _("Other")


domain_validator = RegexValidator(
    r"^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$",
    _("Enter a domain such as school.example.org, without the @ sign."),
)


class EmailDomainField(models.CharField):
    """A domain typed as "@Example.ORG " is stored as "example.org"."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return value
        return value.strip().lower().lstrip("@")


class Agency(index.Indexed, ClusterableModel):
    """A partner organisation whose staff learn here and whose reach is reported."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=40, choices=AgencyKind.choices)
    frontline_headcount = models.PositiveIntegerField(
        _("front-line headcount"),
        null=True,
        blank=True,
        help_text=_(
            "How many front-line staff the agency has, so reports can show the "
            "share of the workforce reached. Leave blank if unknown."
        ),
    )
    is_active = models.BooleanField(
        _("open for sign-up"),
        default=True,
        help_text=_(
            "Inactive agencies stay in reports but cannot be chosen at sign-up."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("frontline_headcount"),
        FieldPanel("is_active"),
        InlinePanel("email_domains", heading=_("Allowed email domains"), min_num=0),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]
        permissions = [
            ("view_own_agency_reports", _("Can see reports for their own agency")),
            ("view_all_agency_reports", _("Can see reports for every agency")),
        ]

    def __str__(self):
        return self.name


class AgencyEmailDomain(models.Model):
    """An email domain whose holders may join an agency (shared domains allowed)."""

    agency = ParentalKey(Agency, on_delete=models.CASCADE, related_name="email_domains")
    domain = EmailDomainField(
        _("email domain"), max_length=253, validators=[domain_validator]
    )

    panels = [FieldPanel("domain")]

    class Meta:
        verbose_name = _("email domain")
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "domain"], name="agency_email_domain_unique"
            )
        ]
        indexes = [models.Index(fields=["domain"], name="agency_domain_idx")]

    def __str__(self):
        return self.domain


class Profile(models.Model):
    """What the partnership needs to know about a learner's work."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="profiles",
        verbose_name=_("agency"),
    )
    job_title = models.CharField(_("job title"), max_length=150)
    team = models.CharField(_("team"), max_length=150, blank=True)
    line_manager_name = models.CharField(
        _("line manager's name"), max_length=150, blank=True
    )
    line_manager_email = models.EmailField(_("line manager's email"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profile")

    def __str__(self):
        return f"{self.user} ({self.agency})"


class AgencyMoveStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    APPROVED = "approved", _("Moved")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class AgencyMoveRequest(models.Model):
    """A person's move from one agency to another.

    Asked for by the person, or handed over by their agency lead; done when a lead
    over both agencies has agreed (a partnership lead, or the leads of both). A
    partnership lead's own move is recorded here already approved. Written only by
    the services in ``learning.accounts.services``.
    """

    person = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="agency_move_requests",
        verbose_name=_("person"),
    )
    from_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("from")
    )
    to_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("to")
    )
    requested_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AgencyMoveStatus.choices,
        default=AgencyMoveStatus.PENDING,
    )
    source_approved_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_approved_at = models.DateTimeField(null=True, blank=True)
    destination_approved_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    destination_approved_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agency move request")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status="pending"),
                name="agency_move_one_pending_per_person",
            ),
            models.CheckConstraint(
                condition=~models.Q(from_agency=models.F("to_agency")),
                name="agency_move_to_another_agency",
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.from_agency} -> {self.to_agency}"

    @property
    def is_pending(self) -> bool:
        return self.status == AgencyMoveStatus.PENDING
