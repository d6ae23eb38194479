def licences_for_holder(*, user) -> list:
    """The learner's licences, for My learning."""
    return []
