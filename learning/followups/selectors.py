def follow_ups_open_for(*, user) -> list:
    """Follow-up questionnaires waiting for this learner's answer, for My learning."""
    return []
