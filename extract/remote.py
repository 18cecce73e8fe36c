"""Work arrangement of a posting: remote, hybrid, onsite, or None when the posting does not say.

A structured field wins (Lever ``workplaceType``, Ashby ``workplaceType``/``isRemote``, Recruitee flags,
JSON-LD ``jobLocationType: TELECOMMUTE``, an HN header's REMOTE/ONSITE), then a location string that names
an arrangement ("Remote - US", "Boston (Hybrid)"), then the text.

In text, cues are *strong* ("fully remote", "Remote (US)", "hybrid", "three days a week in the office",
"this role is onsite") or *weak* (a bare "remote", "remote-first company"). Within a strength hybrid beats
remote beats onsite: "mostly remote, one day a week on site" is hybrid and "our Lisbon office or anywhere in
the EU" is remote. Phrases that only look like cues are removed first: remote sensing, hybrid cloud,
quarterly on-sites, meeting in person twice a year, home-office stipends. A city alone is not onsite.

The cues are data (``extract/data/remote.jsonl``), one regular expression per row with why it is there: each
``kind`` (false_cue, negated, hybrid, five_days, remote, onsite, weak_remote, role_anchor, cue_word) becomes
one pattern, its rows as alternatives in file order; ``hint`` rows map structured field values. This module
only ranks what the data finds.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extract import caseless
from extract.fastscan import AnyMatch, FastPattern
from extract.model import REMOTE_VALUES

_I = re.IGNORECASE

DATA_FILE = Path(__file__).parent / "data" / "remote.jsonl"


def _load_rows(path: Path = DATA_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _patterns(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Each kind's rows as one alternation, in file order. A row's ``{words}`` is its word list as
    alternatives; ``{few}`` and ``{place}`` are the patterns of the ``define`` rows of those names."""
    defines = {row["name"]: row["pattern"] for row in rows if row["kind"] == "define"}
    kinds: dict[str, list[str]] = {}
    for row in rows:
        if row["kind"] in ("define", "hint"):
            continue
        pattern = row["pattern"].replace("{words}", "|".join(row.get("words", [])))
        for name, value in defines.items():
            pattern = pattern.replace("{" + name + "}", value)
        kinds.setdefault(row["kind"], []).append(pattern)
    return {kind: "|".join(alternatives) for kind, alternatives in kinds.items()}


_ROWS = _load_rows()
# A structured field's value with its letters only, lower-cased -> the arrangement (None: says nothing).
_HINTS: dict[str, str | None] = {row["hint"]: row["arrangement"] for row in _ROWS if row["kind"] == "hint"}
_HINT_KEY = re.compile(r"[^a-z]+")
_PATTERN = _patterns(_ROWS)

# Removed before looking for cues: they contain a cue word but say nothing about where this job is done.
_FALSE_CUES = re.compile(_PATTERN["false_cue"], _I)
_NEGATED_REMOTE = re.compile(_PATTERN["negated"], _I)
# Fewer than five days at the office is hybrid; five is onsite (_FIVE_DAYS).
_STRONG_HYBRID = re.compile(_PATTERN["hybrid"], _I)
_FIVE_DAYS = re.compile(_PATTERN["five_days"], _I)
# Its character classes [a-z] are any letter, as the pattern is case-insensitive (and lets extract.caseless
# search it fast). "Onsite or remote": remote is allowed, so the job can be done remotely.
_STRONG_REMOTE = re.compile(_PATTERN["remote"], _I | re.MULTILINE)
_STRONG_ONSITE = re.compile(_PATTERN["onsite"], _I)
# Every cue contains one of these words; the big patterns only scan text near them (speed). "hq" is
# "\bhq\b" with the opening boundary checked after the letters: every alternative then starts with a letter,
# which re skips ahead to.
_CUE_WORD = re.compile(_PATTERN["cue_word"], _I)
_WINDOW = 160
# Scraped text loses the breaks between blocks: "Location: RemoteDuration: 6 months", "REMOTEStart date".
# A space goes before each capital that follows a lower-case letter, or a capital and precedes a lower-case
# one; the capital opens the pattern so re skips ahead to capitals (a zero-width pattern tries every position).
_GLUED = re.compile(r"[A-Z](?:(?<=[a-z][A-Z])|(?<=[A-Z][A-Z])(?=[a-z]))")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
# The same breaks as _SENTENCE, found from the punctuation (a match starts one character early) or the
# newline, so that re skips ahead to those characters.
_SENTENCE_BREAK = re.compile(r"[.!?\n](?:(?<=[.!?])\s+|(?<=\n)\n*)")
_ROLE_ANCHOR = re.compile(_PATTERN["role_anchor"], _I)
_WEAK_REMOTE = re.compile(_PATTERN["weak_remote"], _I)
# Searched on lower-cased copies of the text, case-sensitively, and through their skeletons: several times
# faster (see extract.caseless and extract.fastscan). Cues that are only tested for are AnyMatch.
_CUE_WORDS = FastPattern.of(_CUE_WORD)
_ROLE_ANCHORS = FastPattern.of(_ROLE_ANCHOR)
_FALSE = FastPattern.of(_FALSE_CUES)
_NEGATED = FastPattern.of(_NEGATED_REMOTE)
_ANY = {
    "hybrid": AnyMatch.of(_STRONG_HYBRID),
    "remote": AnyMatch.of(_STRONG_REMOTE),
    "five days": AnyMatch.of(_FIVE_DAYS),
    "onsite": AnyMatch.of(_STRONG_ONSITE),
    "weak remote": AnyMatch.of(_WEAK_REMOTE),
}
assert all(
    p.caseless.lower is not None
    for p in (_CUE_WORDS, _ROLE_ANCHORS, _FALSE, _NEGATED, *(q for a in _ANY.values() for q in a.parts))
)


