"""spaCy component ``jobpulse_sections``: the posting's sections and inline cues on the Doc.

Sets ``doc._.sections`` (list of :class:`extract.sections.Section`) and ``doc._.section_marks`` (list of
:class:`extract.sections.Mark`), which later components read to weigh what they find.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.sections import inline_marks, split_sections

TEXT_KEY = "jobpulse.text"  # doc.user_data key holding doc.text for later components

if not Doc.has_extension("sections"):
    Doc.set_extension("sections", default=None)
if not Doc.has_extension("section_marks"):
    Doc.set_extension("section_marks", default=None)


class SectionsComponent:
    """Find headings and inline cues in the text; set them as Doc extensions."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # Doc.text joins every token on each call: read it once (or take the string extract.analyze
        # made the Doc from) and share it with the later components.
        text = doc.user_data.get(TEXT_KEY)
        if text is None:
            text = doc.user_data[TEXT_KEY] = doc.text
        doc._.sections = split_sections(text)
        doc._.section_marks = inline_marks(text)
        return doc


@Language.factory("jobpulse_sections")
def make_sections(nlp: Language, name: str) -> SectionsComponent:
    return SectionsComponent(nlp, name)
