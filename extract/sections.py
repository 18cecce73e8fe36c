"""Split a posting's plain text into sections, and find inline "nice to have" / "not needed" cues.

The text is what :func:`extract.html_text.html_to_text` returns: headings on their own lines, list items as
"• " lines. A heading is a short non-bullet line whose words are in the heading vocabulary
(``data/section_headings.jsonl``); "Benefits: medical, dental…" is a one-line section of its kind.
When a posting has headings, the text before the first one is the company introduction (``about``), unless
it holds a list (requirements written before any heading) or the first heading is benefits
(a late "Benefits and perks" heading: the text before it is the job); then it is ``other``, which counts.
A posting without any heading (Hacker News comments, short plain posts) is one ``other`` section. A line
that looks like a heading but is not in the vocabulary ends a benefits section ("Skills & Requirements"
after "Perks"): what follows is ``other``. Headings marked ``tag_list`` ("Technologies", "Tech stack") head
lists of technology tags (:func:`is_tag_list`).

Inline cues (``data/section_cues.jsonl``) mark character ranges: ``preferred`` ("Go is a plus",
"Bonus: Docker", "(Gainsight a plus)") over their clause, the parenthesis they sit in, or from the cue on;
``negated`` ("you won't need to touch it", "no ML experience is needed") over their sentence.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from extract import caseless
from extract.fastscan import FastPattern

DATA_DIR = Path(__file__).parent / "data"
SECTION_KINDS = ("about", "responsibilities", "requirements", "preferred", "benefits", "other")
NOT_COUNTED_KINDS = frozenset({"about", "benefits"})  # skills named here are not asked of the candidate
MAX_HEADING_WORDS = 9

_BULLETS = ("•", "-", "▪", "*", "·", "–", "—", "◦", "●", "○", "■", "→", "✓", "✔")
_INLINE_HEADING = re.compile(r"^([^:]{2,45}):\s*(.*)$")
_NOT_HEADING_CHARS = re.compile(r"[^a-z0-9&'+/ -]+")
_SPACES = re.compile(r"\s+")
# Sentence ends: . ! ? followed by a space and not inside "e.g." / "Node.js" (no space there).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CLAUSE_END = re.compile(r"(?<=[.!?])\s+|;\s*")
# A line that may be a heading (at most MAX_HEADING_WORDS words, as str.split counts them) or an inline
# heading (a colon), not a bullet. The possessive quantifiers keep a long line from being split every way.
_BULLET_CLASS = "[" + re.escape("".join(_BULLETS)) + "]"
_MAYBE_HEADING = re.compile(
    rf"^[^\S\n]*+(?!{_BULLET_CLASS})(?:(?:\S++[^\S\n]*+){{1,{MAX_HEADING_WORDS}}}|[^\n]*:[^\n]*)$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Section:
    """A run of text under one heading; ``start``/``end`` are character offsets."""

    kind: str  # one of SECTION_KINDS
    heading: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mark:
    """An inline cue's effect over a character range."""

    effect: str  # "preferred" or "negated"
    start: int
    end: int
    cue: str


@dataclass(frozen=True)
class _Cue:
    pattern: FastPattern
    effect: str
    scope: str  # "clause", "forward" or "sentence"
    triggers: tuple[str, ...]  # lower-case literals one of which the text must contain, or the cue is off


@dataclass(frozen=True)
class _Vocabulary:
    headings: dict[str, str]  # normalized heading -> kind
    tag_lists: frozenset[str]  # normalized headings of technology tag lists
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    cues: tuple[_Cue, ...]


