from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from .forms import (
    PERSON_NOT_FOUND,
    AgencyMoveAskForm,
    AgencyMoveDecisionForm,
    AgencyMoveForm,
    ProfileForm,
)
from .models import AgencyMoveStatus, Profile
from .selectors import (
    agency_move_awaits,
    agency_move_destinations,
    agency_move_get_for_lead,
    agency_move_pending_for,
    agency_move_person_for_lead,
    agency_moves_pending_for_lead,
    agency_roles_held,
    move_scope_for,
    user_holds_a_role,
)
from .services import (
    ROLE_HOLDERS_CANNOT_ASK,
    agency_move_request_cancel,
    agency_move_request_create,
    agency_move_request_decide,
    profile_agency_move,
    profile_agency_move_check,
)

PROFILE_SAVED = _("Your profile has been saved.")
MOVE_ASKED = _(
    "Your request has been sent. Your agency lead or the partnership team will "
    "decide it."
)
MOVE_ASK_CANCELLED = _("Your request to move has been cancelled.")
NO_MOVE_TO_CANCEL = _("You have no request to move waiting for a decision.")
PERSON_MOVED = _("%(name)s has moved to %(agency)s.")
PERSON_HANDED_OVER = _(
    "%(name)s will move to %(agency)s when its lead, or a partnership lead, agrees."
)
MOVE_AGREED = _("You agreed to the move. It now waits for the lead of %(agency)s.")
MOVE_DECLINED = _("You declined the move. %(name)s stays in %(agency)s.")


class ProfileView(LoginRequiredMixin, FormView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        user = self.request.user
        profile = Profile.objects.filter(user=user).select_related("agency").first()
        return super().get_context_data(
            **kwargs,
            profile=profile,
            agency_move=agency_move_pending_for(person=user),
            holds_a_role=user_holds_a_role(user),
            moves_people=move_scope_for(user) is not None,
        )

    def form_valid(self, form):
        try:
            form.save()
        except ValidationError:
            return self.form_invalid(form)
        messages.success(self.request, PROFILE_SAVED)
        return redirect("accounts_profile")


def admin_login(request):
    """Where Wagtail sends people who may not use the admin.

    Anonymous visitors sign in through allauth (one login form for the whole site);
    signed-in people without admin access get a clear 403 instead of a login loop.
    """
    next_url = request.GET.get("next") or "/admin/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        next_url = "/admin/"
    if request.user.is_authenticated:
        if request.user.has_perm("wagtailadmin.access_admin"):
            return redirect(next_url)
        return render(request, "403.html", status=403)
    return redirect_to_login(next_url)


# ---------------------------------------------------------- agency moves: people


def _add_errors(form, exc: ValidationError, field=None):
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(field, exc)


@login_required
def agency_move_ask(request):
    """A learner asks to move to another agency; role holders are told whom to ask."""
    user = request.user
    profile = Profile.objects.filter(user=user).select_related("agency").first()
    if profile is None:
        return redirect("accounts_profile")
    pending = agency_move_pending_for(person=user)
    holds_a_role = user_holds_a_role(user)
    form = None
    if not holds_a_role and pending is None:
        form = AgencyMoveAskForm(
            request.POST or None, destinations=agency_move_destinations(person=user)
        )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                agency_move_request_create(
                    person=user,
                    to_agency=form.cleaned_data["to_agency"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as exc:
                _add_errors(form, exc, "to_agency")
            else:
                messages.success(request, MOVE_ASKED)
                return redirect("accounts_profile")
    return render(
        request,
        "accounts/agency_move_ask.html",
        {
            "form": form,
            "profile": profile,
            "agency_move": pending,
            "holds_a_role": holds_a_role,
            "role_holders_cannot_ask": ROLE_HOLDERS_CANNOT_ASK,
        },
    )


@login_required
@require_POST
def agency_move_cancel(request):
    pending = agency_move_pending_for(person=request.user)
    if pending is None or pending.requested_by_id != request.user.pk:
        messages.error(request, NO_MOVE_TO_CANCEL)
        return redirect("accounts_profile")
    try:
        agency_move_request_cancel(move_request=pending, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, MOVE_ASK_CANCELLED)
    return redirect("accounts_profile")


# ----------------------------------------------------------- agency moves: leads


def _move_scope(request):
    scope = move_scope_for(request.user)
    if scope is None:
        raise PermissionDenied
    return scope


@login_required
def agency_moves(request):
    """Moves waiting for a decision, from or to the lead's agency."""
    scope = _move_scope(request)
    moves = list(agency_moves_pending_for_lead(scope=scope))
    for move in moves:
        move.may_agree = agency_move_awaits(move=move, scope=scope)
    return render(
        request,
        "accounts/agency_moves.html",
        {"moves": moves, "all_agencies": scope.all_agencies},
    )


@login_required
def agency_move_start(request):
    """A lead moves someone to another agency (partnership leads), or hands them
    over to it (agency leads): a form, then a page to check and confirm."""
    scope = _move_scope(request)
    form = AgencyMoveForm(request.POST or None)
    page = {"form": form, "all_agencies": scope.all_agencies}
    if request.method != "POST" or not form.is_valid():
        return render(request, "accounts/agency_move_form.html", page)
    person = agency_move_person_for_lead(email=form.cleaned_data["email"], scope=scope)
    if person is None:
        form.add_error("email", PERSON_NOT_FOUND)
        return render(request, "accounts/agency_move_form.html", page)
    to_agency = form.cleaned_data["to_agency"]
    try:
        if request.POST.get("confirm") != "yes":
            profile_agency_move_check(
                profile=person.profile, to_agency=to_agency, by=request.user
            )
            return render(
                request,
                "accounts/agency_move_confirm.html",
                {
                    "form": form,
                    "person": person,
                    "to_agency": to_agency,
                    "roles_ending": agency_roles_held(person),
                    "all_agencies": scope.all_agencies,
                },
            )
        move = profile_agency_move(
            profile=person.profile,
            to_agency=to_agency,
            by=request.user,
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as exc:
        _add_errors(form, exc, "to_agency")
        return render(request, "accounts/agency_move_form.html", page)
    message = (
        PERSON_MOVED if move.status == AgencyMoveStatus.APPROVED else PERSON_HANDED_OVER
    )
    messages.success(
        request, message % {"name": person.name or person.email, "agency": to_agency}
    )
    return redirect("accounts:agency_moves")


@login_required
def agency_move_detail(request, pk):
    """One waiting move, for a lead over either agency to agree to or decline."""
    scope = _move_scope(request)
    move = agency_move_get_for_lead(pk=pk, scope=scope)
    if move is None:
        raise Http404
    form = AgencyMoveDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            move = agency_move_request_decide(
                move_request=move, by=request.user, approve=approve
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            name = move.person.name or move.person.email
            if move.status == AgencyMoveStatus.APPROVED:
                message = PERSON_MOVED % {"name": name, "agency": move.to_agency}
            elif move.status == AgencyMoveStatus.DECLINED:
                message = MOVE_DECLINED % {"name": name, "agency": move.from_agency}
            else:
                waiting = (
                    move.from_agency
                    if move.source_approved_by_id is None
                    else move.to_agency
                )
                message = MOVE_AGREED % {"agency": waiting}
            messages.success(request, message)
            return redirect("accounts:agency_moves")
    return render(
        request,
        "accounts/agency_move_detail.html",
        {
            "form": form,
            "move": move,
            "may_agree": move.is_pending and agency_move_awaits(move=move, scope=scope),
            "roles_ending": agency_roles_held(move.person),
            "all_agencies": scope.all_agencies,
        },
    )
