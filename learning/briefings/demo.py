"""Demo data for this app, called by `load_demo` after agencies, people and training."""


def demo_briefings_load() -> str:
    """Load the demo data (idempotent) and return a short summary for the command."""
    return ""
