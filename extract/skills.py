"""The skills taxonomy, its matcher patterns, and the context rules for ambiguous names.

``data/skills.jsonl`` holds one skill a line: its canonical name, the aliases that mean it, a category,
whether it is an AI/ML/LLM skill, the report groups it belongs to, and optionally the name of a context rule
with the surfaces (``ambiguous``) that rule governs. ``data/skill_context.jsonl`` declares the rules: match
the exact spelling only, need another skill or a cue word within N tokens on the same line, never at a
sentence start, excluded neighbouring words (R&D, "Go to market", "Rust Belt"), or enough skills of a kind in
the posting. A surface no rule governs is matched case-insensitively and always counts.

The spaCy side: ``jobpulse.skill_patterns.v1`` turns the taxonomy into ``span_ruler`` phrase patterns (on
LOWER; governed surfaces carry the pattern id "ctx"), and :func:`resolve_candidates` decides which of the
ruler's candidates are skills, given the posting's sections and inline cues.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.model import SkillMatch
from extract.sections import NOT_COUNTED_KINDS, Mark, Section, section_at, tag_lines
from extract.skill_text import brand_names, glued_names, spaced_spelling

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_TAXONOMY = DATA_DIR / "skills.jsonl"
DEFAULT_CONTEXT_RULES = DATA_DIR / "skill_context.jsonl"
GOVERNED_ID = "ctx"  # span_ruler pattern id for surfaces a context rule governs
EVENT_RULE = "event_or_award"  # the context rule every skill passes: no name of an event or award
# Tokens after which the next word starts a sentence or a bullet.
_SENTENCE_OPENERS = frozenset('.!?:;•▪●◦*-–—·|("“')

TokenSeq = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NeighbourRule:
    """What must stand near a governed surface for it to count."""

    when: str  # "always" or "sentence_start"
    window: int  # tokens either side, on the same line
    words: frozenset[str]  # lower-case cue words
    categories: frozenset[str]  # a candidate skill of one of these categories counts as a neighbour
    groups: frozenset[str]
    use_skill_neighbours: bool  # the skill's own `neighbours` list

    @property
    def any_skill(self) -> bool:
        """True when any other skill is a neighbour (no category, group or named list narrows it)."""
        return not (self.categories or self.groups or self.use_skill_neighbours)


@dataclass(frozen=True, slots=True)
class ContextRule:
    """A named rule from ``skill_context.jsonl``."""

    name: str
    case_sensitive: bool = False
    neighbour: NeighbourRule | None = None
    document_categories: frozenset[str] = frozenset()
    document_min: int = 0
    exclude_prev: tuple[TokenSeq, ...] = ()
    exclude_next: tuple[TokenSeq, ...] = ()
    exclude_prev_words: frozenset[str] = frozenset()
    exclude_prev_window: int = 0
    exclude_next_words: frozenset[str] = frozenset()
    exclude_next_window: int = 0
    reject_before_titlecase: bool = False  # "Ray Smith", "Claude Monet": a name, not the tool

    exclude_next_firsts: frozenset[str] = frozenset()  # first words of exclude_next: a quick check first


@dataclass(frozen=True, slots=True)
class Skill:
    """One taxonomy entry."""

    name: str
    aliases: tuple[str, ...]
    category: str
    ai: bool
    groups: tuple[str, ...]
    context: str | None = None
    ambiguous: tuple[str, ...] = ()
    exclude_prev: tuple[TokenSeq, ...] = ()
    exclude_next: tuple[TokenSeq, ...] = ()
    neighbours: frozenset[str] = frozenset()

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Taxonomy:
    """The loaded taxonomy and context rules."""

    skills: dict[str, Skill]
    rules: dict[str, ContextRule]
    version: str
    # skill -> its case-sensitive surfaces as space-joined tokens: the ruler matches on LOWER (one fast
    # PhraseMatcher), and the exact spelling is checked afterwards.
    exact_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    one_word: dict[str, str] = field(default_factory=dict)  # lower-case one-word surface -> skill

    def get(self, name: str) -> Skill | None:
        return self.skills.get(name)

    def is_ai(self, name: str) -> bool:
        skill = self.skills.get(name)
        return bool(skill and skill.ai)

    def rule_for(self, skill: Skill) -> ContextRule | None:
        return self.rules.get(skill.context) if skill.context else None


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _seqs(values: Iterable[Sequence[str] | str]) -> tuple[TokenSeq, ...]:
    """Token sequences in lower case; a string is split on spaces."""
    out = []
    for value in values:
        parts = value.split() if isinstance(value, str) else value
        out.append(tuple(p.lower() for p in parts))
    return tuple(out)


def _rule_from_record(rec: dict[str, Any]) -> ContextRule:
    nb = rec.get("neighbour")
    neighbour = None
    if nb:
        neighbour = NeighbourRule(
            when=nb.get("when", "always"),
            window=int(nb.get("window", 6)),
            words=frozenset(w.lower() for w in nb.get("words", [])),
            categories=frozenset(nb.get("categories", [])),
            groups=frozenset(nb.get("groups", [])),
            use_skill_neighbours=bool(nb.get("use_skill_neighbours", False)),
        )
    document = rec.get("document", {})
    prev_words = rec.get("exclude_prev_words", {})
    next_words = rec.get("exclude_next_words", {})
    return ContextRule(
        name=rec["name"],
        case_sensitive=bool(rec.get("case_sensitive", False)),
        neighbour=neighbour,
        document_categories=frozenset(document.get("categories", [])),
        document_min=int(document.get("min", 0)),
        exclude_prev=_seqs(rec.get("exclude_prev", [])),
        exclude_next=_seqs(rec.get("exclude_next", [])),
        exclude_next_firsts=frozenset(seq[0] for seq in _seqs(rec.get("exclude_next", [])) if seq),
        exclude_prev_words=frozenset(w.lower() for w in prev_words.get("words", [])),
        exclude_prev_window=int(prev_words.get("window", 0)),
        exclude_next_words=frozenset(w.lower() for w in next_words.get("words", [])),
        exclude_next_window=int(next_words.get("window", 0)),
        reject_before_titlecase=bool(rec.get("reject_before_titlecase", False)),
    )


def _skill_from_record(rec: dict[str, Any]) -> Skill:
    context = rec.get("context")
    return Skill(
        name=rec["name"],
        aliases=tuple(rec.get("aliases", [])),
        category=rec["category"],
        ai=bool(rec.get("ai", False)),
        groups=tuple(rec.get("groups", [])),
        context=context,
        ambiguous=tuple(rec.get("ambiguous", [rec["name"]] if context else [])),
        exclude_prev=_seqs(rec.get("exclude_prev", [])),
        exclude_next=_seqs(rec.get("exclude_next", [])),
        neighbours=frozenset(rec.get("neighbours", [])),
    )


def _version(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@cache
def _load(taxonomy_path: Path, rules_path: Path) -> Taxonomy:
    rules = {rec["name"]: _rule_from_record(rec) for rec in _read_jsonl(rules_path)}
    skills: dict[str, Skill] = {}
    for rec in _read_jsonl(taxonomy_path):
        skill = _skill_from_record(rec)
        if skill.name in skills:
            raise ValueError(f"{taxonomy_path}: duplicate skill {skill.name!r}")
        if skill.context and skill.context not in rules:
            raise ValueError(f"{taxonomy_path}: {skill.name!r} names unknown context rule {skill.context!r}")
        skills[skill.name] = skill
    return Taxonomy(
        skills=skills,
        rules=rules,
        version=_version(taxonomy_path, rules_path),
        exact_forms=_exact_forms(skills, rules),
        one_word=_one_word_surfaces(skills, rules),
    )


def _token_form(tokenizer: Tokenizer, surface: str) -> str:
    return " ".join(t.text for t in tokenizer(surface) if not t.is_space)


def _exact_forms(skills: dict[str, Skill], rules: dict[str, ContextRule]) -> dict[str, frozenset[str]]:
    tokenizer = spacy.blank("en").tokenizer
    out: dict[str, frozenset[str]] = {}
    for skill in skills.values():
        rule = rules.get(skill.context) if skill.context else None
        if rule is not None and rule.case_sensitive:
            out[skill.name] = frozenset(_token_form(tokenizer, a) for a in skill.ambiguous)
    return out


def load_taxonomy(path: str | Path | None = None, rules_path: str | Path | None = None) -> Taxonomy:
    """Load (once per path) the skills taxonomy and its context rules."""
    if path is None and rules_path is None:
        return _load_default()  # resolving the paths costs file-system calls; components ask per posting
    return _load(
        Path(path or DEFAULT_TAXONOMY).resolve(), Path(rules_path or DEFAULT_CONTEXT_RULES).resolve()
    )


@cache
def _load_default() -> Taxonomy:
    return _load(DEFAULT_TAXONOMY.resolve(), DEFAULT_CONTEXT_RULES.resolve())


TAXONOMY_VERSION = _version(DEFAULT_TAXONOMY, DEFAULT_CONTEXT_RULES)


# --- patterns -------------------------------------------------------------------------------------------


def _is_governed(skill: Skill, rule: ContextRule | None, surface: str) -> bool:
    if rule is None:
        return False
    if rule.case_sensitive:
        return surface in skill.ambiguous
    return surface.lower() in {a.lower() for a in skill.ambiguous}


def build_patterns(taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """span_ruler phrase patterns (matched on LOWER); surfaces a context rule governs get the id "ctx".

    Case-sensitive surfaces are matched case-insensitively here and their spelling is checked when the
    candidates are resolved: one PhraseMatcher is much faster than token patterns in a Matcher.
    """
    patterns: list[dict[str, Any]] = []
    for skill in taxonomy.skills.values():
        rule = taxonomy.rule_for(skill)
        seen: set[str] = set()
        for surface in skill.surfaces:
            governed = _is_governed(skill, rule, surface)
            key = surface if governed else surface.lower()
            if key in seen:
                continue
            seen.add(key)
            patterns.append({"label": skill.name, "pattern": surface, "id": GOVERNED_ID if governed else ""})
            spaced = None if governed else spaced_spelling(surface)
            if spaced is not None and spaced.lower() not in seen:
                seen.add(spaced.lower())
                patterns.append({"label": skill.name, "pattern": spaced, "id": ""})
    return patterns


@spacy.registry.misc("jobpulse.skill_patterns.v1")
def skill_patterns(path: str | None = None) -> list[dict[str, Any]]:
    """The span_ruler patterns for the taxonomy at ``path`` (default: the packaged one)."""
    return build_patterns(load_taxonomy(path))


# --- resolving candidates -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int


def _line_of(text: str, start: int, end: int) -> _Line:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return _Line(line_start, len(text) if line_end < 0 else line_end)


def _words_before(doc: Doc, span: Span, line: _Line, n: int) -> list[str]:
    out: list[str] = []
    i = span.start - 1
    while i >= 0 and len(out) < n and doc[i].idx >= line.start:
        if not doc[i].is_space:
            out.append(doc[i].lower_)
        i -= 1
    return out  # nearest first


def _words_after(doc: Doc, span: Span, line: _Line, n: int) -> list[str]:
    out: list[str] = []
    i = span.end
    while i < len(doc) and len(out) < n and doc[i].idx < line.end:
        if not doc[i].is_space:
            out.append(doc[i].lower_)
        i += 1
    return out


def _starts_with(words: Sequence[str], seqs: Iterable[TokenSeq]) -> bool:
    return any(tuple(words[: len(seq)]) == seq for seq in seqs)


def _is_sentence_start(doc: Doc, span: Span, line: _Line) -> bool:
    if span.start_char == line.start:
        return True
    prev = doc[span.start - 1]
    return "\n" in prev.text or prev.text in _SENTENCE_OPENERS


def _token_gap(a: Span, b: Span) -> int:
    return b.start - a.end if a.end <= b.start else a.start - b.end


def _is_neighbour(other: Span, skill: Skill, nb: NeighbourRule, taxonomy: Taxonomy) -> bool:
    if other.label_ == skill.name:
        return False
    if nb.any_skill:
        return True
    other_skill = taxonomy.skills[other.label_]
    return (
        other_skill.category in nb.categories
        or bool(nb.groups.intersection(other_skill.groups))
        or (nb.use_skill_neighbours and other.label_ in skill.neighbours)
    )


def _neighbour_found(
    doc: Doc,
    span: Span,
    skill: Skill,
    nb: NeighbourRule,
    line: _Line,
    others: Sequence[Span],
    taxonomy: Taxonomy,
) -> bool:
    for other in others:
        if other.start_char < line.start or other.end_char > line.end or other is span:
            continue
        if _token_gap(span, other) <= nb.window and _is_neighbour(other, skill, nb, taxonomy):
            return True
    if nb.words:
        near = _words_before(doc, span, line, nb.window) + _words_after(doc, span, line, nb.window)
        return any(w in nb.words for w in near)
    return False


def _excluded(doc: Doc, span: Span, skill: Skill, rule: ContextRule, line: _Line) -> bool:
    after = _words_after(doc, span, line, 4)
    before = _words_before(doc, span, line, 3)
    before_seq = before[::-1]
    if _starts_with(after, (*rule.exclude_next, *skill.exclude_next)):
        return True
    for seq in (*rule.exclude_prev, *skill.exclude_prev):
        if len(before_seq) >= len(seq) and tuple(before_seq[-len(seq) :]) == seq:
            return True
    if rule.exclude_prev_words and any(
        w in rule.exclude_prev_words for w in _words_before(doc, span, line, rule.exclude_prev_window)
    ):
        return True
    if rule.exclude_next_words and any(
        w in rule.exclude_next_words for w in _words_after(doc, span, line, rule.exclude_next_window)
    ):
        return True
    if rule.reject_before_titlecase and span.end < len(doc):
        nxt = doc[span.end]
        if nxt.is_title and not nxt.is_space and nxt.idx < line.end:
            return True
    return False


def _spelled_right(span: Span, taxonomy: Taxonomy) -> bool:
    """A case-sensitive surface must match exactly ("Go", not "go")."""
    if span.id_ != GOVERNED_ID:
        return True
    forms = taxonomy.exact_forms.get(span.label_)
    return forms is None or " ".join(t.text for t in span if not t.is_space) in forms


def rule_accepts(
    doc: Doc,
    text: str,
    span: Span,
    taxonomy: Taxonomy,
    others: Sequence[Span],
    document_categories: dict[str, int],
) -> bool:
    """Does the governed candidate ``span`` pass its skill's context rule?"""
    skill = taxonomy.skills[span.label_]
    rule = taxonomy.rule_for(skill)
    if rule is None:
        return True
    line = _line_of(text, span.start_char, span.end_char)
    if _excluded(doc, span, skill, rule, line):
        return False
    nb = rule.neighbour
    document_ok = bool(rule.document_categories) and (
        sum(document_categories.get(c, 0) for c in rule.document_categories) >= rule.document_min
    )
    if nb is None:
        return document_ok or not rule.document_categories
    if nb.when == "sentence_start" and not _is_sentence_start(doc, span, line):
        return True
    return document_ok or _neighbour_found(doc, span, skill, nb, line, others, taxonomy)


