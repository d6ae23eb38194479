from django.urls import path

from . import views

app_name = "licences"

urlpatterns = [
    path("", views.register, name="register"),
    path("<int:pk>/", views.licence_detail, name="detail"),
]
