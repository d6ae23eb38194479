"""Recommendation 6 of the seeded review (the learning is shared across the
partnership) is evidenced by being present at a seven-minute briefing."""

from django.db import migrations

REVIEW_SLUG = "chronic-neglect"
NUMBER = 6


def _recommendation(apps):
    return apps.get_model("reviews", "Recommendation").objects.filter(
        review__slug=REVIEW_SLUG, number=NUMBER
    )


def briefings_count(apps, schema_editor):
    _recommendation(apps).update(briefings_count_as_evidence=True)


def briefings_do_not_count(apps, schema_editor):
    _recommendation(apps).update(briefings_count_as_evidence=False)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0003_add_briefings_count_as_evidence"),
    ]

    operations = [migrations.RunPython(briefings_count, briefings_do_not_count)]