def _one_word_surfaces(skills: dict[str, Skill], rules: dict[str, ContextRule]) -> dict[str, str]:
    index: dict[str, str] = {}  # lower-case one-word surface -> skill
    for skill in skills.values():
        for surface in (s for s in skill.surfaces if " " not in s):
            index.setdefault(surface.lower(), skill.name)
    return index


def glued_candidates(doc: Doc, text: str, taxonomy: Taxonomy) -> list[tuple[Span, int, int]]:
    """Spans over tokens that glue a skill name to the next word (extract.skill_text.glued_names), labelled
    with the skill, and the name's own offsets; a case-sensitive name must still be spelled exactly."""
    out = []
    for start, end, token_end, name in glued_names(text, taxonomy.one_word):
        skill = taxonomy.skills[name]
        governed = taxonomy.rule_for(skill) is not None and text[start:end].lower() in {
            a.lower() for a in skill.ambiguous
        }
        forms = taxonomy.exact_forms.get(name) if governed else None
        span = doc.char_span(start, token_end, label=name, alignment_mode="expand")
        if span is not None and (forms is None or text[start:end] in forms):
            span.id_ = GOVERNED_ID if governed else ""
            out.append((span, start, end))
    return out


def _not_asked(doc: Doc, span: Span, event: ContextRule | None, brand: frozenset[str]) -> bool:
    """The employer's own name ("Oracle" in an Oracle posting), or an event or award ("Snowflake Summit")."""
    if span.text.lower() in brand:
        return True
    if event is None or span.end >= len(doc) or doc[span.end].lower_ not in event.exclude_next_firsts:
        return False
    after = [t.lower_ for t in doc[span.end : span.end + 4] if not t.is_space]
    return _starts_with(after, event.exclude_next)


