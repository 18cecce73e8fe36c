"""RawPosting → Posting: run the spaCy pipeline over a batch and collect what its components found."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from extract.model import Posting, RawPosting

# Real postings are under ~30,000 characters; a multi-megabyte "description" is a whole page or junk.
# Only its start is read (offsets stay valid: it is a prefix), the stored description is kept whole.
MAX_ANALYZED_CHARS = 200_000


def analyze(raws: Iterable[RawPosting], nlp: Language, batch_size: int = 64) -> Iterator[Posting]:
    """One Posting per RawPosting, in order."""
    docs = []
    for raw in raws:
        doc = nlp.make_doc(raw.description[:MAX_ANALYZED_CHARS])
        doc._.raw = raw
        docs.append(doc)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield Posting(
            raw=doc._.raw,
            role=doc._.role,
            function=doc._.function,
            seniority=doc._.seniority,
            ai=doc._.ai or "none",
            llm_focused=bool(doc._.llm_focused),
            remote=doc._.remote,
            posted=doc._.posted,
            salary=doc._.salary,
            skills=list(doc._.skill_matches or []),
        )
