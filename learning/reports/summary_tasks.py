"""Background refresh of the report summary, through Django's tasks API.

Enqueue ``refresh_report_summary`` from a scheduler (or run the management
command of the same name from cron) every two minutes, so that the dashboard
finds fresh summary rows; see ``learning.reports.summary``.
"""

from learning.accounts.models import Profile
from learning.core.tasks import retried_task

from .summary import summary_refresh


@retried_task()
def refresh_report_summary(
    agency_ids: list[int] | None = None, only_stale: bool = False
) -> int:
    """Refresh the summary of everyone (or of the people in ``agency_ids``)."""
    people = Profile.objects.all()
    if agency_ids is not None:
        people = people.filter(agency_id__in=[int(pk) for pk in agency_ids])
    return summary_refresh(people=people, only_stale=only_stale)
