"""Helpers for the accounts tests: a complete sign-up form and session checks."""

import re

from django.core import mail

import pytest

STRONG_PASSWORD = "kettle-orchard-lantern-47"
CONFIRM_LINK = re.compile(r"https?://testserver(/accounts/confirm-email/[^/\s]+/)")


@pytest.fixture
def signup_data(agency):
    """A valid sign-up for the shared ``agency`` fixture, agency left blank."""
    return {
        "name": "Ann Example",
        "email": "ann.example@council.example.org",
        "agency": "",
        "job_title": "Social worker",
        "team": "Locality team North",
        "line_manager_name": "Bea Manager",
        "line_manager_email": "bea.manager@council.example.org",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
    }


def signed_in_user_id(client):
    value = client.session.get("_auth_user_id")
    return int(value) if value is not None else None


def confirmation_path(message):
    match = CONFIRM_LINK.search(message.body)
    assert match, f"No confirmation link in: {message.body}"
    return match.group(1)


def only_email_to(address):
    messages = [m for m in mail.outbox if address in m.to]
    assert len(messages) == 1, [m.to for m in mail.outbox]
    return messages[0]