def remote_from_hint(hint: str | None) -> str | None:
    """Map a structured field ("on-site", "OnSite", "TELECOMMUTE", "unspecified") to a value or None."""
    if hint is None:
        return None
    key = _HINT_KEY.sub("", hint.lower())
    if key in _HINTS:
        return _HINTS[key]
    return _from_text(hint)  # "Remote (US)", "REMOTE or ONSITE"


def detect_remote(text: str, hint: str | None = None, location: str | None = None) -> str | None:
    """Return ``remote``, ``hybrid``, ``onsite``, or None when nothing states the work arrangement."""
    for structured in (remote_from_hint(hint), _from_text(location or "")):
        if structured is not None:
            return structured
    # A sentence about the job itself ("This role is fully on-site") outranks the company's story
    # ("artists review shots from anywhere").
    anchored = _anchored_sentences(text)
    return (_from_text(anchored) if anchored else None) or _from_text(text)


def _anchored_sentences(text: str) -> str:
    """The sentences of ``text`` (split at _SENTENCE) holding a role anchor and a cue word, one per line."""
    anchors = [m.start() for m in _ROLE_ANCHORS.finditer(text, caseless.lowered(text))]
    if not anchors:
        return ""
    # An anchor never spans sentences (it holds no break): the sentences holding one are those around the
    # anchors found in the whole text, and only those are cut out.
    starts, ends = _sentence_bounds(text, anchors[-1])
    sentences: list[str] = []
    last = -1
    for anchor in anchors:
        i = bisect.bisect_right(starts, anchor) - 1
        if i != last:
            last = i
            sentence = text[starts[i] : ends[i]]
            if next(_cue_words(sentence), None):
                sentences.append(sentence)
    return "\n".join(sentences)


def _sentence_bounds(text: str, until: int | None = None) -> tuple[list[int], list[int]]:
    """Where the pieces of ``_SENTENCE.split(text)`` start, and where they end; with ``until``, only up to the
    piece holding that offset (every start up to it, and one more start without its end)."""
    starts, ends = [0], []
    for found in _SENTENCE_BREAK.finditer(text):
        ends.append(found.start() + (text[found.start()] != "\n"))  # after the punctuation
        starts.append(found.end())
        if until is not None and found.end() > until:
            return starts, ends
    ends.append(len(text))
    return starts, ends


def _cue_words(text: str) -> Iterator[re.Match[str]]:
    """``_CUE_WORD.finditer(text)``, on the lower-cased text when that finds the same (offsets only)."""
    return _CUE_WORDS.finditer(text, caseless.lowered(text))


def _near_cue_words(text: str) -> str:
    """The parts of ``text`` within _WINDOW characters of a cue word, one per line."""
    parts: list[str] = []
    start = end = -1
    for match in _cue_words(text):
        if start < 0 or match.start() - _WINDOW > end:
            if end >= 0:
                parts.append(text[start:end])
            start = max(0, match.start() - _WINDOW)
        end = match.end() + _WINDOW
    if end >= 0:
        parts.append(text[start:end])
    return "\n".join(parts)


def _from_text(text: str) -> str | None:
    text = _near_cue_words(text)
    if not text:
        return None
    text = _GLUED.sub(r" \g<0>", text)  # case-sensitive by design: it reads the case of the text
    text = _FALSE.sub(" ", text, caseless.lowered(text))
    lower = caseless.lowered(text)
    negated = _NEGATED.search(text, lower) is not None
    if negated:
        text = _NEGATED.sub(" ", text, lower)
        lower = caseless.lowered(text)
    if _ANY["hybrid"].search(text, lower):
        return "hybrid"
    if _ANY["remote"].search(text, lower):
        return "remote"
    if negated or _ANY["five days"].search(text, lower) or _ANY["onsite"].search(text, lower):
        return "onsite"
    if _ANY["weak remote"].search(text, lower):
        return "remote"
    return None


assert set(v for v in _HINTS.values() if v) <= set(REMOTE_VALUES)
