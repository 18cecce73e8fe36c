"""spaCy component ``jobpulse_sections``: the posting's sections and inline cues on the Doc.

Sets ``doc._.sections`` (list of :class:`extract.sections.Section`) and ``doc._.section_marks`` (list of
:class:`extract.sections.Mark`), which later components read to weigh what they find.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.extensions import doc_text
from extract.sections import inline_marks, split_sections


class SectionsComponent:
    """Find headings and inline cues in the text; set them as Doc extensions."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ext = doc._
        ext.sections = split_sections(text)
        ext.section_marks = inline_marks(text)
        return doc


@Language.factory("jobpulse_sections")
def make_sections(nlp: Language, name: str) -> SectionsComponent:
    return SectionsComponent(nlp, name)
