"""The accessibility statement written by migration 0008, and its reverse."""

from importlib import import_module
from types import SimpleNamespace

from django.apps import apps
from django.db import connection

import pytest

from learning.core.models import StandardPage

pytestmark = pytest.mark.django_db

statement = import_module(
    "learning.core.migrations.0008_accessibility_statement_testing"
)
original = import_module("learning.core.migrations.0002_create_site_pages")
# The migration's functions use only the schema editor's connection; SQLite refuses a
# real schema editor inside the test's transaction.
EDITOR = SimpleNamespace(connection=connection)


def _headings(page):
    return [b.value["text"] for b in page.body if b.block_type == "heading"]


def _text(page):
    return " ".join(str(b.value) for b in page.body if b.block_type == "paragraph")


def test_the_statement_names_the_standard_the_testing_the_gaps_and_enforcement(client):
    page = StandardPage.objects.get(slug="accessibility")
    text = _text(page)

    assert "WCAG" in text and "2.2 at level AA" in text
    assert "axe-core" in text and "keyboard-only journeys" in text
    assert "We have not yet tested the site by hand with screen readers" in text
    assert "Wagtail" in text and "PDF" in text
    assert "Equality and Human Rights Commission (EHRC)" in text
    assert "Equality Commission for Northern Ireland (ECNI)" in text
    assert f"prepared on {statement.PREPARED_ON}" in text
    response = client.get("/accessibility/")
    assert response.status_code == 200
    assert b"Preparation of this statement" in response.content


def test_the_reverse_restores_the_original_and_forward_writes_it_again():
    statement.restore_statement(apps, EDITOR)
    page = StandardPage.objects.get(slug="accessibility")
    assert _headings(page) == [
        b["value"]["text"]
        for b in original.ACCESSIBILITY_BODY
        if b["type"] == "heading"
    ]
    assert page.intro == original.ACCESSIBILITY_INTRO

    statement.update_statement(apps, EDITOR)
    page.refresh_from_db()
    assert "Preparation of this statement" in _headings(page)
    assert page.intro == statement.ACCESSIBILITY_INTRO


def test_an_edited_statement_is_left_alone():
    page = StandardPage.objects.get(slug="accessibility")
    page.intro = "Our own words."
    page.save_revision().publish()
    before = _headings(StandardPage.objects.get(pk=page.pk))

    statement.restore_statement(apps, EDITOR)

    page = StandardPage.objects.get(pk=page.pk)
    assert page.intro == "Our own words."
    assert _headings(page) == before