@cache
def _vocabulary(data_dir: Path = DATA_DIR) -> _Vocabulary:
    headings: dict[str, str] = {}
    tag_lists: set[str] = set()
    patterns: list[tuple[re.Pattern[str], str]] = []
    with (data_dir / "section_headings.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            for heading in rec.get("headings", []):
                headings[normalize_heading(heading)] = rec["kind"]
                if rec.get("tag_list"):
                    tag_lists.add(normalize_heading(heading))
            patterns.extend((re.compile(p), rec["kind"]) for p in rec.get("patterns", []))
    cues: list[_Cue] = []
    with (data_dir / "section_cues.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                pattern = FastPattern.of(re.compile(rec["pattern"], re.IGNORECASE))
                cues.append(_Cue(pattern, rec["effect"], rec["scope"], tuple(rec.get("triggers", ()))))
    return _Vocabulary(headings, frozenset(tag_lists), tuple(patterns), tuple(cues))


def normalize_heading(line: str) -> str:
    """Lower case, straight quotes, '&' as 'and', no emoji or trailing punctuation."""
    text = line.lower().replace("’", "'").replace("‘", "'").replace("&", " and ")
    text = _NOT_HEADING_CHARS.sub(" ", text)
    return _SPACES.sub(" ", text).strip(" -/")


def heading_kind(line: str) -> str | None:
    """The section kind a heading line names, or None when the line is not a known heading."""
    stripped = line.strip()
    # Each check only rules the line out, cheapest first: most lines are bullets or sentences.
    if not stripped or stripped.startswith(_BULLETS):
        return None
    if stripped.endswith((".", ",", ";")) and not stripped.endswith("..."):
        return None
    if ":" in stripped.rstrip(":"):  # "Benefits: medical…" is an inline heading, not a heading line
        return None
    if len(stripped.split(None, MAX_HEADING_WORDS)) > MAX_HEADING_WORDS:  # stops splitting past the limit
        return None
    return _short_line_kind(stripped)


@lru_cache(maxsize=8192)
def _short_line_kind(stripped: str) -> str | None:
    """heading_kind of a short line: postings repeat their headings ("About the role"), each read once."""
    norm = normalize_heading(stripped)
    if not norm:
        return None
    vocab = _vocabulary()
    if norm in vocab.headings:
        return vocab.headings[norm]
    for pattern, kind in vocab.patterns:
        if pattern.search(norm):
            return kind
    return None


def is_tag_list(heading: str | None) -> bool:
    """Does a section heading ("Technologies", "Tech stack:") head a list of technology tags?"""
    return heading is not None and _is_tag_heading(heading)


@lru_cache(maxsize=1024)
def _is_tag_heading(heading: str) -> bool:
    return normalize_heading(heading) in _vocabulary().tag_lists


def tag_lines(text: str, sections: Sequence[Section]) -> list[tuple[int, int]]:
    """Character ranges of technology tag lines, where every name is a technology in any case: an inline
    "Technologies: java spring" (a one-line section of its own) or the first non-blank line under a
    "Technologies" heading."""
    ranges = []
    for section in sections:
        if not is_tag_list(section.heading):
            continue
        heading_end = text.find("\n", section.start, section.end)
        if heading_end < 0 or ":" in text[section.start : heading_end]:
            ranges.append((section.start, section.end if heading_end < 0 else heading_end))
            continue
        first = heading_end + 1
        while first < section.end and text[first].isspace():
            first += 1
        end = text.find("\n", first, section.end)
        ranges.append((first, section.end if end < 0 else end))
    return ranges


# A heading the vocabulary does not know: a short line of capitalised words (small words aside), no sentence
# punctuation at its end: "Skills & Requirements", "WHAT YOU BRING".
_SMALL_WORDS = frozenset(
    {"and", "&", "of", "the", "for", "to", "in", "a", "an", "with", "on", "at", "you", "your"}
)
_HEADING_LIKE_WORDS = 6


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip().rstrip(":")
    if not stripped or stripped.startswith(_BULLETS) or stripped[-1] in ".,;!?)":
        return False
    words = stripped.split(None, _HEADING_LIKE_WORDS)  # a long line is not split past the limit
    if len(words) > _HEADING_LIKE_WORDS or not any(w[0].isalpha() for w in words):
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS or not w[0].isalnum() for w in words)


def _intro_kind(text: str, end: int, first_heading_kind: str) -> str:
    """The kind of the text before the first heading (see the module docstring)."""
    if first_heading_kind == "benefits" or any(
        line.lstrip().startswith(_BULLETS) for line in text[:end].split("\n")
    ):
        return "other"
    return "about"


def _inline_kind(line: str) -> str | None:
    """'Benefits: medical…' → 'benefits' (a heading word before a colon, content after it)."""
    stripped = line.strip()
    if stripped.startswith(_BULLETS):
        return None
    if not 2 <= stripped.find(":") <= 45:  # where _INLINE_HEADING needs the first colon
        return None
    match = _INLINE_HEADING.match(stripped)
    if not match or not match.group(2):
        return None
    return heading_kind(match.group(1))


def split_sections(text: str) -> list[Section]:
    """Sections covering the whole text, in order."""
    # Only the lines that may be headings or inline headings are read: every other line goes on the
    # section it is in.
    lines = [(m.start(), m.end(), m.group(), heading_kind(m.group())) for m in _MAYBE_HEADING.finditer(text)]
    first = next(((start, kind) for start, _, _, kind in lines if kind), None)
    intro = "other" if first is None else _intro_kind(text, first[0], first[1])
    sections: list[Section] = []
    current_kind, current_heading, current_start = intro, None, 0
    for start, end, raw, kind in lines:
        if not kind and current_kind == "benefits" and _looks_like_heading(raw):
            kind = "other"  # an unknown heading ends the benefits: "Skills & Requirements" after "Perks"
        if kind:
            _close(sections, current_kind, current_heading, current_start, start)
            current_kind, current_heading = kind, raw.strip()
            current_start = start
            continue
        inline = _inline_kind(raw)
        if inline and (inline != current_kind or is_tag_list(raw.split(":", 1)[0])):
            # A one-line section ("Salary: …"), after which the enclosing section goes on.
            _close(sections, current_kind, current_heading, current_start, start)
            sections.append(Section(inline, raw.split(":", 1)[0].strip(), start, min(end + 1, len(text))))
            current_start = min(end + 1, len(text))
    _close(sections, current_kind, current_heading, current_start, len(text))
    return sections or [Section("other", None, 0, len(text))]


def _close(sections: list[Section], kind: str, heading: str | None, start: int, end: int) -> None:
    if end > start:
        sections.append(Section(kind, heading, start, end))


def section_at(sections: Sequence[Section], offset: int) -> str:
    """The kind of the section holding character ``offset`` ("other" outside every section)."""
    starts = [s.start for s in sections]
    i = bisect.bisect_right(starts, offset) - 1
    if 0 <= i < len(sections) and sections[i].start <= offset < sections[i].end:
        return sections[i].kind
    return "other"


def _piece_around(text: str, pos: int, splitter: re.Pattern[str]) -> tuple[int, int]:
    """The clause or sentence (per ``splitter``) holding ``pos``, never crossing a line end."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    start = line_start
    for match in splitter.finditer(text, line_start, line_end):
        if match.start() > pos:
            return start, match.start()
        if match.end() <= pos:
            start = match.end()
    return start, line_end


def _parenthesis_around(text: str, start: int, end: int, clause: tuple[int, int]) -> tuple[int, int] | None:
    """The (…) range inside ``clause`` that contains [start, end), if any."""
    open_at = text.rfind("(", clause[0], start)
    if open_at < 0 or text.find(")", open_at, start) >= 0:
        return None
    close_at = text.find(")", end, clause[1])
    return (open_at, close_at + 1) if close_at >= 0 else None


def inline_marks(text: str) -> list[Mark]:
    """Character ranges that inline cues make preferred or negated."""
    marks: list[Mark] = []
    searchable = caseless.lowered(text)
    lowered = text.lower() if searchable is None else searchable
    for cue in _vocabulary().cues:
        if cue.triggers and not any(map(lowered.__contains__, cue.triggers)):  # C loop: no generator frames
            continue
        splitter = _SENTENCE_END if cue.scope == "sentence" else _CLAUSE_END
        for match in cue.pattern.finditer(text, searchable):
            piece = _piece_around(text, match.start(), splitter)
            marks.append(_mark(text, cue.effect, cue.scope, piece, match.start(), match.end()))
    return marks


def _mark(text: str, effect: str, scope: str, piece: tuple[int, int], start: int, end: int) -> Mark:
    cue = text[start:end]  # from the text itself: the match may come from its lower-cased copy
    if scope == "forward":
        return Mark(effect, start, piece[1], cue)
    if scope == "clause":
        inner = _parenthesis_around(text, start, end, piece)
        if inner:
            return Mark(effect, inner[0], inner[1], cue)
    return Mark(effect, piece[0], piece[1], cue)
