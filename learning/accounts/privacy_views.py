import json

from django import forms
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from learning.core.ratelimit import rate_limit_hit
from learning.core.services import audit_log

from .privacy import ErasureReason, account_erase, privacy_export

DOWNLOADS_PER_MINUTE = 10
PASSWORD_TRIES = 5
PASSWORD_WINDOW_SECONDS = 300

ENTER_PASSWORD = _("Enter your password to confirm.")
WRONG_PASSWORD = _("The password is not right. Your account has not been deleted.")
TOO_MANY_PASSWORD_TRIES = _(
    "You have entered a wrong password too many times. Wait five minutes and try again."
)


class EraseConfirmForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": ENTER_PASSWORD},
        help_text=_("We ask for it again to make sure it is you."),
    )

    def __init__(self, *args, user, too_many, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.too_many = too_many

    def clean_password(self):
        password = self.cleaned_data["password"]
        if self.too_many:
            raise ValidationError(TOO_MANY_PASSWORD_TRIES, code="rate_limited")
        if not self.user.check_password(password):
            raise ValidationError(WRONG_PASSWORD, code="wrong_password")
        return password


def _too_many(request):
    return render(request, "429.html", status=429)


def _private(response):
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def overview(request):
    return render(
        request,
        "accounts/privacy.html",
        {"export_retention_days": settings.EXPORT_RETENTION_DAYS},
    )


@login_required
@require_GET
def download_json(request):
    if rate_limit_hit(
        key=f"privacy-download:{request.user.pk}",
        limit=DOWNLOADS_PER_MINUTE,
        window_seconds=60,
    ):
        return _too_many(request)
    data = privacy_export(user=request.user)
    audit_log(
        actor=request.user, action="privacy.exported", obj=request.user, format="json"
    )
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    return _private(response)


@login_required
@require_GET
def summary(request):
    if rate_limit_hit(
        key=f"privacy-download:{request.user.pk}",
        limit=DOWNLOADS_PER_MINUTE,
        window_seconds=60,
    ):
        return _too_many(request)
    data = privacy_export(user=request.user)
    audit_log(
        actor=request.user,
        action="privacy.exported",
        obj=request.user,
        format="summary",
    )
    return _private(render(request, "accounts/privacy_summary.html", {"data": data}))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete(request):
    user = request.user
    form = EraseConfirmForm(user=user, too_many=False)
    if request.method == "POST":
        too_many = rate_limit_hit(
            key=f"privacy-erase:{user.pk}",
            limit=PASSWORD_TRIES,
            window_seconds=PASSWORD_WINDOW_SECONDS,
        )
        form = EraseConfirmForm(request.POST, user=user, too_many=too_many)
        if form.is_valid():
            try:
                account_erase(user=user, by=user, reason=ErasureReason.REQUEST)
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                logout(request)
                return redirect("privacy:deleted")
    return render(
        request,
        "accounts/privacy_delete.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@require_GET
def deleted(request):
    return render(request, "accounts/privacy_deleted.html")
