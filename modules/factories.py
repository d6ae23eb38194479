"""Test and demo helpers that build modules through the same loader as real content."""

import copy
import itertools

from .content.loader import module_content_load
from .models import ModuleIndexPage

_counter = itertools.count(1)

SAMPLE_STEPS = [
    ("narrative", {"title": "Meet the family", "body": "<p>Mia is two years old.</p>"}),
    (
        "chronology",
        {
            "title": "Read the chronology",
            "instructions": "<p>Select the entries that together show neglect.</p>",
            "entries": [
                {
                    "date": "2024-01-10",
                    "agency": "GP practice",
                    "event": "Mia was not brought to her immunisation appointment.",
                    "recorded_by": "Practice nurse",
                    "part_of_pattern": True,
                },
                {
                    "date": "2024-02-14",
                    "agency": "Nursery",
                    "event": "Mia arrived hungry and in a soiled nappy.",
                    "recorded_by": "Key worker",
                    "part_of_pattern": True,
                },
                {
                    "date": "2024-03-01",
                    "agency": "Housing",
                    "event": "Rent account brought up to date.",
                    "recorded_by": "Housing officer",
                    "part_of_pattern": False,
                },
            ],
            "explanation": "<p>Each entry looks minor alone; together they show need.</p>",
        },
    ),
    (
        "decision",
        {
            "title": "The referral is closed",
            "situation": "<p>MASH closed your referral with no further action.</p>",
            "question": "What do you do next?",
            "options": [
                {
                    "label": "Send the same referral again.",
                    "feedback": "<p>Repeating the referral rarely changes the outcome.</p>",
                    "rating": "weaker",
                    "go_to": "second-referral",
                },
                {
                    "label": "Use the professional challenge and resolution process.",
                    "feedback": "<p>This is the route to challenge a decision.</p>",
                    "rating": "stronger",
                    "go_to": "",
                },
            ],
        },
    ),
    (
        "gcp2_grading",
        {
            "title": "Grade the care",
            "observations": "<p>The flat was cold and the fridge almost empty.</p>",
            "physical_care": {"grade": "4", "rationale": "Food and warmth unreliable."},
            "safety": {"grade": "3", "rationale": "Supervision inconsistent."},
            "love_and_care": {"grade": "2", "rationale": "Mum is warm with Mia."},
            "esteem": {"grade": "3", "rationale": "Little play or praise seen."},
            "summary": "<p>Physical care is the main concern.</p>",
            "continue_to": "reflect",
        },
    ),
    (
        "narrative",
        {
            "title": "A second referral",
            "body": "<p>The second referral is closed too.</p>",
            "name": "second-referral",
        },
    ),
    (
        "reflection",
        {
            "title": "Reflect",
            "prompt": "<p>What would you do differently?</p>",
            "name": "reflect",
        },
    ),
    (
        "knowledge_check",
        {
            "title": "Quick check",
            "question": "Who can raise a professional challenge?",
            "options": [
                {"label": "Any practitioner", "is_correct": True, "feedback": "Yes."},
                {"label": "Only managers", "is_correct": False, "feedback": "No."},
            ],
            "explanation": "<p>Anyone worried about a decision can challenge it.</p>",
        },
    ),
    (
        "key_learning",
        {
            "title": "Key learning",
            "body": "<p>Look at the whole history.</p>",
            "learning_points": [2],
        },
    ),
]


SAMPLE_QUIZ = {
    "settings": {"pass_mark": 75, "attempts_allowed": 3},
    "questions": [
        (
            "single",
            {
                "question": "Who can use the professional challenge process?",
                "options": [
                    {
                        "label": "Any practitioner",
                        "is_correct": True,
                        "feedback": "Yes.",
                    },
                    {"label": "Only managers", "is_correct": False, "feedback": "No."},
                    {
                        "label": "Only social workers",
                        "is_correct": False,
                        "feedback": "",
                    },
                ],
                "explanation": "<p>Anyone worried about a decision can challenge it.</p>",
            },
        ),
        (
            "multiple",
            {
                "question": "Which of these can be signs of chronic neglect?",
                "options": [
                    {
                        "label": "Untreated tooth decay",
                        "is_correct": True,
                        "feedback": "",
                    },
                    {
                        "label": "Repeated missed health appointments",
                        "is_correct": True,
                        "feedback": "",
                    },
                    {
                        "label": "One late arrival at school",
                        "is_correct": False,
                        "feedback": "One event alone is not a pattern.",
                    },
                ],
                "explanation": "<p>Look for patterns over time.</p>",
            },
        ),
        (
            "true_false",
            {
                "statement": "GCP2 grades the reasons for poor care.",
                "answer": "false",
                "feedback_true": "It grades the care received, not the reasons.",
                "feedback_false": "Right: it grades the care the child receives.",
                "explanation": "<p>Reasons matter for planning, not grading.</p>",
            },
        ),
        (
            "scenario",
            {
                "vignette": "<p>Two referrals about Kyle have been closed.</p>",
                "question": "What should the school do now?",
                "answer_type": "single",
                "options": [
                    {
                        "label": "Send a third referral",
                        "is_correct": False,
                        "feedback": "",
                    },
                    {
                        "label": "Contact the social worker or escalate",
                        "is_correct": True,
                        "feedback": "",
                    },
                ],
                "explanation": "<p>Escalate rather than re-refer.</p>",
            },
        ),
    ],
}


def module_spec(**overrides) -> dict:
    number = next(_counter)
    spec = {
        "slug": f"test-module-{number}",
        "title": f"Test module {number}",
        "summary": "A short case for tests.",
        "outcomes": ["Spot a pattern of neglect.", "Challenge a decision."],
        "estimated_minutes": 20,
        "cpd_minutes": 20,
        "recommendations": [1],
        "learning_points": [1, 2],
        "audiences": ["childrens_social_care"],
        "steps": copy.deepcopy(SAMPLE_STEPS),
    }
    spec.update(overrides)
    return spec


def module_create(**overrides):
    """A published module built from ``module_spec`` under the module index."""
    page, _created = module_content_load(
        spec=module_spec(**overrides), index_page=ModuleIndexPage.objects.get()
    )
    return page
