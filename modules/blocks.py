"""Step blocks for case-based modules.

Each step is one screen for the learner. Every step has a title and, in its settings,
an optional ``name`` that decision options can branch to and an optional
``continue_to`` that ends a branch by jumping to a later named step.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import BlockGroup
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from learning.core.blocks import SafeRichTextBlock

STEP_RICH_TEXT = ["h3", "bold", "italic", "ol", "ul", "link"]

GCP2_AREAS = [
    ("physical_care", _("Physical care")),
    ("safety", _("Safety")),
    ("love_and_care", _("Love and care")),
    ("esteem", _("Esteem")),
]
GCP2_GRADES = [(str(n), str(n)) for n in range(1, 6)]


class PracticeRating(models.TextChoices):
    STRONGER = "stronger", _("Stronger practice")
    ACCEPTABLE = "acceptable", _("Acceptable practice")
    WEAKER = "weaker", _("Weaker practice")


class StepStructValue(blocks.StructValue):
    @property
    def step_name(self):
        return (self.get("name") or "").strip()

    @property
    def continue_to_name(self):
        return (self.get("continue_to") or "").strip()


class StepBlock(blocks.StructBlock):
    """Base for every step: a title plus branching settings."""

    def __init__(self, local_blocks=None, **kwargs):
        branching = [
            (
                "name",
                blocks.CharBlock(
                    required=False,
                    max_length=50,
                    validators=[validate_slug],
                    label=_("Step name"),
                    help_text=_(
                        "A short name, such as home-visit, so that decision options "
                        "can send learners to this step."
                    ),
                ),
            ),
            (
                "continue_to",
                blocks.CharBlock(
                    required=False,
                    max_length=50,
                    validators=[validate_slug],
                    label=_("Then continue to"),
                    help_text=_(
                        "The name of a later step to go to after this one, instead of "
                        "the next step. Use it at the end of a branch."
                    ),
                ),
            ),
        ]
        super().__init__(local_blocks=[*(local_blocks or []), *branching], **kwargs)

    def get_form_layout(self):
        names = [n for n in self.child_blocks if n not in {"name", "continue_to"}]
        return BlockGroup(children=names, settings=["name", "continue_to"])

    class Meta:
        value_class = StepStructValue
        icon = "doc-empty"


class NarrativeStepBlock(StepBlock):
    title = blocks.CharBlock(max_length=120, label=_("Step title"))
    body = SafeRichTextBlock(features=STEP_RICH_TEXT, label=_("Text"))
    image = ImageChooserBlock(required=False)
    image_alt = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Image alternative text"),
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    media = DocumentChooserBlock(
        required=False,
        label=_("Video or audio file"),
        help_text=_("An uploaded video or audio file. A transcript is then required."),
    )
    transcript = SafeRichTextBlock(
        required=False, features=["bold", "italic"], label=_("Transcript")
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("image") and not value.get("image_alt"):
            errors["image_alt"] = ValidationError(
                _("Describe the image for screen readers.")
            )
        if value.get("media") and not value.get("transcript"):
            errors["transcript"] = ValidationError(
                _("Add a transcript so the video or audio is accessible.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "doc-full"
        template = "modules/blocks/narrative_step.html"
        label = _("Narrative")
        description = _(
            "Part of the case as it unfolds: text, with an optional image or video."
        )
        preview_value = {
            "title": "A first home visit",
            "body": "<p>The flat is cold. Two-year-old Mia is in a damp nappy.</p>",
        }


class ChronologyEntryBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    agency = blocks.CharBlock(max_length=80, label=_("Agency"))
    event = blocks.TextBlock(label=_("What happened"))
    recorded_by = blocks.CharBlock(
        max_length=80, required=False, label=_("Recorded by")
    )
    part_of_pattern = blocks.BooleanBlock(
        required=False,
        label=_("Part of the pattern"),
        help_text=_("Tick if this entry is one the learner should pick out."),
    )

    class Meta:
        icon = "date"
        label_format = "{date}: {agency}"


class ChronologyStepBlock(StepBlock):
    title = blocks.CharBlock(max_length=120, label=_("Step title"))
    instructions = SafeRichTextBlock(
        features=STEP_RICH_TEXT,
        label=_("Instructions"),
        help_text=_("Tell the learner what to look for in the chronology."),
    )
    entries = blocks.ListBlock(ChronologyEntryBlock(), min_num=3, label=_("Entries"))
    explanation = SafeRichTextBlock(
        features=STEP_RICH_TEXT,
        label=_("Explanation"),
        help_text=_(
            "Shown after the learner answers: why these entries form a pattern."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        if not any(entry["part_of_pattern"] for entry in value["entries"]):
            raise StructBlockValidationError(
                block_errors={
                    "entries": ValidationError(
                        _("Tick at least one entry as part of the pattern.")
                    )
                }
            )
        return value

    class Meta:
        icon = "date"
        template = "modules/blocks/chronology_step.html"
        label = _("Case chronology")
        description = _(
            "Dated entries from several agencies. The learner marks the ones that "
            "together show cumulative harm."
        )
        preview_value = {
            "title": "Put the events side by side",
            "instructions": "<p>Select the entries that together show neglect.</p>",
            "entries": [
                {
                    "date": "2024-01-10",
                    "agency": "GP",
                    "event": "Missed immunisation.",
                    "recorded_by": "Practice nurse",
                    "part_of_pattern": True,
                },
                {
                    "date": "2024-02-02",
                    "agency": "School",
                    "event": "Head lice again.",
                    "recorded_by": "Class teacher",
                    "part_of_pattern": True,
                },
                {
                    "date": "2024-02-20",
                    "agency": "Housing",
                    "event": "Rent paid.",
                    "recorded_by": "Officer",
                    "part_of_pattern": False,
                },
            ],
            "explanation": "<p>Each entry alone looks minor.</p>",
        }


class DecisionOptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=250, label=_("Option"))
    feedback = SafeRichTextBlock(
        features=["bold", "italic", "link"], label=_("Feedback")
    )
    rating = blocks.ChoiceBlock(
        choices=PracticeRating.choices,
        default=PracticeRating.ACCEPTABLE,
        label=_("Rating"),
    )
    go_to = blocks.CharBlock(
        required=False,
        max_length=50,
        validators=[validate_slug],
        label=_("Branch to step"),
        help_text=_(
            "The name of a later step this choice leads to. Leave blank to go on."
        ),
    )

    class Meta:
        icon = "radio-full"
        label_format = "{label}"


class DecisionStepBlock(StepBlock):
    title = blocks.CharBlock(max_length=120, label=_("Step title"))
    situation = SafeRichTextBlock(features=STEP_RICH_TEXT, label=_("Situation"))
    question = blocks.CharBlock(max_length=250, label=_("Question"))
    options = blocks.ListBlock(
        DecisionOptionBlock(), min_num=2, max_num=5, label=_("Options")
    )

    class Meta:
        icon = "radio-full"
        template = "modules/blocks/decision_step.html"
        label = _("Decision point")
        description = _(
            "A situation with 2 to 5 options. Each option has feedback and a rating, "
            "and may branch to a named later step."
        )
        preview_value = {
            "title": "The third referral",
            "situation": "<p>MASH has closed your last two referrals.</p>",
            "question": "What do you do now?",
            "options": [
                {
                    "label": "Send another referral.",
                    "feedback": "<p>It repeats.</p>",
                    "rating": "weaker",
                    "go_to": "",
                },
                {
                    "label": "Use the challenge process.",
                    "feedback": "<p>Yes.</p>",
                    "rating": "stronger",
                    "go_to": "",
                },
            ],
        }


class Gcp2AreaGradeBlock(blocks.StructBlock):
    grade = blocks.ChoiceBlock(choices=GCP2_GRADES, label=_("Author's grade (1 to 5)"))
    rationale = blocks.TextBlock(label=_("Rationale"))


class Gcp2StructValue(StepStructValue):
    @property
    def areas(self):
        """(label, author's grade, rationale) for each of GCP2's four areas."""
        return [
            (label, int(self[key]["grade"]), self[key]["rationale"])
            for key, label in GCP2_AREAS
        ]


class Gcp2GradingStepBlock(StepBlock):
    title = blocks.CharBlock(max_length=120, label=_("Step title"))
    observations = SafeRichTextBlock(
        features=STEP_RICH_TEXT,
        label=_("Observations"),
        help_text=_(
            "What the practitioner saw and heard. Write your own case material: never "
            "copy GCP2 descriptors or handbook text, which are licensed by the NSPCC."
        ),
    )
    physical_care = Gcp2AreaGradeBlock(label=_("Physical care"))
    safety = Gcp2AreaGradeBlock(label=_("Safety"))
    love_and_care = Gcp2AreaGradeBlock(label=_("Love and care"))
    esteem = Gcp2AreaGradeBlock(label=_("Esteem"))
    summary = SafeRichTextBlock(
        features=STEP_RICH_TEXT,
        required=False,
        label=_("Summary"),
        help_text=_("Shown with the comparison: what the grades together tell us."),
    )

    class Meta:
        value_class = Gcp2StructValue
        icon = "table"
        template = "modules/blocks/gcp2_grading_step.html"
        label = _("GCP2 practice grading")
        description = _(
            "The learner grades the four areas of care from 1 to 5 and compares their "
            "grades with the author's."
        )
        preview_value = {
            "title": "Grade the care Mia receives",
            "observations": "<p>The fridge is empty apart from milk.</p>",
            "physical_care": {
                "grade": "4",
                "rationale": "Food and warmth are not reliable.",
            },
            "safety": {"grade": "3", "rationale": "Supervision is inconsistent."},
            "love_and_care": {"grade": "2", "rationale": "Mum is warm when present."},
            "esteem": {"grade": "3", "rationale": "Little play or praise seen."},
        }


class ReflectionStepBlock(StepBlock):
    title = blocks.CharBlock(max_length=120, label=_("Step title"))
    prompt = SafeRichTextBlock(features=STEP_RICH_TEXT, label=_("Prompt"))

    class Meta:
        icon = "edit"
        template = "modules/blocks/reflection_step.html"
        label = _("Reflection")
        description = _(
            "A prompt for private reflection. Answers are seen only by the learner."
        )
        preview_value = {
            "title": "Your practice",
            "prompt": "<p>Think of a family you worked with where things drifted.</p>",
        }


class QuizOptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=300, label=_("Answer"))
    is_correct = blocks.BooleanBlock(required=False, label=_("Correct"))
    feedback = blocks.TextBlock(
        required=False,
        label=_("Feedback"),
        help_text=_("Shown in the review when the learner chose this answer."),
    )

    class Meta:
        icon = "tick"
        label_format = "{label}"


class KnowledgeCheckStepBlock(StepBlock):
    title = blocks.CharBlock(max_length=120, label=_("Step title"))
    question = blocks.CharBlock(max_length=300, label=_("Question"))
    options = blocks.ListBlock(
        QuizOptionBlock(), min_num=2, max_num=6, label=_("Answers")
    )
    explanation = SafeRichTextBlock(
        features=STEP_RICH_TEXT, required=False, label=_("Explanation")
    )

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for option in value["options"] if option["is_correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={
                    "options": ValidationError(_("Mark exactly one answer as correct."))
                }
            )
        return value

    class Meta:
        icon = "help"
        template = "modules/blocks/knowledge_check_step.html"
        label = _("Knowledge check")
        description = _("One quick question with immediate feedback. It is not scored.")
        preview_value = {
            "title": "Quick check",
            "question": "Who can raise a professional challenge?",
            "options": [
                {"label": "Any practitioner", "is_correct": True, "feedback": "Yes."},
                {"label": "Only managers", "is_correct": False, "feedback": "No."},
            ],
        }


class KeyLearningStepBlock(StepBlock):
    title = blocks.CharBlock(max_length=120, label=_("Step title"))
    body = SafeRichTextBlock(features=STEP_RICH_TEXT, label=_("Key learning"))
    learning_points = blocks.ListBlock(
        SnippetChooserBlock("reviews.LearningPoint"),
        min_num=1,
        label=_("Learning points taught"),
    )

    class Meta:
        icon = "pick"
        template = "modules/blocks/key_learning_step.html"
        label = _("Key learning")
        description = _(
            "A summary panel naming the review's learning points it teaches."
        )
        preview_value = {
            "title": "What to take away",
            "body": "<ul><li>Look at the whole history.</li></ul>",
            "learning_points": [],
        }


STEP_TYPES_WITH_RESPONSE = {
    "chronology",
    "decision",
    "gcp2_grading",
    "reflection",
    "knowledge_check",
}


class ModuleStepsBlock(blocks.StreamBlock):
    """The ordered steps of a module. Branch targets must be later steps."""

    narrative = NarrativeStepBlock()
    chronology = ChronologyStepBlock()
    decision = DecisionStepBlock()
    gcp2_grading = Gcp2GradingStepBlock()
    reflection = ReflectionStepBlock()
    knowledge_check = KnowledgeCheckStepBlock()
    key_learning = KeyLearningStepBlock()

    def clean(self, value):
        value = super().clean(value)
        positions = {}
        errors = {}
        for index, child in enumerate(value):
            name = child.value.step_name
            if name:
                if name in positions:
                    errors[index] = ValidationError(
                        _("Another step is already named “%(name)s”.") % {"name": name}
                    )
                positions[name] = index
        for index, child in enumerate(value):
            targets = []
            if child.block_type == "decision":
                targets += [
                    opt["go_to"].strip()
                    for opt in child.value["options"]
                    if opt["go_to"]
                ]
            if child.value.continue_to_name:
                targets.append(child.value.continue_to_name)
            for target in targets:
                if target not in positions:
                    errors[index] = ValidationError(
                        _("There is no step named “%(name)s”.") % {"name": target}
                    )
                elif positions[target] <= index:
                    errors[index] = ValidationError(
                        _(
                            "“%(name)s” must come after this step, so learners cannot loop."
                        )
                        % {"name": target}
                    )
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value

    class Meta:
        min_num = 1
        block_counts = {"key_learning": {"max_num": 3}}


# Quiz questions ---------------------------------------------------------------

TRUE_FALSE_OPTION_IDS = ("true", "false")


def _check_correct_count(options, *, multiple):
    correct = sum(1 for option in options if option["is_correct"])
    if multiple and correct < 1:
        return ValidationError(_("Mark at least one answer as correct."))
    if not multiple and correct != 1:
        return ValidationError(_("Mark exactly one answer as correct."))
    return None


class QuestionBlock(blocks.StructBlock):
    """Base for choice questions: every answer option keeps its id across edits."""

    multiple = False

    question = blocks.TextBlock(label=_("Question"))
    options = blocks.ListBlock(
        QuizOptionBlock(), min_num=2, max_num=8, label=_("Answers")
    )
    explanation = SafeRichTextBlock(
        features=["bold", "italic", "link", "ul"],
        required=False,
        label=_("Explanation"),
        help_text=_("Teaches the point once the learner may see the answers."),
    )

    def clean(self, value):
        value = super().clean(value)
        error = _check_correct_count(value["options"], multiple=self.multiple)
        if error:
            raise StructBlockValidationError(block_errors={"options": error})
        return value


class SingleAnswerQuestionBlock(QuestionBlock):
    class Meta:
        icon = "radio-full"
        template = "modules/blocks/quiz_question_preview.html"
        label = _("Single answer")
        description = _("One correct answer from a list.")
        preview_value = {
            "question": "Who can use the professional challenge process?",
            "options": [
                {"label": "Any practitioner", "is_correct": True, "feedback": ""},
                {"label": "Only managers", "is_correct": False, "feedback": ""},
            ],
        }


class MultipleAnswerQuestionBlock(QuestionBlock):
    multiple = True

    class Meta:
        icon = "list-ul"
        template = "modules/blocks/quiz_question_preview.html"
        label = _("Multiple answer")
        description = _(
            "Select all that apply. Scored right only when every choice is right."
        )
        preview_value = {
            "question": "Which of these can be signs of neglect?",
            "options": [
                {"label": "Untreated tooth decay", "is_correct": True, "feedback": ""},
                {
                    "label": "Repeated missed appointments",
                    "is_correct": True,
                    "feedback": "",
                },
                {"label": "A tidy home", "is_correct": False, "feedback": ""},
            ],
        }


class TrueFalseQuestionBlock(blocks.StructBlock):
    statement = blocks.TextBlock(label=_("Statement"))
    answer = blocks.ChoiceBlock(
        choices=[("true", _("True")), ("false", _("False"))],
        label=_("The statement is"),
    )
    feedback_true = blocks.TextBlock(
        required=False, label=_("Feedback if they answer true")
    )
    feedback_false = blocks.TextBlock(
        required=False, label=_("Feedback if they answer false")
    )
    explanation = SafeRichTextBlock(
        features=["bold", "italic", "link", "ul"],
        required=False,
        label=_("Explanation"),
    )

    class Meta:
        icon = "tick-inverse"
        template = "modules/blocks/quiz_question_preview.html"
        label = _("True or false")
        description = _("A statement the learner judges true or false.")
        preview_value = {
            "statement": "GCP2 grades the reasons for poor care.",
            "answer": "false",
        }


class AnswerType(models.TextChoices):
    SINGLE = "single", _("One correct answer")
    MULTIPLE = "multiple", _("Select all that apply")


class ScenarioQuestionBlock(QuestionBlock):
    vignette = SafeRichTextBlock(
        features=["bold", "italic", "ul"],
        label=_("Case vignette"),
        help_text=_("A short fictional situation the question applies to."),
    )
    answer_type = blocks.ChoiceBlock(
        choices=AnswerType.choices, default=AnswerType.SINGLE, label=_("Answer type")
    )

    def get_form_layout(self):
        return BlockGroup(
            children=["vignette", "question", "answer_type", "options", "explanation"]
        )

    def clean(self, value):
        value = blocks.StructBlock.clean(self, value)
        error = _check_correct_count(
            value["options"], multiple=value["answer_type"] == AnswerType.MULTIPLE
        )
        if error:
            raise StructBlockValidationError(block_errors={"options": error})
        return value

    class Meta:
        icon = "user"
        template = "modules/blocks/quiz_question_preview.html"
        label = _("Scenario")
        description = _("A case vignette with a single- or multiple-answer question.")
        preview_value = {
            "vignette": "<p>A school nurse has referred twice with no action.</p>",
            "question": "What should she do now?",
            "answer_type": "single",
            "options": [
                {"label": "Refer again", "is_correct": False, "feedback": ""},
                {
                    "label": "Contact the social worker",
                    "is_correct": True,
                    "feedback": "",
                },
            ],
        }


class QuizQuestionsBlock(blocks.StreamBlock):
    """A module's question pool. Question and answer ids stay stable across edits."""

    single = SingleAnswerQuestionBlock()
    multiple = MultipleAnswerQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    scenario = ScenarioQuestionBlock()
