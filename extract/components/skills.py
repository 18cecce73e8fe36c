"""spaCy component ``jobpulse_skills``: decide which skill candidates the posting asks for.

Candidates come from the built-in ``span_ruler`` (``doc.spans[candidates_key]``, patterns from
``jobpulse.skill_patterns.v1``). This component drops those in about/benefits sections or under "not needed"
cues, applies the context rules of ambiguous names, and writes ``doc.spans[spans_key]`` and
``doc._.skill_matches`` (one :class:`extract.model.SkillMatch` per occurrence).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.extensions import doc_text
from extract.sections import inline_marks, split_sections
from extract.skills import load_taxonomy, resolve_candidates


class SkillsComponent:
    """Resolve skill candidates into skill matches."""

    def __init__(
        self, nlp: Language, name: str, candidates_key: str, spans_key: str, taxonomy_path: str | None
    ):
        self.name = name
        self.candidates_key = candidates_key
        self.spans_key = spans_key
        self.taxonomy = load_taxonomy(taxonomy_path)

    def __call__(self, doc: Doc) -> Doc:
        candidates = doc.spans.get(self.candidates_key, [])
        text = doc_text(doc)
        # Without jobpulse_sections upstream, work the sections out here.
        ext = doc._
        sections = ext.sections if ext.sections is not None else split_sections(text)
        marks = ext.section_marks if ext.section_marks is not None else inline_marks(text)
        resolved = resolve_candidates(doc, candidates, self.taxonomy, sections, marks, text=text)
        doc.spans[self.spans_key] = [span for span, _ in resolved]
        ext.skill_matches = [match for _, match in resolved]
        return doc


@Language.factory(
    "jobpulse_skills",
    default_config={"candidates_key": "skill_candidates", "spans_key": "skills", "taxonomy_path": None},
)
def make_skills(
    nlp: Language, name: str, candidates_key: str, spans_key: str, taxonomy_path: str | None
) -> SkillsComponent:
    return SkillsComponent(nlp, name, candidates_key, spans_key, taxonomy_path)
