"""What the components share on a Doc: its extension attributes and its text, read once."""

from __future__ import annotations

import pytest
import spacy

from extract.components.extensions import EXTENSIONS, doc_text, set_doc_text


@pytest.mark.parametrize("text", ["Python and SQL.", "", "  spaced  out \n"])
def test_doc_text_is_the_doc_text_and_kept(text: str) -> None:
    doc = spacy.blank("en").make_doc(text)
    assert doc_text(doc) == doc.text == text
    assert doc.user_data  # kept for the next component


@pytest.mark.parametrize("text", ["Python and SQL.", ""])
def test_doc_text_is_what_its_maker_recorded(text: str) -> None:
    doc = spacy.blank("en").make_doc(text)
    set_doc_text(doc, text)
    assert doc_text(doc) == text


@pytest.mark.parametrize("name", EXTENSIONS)
def test_extensions_registered_unset(name: str) -> None:
    assert getattr(spacy.blank("en").make_doc("x")._, name) is None
