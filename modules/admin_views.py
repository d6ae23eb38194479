"""Trainer-facing quiz results in the Wagtail admin."""

import csv

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from learning.accounts.models import Agency
from learning.core.exports import safe_csv_value
from learning.core.forms import IdChoiceField
from learning.core.services import audit_export

from .models import ModulePage
from .selectors import quiz_item_analysis


class AnalysisFilterForm(forms.Form):
    agency = IdChoiceField(
        queryset=Agency.objects.order_by("name"),
        required=False,
        empty_label=_("All agencies"),
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("start")
            and cleaned.get("end")
            and cleaned["start"] > cleaned["end"]
        ):
            raise forms.ValidationError(
                _("The start date must be on or before the end date.")
            )
        return cleaned


def can_view_quiz_analysis(user, module) -> bool:
    if user.has_perm("accounts.view_all_agency_reports"):
        return True
    return module.permissions_for_user(user).can_edit()


class QuizAnalysisView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "modules/admin/quiz_analysis.html"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        self.module = get_object_or_404(ModulePage, pk=kwargs["page_id"])
        if not can_view_quiz_analysis(request.user, self.module):
            raise PermissionDenied
        self.form = AnalysisFilterForm(request.GET or None)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Quiz results: %(title)s") % {"title": self.module.title}

    def get_filters(self):
        if self.form.is_bound and self.form.is_valid():
            return {
                k: self.form.cleaned_data.get(k) for k in ("agency", "start", "end")
            }
        return {"agency": None, "start": None, "end": None}

    def get(self, request, *args, **kwargs):
        analysis = quiz_item_analysis(module=self.module, **self.get_filters())
        if request.GET.get("export") == "csv" and not self.form.errors:
            audit_export(
                actor=request.user,
                what="quiz_results",
                obj=self.module,
                **self.get_filters(),
            )
            return self.csv_response(analysis)
        context = self.get_context_data(
            analysis=analysis, form=self.form, module=self.module
        )
        return self.render_to_response(context)

    def csv_response(self, analysis):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"quiz-analysis-{self.module.slug}-{timezone.localdate():%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        filters = self.get_filters()
        writer.writerow([safe_csv_value(f"Quiz results: {self.module.title}")])
        writer.writerow(
            [
                "Generated at",
                timezone.localtime().isoformat(timespec="seconds"),
                "Agency",
                safe_csv_value(str(filters["agency"] or "All agencies")),
                "From",
                filters["start"] or "",
                "To",
                filters["end"] or "",
            ]
        )
        writer.writerow(
            [
                "Attempts",
                analysis["attempts"],
                "Pass rate %",
                analysis["pass_rate"],
                "Average score %",
                analysis["average_score"],
            ]
        )
        writer.writerow([])
        writer.writerow(
            [
                "Question",
                "Text",
                "Answered",
                "Correct",
                "Percent correct",
                "Most chosen wrong answer",
                "Times chosen",
            ]
        )
        for row in analysis["rows"]:
            writer.writerow(
                [
                    row.number,
                    safe_csv_value(row.text),
                    row.answered,
                    row.correct,
                    "" if row.percent_correct is None else row.percent_correct,
                    safe_csv_value(row.top_wrong_label or ""),
                    row.top_wrong_count,
                ]
            )
        return response
