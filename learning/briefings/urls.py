app_name = "briefings"

urlpatterns = []
