from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/agency/", views.agency_move_ask, name="agency_move_ask"),
    path("profile/agency/cancel/", views.agency_move_cancel, name="agency_move_cancel"),
    path("agency-moves/", views.agency_moves, name="agency_moves"),
    path("agency-moves/move/", views.agency_move_start, name="agency_move_start"),
    path("agency-moves/<int:pk>/", views.agency_move_detail, name="agency_move_detail"),
]
