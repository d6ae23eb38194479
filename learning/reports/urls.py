from django.urls import path

from . import impact_views, views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("people/", views.people, name="people"),
    path("people/<int:user_id>/", views.person, name="person"),
    path("impact/", impact_views.impact, name="impact"),
    path("actions/", impact_views.action_list, name="action_list"),
    path("actions/new/", impact_views.action_create, name="action_create"),
    path("actions/<int:pk>/", impact_views.action_edit, name="action_edit"),
]
