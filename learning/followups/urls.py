from django.urls import path

from . import views

app_name = "followups"

urlpatterns = [
    path(
        "manager/<str:token>/",
        views.follow_up_manager_view,
        name="manager",
    ),
    path("<str:token>/", views.follow_up_answer_view, name="answer"),
]
