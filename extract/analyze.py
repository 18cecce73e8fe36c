"""RawPosting → Posting: run the spaCy pipeline over a batch and collect what its components found."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.extensions import set_doc_text
from extract.model import Posting, RawPosting

# Real postings are under ~30,000 characters; a multi-megabyte "description" is a whole page or junk.
# Only its start is read (offsets stay valid: it is a prefix), the stored description is kept whole.
MAX_ANALYZED_CHARS = 200_000


def make_doc(raw: RawPosting, nlp: Language) -> Doc:
    """The tokenized description with its RawPosting, ready for the pipeline's components."""
    text = raw.description[:MAX_ANALYZED_CHARS]
    doc = nlp.make_doc(text)
    doc._.raw = raw
    # The components read the string the Doc was made from instead of rebuilding it from the tokens.
    set_doc_text(doc, text)
    return doc


def _batches(raws: Iterable[RawPosting], size: int) -> Iterator[list[RawPosting]]:
    it = iter(raws)
    while batch := list(islice(it, size)):
        yield batch


def analyze(raws: Iterable[RawPosting], nlp: Language, batch_size: int = 128) -> Iterator[Posting]:
    """One Posting per RawPosting, in order."""
    for batch in _batches(raws, batch_size):
        docs = [make_doc(raw, nlp) for raw in batch]
        # Each component runs over the whole batch before the next starts, as Language.__call__ runs them
        # on one doc. nlp.pipe chains plain function components doc by doc instead, which measured 25%
        # slower: every component's patterns and tables are evicted from the CPU caches by the others'.
        # Batches stay small: a board page can hold thousands of postings, and holding all their Docs at
        # once made memory grow with the size of the largest page.
        for _, component in nlp.pipeline:
            docs = [component(doc) for doc in docs]
        for doc in docs:
            ext = doc._  # each ``doc._`` builds a new accessor object: one per Doc
            yield Posting(
                raw=ext.raw,
                role=ext.role,
                function=ext.function,
                occupation=ext.occupation,
                seniority=ext.seniority,
                ai=ext.ai or "none",
                llm_focused=bool(ext.llm_focused),
                remote=ext.remote,
                posted=ext.posted,
                salary=ext.salary,
                skills=list(ext.skill_matches or []),
            )
