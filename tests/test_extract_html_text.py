"""HTML to text: structure kept for sections, markup never executed, plain text passed through."""

from __future__ import annotations

import pytest

from extract.html_text import html_to_text, unescape_markup


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>Hello <b>world</b></p>", "Hello world"),
        ("<h3>Requirements</h3><ul><li>Python</li><li>SQL</li></ul>", "Requirements\n• Python\n• SQL"),
        ("&lt;p&gt;Escaped &amp;amp; twice&lt;/p&gt;", "Escaped & twice"),
        ("plain text, no markup", "plain text, no markup"),
        ("Salary $130K&ndash;$165K", "Salary $130K–$165K"),
        ("<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>", "a\n\nb"),
        ("<div><p>unclosed <b>bold<p>next", "unclosed bold\n\nnext"),
        ("", ""),
        ("   ", ""),
        ("<p>non\u00a0breaking   spaces</p>", "non breaking spaces"),
    ],
)
def test_html_to_text_keeps_structure(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("&lt;p&gt;x&lt;/p&gt;", "<p>x</p>"), ("R&amp;D in 5 &lt; 6", "R&amp;D in 5 &lt; 6")],
)
def test_unescape_markup_only_when_escaped_tags(text: str, expected: str) -> None:
    assert unescape_markup(text) == expected


def test_html_to_text_deeply_nested_does_not_crash() -> None:
    markup = "<div>" * 2000 + "deep" + "</div>" * 2000
    assert "deep" in html_to_text(markup)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Word's list markup: each item's text follows a conditional comment.
        (
            "<p>Requirements</p><p><!--[if !supportLists]-->·<!--[endif]-->Python and SQL</p>"
            "<p><!--[if !supportLists]-->·<!--[endif]-->5+ years as a senior engineer</p>",
            "Requirements\n\n·Python and SQL\n\n·5+ years as a senior engineer",
        ),
        ("<p>a<!-- note -->b<?pi x?>c</p>", "abc"),
    ],
)
def test_html_to_text_keeps_text_after_comments(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


@pytest.mark.parametrize("depth", [1999, 2100, 3000, 100_000])
def test_html_to_text_keeps_text_nested_past_the_parser_limit(depth: int) -> None:
    inner = "<h3>Skills</h3><ul><li>Python</li><li>SQL<br/>Kafka</li></ul><script>x()</script><p>done</p>"
    markup = "<p>top</p>" + "<div>" * depth + inner + "</div>" * depth + "after"
    assert html_to_text(markup) == "top\n\nSkills\n• Python\n• SQL\n\nKafka\n\ndone\n\nafter"


def test_html_to_text_reads_huge_markup_as_a_stream_up_to_a_bound() -> None:
    from extract.html_text import MAX_TEXT_CHARS

    item = "<li>Python and <b>SQL</b><!-- x --></li>"
    small = html_to_text("<ul>" + item * 10 + "</ul>")
    huge = html_to_text("<h3>Skills</h3><ul>" + item * 100_000 + "</ul>")  # 4 M characters of markup
    assert huge.startswith("Skills\n" + small)
    assert MAX_TEXT_CHARS <= len(huge) <= 2 * MAX_TEXT_CHARS  # the bound counts text, not bullets and breaks
    assert len(html_to_text("plain " * 1_000_000)) <= 2_000_000
