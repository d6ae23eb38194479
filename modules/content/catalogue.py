"""The shipped modules, in the order they appear on /modules/."""

from importlib import import_module

MODULE_NAMES = [
    "recognising_neglect",
    "disguised_compliance",
    "challenge_resolution",
    "parents_learning_disabilities",
    "seven_minute_briefing",
]


def module_specs(only=None) -> list[dict]:
    names = [only] if only else MODULE_NAMES
    return [import_module(f"modules.content.{name}").MODULE for name in names]
