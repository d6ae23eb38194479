from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify_form, name="verify_form"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("manage/", views.manage_list, name="manage_list"),
    path("manage/zip/", views.zip_request, name="zip_request"),
    path("manage/exports/<int:pk>/", views.job_detail, name="job"),
    path("manage/exports/<int:pk>/download/", views.job_download, name="job_download"),
    path("manage/<str:code>/", views.manage_detail, name="manage_detail"),
    path("<str:code>/pdf/", views.download, name="download"),
]
