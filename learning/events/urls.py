from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.session_list, name="session_list"),
    path("<int:pk>/", views.session_detail, name="session_detail"),
    path("<int:pk>/book/", views.book, name="book"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/check-in/", views.check_in, name="check_in"),
    path("<int:pk>/register/", views.register, name="register"),
    path("<int:pk>/board/", views.check_in_board, name="board"),
    path("<int:pk>/cancel-session/", views.cancel_session, name="cancel_session"),
    path("bookings/<int:booking_pk>/pass-on/", views.substitute, name="substitute"),
    path("charges/", views.charge_ledger, name="charge_ledger"),
    path("charges/<int:pk>/waive/", views.charge_waive_view, name="charge_waive"),
]
