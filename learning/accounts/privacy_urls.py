from django.urls import path

from . import privacy_views

app_name = "privacy"

urlpatterns = [
    path("", privacy_views.overview, name="overview"),
    path("my-data.json", privacy_views.download_json, name="download_json"),
    path("summary/", privacy_views.summary, name="summary"),
    path("delete/", privacy_views.delete, name="delete"),
    path("deleted/", privacy_views.deleted, name="deleted"),
]
