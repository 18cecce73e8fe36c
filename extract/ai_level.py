"""Does a posting ask the candidate for AI/ML/LLM skills or AI tool use, and is it LLM-focused?

``required``: an AI skill (taxonomy ``ai: true``) is asked for without a nice-to-have qualifier, the
title names an AI/ML role, or the text asks for AI tool use outright. ``preferred``: AI skills or AI tool use
only as nice-to-haves. ``none`` otherwise — a company describing itself as AI-first asks nothing of the
candidate (about-us text never yields skills). ``llm_focused``: the title is an LLM role, or LLM-category
skills are central (at least two asked for without qualification). Cue phrases live in ``data/ai_cues.jsonl``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from extract import caseless
from extract.fastscan import FastPattern
from extract.model import SkillMatch
from extract.sections import NOT_COUNTED_KINDS, Mark, Section, inline_marks, section_at, split_sections
from extract.skills import load_taxonomy, summarize

DATA_DIR = Path(__file__).parent / "data"
LLM_CATEGORY = "llm"
MIN_CENTRAL_LLM_SKILLS = 2


@cache
def _cues() -> dict[str, tuple[re.Pattern[str], ...]]:
    out: dict[str, list[re.Pattern[str]]] = {}
    with (DATA_DIR / "ai_cues.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out.setdefault(rec["kind"], []).append(_compile(rec["pattern"]))
    return {kind: tuple(patterns) for kind, patterns in out.items()}


def _compile(source: str) -> re.Pattern[str]:
    # A leading "(?i)" as the flag, which extract.caseless needs to see to search the lower-cased text.
    if source.startswith("(?i)"):
        return re.compile(source[len("(?i)") :], re.IGNORECASE)
    return re.compile(source)


@cache
def _tool_use_cues() -> tuple[FastPattern, ...]:
    """The AI tool use cues, searched over whole descriptions: fast (see extract.fastscan)."""
    return tuple(FastPattern.of(pattern) for pattern in _cues().get("ai_tool_use", ()))


def _matches(kind: str, text: str) -> bool:
    return any(p.search(text) for p in _cues().get(kind, ()))


def title_from_text(text: str) -> str:
    """The role field of a 'Company | Role | Location' first line (Hacker News), else ''."""
    first = text.strip().split("\n", 1)[0]
    parts = [p.strip() for p in first.split("|")]
    return parts[1] if len(parts) >= 3 else ""


def _tool_use(text: str, sections: Sequence[Section] | None, marks: Sequence[Mark] | None) -> str:
    """'required', 'preferred' or 'none' for unnamed AI tool use asked of the candidate."""
    level = "none"
    lower = caseless.lowered(text)
    for pattern in _tool_use_cues():
        for match in pattern.finditer(text, lower):
            # Sections and cues only matter around a match: most postings have none, so they are
            # worked out (when the pipeline did not hand them over) only then.
            if sections is None:
                sections = split_sections(text)
            if marks is None:
                marks = inline_marks(text)
            kind = section_at(sections, match.start())
            effects = {m.effect for m in marks if m.start <= match.start() and match.end() <= m.end}
            if kind in NOT_COUNTED_KINDS or ("negated" in effects and "preferred" not in effects):
                continue
            if kind != "preferred" and "preferred" not in effects:
                return "required"
            level = "preferred"
    return level


def classify_ai(
    title: str,
    text: str,
    skills: Sequence[SkillMatch],
    sections: Sequence[Section] | None = None,
    marks: Sequence[Mark] | None = None,
) -> tuple[str, bool]:
    """(ai level, llm_focused) for a posting; ``skills`` are the pipeline's matches for ``text``.

    ``sections`` and ``marks`` are ``split_sections(text)`` and ``inline_marks(text)`` when the caller has
    them already (the pipeline's ``jobpulse_sections`` does); otherwise they are worked out when needed.
    """
    taxonomy = load_taxonomy()
    title = title or title_from_text(text)
    asked, preferred_only = summarize(skills)
    ai_asked = [s for s in asked if taxonomy.is_ai(s)]
    ai_required = [s for s in ai_asked if s not in preferred_only]
    central_llm = [s for s in ai_required if (skill := taxonomy.get(s)) and skill.category == LLM_CATEGORY]
    llm_focused = _matches("llm_title", title) or len(central_llm) >= MIN_CENTRAL_LLM_SKILLS
    if ai_required or _matches("ai_title", title):
        return "required", llm_focused
    tool_use = _tool_use(text, sections, marks)
    if tool_use == "required":
        return "required", llm_focused
    if ai_asked or tool_use == "preferred":
        return "preferred", llm_focused
    return "none", llm_focused
