def licence_grant_for_booking(*, booking, granted_by) -> None:
    """Called when a booking's attendance is recorded as attended."""
    return None
