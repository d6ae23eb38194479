import csv
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from certificates.rendering import absolute_url, qr_data_uri
from learning.accounts.security import security_event
from learning.core.exports import safe_csv_value
from learning.core.ratelimit import rate_limit_hit
from learning.core.services import audit_export

from .forms import (
    ChargeLedgerFilterForm,
    CheckInForm,
    RegisterForm,
    SessionFilterForm,
    SubstituteForm,
    WaiveChargeForm,
)
from .models import Booking, BookingStatus, Charge, ChargeStatus, TrainingSession
from .selectors import (
    booking_for_substitution,
    charge_totals_by_agency,
    charges_for_ledger,
    register_rows,
    session_for_register,
    upcoming_sessions,
)
from .services import (
    CHECKIN_ATTEMPT_WINDOW_SECONDS,
    CHECKIN_ATTEMPTS_PER_PERSON,
    CHECKIN_ATTEMPTS_PER_SESSION,
    CHECKIN_TOO_MANY_ATTEMPTS,
    booking_cancel,
    booking_check_in,
    booking_create,
    booking_substitute,
    charge_waive,
    checkin_code,
    checkin_is_open,
    checkin_is_paused,
    checkin_pause,
    checkin_window,
    places_left,
    register_save,
    session_cancel,
)

SESSIONS_PER_PAGE = 20
BOOKED = _("Your place is booked. We have emailed you the details.")
WAITLISTED = _(
    "The session is full, so you are on the waiting list. We will email you if a place comes free."
)
CANCELLED = _("Your booking is cancelled.")
CHECKED_IN = _("You are checked in. Enjoy the session.")
REGISTER_SAVED = _("The register is saved.")
SUBSTITUTED = _(
    "Your colleague now has the place and we have emailed them. Your booking is "
    "cancelled, with no charge."
)
SUBSTITUTED_FOR = _("%(name)s now has the place and we have emailed them.")
CHARGE_WAIVED = _("The charge is waived.")
CHARGES_PER_PAGE = 50
SESSION_CANCELLED_DONE = _(
    "The session is cancelled. Everyone booked has been emailed."
)
REGISTER_ASK_FOR_ACCESS = _(
    "Only this session's trainers and partnership leads can open its register and "
    "check-in board. Ask a partnership lead or the session's trainer (%(names)s) to "
    "add you as a trainer."
)
REGISTER_ASK_A_LEAD = _(
    "Only this session's trainers and partnership leads can open its register and "
    "check-in board. This session has no trainer yet: ask a partnership lead to add "
    "you as its trainer."
)
REGISTER_TRAINERS_ONLY = _(
    "Only this session's trainers and partnership leads can open its register and "
    "check-in board. If you are training on this session, ask a partnership lead or "
    "the session's trainer to add you as a trainer."
)


def session_list(request):
    form = SessionFilterForm(request.GET or None)
    course = recommendation = None
    if form.is_bound and form.is_valid():
        course = form.cleaned_data.get("course")
        recommendation = form.cleaned_data.get("recommendation")
    sessions = upcoming_sessions(course=course, recommendation=recommendation)
    page_obj = Paginator(sessions, SESSIONS_PER_PAGE).get_page(request.GET.get("page"))
    for session in page_obj.object_list:
        session.places_left = max(session.capacity - session.booked_count, 0)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "events/session_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "sessions": page_obj.object_list,
            "query_string": query.urlencode(),
        },
    )


def session_detail(request, pk):
    session = get_object_or_404(TrainingSession.objects.select_related("course"), pk=pk)
    booking = None
    if request.user.is_authenticated:
        booking = (
            session.bookings.filter(user=request.user)
            .exclude(status=BookingStatus.CANCELLED)
            .first()
        )
    return render(
        request,
        "events/session_detail.html",
        {
            "session": session,
            "booking": booking,
            "places_left": places_left(session),
            "can_keep_register": session_for_register(pk=pk, user=request.user)
            is not None,
            "now": timezone.now(),
        },
    )


