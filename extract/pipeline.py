"""The spaCy pipeline that reads a posting's description.

``spacy.blank("en")`` (tokenizer only: no trained model, nothing to download), then ``span_ruler`` (skill
candidates from the taxonomy, patterns loaded at ``initialize`` through ``jobpulse.skill_patterns.v1``),
``jobpulse_sections`` (headings and inline cues) and ``jobpulse_skills`` (context rules, sections →
``doc._.skill_matches``). Built once per taxonomy path and reused.
"""

from __future__ import annotations

import re
from functools import cache

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
    tokenizer.suffix_search = compile_suffix_regex([*(nlp.Defaults.suffixes or ()), *EXTRA_SUFFIXES]).search
    tokenizer.rules = {k: v for k, v in (tokenizer.rules or {}).items() if not _INITIAL.fullmatch(k)}
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


def skills_of(doc: Doc) -> list[SkillMatch]:
    """The skill matches the pipeline found in ``doc`` (empty when it did not run)."""
    return list(doc._.skill_matches or [])