def resolve_candidates(
    doc: Doc,
    candidates: Iterable[Span],
    taxonomy: Taxonomy,
    sections: Sequence[Section],
    marks: Sequence[Mark],
    text: str | None = None,
) -> list[tuple[Span, SkillMatch]]:
    """Keep the candidates that are skills the posting asks for, each with its SkillMatch.

    ``text`` is ``doc.text`` when the caller has it already (Doc.text joins every token on each call).
    """
    text = doc.text if text is None else text
    glued_found = glued_candidates(doc, text, taxonomy)
    glued = {(span.start, span.end, span.label_): (start, end) for span, start, end in glued_found}
    candidates = [*candidates, *(span for span, _, _ in glued_found)]
    ranges = tag_lines(text, sections)
    tagged = {
        (s.start, s.end)
        for s in candidates
        if ranges and s.id_ == GOVERNED_ID and any(a <= s.start_char < b for a, b in ranges)
    }
    spans = filter_spans(
        [
            s
            for s in candidates
            if (s.start, s.end) in tagged
            or (s.start, s.end, s.label_) in glued
            or _spelled_right(s, taxonomy)
        ]
    )
    counted: list[tuple[Span, str, bool]] = []
    raw = doc._.raw if Doc.has_extension("raw") else None
    event, brand = taxonomy.rules.get(EVENT_RULE), brand_names(getattr(raw, "company", None))
    for span in spans:
        if _not_asked(doc, span, event, brand):
            continue
        kind = section_at(sections, span.start_char)
        effects = {m.effect for m in marks if m.start <= span.start_char and span.end_char <= m.end}
        preferred = kind == "preferred" or "preferred" in effects
        # A skill under "X is not required" is dropped, unless the same clause calls it a bonus.
        if kind in NOT_COUNTED_KINDS or ("negated" in effects and not preferred):
            continue
        counted.append((span, kind, preferred))
    categories: dict[str, int] = {}
    seen: set[str] = set()
    for span, _, _ in counted:
        if span.id_ != GOVERNED_ID and span.label_ not in seen:
            seen.add(span.label_)
            category = taxonomy.skills[span.label_].category
            categories[category] = categories.get(category, 0) + 1
    out: list[tuple[Span, SkillMatch]] = []
    for span, kind, preferred in counted:
        if (
            span.id_ == GOVERNED_ID
            and (span.start, span.end) not in tagged
            and not rule_accepts(doc, text, span, taxonomy, spans, categories)
        ):
            continue
        start, end = glued.get((span.start, span.end, span.label_), (span.start_char, span.end_char))
        match = SkillMatch(
            skill=span.label_,
            surface=text[start:end],
            start=start,
            end=end,
            preferred=preferred,
            section=kind,
        )
        out.append((span, match))
    return out


def summarize(matches: Iterable[SkillMatch]) -> tuple[list[str], list[str]]:
    """Sorted skills asked for, and the subset only preferred.

    A skill is preferred when some mention is a nice-to-have and none sits, unqualified, under the
    requirements: a tool named in the duties and again under "Bonus" is still a bonus.
    """
    preferred: set[str] = set()
    required: set[str] = set()
    for m in matches:
        if m.preferred:
            preferred.add(m.skill)
        elif m.section == "requirements":
            required.add(m.skill)
    everything = {m.skill for m in matches}
    return sorted(everything, key=str.lower), sorted(preferred - required, key=str.lower)


def group_members(taxonomy: Taxonomy, group: str) -> list[str]:
    """Canonical names of the skills in a report group ("Vector databases", "AWS/GCP/Azure", …)."""
    return sorted(s.name for s in taxonomy.skills.values() if group in s.groups)
