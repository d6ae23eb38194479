from django.views.generic import ListView, TemplateView

from .selectors import review_get_for_display, review_list


class ReviewListView(ListView):
    template_name = "reviews/review_list.html"
    context_object_name = "reviews"
    paginate_by = 20

    def get_queryset(self):
        return review_list()


class ReviewDetailView(TemplateView):
    template_name = "reviews/review_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review"] = review_get_for_display(
            slug=self.kwargs["slug"], request=self.request
        )
        return context
