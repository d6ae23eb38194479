from django.urls import path

from . import views

app_name = "briefings"

urlpatterns = [
    path("", views.index, name="index"),
    path("record/", views.record, name="record"),
    path("<int:pk>/", views.detail, name="detail"),
    path("team-managers/", views.team_managers, name="team_managers"),
    path(
        "team-managers/remove/",
        views.team_manager_remove,
        name="team_manager_remove",
    ),
]
