import secrets
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from learning.accounts.models import AgencyKind
from learning.licences.models import LicenceKind


class CourseForm(WagtailAdminModelForm):
    fee_exempt_kinds = forms.MultipleChoiceField(
        label=_("Agency kinds exempt from charges"),
        choices=AgencyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "For example the statutory partners who fund the partnership's training."
        ),
    )


class Course(index.Indexed, ClusterableModel):
    """A face-to-face or live online course, run as one or more sessions."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    recommendations = ParentalManyToManyField(
        "reviews.Recommendation",
        related_name="courses",
        blank=True,
        verbose_name=_("recommendations addressed"),
    )
    learning_points = ParentalManyToManyField(
        "reviews.LearningPoint",
        related_name="courses",
        blank=True,
        verbose_name=_("learning points addressed"),
    )
    cpd_minutes = models.PositiveSmallIntegerField(_("CPD minutes"), default=180)
    refresher_months = models.PositiveSmallIntegerField(
        _("refresher period (months)"), null=True, blank=True, default=36
    )
    audience = models.CharField(_("who it is for"), max_length=250, blank=True)
    cancellation_cutoff_days = models.PositiveSmallIntegerField(
        _("late cancellation within (days)"),
        default=3,
        help_text=_(
            "Cancelling this close to the session is recorded as a late cancellation."
        ),
    )
    is_active = models.BooleanField(_("open for booking"), default=True)
    no_show_fee = models.DecimalField(
        _("charge for not attending (£)"),
        max_digits=8,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Charged to the agency when the register says did not attend."),
    )
    late_cancellation_fee = models.DecimalField(
        _("charge for a late cancellation (£)"),
        max_digits=8,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Charged when a place is cancelled inside the late cancellation period. "
            "Passing a place to a colleague is never charged."
        ),
    )
    fee_exempt_agencies = ParentalManyToManyField(
        "accounts.Agency",
        related_name="+",
        blank=True,
        verbose_name=_("agencies exempt from charges"),
    )
    fee_exempt_kinds = models.JSONField(
        _("agency kinds exempt from charges"), default=list, blank=True
    )
    grants_licence = models.CharField(
        _("attending grants a licence for"),
        max_length=10,
        choices=LicenceKind.choices,
        blank=True,
        help_text=_(
            "For licensed practitioner training such as GCP2: attendance records a "
            "licence, due for a refresher after the refresher period."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("cpd_minutes"), FieldPanel("refresher_months")]),
        FieldPanel("cancellation_cutoff_days"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("no_show_fee"), FieldPanel("late_cancellation_fee")]
                ),
                FieldPanel("fee_exempt_kinds"),
                FieldPanel("fee_exempt_agencies", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Charging policy"),
        ),
        FieldPanel("recommendations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("learning_points", widget=forms.CheckboxSelectMultiple),
        FieldPanel("grants_licence"),
        FieldPanel("is_active"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    base_form_class = CourseForm

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def fee_for(self, kind) -> Decimal:
        return {
            ChargeKind.NO_SHOW: self.no_show_fee,
            ChargeKind.LATE_CANCELLATION: self.late_cancellation_fee,
        }[kind]


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


def new_checkin_secret() -> str:
    return secrets.token_hex(16)


class TrainingSession(models.Model):
    """One dated run of a course, with a capacity and a register."""

    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="sessions"
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    online_joining_details = models.TextField(
        _("online joining details"),
        blank=True,
        help_text=_(
            "Link and instructions, sent to booked learners. Leave blank for in person."
        ),
    )
    capacity = models.PositiveSmallIntegerField(_("places"), default=20)
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="sessions_trained",
        blank=True,
        verbose_name=_("trainers"),
    )
    booking_deadline = models.DateTimeField(
        _("bookings close"),
        null=True,
        blank=True,
        help_text=_("Leave blank to take bookings until the session starts."),
    )
    status = models.CharField(
        max_length=10, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    checkin_opens_minutes = models.PositiveSmallIntegerField(
        _("check-in opens (minutes before the start)"), default=30
    )
    checkin_secret = models.CharField(
        max_length=64, default=new_checkin_secret, editable=False
    )
    # Set when too many wrong check-in codes arrive at once (see checkin_pause).
    checkin_paused_until = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("course"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("venue"),
        FieldPanel("online_joining_details"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("booking_deadline")]),
        FieldPanel("trainers", widget=forms.SelectMultiple),
        # Cancelling is done from the session page, so that everyone booked is told.
        FieldPanel("checkin_opens_minutes"),
    ]

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="session_ends_after_start"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "start"], name="session_status_start_idx")
        ]

    def __str__(self):
        return f"{self.course} – {timezone.localtime(self.start):%d %b %Y %H:%M}"

    def get_absolute_url(self):
        return reverse("events:session_detail", kwargs={"pk": self.pk})

    @property
    def bookings_close_at(self):
        return self.booking_deadline or self.start

    @property
    def is_online(self):
        return bool(self.online_joining_details)


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class AttendanceStatus(models.TextChoices):
    ATTENDED = "attended", _("Attended")
    LATE = "late", _("Attended, late")
    ABSENT = "absent", _("Absent (apologies given)")
    DID_NOT_ATTEND = "did_not_attend", _("Did not attend")


class Booking(models.Model):
    """A learner's place (or waiting-list place) on a session, and their attendance."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="bookings"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookings"
    )
    status = models.CharField(max_length=12, choices=BookingStatus.choices)
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    late_cancellation = models.BooleanField(default=False)
    promoted_at = models.DateTimeField(null=True, blank=True)
    walk_in = models.BooleanField(default=False)
    attendance = models.CharField(
        max_length=16, choices=AttendanceStatus.choices, blank=True
    )
    checked_in_at = models.DateTimeField(null=True, blank=True)
    attendance_recorded_at = models.DateTimeField(null=True, blank=True)
    attendance_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminded_at = models.DateTimeField(null=True, blank=True)
    substituted_by = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="substitute_for",
        help_text=_("The colleague's booking that took over this place."),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=~Q(status="cancelled"),
                name="one_live_booking_per_session",
            )
        ]
        indexes = [
            models.Index(
                fields=["session", "status"], name="booking_session_status_idx"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.session} ({self.status})"

    @property
    def attended(self):
        return self.attendance in (AttendanceStatus.ATTENDED, AttendanceStatus.LATE)


class ChargeKind(models.TextChoices):
    NO_SHOW = "no_show", _("Did not attend")
    LATE_CANCELLATION = "late_cancellation", _("Late cancellation")


class ChargeStatus(models.TextChoices):
    OUTSTANDING = "outstanding", _("To invoice")
    WAIVED = "waived", _("Waived")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Charge(models.Model):
    """A non-attendance or late-cancellation charge to the learner's agency.

    Made and withdrawn only by ``charges_apply`` when a register is saved, so that it
    always follows the register; the agency and names are kept as they were then.
    """

    booking = models.OneToOneField(
        Booking, on_delete=models.PROTECT, related_name="charge"
    )
    session = models.ForeignKey(
        TrainingSession, on_delete=models.PROTECT, related_name="charges"
    )
    agency = models.ForeignKey(
        "accounts.Agency",
        null=True,
        on_delete=models.SET_NULL,
        related_name="charges",
    )
    agency_name = models.CharField(_("agency"), max_length=200)
    holder_name = models.CharField(_("learner"), max_length=150)
    kind = models.CharField(_("reason"), max_length=20, choices=ChargeKind.choices)
    amount = models.DecimalField(_("amount (£)"), max_digits=8, decimal_places=2)
    incurred_on = models.DateField(_("session date"))
    status = models.CharField(
        max_length=12, choices=ChargeStatus.choices, default=ChargeStatus.OUTSTANDING
    )
    created_at = models.DateTimeField(default=timezone.now)
    waived_at = models.DateTimeField(null=True, blank=True)
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    waive_reason = models.TextField(_("reason for waiving"), blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-incurred_on", "agency_name", "holder_name", "pk"]
        permissions = [("waive_charge", "Can waive a charge")]
        indexes = [
            models.Index(
                fields=["agency", "incurred_on"], name="charge_agency_date_idx"
            ),
            models.Index(fields=["incurred_on"], name="charge_date_idx"),
        ]

    def __str__(self):
        return f"{self.agency_name}: {self.get_kind_display()} £{self.amount}"
