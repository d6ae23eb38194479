from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.rich_text import RichText
from wagtail.whitelist import Whitelister

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingLevel(models.TextChoices):
    H2 = "h2", _("Section heading (level 2)")
    H3 = "h3", _("Sub-heading (level 3)")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=150)
    level = blocks.ChoiceBlock(
        choices=HeadingLevel.choices, default=HeadingLevel.H2, label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A heading that starts a new section of the page.")
        preview_value = {"text": "What neglect looks like over time", "level": "h2"}


class SafeRichText(RichText):
    """Rich text whose HTML is cleaned to a short list of tags when it is shown.

    The page editor already cleans what editors type. Content can also arrive as
    data (the module loader, imports, stored JSON), so what reaches the page is
    cleaned too: unknown tags are dropped (keeping their text), unknown attributes
    such as ``onerror`` are removed and ``javascript:`` links lose their address.
    """

    cleaner = Whitelister()

    def __html__(self):
        # Attributes come out double-quoted, so apostrophes need no escaping.
        return self.cleaner.clean(super().__html__()).replace("&#x27;", "'")


class SafeRichTextBlock(blocks.RichTextBlock):
    """A rich text block rendered through :class:`SafeRichText`."""

    def to_python(self, value):
        return SafeRichText(super().to_python(value).source)

    def normalize(self, value):
        if isinstance(value, SafeRichText):
            return value
        return SafeRichText(super().normalize(value).source)


class ParagraphBlock(SafeRichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        description = _("Text with simple formatting, lists and links.")
        preview_value = (
            "<p>Neglect is the most common reason for a child protection plan in "
            "England.</p>"
        )


class InsetTextBlock(SafeRichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link"])
        super().__init__(**kwargs)

    class Meta:
        icon = "openquote"
        template = "blocks/inset_text_block.html"
        description = _("Text set apart from the content around it, such as a quote.")
        preview_value = "<p>Look at the pattern, not the single incident.</p>"


class WarningTextBlock(blocks.CharBlock):
    class Meta:
        icon = "warning"
        template = "blocks/warning_text_block.html"
        description = _("An important warning, shown with an exclamation icon.")
        preview_value = "If a child is in immediate danger, call 999."


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(label=_("Summary line"), max_length=150)
    body = ParagraphBlock(label=_("Hidden text"))

    class Meta:
        icon = "collapse-down"
        template = "blocks/details_block.html"
        description = _("A short link that reveals more detail when opened.")
        preview_value = {
            "summary": "What is a MARF?",
            "body": "<p>The multi-agency referral form used to refer a child.</p>",
        }


class BaseStreamBlock(blocks.StreamBlock):
    """The content blocks shared by every general page body."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    details = DetailsBlock()
