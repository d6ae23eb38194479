from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from learning.accounts.models import User
from learning.accounts.roles import Role

from .forms import (
    PERSON_INVALID,
    PERSON_NOT_FOUND,
    DeliveryFilterForm,
    DeliveryForm,
    TeamManagerGrantForm,
)
from .selectors import (
    active_briefings,
    agency_staff,
    briefing_reach_by_agency,
    deliveries_for_lead,
    deliveries_recorded_by,
    delivery_attendees,
    delivery_get_for_user,
    lead_agency_scope,
    team_manager_agency,
    user_is_briefings_lead,
    user_is_team_manager,
)
from .services import (
    briefing_delivery_record,
    team_manager_grant,
    team_manager_revoke,
)

DELIVERIES_PER_PAGE = 25
DELIVERY_RECORDED = _(
    "The briefing is recorded. Everyone present now has it on their learning record."
)
DELIVERY_RECORDED_PENDING = _(
    "The briefing is recorded. People added by email who have no account yet get it "
    "on their record when they sign up."
)
TEAM_MANAGER_ADDED = _("%(name)s is now a team manager.")
TEAM_MANAGER_REMOVED = _("%(name)s is no longer a team manager.")


@login_required
def index(request):
    user = request.user
    is_manager = user_is_team_manager(user)
    is_lead = user_is_briefings_lead(user)
    if not (is_manager or is_lead):
        raise PermissionDenied
    context = {"is_manager": is_manager, "is_lead": is_lead}
    if is_manager:
        context["my_deliveries"] = list(deliveries_recorded_by(user=user)[:50])
        context["briefings"] = list(active_briefings())
    if is_lead:
        form = DeliveryFilterForm(request.GET or None)
        scope = lead_agency_scope(user)
        if scope is not None:
            form.fields["agency"].queryset = form.fields["agency"].queryset.filter(
                pk__in=scope
            )
        agency_id = None
        if form.is_bound and form.is_valid() and form.cleaned_data.get("agency"):
            agency_id = form.cleaned_data["agency"].pk
        page_obj = Paginator(
            deliveries_for_lead(user=user, agency_id=agency_id), DELIVERIES_PER_PAGE
        ).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            {
                "form": form,
                "all_agencies": scope is None,
                "page_obj": page_obj,
                "deliveries": page_obj.object_list,
                "query_string": query.urlencode(),
                "reach": briefing_reach_by_agency(user=user),
            }
        )
    return render(request, "briefings/index.html", context)


@login_required
def record(request):
    user = request.user
    if not user_is_team_manager(user):
        raise PermissionDenied
    agency = team_manager_agency(user)
    if agency is None:
        raise PermissionDenied
    own_team = user.profile.team
    staff = agency_staff(agency=agency, first_team=own_team)
    form = DeliveryForm(
        request.POST or None,
        briefings=active_briefings(),
        staff=staff,
        initial={"team": own_team},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            delivery = briefing_delivery_record(
                briefing=data["briefing"],
                delivered_by=user,
                delivered_on=data["delivered_on"],
                team=data["team"],
                attendees=list(data["attendees"]),
                emails=data["emails"],
                notes=data["notes"],
                actions=data["actions"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            pending = delivery.attendees.filter(user__isnull=True).exists()
            messages.success(
                request, DELIVERY_RECORDED_PENDING if pending else DELIVERY_RECORDED
            )
            return redirect(delivery.get_absolute_url())
    return render(
        request,
        "briefings/record.html",
        {"form": form, "agency": agency, "staff_groups": form.staff_by_team()},
    )


@login_required
def detail(request, pk):
    user = request.user
    if not (user_is_team_manager(user) or user_is_briefings_lead(user)):
        raise PermissionDenied
    delivery = delivery_get_for_user(pk=pk, user=user)
    return render(
        request,
        "briefings/detail.html",
        {"delivery": delivery, "attendees": delivery_attendees(delivery=delivery)},
    )


def _team_managers(user):
    scope = lead_agency_scope(user)
    queryset = (
        User.objects.filter(groups__name=Role.TEAM_MANAGERS)
        .select_related("profile__agency")
        .order_by("profile__agency__name", "name", "email")
    )
    if scope is not None:
        queryset = queryset.filter(profile__agency_id__in=scope)
    return queryset


@login_required
def team_managers(request):
    user = request.user
    if not user_is_briefings_lead(user):
        raise PermissionDenied
    form = TeamManagerGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = _team_manager_candidate(user, form.cleaned_data["email"])
        if person is None:
            form.add_error("email", PERSON_NOT_FOUND)
        else:
            try:
                team_manager_grant(user=person, granted_by=user)
            except ValidationError as exc:
                form.add_error("email", exc.messages[0])
            else:
                messages.success(
                    request, TEAM_MANAGER_ADDED % {"name": person.name or person.email}
                )
                return redirect("briefings:team_managers")
    return render(
        request,
        "briefings/team_managers.html",
        {
            "form": form,
            "managers": list(_team_managers(user)),
            "all_agencies": lead_agency_scope(user) is None,
        },
    )


def _team_manager_candidate(lead, email):
    """The registered person with this address whom this lead may manage, or None."""
    scope = lead_agency_scope(lead)
    queryset = User.objects.filter(email__iexact=email.strip(), is_active=True)
    if scope is not None:
        queryset = queryset.filter(profile__agency_id__in=scope)
    return queryset.first()


@login_required
@require_POST
def team_manager_remove(request):
    user = request.user
    if not user_is_briefings_lead(user):
        raise PermissionDenied
    person = _team_managers(user).filter(pk=_int(request.POST.get("user"))).first()
    if person is None:
        messages.error(request, PERSON_INVALID)
        return redirect("briefings:team_managers")
    try:
        team_manager_revoke(user=person, revoked_by=user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(
            request, TEAM_MANAGER_REMOVED % {"name": person.name or person.email}
        )
    return redirect("briefings:team_managers")


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
