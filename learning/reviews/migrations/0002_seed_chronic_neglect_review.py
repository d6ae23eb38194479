"""Load the chronic neglect local learning review: 12 learning points, 6 recommendations.

The text is the review's own, from the partnership's practitioner briefing.
"""

from django.db import migrations

SLUG = "chronic-neglect"

LEARNING_POINTS = [
    "Further training for Children's Social Care practitioners to recognise chronic "
    "and cumulative neglect for a child, to understand what is happening in their "
    "life, how neglect impacts their life chances and how services can provide "
    "support.",
    "Professionals to collectively look at historic safeguarding concerns and risks, "
    "in the form of a chronology, rather than identify them as isolated incidents.",
    "Where there are noticeable safeguarding concerns, GP's must complete a MARF into "
    "Children's Social Care, rather than rely on other agencies.",
    "Professionals attend a multi-agency meeting and review each case where the "
    "length of stay in hospital for a child or young person overrides the norm, "
    "particularly focussing on whether timescales are due to parenting concerns or "
    "to secure a placement for a child when they are unable to return home.",
    "Health professionals develop a programme around supporting parents with "
    "learning disabilities where they are struggling to understand the complexities "
    "of calculating and administering medication to their children.",
    "A named child advocate is always linked to a child on CiN, or CP is invited to "
    "such meetings.",
    "All agencies, particularly Schools and Children Social Care, examine the impact "
    "of working differently in difficult and exceptional circumstances, for example "
    "COVID-19.",
    "Professionals to not repeat MARF submissions into MASH, but to contact the "
    "allocated Social Worker or use the Professional Challenge and Resolution "
    "process to raise further safeguarding concerns.",
    "MASH to have oversight and consider a 'trigger point' or examine three referrals "
    "in succession, to highlight the need for further discussions or review a "
    "child's case if professionals are continually submitting MARFs.",
    "All professionals working with children and young people know and follow the "
    "latest DSPP Professional Challenge and Resolution guidance to challenge an "
    "outcome or raise further concerns of how a child's case is being managed.",
    "DSPP consider further work with front faced professionals allocated to support "
    "families, to recognise and act on disguised or non-compliance from "
    "parents/carers who appear to be cooperating with agencies.",
    "GP's, Schools and School Nurses to work together to discuss a child health needs "
    "and records, particularly if there are concerns with parental non-compliance or "
    "low or non-attendance at school.",
]

RECOMMENDATIONS = [
    "All front facing practitioners working with children and young people to "
    "revisit Dudley Safeguarding People Partnership (DSPP) Neglect Strategy (Graded "
    "Care Profile2 GCP2) to recognise chronic and cumulative neglect for a child and "
    "the impact on their life chances.",
    "Children's Social Care complete a deep dive of cases where families with a "
    "history of long periods of neglect have moved into Dudley from other local "
    "authorities, to potentially divert attention or become hidden from agencies.",
    "Health and Children's Social Care professionals to develop a clear pathway and "
    "timeliness of intervention for parents with learning needs in order they "
    "understand the complexities of calculating and administering medication to "
    "their children.",
    "Children's Social Care to complete piece of work around parents with learning "
    "disabilities to support them with their parenting, especially where child "
    "neglect is prevalent.",
    "All front facing professionals know and understand how to use the latest DSPP "
    "Professional Challenge and Resolution process and attend the Professional "
    "Challenge and Resolution training.",
    "The learning is shared across the partnership.",
]


def load_review(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    LearningPoint = apps.get_model("reviews", "LearningPoint")
    Recommendation = apps.get_model("reviews", "Recommendation")
    review, _ = Review.objects.update_or_create(
        slug=SLUG,
        defaults={
            "title": "Learning from a case of chronic neglect",
            "kind": "Local learning review",
            "summary": (
                "After a Child Safeguarding Practice Review referral and a rapid "
                "review meeting, the partnership agreed to complete a local learning "
                "review using the rapid review's findings. Practitioners from agencies "
                "across the partnership contributed to the review and to its learning "
                "outcomes."
            ),
            "audience": (
                "Any practitioner or manager whose work brings them into contact with "
                "children, young people and their families, including those in adult "
                "services whose service users are parents or carers."
            ),
        },
    )
    for number, text in enumerate(LEARNING_POINTS, start=1):
        LearningPoint.objects.update_or_create(
            review=review, number=number, defaults={"text": text}
        )
    for number, text in enumerate(RECOMMENDATIONS, start=1):
        Recommendation.objects.update_or_create(
            review=review, number=number, defaults={"text": text, "evidence_rule": "any"}
        )


def unload_review(apps, schema_editor):
    apps.get_model("reviews", "Review").objects.filter(slug=SLUG).delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(load_review, unload_review)]
