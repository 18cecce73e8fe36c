"""The pipeline's tokenizer remembers its affix searches without changing a token."""

from __future__ import annotations

import pickle
import re

import pytest
import spacy

from extract import pipeline
from extract.pipeline import build_nlp

TEXTS = [
    "Hello, world (e.g. C++). Python/Go; 5+ years' experience in C. See https://example.test/jobs?id=1.",
    "Nice-to-have: Node.js, CI/CD — \u201cgreat\u201d pay: $120k–$150k/yr (e.g. bonus).",
    "x" * 150 + ".",  # longer than what is remembered
]


@pytest.mark.parametrize("text", TEXTS)
def test_pipeline_tokenizer_splits_as_without_memory(text: str) -> None:
    nlp = build_nlp()
    plain = spacy.blank("en").tokenizer
    plain.suffix_search = nlp.tokenizer.suffix_search.search
    plain.rules = nlp.tokenizer.rules
    expected = [(t.text, t.whitespace_) for t in plain(text)]
    for _ in range(2):  # the second time from what was remembered
        assert [(t.text, t.whitespace_) for t in nlp.make_doc(text)] == expected


def test_pipeline_remembered_search_answers_as_the_search() -> None:
    pattern = re.compile(r"-|\.$")
    search = pipeline._Remembered(pattern.search)
    finditer = pipeline._Remembered(pattern.finditer, many=True)
    for string in ("a-b.", "a-b.", "ab", "-" * 200):
        found, expected = search(string), pattern.search(string)
        assert (found.span() if found else None) == (expected.span() if expected else None)
        assert [m.span() for m in finditer(string)] == [m.span() for m in pattern.finditer(string)]
    assert set(search.kept) == {"a-b.", "ab"}  # a long string is searched, not kept
    assert search.__self__ is pattern  # spaCy reads the pattern to serialize the tokenizer
    assert pickle.loads(pickle.dumps(search))("a-b").span() == (1, 2)
