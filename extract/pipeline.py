"""The spaCy pipeline that reads a posting's description.

``spacy.blank("en")`` (tokenizer only: no trained model, nothing to download), then ``span_ruler`` (skill
candidates from the taxonomy, patterns loaded at ``initialize`` through ``jobpulse.skill_patterns.v1``),
``jobpulse_sections`` (headings and inline cues) and ``jobpulse_skills`` (context rules, sections →
``doc._.skill_matches``). Built once per taxonomy path and reused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

import extract.components.sections
import extract.components.skills  # noqa: F401  (registers the factories)
from extract.components.posting_fields import POSTING_FIELD_PIPES
from extract.model import SkillMatch

CANDIDATES_KEY = "skill_candidates"
SKILLS_KEY = "skills"
# English suffix rules split a final period only after a lower-case letter or two capitals, and keep "C." and
# "R." as initials, so skills ending a sentence ("in C.", "R.", "5S.", "I2C.") stay glued to it: split those.
EXTRA_SUFFIXES = (r"(?<![A-Za-z.][A-Z])(?<=[A-Z])\.", r"(?<=[0-9][A-Z])\.")
_INITIAL = re.compile(r"[A-Z]\.")


@cache
def build_nlp(taxonomy_path: str | None = None) -> Language:
    """The initialized pipeline for the taxonomy at ``taxonomy_path`` (default: the packaged one)."""
    nlp = spacy.blank("en")
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    suffix_search = compile_suffix_regex([*(nlp.Defaults.suffixes or ()), *EXTRA_SUFFIXES]).search
    tokenizer.rules = {k: v for k, v in (tokenizer.rules or {}).items() if not _INITIAL.fullmatch(k)}
    _remember_searches(tokenizer, suffix_search)
    # span_ruler first: initializing it runs the pipes before it over every pattern, and it needs none of them.
    nlp.add_pipe(
        "span_ruler",
        config={"spans_key": CANDIDATES_KEY, "phrase_matcher_attr": "LOWER", "validate": False},
    )
    nlp.add_pipe("jobpulse_sections")
    nlp.add_pipe(
        "jobpulse_skills",
        config={"candidates_key": CANDIDATES_KEY, "spans_key": SKILLS_KEY, "taxonomy_path": taxonomy_path},
    )
    # Per-posting fields (seniority, role, pay, date, work arrangement, AI level) read doc._.raw.
    for name in POSTING_FIELD_PIPES:
        nlp.add_pipe(name)
    nlp.config["initialize"]["components"]["span_ruler"] = {
        "patterns": {"@misc": "jobpulse.skill_patterns.v1", "path": taxonomy_path}
    }
    nlp.initialize()
    return nlp


# A string longer than this is searched as it comes (tokens are short; a long one is rare, and keeping every
# tail of it would hold memory), and the kept results are dropped wholesale past _REMEMBERED strings.
_REMEMBERED_CHARS = 100
_REMEMBERED = 20_000  # per search: the four held 16 MB over 514 real postings (LinkedIn dev) read four times
_NOT_KEPT = object()


class _Remembered:
    """A tokenizer's prefix, suffix or infix search, or its URL match, keeping its result for each short string.

    spaCy's tokenizer caches a whitespace-separated chunk's tokens only until the Doc's first special case
    ("e.g.", ":)", "'s"), so most chunks of a posting are split again on every occurrence, by regexes of hundreds
    of alternatives tried at every position: half the time of tokenizing. Each is a pure function of the
    string, so remembering its results changes no token.
    """

    def __init__(self, search: Callable[[str], Any], many: bool = False) -> None:
        # The compiled pattern, which spaCy reads (``search.__self__.pattern``) to serialize the tokenizer.
        self.__self__ = getattr(search, "__self__", None)
        self.search = search
        self.many = many  # infix_finditer: its matches are kept as a tuple, which can be iterated again
        self.kept: dict[str, Any] = {}

    def __call__(self, string: str) -> Any:
        found = self.kept.get(string, _NOT_KEPT)
        if found is _NOT_KEPT:
            found = tuple(self.search(string)) if self.many else self.search(string)
            if len(string) <= _REMEMBERED_CHARS:
                if len(self.kept) >= _REMEMBERED:
                    self.kept.clear()
                self.kept[string] = found
        return found

    def __reduce__(self) -> tuple[type[_Remembered], tuple[Callable[[str], Any], bool]]:
        return (_Remembered, (self.search, self.many))


def _remember_searches(tokenizer: Tokenizer, suffix_search: Callable[[str], Any]) -> None:
    """Set the tokenizer's searches (``suffix_search`` as given) to remember their results (_Remembered)."""
    if tokenizer.prefix_search is not None:
        tokenizer.prefix_search = _Remembered(tokenizer.prefix_search)
    tokenizer.suffix_search = _Remembered(suffix_search)
    if tokenizer.infix_finditer is not None:
        tokenizer.infix_finditer = _Remembered(tokenizer.infix_finditer, many=True)
    if tokenizer.url_match is not None:
        tokenizer.url_match = _Remembered(tokenizer.url_match)


def skills_of(doc: Doc) -> list[SkillMatch]:
    """The skill matches the pipeline found in ``doc`` (empty when it did not run)."""
    return list(doc._.skill_matches or [])