@require_POST
def book(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(f"/training/{pk}/")
    session = get_object_or_404(TrainingSession, pk=pk)
    try:
        booking = booking_create(session=session, learner=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(
            request, BOOKED if booking.status == BookingStatus.BOOKED else WAITLISTED
        )
    return redirect(session.get_absolute_url())


@login_required
@require_POST
def cancel(request, pk):
    session = get_object_or_404(TrainingSession, pk=pk)
    booking = (
        Booking.objects.filter(session=session, user=request.user)
        .exclude(status=BookingStatus.CANCELLED)
        .first()
    )
    if booking is None:
        raise Http404
    try:
        booking_cancel(booking=booking, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, CANCELLED)
    return redirect(session.get_absolute_url())


@require_http_methods(["GET", "POST"])
def check_in(request, pk):
    """The check-in form. Only a POST checks in: the QR code on the trainer's board
    links here with the code in the query string, which just fills in the form."""
    session = get_object_or_404(TrainingSession.objects.select_related("course"), pk=pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    status = 200
    if request.method == "POST":
        form = CheckInForm(request.POST)
        status = _check_in_attempt(request, session, form)
        if status == 302:
            messages.success(request, CHECKED_IN)
            return redirect(session.get_absolute_url())
    else:
        form = CheckInForm(initial={"code": request.GET.get("code", "")[:12]})
    return render(
        request,
        "events/check_in.html",
        {"session": session, "form": form},
        status=status,
    )


def _check_in_attempt(request, session, form) -> int:
    """Try one check-in and return the status to answer with (302 when checked in).

    Every attempt counts against the person's limit and every wrong code against
    the session's; past either, no code is tried, right or wrong, until the minute
    is up. Wrong codes and refusals are security events.
    """
    user = request.user
    if rate_limit_hit(
        key=f"checkin:person:{user.pk}",
        limit=CHECKIN_ATTEMPTS_PER_PERSON,
        window_seconds=CHECKIN_ATTEMPT_WINDOW_SECONDS,
    ):
        security_event(
            "checkin.locked",
            request=request,
            user=user,
            training_id=session.pk,
            scope="person",
        )
        form.add_error(None, CHECKIN_TOO_MANY_ATTEMPTS)
        return 429
    if not form.is_valid():
        return 400
    try:
        booking_check_in(session=session, learner=user, code=form.cleaned_data["code"])
    except ValidationError as exc:
        form.add_error("code", exc.messages[0])
        if exc.code == "paused":
            security_event(
                "checkin.locked",
                request=request,
                user=user,
                training_id=session.pk,
                scope="session",
            )
            return 429
        if exc.code == "wrong_code":
            security_event(
                "checkin.wrong_code", request=request, user=user, training_id=session.pk
            )
            # The limit is reached at the Nth wrong code, so the next is refused.
            if rate_limit_hit(
                key=f"checkin:session:{session.pk}",
                limit=CHECKIN_ATTEMPTS_PER_SESSION - 1,
                window_seconds=CHECKIN_ATTEMPT_WINDOW_SECONDS,
            ):
                checkin_pause(session=session)
                security_event(
                    "checkin.session_locked",
                    request=request,
                    user=user,
                    training_id=session.pk,
                )
        return 400
    return 302


def register_keepers_only(view):
    """For a session's register pages: its trainers and partnership leads only.

    Anyone else gets a 403 page that says who can give them access.
    """

    @login_required
    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        session = session_for_register(pk=pk, user=request.user)
        if session is None:
            return _register_refused(request, pk)
        return view(request, session, *args, **kwargs)

    return wrapper


def _register_refused(request, pk):
    """The 403 for a register page, saying who can give access.

    The session's trainers are named only to people who may edit sessions in the
    admin (trainers, partnership leads), who can read them there anyway; anyone
    else is told whom to ask by role.
    """
    session = get_object_or_404(TrainingSession.objects.select_related("course"), pk=pk)
    can_edit_session = request.user.has_perm("events.change_trainingsession")
    if can_edit_session:
        names = [trainer.name or trainer.email for trainer in session.trainers.all()]
        message = (
            REGISTER_ASK_FOR_ACCESS % {"names": ", ".join(names)}
            if names
            else REGISTER_ASK_A_LEAD
        )
    else:
        message = REGISTER_TRAINERS_ONLY
    return render(
        request,
        "events/register_refused.html",
        {"session": session, "message": message, "can_edit_session": can_edit_session},
        status=403,
    )


@register_keepers_only
def register(request, session):
    bookings = register_rows(session=session)
    if request.GET.get("export") == "csv":
        audit_export(actor=request.user, what="register", obj=session)
        return _register_csv(session, bookings)
    form = RegisterForm(
        request.POST if request.method == "POST" else None, bookings=bookings
    )
    if request.method == "POST" and form.is_valid():
        try:
            register_save(
                session=session,
                statuses=form.statuses(),
                walk_ins=form.cleaned_data["walk_ins"],
                recorded_by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, REGISTER_SAVED)
            return redirect("events:register", pk=session.pk)
    return render(
        request,
        "events/register.html",
        {"session": session, "form": form, "bookings": bookings},
    )


def _register_csv(session, bookings):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="register-{session.pk}.csv"'
    )
    writer = csv.writer(response)
    start, end = timezone.localtime(session.start), timezone.localtime(session.end)
    minutes = int((session.end - session.start).total_seconds() // 60)
    writer.writerow(
        ["Generated at", timezone.localtime().isoformat(timespec="seconds")]
    )
    writer.writerow(
        [
            "Course",
            safe_csv_value(session.course.title),
            "Start",
            start.isoformat(),
            "End",
            end.isoformat(),
            "Duration minutes",
            minutes,
        ]
    )
    writer.writerow(
        ["Name", "Email", "Agency", "Status", "Checked in at", "Walk-in", "Booked at"]
    )
    for booking in bookings:
        profile = getattr(booking.user, "profile", None)
        writer.writerow(
            [
                safe_csv_value(booking.user.name),
                safe_csv_value(booking.user.email),
                safe_csv_value(profile.agency.name if profile else ""),
                booking.attendance or "not recorded",
                timezone.localtime(booking.checked_in_at).isoformat(timespec="seconds")
                if booking.checked_in_at
                else "",
                "yes" if booking.walk_in else "no",
                timezone.localtime(booking.created_at).isoformat(timespec="seconds"),
            ]
        )
    return response


@register_keepers_only
def check_in_board(request, session):
    """For the trainer's screen: the rotating code, its QR and who has checked in."""
    now = timezone.now()
    is_open = checkin_is_open(session, now)
    paused = is_open and checkin_is_paused(session, now)
    code = checkin_code(session, now) if is_open and not paused else None
    checkin_url = (
        absolute_url(f"/training/{session.pk}/check-in/?code={code}") if code else None
    )
    bookings = register_rows(session=session)
    opens, closes = checkin_window(session)
    return render(
        request,
        "events/check_in_board.html",
        {
            "session": session,
            "code": code,
            "qr": qr_data_uri(checkin_url) if checkin_url else None,
            "is_open": is_open,
            "paused_until": session.checkin_paused_until if paused else None,
            "opens": opens,
            "closes": closes,
            "checked_in": [b for b in bookings if b.checked_in_at or b.attended],
            "waiting": [b for b in bookings if not (b.checked_in_at or b.attended)],
        },
    )


@register_keepers_only
def cancel_session(request, session):
    """Trainers and partnership leads cancel a session; everyone booked is told."""
    if request.method == "POST":
        session_cancel(session=session, by=request.user)
        messages.success(request, SESSION_CANCELLED_DONE)
        return redirect(session.get_absolute_url())
    booked = session.bookings.exclude(status=BookingStatus.CANCELLED).count()
    return render(
        request, "events/cancel_session.html", {"session": session, "booked": booked}
    )


@login_required
def substitute(request, booking_pk):
    """Pass a confirmed place to a named colleague in the same agency, with no charge."""
    booking = booking_for_substitution(pk=booking_pk, user=request.user)
    if booking is None:
        raise Http404
    session = booking.session
    profile = getattr(booking.user, "profile", None)
    form = SubstituteForm(
        request.POST if request.method == "POST" else None,
        agency_id=profile.agency_id if profile else None,
    )
    error = None
    if booking.status != BookingStatus.BOOKED or timezone.now() >= session.start:
        error = (
            _("This place can no longer be passed on: it is not a confirmed place.")
            if booking.status != BookingStatus.BOOKED
            else _("This session has started, so the place can no longer be passed on.")
        )
    if request.method == "POST" and error is None and form.is_valid():
        try:
            booking_substitute(
                booking=booking, colleague=form.colleague, by=request.user
            )
        except ValidationError as exc:
            form.add_error("email", exc.messages[0])
        else:
            if booking.user_id == request.user.pk:
                messages.success(request, SUBSTITUTED)
            else:
                messages.success(
                    request,
                    SUBSTITUTED_FOR
                    % {"name": form.colleague.name or form.colleague.email},
                )
            return redirect(session.get_absolute_url())
    return render(
        request,
        "events/substitute.html",
        {
            "booking": booking,
            "session": session,
            "form": form,
            "error": error,
            "for_self": booking.user_id == request.user.pk,
        },
        status=400 if request.method == "POST" and not form.is_valid() else 200,
    )


def _ledger_access(request, permission="events.view_charge"):
    if not request.user.has_perm(permission):
        raise PermissionDenied


@login_required
def charge_ledger(request):
    """Partnership leads: charges per agency and period, for invoicing."""
    _ledger_access(request)
    form = ChargeLedgerFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {
            key: form.cleaned_data.get(key) or None
            for key in ("agency", "start", "end", "status")
        }
    charges = charges_for_ledger(**filters)
    if form.is_bound and not form.is_valid():
        charges = charges.none()
    if request.GET.get("export") == "csv":
        audit_export(actor=request.user, what="charges", **filters)
        return _charges_csv(charges, form)
    totals = charge_totals_by_agency(charges)
    page_obj = Paginator(charges, CHARGES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "events/charge_ledger.html",
        {
            "form": form,
            "totals": totals,
            "grand_total": {
                "no_shows": sum(row["no_shows"] for row in totals),
                "late_cancellations": sum(row["late_cancellations"] for row in totals),
                "outstanding": sum(row["outstanding"] for row in totals),
                "waived": sum(row["waived"] for row in totals),
            },
            "page_obj": page_obj,
            "charges": page_obj.object_list,
            "query_string": query.urlencode(),
            "can_waive": request.user.has_perm("events.waive_charge"),
        },
    )


def _money(amount) -> str:
    return f"{amount:.2f}"


def _charges_csv(charges, form):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="charges.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["Generated at", timezone.localtime().isoformat(timespec="seconds")]
    )
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    writer.writerow(
        [
            "Agency",
            safe_csv_value(data["agency"].name) if data.get("agency") else "All",
            "Sessions from",
            data["start"].isoformat() if data.get("start") else "",
            "Sessions to",
            data["end"].isoformat() if data.get("end") else "",
            "Status",
            data.get("status") or "outstanding and waived",
        ]
    )
    writer.writerow(
        [
            "Charge",
            "Agency",
            "Learner",
            "Reason",
            "Amount (GBP)",
            "Status",
            "Session date",
            "Course",
            "Session",
            "Booking",
            "Waived by",
            "Waived at",
            "Reason for waiving",
        ]
    )
    for charge in charges.iterator(chunk_size=500):
        writer.writerow(
            [
                charge.pk,
                safe_csv_value(charge.agency_name),
                safe_csv_value(charge.holder_name),
                charge.get_kind_display(),
                _money(charge.amount),
                charge.get_status_display(),
                charge.incurred_on.isoformat(),
                safe_csv_value(charge.session.course.title),
                absolute_url(charge.session.get_absolute_url()),
                charge.booking_id,
                safe_csv_value(charge.waived_by.name) if charge.waived_by else "",
                timezone.localtime(charge.waived_at).isoformat(timespec="seconds")
                if charge.waived_at
                else "",
                safe_csv_value(charge.waive_reason),
            ]
        )
    return response


@login_required
def charge_waive_view(request, pk):
    _ledger_access(request, "events.waive_charge")
    charge = get_object_or_404(
        Charge.objects.select_related("session__course", "booking"), pk=pk
    )
    form = WaiveChargeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            charge_waive(
                charge=charge,
                reason=form.cleaned_data["reason"],
                waived_by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, CHARGE_WAIVED)
            return redirect("events:charge_ledger")
    return render(
        request,
        "events/charge_waive.html",
        {
            "charge": charge,
            "form": form,
            "is_outstanding": charge.status == ChargeStatus.OUTSTANDING,
        },
        status=400 if request.method == "POST" else 200,
    )
