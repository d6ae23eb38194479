"""Helpers shared by every CSV and spreadsheet export."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_csv_value(value: str) -> str:
    """Stop spreadsheet programs treating user-entered text as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text
