from django.urls import path

from . import export_views, impact_views, views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("people/", views.people, name="people"),
    path("people/<int:user_id>/", views.person, name="person"),
    path("impact/", impact_views.impact, name="impact"),
    path("actions/", impact_views.action_list, name="action_list"),
    path("actions/new/", impact_views.action_create, name="action_create"),
    path("actions/<int:pk>/", impact_views.action_edit, name="action_edit"),
    path("export/", export_views.export, name="export"),
    path("export/start/", export_views.export_start, name="export_start"),
    path("export/jobs/<int:pk>/", export_views.export_job, name="export_job"),
    path(
        "export/jobs/<int:pk>/download/",
        export_views.export_download,
        name="export_download",
    ),
    path("board-pack.pdf", export_views.board_pack, name="board_pack"),
]
