"""Whose figures a user may see in reports.

Every report selector takes a ``ReportScope`` explicitly and filters people by
their *current* profile agency, so each person counts once, in their own agency.
"""

from dataclasses import dataclass

from certificates.selectors import managed_agency_id, user_manages_all_agencies
from learning.accounts.models import Agency


@dataclass(frozen=True)
class ReportScope:
    """The agencies a lead may report on.

    ``all_agencies`` is True for partnership leads; ``agency_ids`` always lists the
    agencies explicitly (sorted), so queries and cache keys never depend on it.
    """

    agency_ids: tuple[int, ...]
    all_agencies: bool = False

    def allows_agency(self, agency_id) -> bool:
        try:
            return int(agency_id) in self.agency_ids
        except (TypeError, ValueError):
            return False


def report_scope_for(user) -> ReportScope | None:
    """The user's report scope, or None when they may not see reports at all.

    Partnership leads (``accounts.view_all_agency_reports``) see every agency,
    inactive ones included; agency leads (``accounts.view_own_agency_reports``)
    see the agency on their own profile only. Anyone else gets None (403).
    """
    if user_manages_all_agencies(user):
        ids = Agency.objects.order_by("pk").values_list("pk", flat=True)
        return ReportScope(agency_ids=tuple(ids), all_agencies=True)
    own = managed_agency_id(user)
    if own is None:
        return None
    return ReportScope(agency_ids=(own,), all_agencies=False)
