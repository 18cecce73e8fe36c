"""spaCy components for the per-posting fields: seniority, role and function, pay, date, work arrangement, AI.

Each reads the ``RawPosting`` that ``extract.analyze`` puts on ``doc._.raw`` (title, structured fields,
fetch time), calls one pure parser, and writes one extension attribute. The parsers hold the rules;
these stay thin so the rules can be tested without spaCy.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.ai_level import classify_ai
from extract.components.extensions import doc_text
from extract.dates import find_posted_in_text, parse_posted
from extract.posting_roles import classify_posting
from extract.remote import detect_remote
from extract.salary import find_salary
from extract.seniority import infer_seniority


@Language.component("jobpulse_seniority")
def seniority_component(doc: Doc) -> Doc:
    ext = doc._  # each ``doc._`` builds a new accessor object: one per component and Doc
    raw = ext.raw
    occupation = ext.occupation  # jobpulse_role runs first
    ext.seniority = infer_seniority(
        raw.title if raw else "",
        doc_text(doc),
        raw.seniority_hint if raw else None,
        job_zone=occupation.job_zone if occupation else None,
    )
    return doc


@Language.component("jobpulse_role")
def role_component(doc: Doc) -> Doc:
    ext = doc._
    raw = ext.raw
    result = classify_posting(
        raw.title if raw else "",
        raw.department if raw else None,
        doc_text(doc),
        raw.industry if raw else None,
    )
    ext.role, ext.function, ext.occupation = result.role, result.function, result.occupation
    return doc


@Language.component("jobpulse_salary")
def salary_component(doc: Doc) -> Doc:
    """A structured pay field wins; then the description; then the rest of the page (a facts list).

    Pay the employer withheld from the public posting (kept, flagged) gives way to pay the posting's own
    text states: that pay is disclosed. A figure the text writes without a currency takes the currency of
    the posting's location ("Leeds, UK" -> GBP).
    """
    ext = doc._
    raw = ext.raw
    structured = raw.salary if raw else None
    salary = structured if structured is not None and not structured.withheld else None
    location = raw.location if raw else None  # a figure without a currency is in the place's currency
    if salary is None:
        salary = find_salary(doc_text(doc), location=location)
    if salary is None and raw is not None and raw.page_text:
        salary = find_salary(raw.page_text, location=location)
    ext.salary = salary or structured
    return doc


@Language.component("jobpulse_posted")
def posted_component(doc: Doc) -> Doc:
    ext = doc._
    raw = ext.raw
    if raw is None:
        return doc
    posted = parse_posted(raw.posted, raw.fetched_at) if raw.posted else None
    ext.posted = posted or find_posted_in_text(doc_text(doc), raw.fetched_at)
    return doc


@Language.component("jobpulse_remote")
def remote_component(doc: Doc) -> Doc:
    ext = doc._
    raw = ext.raw
    text = f"{doc_text(doc)}\n{raw.page_text}" if raw is not None and raw.page_text else doc_text(doc)
    ext.remote = detect_remote(text, raw.remote_hint if raw else None, raw.location if raw else None)
    return doc


@Language.component("jobpulse_ai")
def ai_component(doc: Doc) -> Doc:
    ext = doc._
    raw = ext.raw
    ext.ai, ext.llm_focused = classify_ai(
        raw.title if raw else "",
        doc_text(doc),
        ext.skill_matches or [],
        sections=ext.sections,  # from jobpulse_sections, over the same text
        marks=ext.section_marks,
    )
    return doc


POSTING_FIELD_PIPES = (
    "jobpulse_role",  # before seniority: a silent posting's level follows its occupation
    "jobpulse_seniority",
    "jobpulse_salary",
    "jobpulse_posted",
    "jobpulse_remote",
    "jobpulse_ai",
)
