"""What the jobpulse components share on a Doc: its extension attributes, registered once, and its text.

``doc._.raw`` is the ``RawPosting`` the Doc was made from (set by ``extract.analyze``); ``jobpulse_sections``
sets ``sections`` and ``section_marks``, ``jobpulse_skills`` sets ``skill_matches``, and the per-posting
field components set one attribute each (``seniority``, ``role``, ``function`` and ``occupation``, ``salary``, ``posted``,
``remote``, ``ai`` and ``llm_focused``).
"""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = (
    "raw",
    "sections",
    "section_marks",
    "skill_matches",
    "seniority",
    "role",
    "function",
    "occupation",
    "salary",
    "posted",
    "remote",
    "ai",
    "llm_focused",
)
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_TEXT_KEY = "jobpulse.text"  # doc.user_data key holding the Doc's text


def set_doc_text(doc: Doc, text: str) -> None:
    """Record ``text``, the string ``doc`` was made from (the tokenizer guarantees it equals ``doc.text``)."""
    doc.user_data[_TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """The Doc's text. ``doc.text`` rebuilds the string from every token (as slow as a third of tokenizing),
    so it is read once per Doc, or not at all when the Doc's maker recorded it (:func:`set_doc_text`)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)
