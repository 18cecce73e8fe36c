"""HTML to plain text that keeps the structure sections and skills rely on.

Block elements end a line, list items become "• " bullet lines and headings stand on their own line, so
section headers ("Requirements", "Nice to have") can be found line by line. Scripts, styles and comments
are dropped: scraped markup is data, never code.
"""

from __future__ import annotations

import html
import html.parser
import re

import lxml.etree
import lxml.html

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "br",
        "title",
    ]
)
# What closing a tag adds to the text (a block's newline wins over a cell's space).
_CLOSING = {"td": " ", "th": " ", **dict.fromkeys(_BLOCK_TAGS, "\n")}
_VOID_TAGS = frozenset(["br", "hr"])
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "svg", "head")
# huge_tree: real pages nest deeper than libxml2's default limit, which silently drops the text.
# A plain lxml.etree parser: lxml.html's looks up a Python class for every element it hands out (a fifth of
# reading a page's markup) and nothing here uses its element methods.
_PARSER = lxml.etree.HTMLParser(huge_tree=True)
# Even with huge_tree, libxml2 stops nesting at 2,048 elements and drops the text below. A tree that reaches
# this depth is read again by the standard library's parser, which has no depth limit (and is slower, so it
# is only the fallback).
_LIBXML2_DEPTH_LIMIT = 2000
# Markup longer than this is read as a stream of parser events, never as a tree: the tree of a 50 MB
# description took 680 MB. Its text stops at MAX_TEXT_CHARS: no posting is ever that long (a description is
# cut to 200,000 characters after reading, extract.isolate), and reading on would only cost memory.
_STREAM_MARKUP_CHARS = 2_000_000
MAX_TEXT_CHARS = 1_000_000
_CHUNK_CHARS = 65_536
# Only what needs changing: a run of two or more spaces, or any other space character. Matching every single
# space as well (``[...]+``) replaced each one by itself: a tenth of the time spent reading pages.
_SPACES = re.compile(
    r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]"
)
# The characters _SPACES replaces even alone. A text with none of them and no two spaces in a row (most text
# read from markup) is left as it is without a regex scan: looking for a character the string cannot hold
# (one above U+00FF in Latin-1 text) costs nothing.
_ODD_SPACES = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200C))) + "\u202f\u205f\u3000"
# Lines are stripped first, so a blank line is an empty one: three or more line breaks in a row.
_BLANK_LINES = re.compile(r"\n\n\n+")
_BLANK_BEFORE_BULLET = re.compile(r"\n\n• ")
# Entity-escaped HTML (Greenhouse `content`) starts with an escaped tag.
_ESCAPED_MARKUP = re.compile(r"&lt;\s*/?\s*[a-zA-Z][a-zA-Z0-9]*[\s&/]|&lt;\s*[a-zA-Z][a-zA-Z0-9]*&gt;")
_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")


def unescape_markup(text: str) -> str:
    """Undo one level of entity escaping when the text is escaped HTML (Greenhouse's `content`)."""
    if _ESCAPED_MARKUP.search(text):
        return html.unescape(text)
    return text


def html_to_text(markup: str) -> str:
    """Return readable plain text for an HTML fragment or page (plain text passes through)."""
    if not markup or not markup.strip():
        return ""
    markup = unescape_markup(markup)
    if not _LOOKS_LIKE_HTML.search(markup):
        return _tidy(html.unescape(markup[:_STREAM_MARKUP_CHARS]))
    if len(markup) > _STREAM_MARKUP_CHARS:
        return _tidy("".join(_stream_text(markup, MAX_TEXT_CHARS)))
    try:
        root = lxml.html.fromstring(markup, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return _tidy(html.unescape(re.sub(r"<[^>]*>", " ", markup)))
    lxml.etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    parts: list[str] = []
    if _walk(root, parts) >= _LIBXML2_DEPTH_LIMIT:
        parts = _stream_text(markup)
    return _tidy("".join(parts))


def _walk(root: lxml.etree._Element, parts: list[str]) -> int:
    """Append the text of the tree under ``root`` to ``parts``; return how deep the tree nests."""
    # Iterative: pages nest thousands deep and recursion would overflow.
    depth = deepest = 0
    append = parts.append
    # A comment's (or processing instruction's) tail is text: Word's "<!--[if !supportLists]-->" list markup
    # puts every list item after one.
    for event, element in lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event == "start":
            tag = _tag(element)
            depth += 1
            deepest = depth if depth > deepest else deepest
            # _open and _close inlined: this loop runs for every element of every page.
            if tag in _BLOCK_TAGS:
                append("\n• " if tag == "li" else "\n")
            if tag and (text := element.text):
                append(text)
        elif event == "end":
            depth -= 1
            closing = _CLOSING.get(_tag(element))
            if closing:
                append(closing)
            if (tail := element.tail) and element is not root:
                append(tail)
        else:
            append(element.tail or "")
    return deepest


def _tag(element: lxml.etree._Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _open(tag: str, parts: list[str]) -> None:
    if tag in _BLOCK_TAGS:
        parts.append("\n")
    if tag == "li":
        parts.append("• ")


def _close(tag: str, parts: list[str]) -> None:
    if tag in _BLOCK_TAGS:
        parts.append("\n")
    elif tag in ("td", "th"):
        parts.append(" ")


class _TextEvents(html.parser.HTMLParser):
    """The same text as ``_walk``, from parser events: no tree, so no limit on nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.chars = 0  # of text in parts
        self.dropping: list[str] = []  # open elements whose content is not text (script, style…)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_TAGS:
            self.dropping.append(tag)
        elif not self.dropping:
            _open(tag, self.parts)
            if tag in _VOID_TAGS:  # no end tag will come
                _close(tag, self.parts)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
        else:
            _close(tag, self.parts)

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)
            self.chars += len(data)


def _stream_text(markup: str, limit: int | None = None) -> list[str]:
    """The text of ``markup`` as ``_walk`` gives it; with a ``limit``, it stops once that many characters of
    text (not counting the line breaks and bullets of the structure) are read."""
    events = _TextEvents()
    for start in range(0, len(markup), _CHUNK_CHARS):
        events.feed(markup[start : start + _CHUNK_CHARS])
        if limit is not None and events.chars > limit:
            return events.parts
    events.close()
    return events.parts


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # _SPACES never matches a line break: one pass over the text, not one per line.
    if "  " in text or any(map(text.__contains__, _ODD_SPACES)):
        text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines))
    # Bullets of one list stay on consecutive lines.
    return _BLANK_BEFORE_BULLET.sub("\n• ", text).strip()
