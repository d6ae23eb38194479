from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .forms import FollowUpAnswerForm, ManagerAnswerForm
from .selectors import follow_up_get_for_manager, follow_up_get_for_user
from .services import (
    follow_up_answer,
    follow_up_is_open,
    follow_up_manager_answer,
    manager_link_is_open,
)

REFERRER_POLICY = "strict-origin"


def token_page(view):
    """Pages reached by a secret link: never cached, never leak the URL onwards.

    ``strict-origin`` rather than ``no-referrer``: both keep the token's path out of
    every Referer header, but under ``no-referrer`` browsers send ``Origin: null``
    with the page's own form, which Django's CSRF check (rightly) refuses.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = REFERRER_POLICY
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(wrapped)


def _add_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@require_http_methods(["GET", "POST"])
@token_page
@login_required
def follow_up_answer_view(request, token):
    # Someone else's token is treated exactly like an unknown one.
    follow_up = follow_up_get_for_user(token=token, user=request.user)
    if follow_up is None:
        raise Http404
    if follow_up.answered_at is not None:
        return render(request, "followups/answered.html", {"follow_up": follow_up})
    if not follow_up_is_open(follow_up):
        return render(
            request, "followups/closed.html", {"follow_up": follow_up}, status=410
        )
    profile = getattr(request.user, "profile", None)
    form = FollowUpAnswerForm(
        request.POST if request.method == "POST" else None, profile=profile
    )
    if form.is_valid():
        try:
            follow_up_answer(
                follow_up=follow_up,
                user=request.user,
                changed_practice=form.cleaned_data["changed_practice"],
                example=form.cleaned_data["example"],
                confidence_now=form.cleaned_data["confidence_now"],
                used_challenge_process=form.cleaned_data["used_challenge_process"],
                ask_manager=form.cleaned_data.get("ask_manager", False),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect(follow_up.get_absolute_url())
    return render(
        request,
        "followups/answer.html",
        {"follow_up": follow_up, "form": form, "profile": profile},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@token_page
def follow_up_manager_view(request, token):
    follow_up = follow_up_get_for_manager(token=token)
    if follow_up is None:
        raise Http404
    context = {"follow_up": follow_up, "learner_name": follow_up.user.name}
    if follow_up.manager_answered_at is not None:
        return render(request, "followups/manager_answered.html", context)
    if not manager_link_is_open(follow_up):
        return render(request, "followups/closed.html", context, status=410)
    form = ManagerAnswerForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            follow_up_manager_answer(
                follow_up=follow_up,
                observed_change=form.cleaned_data["observed_change"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect(follow_up.get_manager_url())
    return render(
        request,
        "followups/manager.html",
        {**context, "form": form},
        status=400 if form.errors else 200,
    )
