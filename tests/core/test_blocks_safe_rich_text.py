from learning.core.blocks import SafeRichText


def test_rich_text_keeps_the_allowed_formatting_and_apostrophes():
    html = SafeRichText(
        "<p>The child's <strong>weight</strong> fell.</p><ul><li>Missed visits</li></ul>"
    ).__html__()

    assert html == (
        "<p>The child's <strong>weight</strong> fell.</p><ul><li>Missed visits</li></ul>"
    )


def test_rich_text_drops_scripts_event_handlers_and_javascript_links():
    html = SafeRichText(
        '<p>Hi<script>alert(1)</script><img src="x" onerror="alert(1)">'
        '<a href="javascript:alert(1)">link</a></p>'
    ).__html__()

    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "link" in html
